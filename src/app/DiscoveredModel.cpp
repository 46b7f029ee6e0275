#include "DiscoveredModel.h"

namespace geo {

using namespace Qt::StringLiterals;

void DiscoveredModel::setRows(const QList<DiscoveredBrand> &brands)
{
    beginResetModel();
    m_brands = brands;
    endResetModel();
}

int DiscoveredModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_brands.size());
}

int DiscoveredModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiscoveredModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_brands.size() || (role != Qt::DisplayRole && role != Qt::UserRole))
        return {};
    const DiscoveredBrand &d = m_brands[index.row()];
    switch (index.column()) {
    case Brand:
        return d.name;
    case Answers:
        return role == Qt::UserRole ? QVariant(d.answers) : QVariant(QString::number(d.answers));
    case Engines:
        return d.engines.join(u", "_s);
    default:
        return {};
    }
}

QVariant DiscoveredModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Brand:
        return tr("Brand");
    case Answers:
        return tr("Answers naming it");
    case Engines:
        return tr("Engines");
    default:
        return {};
    }
}

} // namespace geo
