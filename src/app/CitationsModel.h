#pragma once

#include "model/Scores.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace geo {

// The domains one cut of the scores cites, a row each, in the scores' order (most cited
// first). Numbers show as text; Qt::UserRole holds the value to sort by.
class CitationsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CitationsModel)
public:
    enum Column { Domain, Owner, Citations, Readiness, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    // brands names the owners: DomainScore::owner indexes them, audited brand first.
    void setRows(const QStringList &brands, const QList<DomainScore> &domains);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QStringList m_brands;
    QList<DomainScore> m_domains;
};

} // namespace geo
