#pragma once

#include "model/RunStats.h"

#include <QElapsedTimer>
#include <QList>

#include <deque>

namespace geo {

// Collects run events and turns them into RunStats. Lives on the runner's thread.
class RunStatsTracker final
{
public:
    void start(int planned);
    // Items a resumed audit had already answered, analysed or failed.
    void restore(int answered, int analysed, int failed, double costUsd);
    void asked();
    void unasked(); // an asked item went back to pending
    void answered(int latencyMs, int tokensIn, int tokensOut, double costUsd);
    void analysed();
    void failed(bool wasInFlight);
    void retrying(); // an attempt failed and will be repeated
    void retried();  // the repeat is due
    void siteAsked();
    void siteInspected(bool reachable);
    void siteCache(int cacheHits, int reused); // the inspector's counts so far
    void finish();

    RunStats snapshot() const;
    // The counts alone, without rates and percentiles: cheap enough for every event.
    const RunStats &counts() const { return m_stats; }

private:
    static constexpr qint64 WindowMs = 10000;
    void trim(std::deque<qint64> &events, qint64 now) const;

    RunStats m_stats;
    QElapsedTimer m_clock;
    mutable std::deque<qint64> m_answerTimes;
    mutable std::deque<qint64> m_analysisTimes;
    QList<int> m_latencies;
    int m_restoredAnswered = 0; // not this run's work, so not in its rates
    int m_restoredAnalysed = 0;
};

} // namespace geo
