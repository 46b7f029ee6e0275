#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QMetaType>
#include <QString>

#include <deque>

namespace geo {

// The run figures of METRICS.md at one moment, as the views show them.
struct RunStats
{
    int planned = 0;
    int asked = 0;
    int answered = 0;
    int analysed = 0;
    int failed = 0;
    int inFlight = 0;
    int retrying = 0; // waiting out a backoff before being asked again
    int retries = 0;  // attempts beyond the first, so far
    qint64 elapsedMs = 0;
    double answersPerSecond = 0.0;  // over the last 10 s
    double analysesPerSecond = 0.0; // over the last 10 s
    double answersPerSecondOverall = 0.0;
    double analysesPerSecondOverall = 0.0;
    int latencyP50Ms = 0;
    int latencyP95Ms = 0;
    qint64 tokensIn = 0;
    qint64 tokensOut = 0;
    double costUsd = 0.0;
    int sitesPlanned = 0;     // domains to inspect: cited ones and the tracked brands' own
    int sitesInspected = 0;   // reports in, reachable or not
    int sitesUnreachable = 0;
    int siteCacheHits = 0;    // asks answered by a report already fetched or being fetched
    int sitesReused = 0;      // reports taken from an earlier audit, still within their time to live
    bool finished = false;

    int done() const { return analysed + failed; } // items that reached an end state
    // Time left at the recent rate of items reaching an end state (the overall rate until
    // there is a recent one); -1 while nothing has finished yet to judge by.
    qint64 etaMs() const;
};

// A duration as m:ss, or h:mm:ss from an hour on, as the run views show it.
QString formatDuration(qint64 ms);

// The value at fraction p (0..1) of the values in ascending order, nearest rank; 0 for none.
int percentile(QList<int> values, double p);

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
    void retried();               // the repeat is due
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

Q_DECLARE_METATYPE(geo::RunStats)
