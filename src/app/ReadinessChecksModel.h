#pragma once

#include "sites/SiteReport.h"

#include <QAbstractTableModel>

namespace geo {

// The GEO readiness checks of one inspected site, a row each, with their evidence (also a
// cell's tool tip: evidence runs long). Points show as "3 of 5"; Qt::UserRole holds the
// value to sort by: the points (-1 for a check without points) and the result in the
// order pass, partial, fail, unknown.
class ReadinessChecksModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadinessChecksModel)
public:
    enum Column { Group, Check, Result, Points, Evidence, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<ReadinessCheck> &checks);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString text(const ReadinessCheck &check, int column) const;

    QList<ReadinessCheck> m_checks;
};

} // namespace geo
