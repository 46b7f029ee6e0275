#include "SourceMixModel.h"

namespace geo {

using namespace Qt::StringLiterals;

void SourceMixModel::setCuts(const QList<CutScores> &cuts)
{
    beginResetModel();
    m_rows.clear();
    for (const CutScores &c : cuts)
        if (c.cut == u"all"_s)
            m_rows.append({tr("All engines"), c.sources});
        else if (c.cut.startsWith(u"engine="_s))
            m_rows.append({c.cut.section(u'=', 1), c.sources});
    endResetModel();
}

int SourceMixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SourceMixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceMixModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || (role != Qt::DisplayRole && role != Qt::UserRole))
        return {};
    const auto &[engine, mix] = m_rows[index.row()];
    const bool sortValue = role == Qt::UserRole;
    if (index.column() == Engine)
        return engine;
    if (index.column() == Citations)
        return sortValue ? QVariant(mix.total()) : QVariant(QString::number(mix.total()));
    const auto share = mix.share(SourceType(index.column() - FirstType));
    if (sortValue)
        return share.value_or(-1.0);
    return share ? QString::number(100.0 * *share, 'f', 1) + u'%' : tr("n/a");
}

QVariant SourceMixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    if (section == Engine)
        return tr("Engine");
    if (section == Citations)
        return tr("Citations");
    return sourceTypeLabel(SourceType(section - FirstType));
}

} // namespace geo
