#include "RunCountersModel.h"

#include "Usd.h"

#include <QLocale>

namespace geo {

using namespace Qt::StringLiterals;

void RunCountersModel::setStats(const RunStats &stats)
{
    m_stats = stats;
    emit dataChanged(index(0, 0), index(CounterCount - 1, 0));
}

void RunCountersModel::clear()
{
    m_stats.reset();
    emit dataChanged(index(0, 0), index(CounterCount - 1, 0));
}

int RunCountersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : CounterCount;
}

int RunCountersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1;
}

QString RunCountersModel::text(Counter counter) const
{
    if (!m_stats)
        return u"–"_s;
    const RunStats &s = *m_stats;
    const QLocale locale;
    switch (counter) {
    case Asked:
        return locale.toString(s.asked);
    case Answered:
        return locale.toString(s.answered);
    case Analysed:
        return locale.toString(s.analysed);
    case Failed:
        return locale.toString(s.failed);
    case InFlight:
        return locale.toString(s.inFlight);
    case Retrying:
        return locale.toString(s.retrying);
    case Rate:
        return u"%1 / %2"_s.arg(locale.toString(s.answersPerSecond, 'f', 1),
                                locale.toString(s.answersPerSecondOverall, 'f', 1));
    case Latency: // none to measure before the first answer
        return s.answered > 0 ? u"%1 / %2 ms"_s.arg(locale.toString(s.latencyP50Ms), locale.toString(s.latencyP95Ms))
                              : u"–"_s;
    case Elapsed:
        return formatDuration(s.elapsedMs);
    case Cost:
        return formatUsd(s.costUsd);
    case Sites:
        return s.sitesPlanned == 0 ? u"–"_s
                                   : tr("%1 of %2 (%3 unreachable, %4 answered from the cache)")
                                         .arg(s.sitesInspected)
                                         .arg(s.sitesPlanned)
                                         .arg(s.sitesUnreachable)
                                         .arg(s.siteCacheHits);
    case CounterCount:
        break;
    }
    return {};
}

QVariant RunCountersModel::value(Counter counter) const
{
    if (!m_stats)
        return {};
    const RunStats &s = *m_stats;
    switch (counter) {
    case Asked:
        return s.asked;
    case Answered:
        return s.answered;
    case Analysed:
        return s.analysed;
    case Failed:
        return s.failed;
    case InFlight:
        return s.inFlight;
    case Retrying:
        return s.retrying;
    case Rate:
        return s.answersPerSecond;
    case Latency:
        return s.answered > 0 ? QVariant(s.latencyP50Ms) : QVariant();
    case Elapsed:
        return s.elapsedMs;
    case Cost:
        return s.costUsd;
    case Sites:
        return s.sitesInspected;
    case CounterCount:
        break;
    }
    return {};
}

QVariant RunCountersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= CounterCount || index.column() != 0)
        return {};
    const auto counter = Counter(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return text(counter);
    case Qt::UserRole:
        return value(counter);
    default:
        return {};
    }
}

QVariant RunCountersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return section == 0 ? tr("Value") : QVariant();
    switch (section) {
    case Asked:
        return tr("Asked");
    case Answered:
        return tr("Answered");
    case Analysed:
        return tr("Analysed");
    case Failed:
        return tr("Failed");
    case InFlight:
        return tr("In flight");
    case Retrying:
        return tr("Retrying");
    case Rate:
        return tr("Answers/s (last 10 s / overall)");
    case Latency:
        return tr("Latency p50 / p95");
    case Elapsed:
        return tr("Elapsed");
    case Cost:
        return tr("Cost so far");
    case Sites:
        return tr("Sites inspected");
    default:
        return {};
    }
}

} // namespace geo
