#pragma once

#include "model/Scores.h"

#include <QAbstractTableModel>

namespace geo {

// The brands the answers recommend that are not tracked, a row each, most named first (as the
// scores give them), their products in a column and its tooltip. Numbers show as text;
// Qt::UserRole holds the value to sort by.
class DiscoveredModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscoveredModel)
public:
    enum Column { Brand, Products, Answers, Share, BestRank, Engines, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<DiscoveredBrand> &brands);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<DiscoveredBrand> m_brands;
};

} // namespace geo
