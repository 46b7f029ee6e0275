#include "DiscoveredModel.h"

#include <limits>

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
    if (!index.isValid() || index.row() >= m_brands.size())
        return {};
    const DiscoveredBrand &d = m_brands[index.row()];
    if (role == Qt::ToolTipRole && index.column() == Products && !d.products.isEmpty())
        return d.products.join(u'\n');
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    const bool sortKey = role == Qt::UserRole;
    switch (index.column()) {
    case Brand:
        return d.name;
    case Products:
        return d.products.join(u", "_s);
    case Answers:
        return sortKey ? QVariant(d.answers) : QVariant(QString::number(d.answers));
    case Share:
        if (!d.mentionShare)
            return sortKey ? QVariant(-1.0) : QVariant(u"n/a"_s);
        return sortKey ? QVariant(*d.mentionShare) : QVariant(u"%1%"_s.arg(*d.mentionShare * 100.0, 0, 'f', 0));
    case BestRank:
        // Unranked sorts after every rank.
        if (!d.bestRank)
            return sortKey ? QVariant(std::numeric_limits<int>::max()) : QVariant(u"–"_s);
        return sortKey ? QVariant(*d.bestRank) : QVariant(QString::number(*d.bestRank));
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
    case Products:
        return tr("Products");
    case Answers:
        return tr("Answers naming it");
    case Share:
        return tr("Share of answers");
    case BestRank:
        return tr("Best rank");
    case Engines:
        return tr("Engines");
    default:
        return {};
    }
}

} // namespace geo
