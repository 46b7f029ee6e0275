#include "SitesModel.h"

namespace geo {

void SitesModel::setRows(const QList<StoredSiteReport> &reports)
{
    beginResetModel();
    m_reports = reports;
    endResetModel();
}

void SitesModel::setBrands(const QStringList &brands)
{
    m_brands = brands;
    // Only the owners change: a reset would drop the site the analyst has selected.
    if (!m_reports.isEmpty())
        emit dataChanged(index(0, Owner), index(rowCount() - 1, Owner));
}

const SiteReport *SitesModel::report(int row) const
{
    return row >= 0 && row < m_reports.size() ? &m_reports[row].report : nullptr;
}

int SitesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_reports.size());
}

int SitesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SitesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_reports.size() || (role != Qt::DisplayRole && role != Qt::UserRole))
        return {};
    const StoredSiteReport &s = m_reports[index.row()];
    switch (index.column()) {
    case Site:
        return s.report.domain;
    case Owner:
        return s.owner >= 0 ? m_brands.value(s.owner) : tr("third party");
    case Readiness:
        if (role == Qt::UserRole)
            return s.report.reachable() ? s.report.score : -1; // the unreachable below every score
        return s.report.reachable() ? QString::number(s.report.score) : tr("unreachable");
    default:
        return {};
    }
}

QVariant SitesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Site:
        return tr("Site");
    case Owner:
        return tr("Owner");
    case Readiness:
        return tr("GEO readiness");
    default:
        return {};
    }
}

} // namespace geo
