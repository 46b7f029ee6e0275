#pragma once

#include "model/RunStats.h"

#include <QAbstractTableModel>
#include <optional>

namespace geo {

// The run's counters as the monitor page lists them beside its bars: a row per counter,
// one column, its text for display (and for Qt::EditRole, which QDataWidgetMapper gives
// the labels) and its raw value under Qt::UserRole. Fed the newest RunStats as progress
// comes; "–" everywhere until the first.
class RunCountersModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunCountersModel)
public:
    enum Counter {
        Asked,
        Answered,
        Analysed,
        Failed,
        InFlight,
        Retrying,
        Rate,
        Latency,
        Elapsed,
        Cost,
        Sites,
        CounterCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setStats(const RunStats &stats);
    // Back to "–", for a new run.
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString text(Counter counter) const;
    QVariant value(Counter counter) const;

    std::optional<RunStats> m_stats;
};

} // namespace geo
