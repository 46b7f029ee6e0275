#pragma once

#include "model/Scores.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace geo {

// Each engine's citations by source type, a row for all prompts and one per engine: the
// count, then each type's share. Numbers show as text; Qt::UserRole holds the value to sort by.
class SourceMixModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceMixModel)
public:
    enum Column { Engine, Citations, FirstType, ColumnCount = FirstType + SourceTypeCount };

    using QAbstractTableModel::QAbstractTableModel;

    // The "all" cut and the "engine=" cuts of the scores, in their order; the others are left out.
    void setCuts(const QList<CutScores> &cuts);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<std::pair<QString, SourceMix>> m_rows;
};

} // namespace geo
