#pragma once

#include "store/AuditRecords.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace geo {

// The sites an audit inspected, a row each, with their GEO readiness. The reports come
// from the store and the brands owning sites from the scores, each when it arrives, so
// the owners are named once both are in. Numbers show as text; Qt::UserRole holds the
// value to sort by.
class SitesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SitesModel)
public:
    enum Column { Site, Owner, Readiness, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<StoredSiteReport> &reports);
    // The tracked brands, audited first, that StoredSiteReport::owner indexes.
    void setBrands(const QStringList &brands);
    const SiteReport *report(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<StoredSiteReport> m_reports;
    QStringList m_brands;
};

} // namespace geo
