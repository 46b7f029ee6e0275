#include "ReadinessChecksModel.h"

namespace geo {

using namespace Qt::StringLiterals;

void ReadinessChecksModel::setRows(const QList<ReadinessCheck> &checks)
{
    beginResetModel();
    m_checks = checks;
    endResetModel();
}

int ReadinessChecksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_checks.size());
}

int ReadinessChecksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReadinessChecksModel::text(const ReadinessCheck &c, int column) const
{
    switch (column) {
    case Group:
        return c.group;
    case Check:
        return c.name;
    case Result:
        return ReadinessCheck::statusName(c.status);
    case Points:
        return c.maxPoints > 0 ? tr("%1 of %2").arg(c.points).arg(c.maxPoints) : u"–"_s;
    case Evidence:
        return c.evidence;
    default:
        return {};
    }
}

QVariant ReadinessChecksModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_checks.size())
        return {};
    const ReadinessCheck &c = m_checks[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return text(c, index.column());
    case Qt::UserRole:
        if (index.column() == Result)
            return int(c.status);
        if (index.column() == Points)
            return c.maxPoints > 0 ? c.points : -1;
        return text(c, index.column());
    default:
        return {};
    }
}

QVariant ReadinessChecksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Group:
        return tr("Group");
    case Check:
        return tr("Check");
    case Result:
        return tr("Result");
    case Points:
        return tr("Points");
    case Evidence:
        return tr("Evidence");
    default:
        return {};
    }
}

} // namespace geo
