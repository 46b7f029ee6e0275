#include "CitationsModel.h"

namespace geo {

void CitationsModel::setRows(const QStringList &brands, const QList<DomainScore> &domains)
{
    beginResetModel();
    m_brands = brands;
    m_domains = domains;
    endResetModel();
}

void CitationsModel::setOverrides(const SourceTypeOverrides &overrides)
{
    m_overrides = overrides;
    if (!m_domains.isEmpty())
        emit dataChanged(index(0, Type), index(rowCount() - 1, Type));
}

SourceType CitationsModel::typeOf(const DomainScore &d) const
{
    // A brand's domain is its own or a competitor's whatever the spec says of it.
    return d.owner < 0 ? m_overrides.value(d.domain, d.type) : d.type;
}

Qt::ItemFlags CitationsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Type && index.row() < m_domains.size() && m_domains[index.row()].owner < 0)
        f |= Qt::ItemIsEditable;
    return f;
}

bool CitationsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const auto type = sourceTypeFromName(value.toString());
    if (!type || !isOverridable(*type))
        return false;
    const QString domain = m_domains[index.row()].domain;
    m_overrides.insert(domain, *type);
    emit dataChanged(index, index);
    emit typeChosen(domain, *type);
    return true;
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
    if (!index.isValid() || index.row() >= m_domains.size())
        return {};
    const DomainScore &d = m_domains[index.row()];
    if (role == Qt::EditRole && index.column() == Type)
        return sourceTypeName(typeOf(d));
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    const bool sortValue = role == Qt::UserRole;
    switch (index.column()) {
    case Domain:
        return d.domain;
    case Owner:
        return d.owner >= 0 ? m_brands.value(d.owner) : tr("third party");
    case Type:
        return sortValue ? QVariant(int(typeOf(d))) : QVariant(sourceTypeLabel(typeOf(d)));
    case Citations:
        return sortValue ? QVariant(d.citations) : QVariant(QString::number(d.citations));
    case Readiness:
        if (sortValue)
            return d.readiness.value_or(d.unreachable ? -1 : -2); // below the worst inspected
        return d.readiness ? QString::number(*d.readiness) : d.unreachable ? tr("unreachable") : tr("not inspected");
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
    case Type:
        return tr("Type");
    case Citations:
        return tr("Citations");
    case Readiness:
        return tr("GEO readiness");
    default:
        return {};
    }
}

} // namespace geo
