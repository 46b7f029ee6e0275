#include "CitationsModel.h"

namespace geo {

void CitationsModel::setRows(const QStringList &brands, const QList<DomainScore> &domains)
{
    beginResetModel();
    m_brands = brands;
    m_domains = domains;
    endResetModel();
}

int CitationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_domains.size());
}

int CitationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CitationsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_domains.size() || (role != Qt::DisplayRole && role != Qt::UserRole))
        return {};
    const DomainScore &d = m_domains[index.row()];
    const bool sortValue = role == Qt::UserRole;
    switch (index.column()) {
    case Domain:
        return d.domain;
    case Owner:
        return d.owner >= 0 ? m_brands.value(d.owner) : tr("third party");
    case Citations:
        return sortValue ? QVariant(d.citations) : QVariant(QString::number(d.citations));
    case Readiness:
        if (sortValue)
            return d.readiness.value_or(-1); // the uninspected below the worst inspected
        return d.readiness ? QString::number(*d.readiness) : tr("not inspected");
    default:
        return {};
    }
}

QVariant CitationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Domain:
        return tr("Domain");
    case Owner:
        return tr("Owner");
    case Citations:
        return tr("Citations");
    case Readiness:
        return tr("GEO readiness");
    default:
        return {};
    }
}

} // namespace geo
