#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace geo {

// The run figures of docs/metrics.md at one moment, as the views show them.
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
    int sitesPlanned = 0;   // domains to inspect: cited ones and the tracked brands' own
    int sitesInspected = 0; // reports in, reachable or not
    int sitesUnreachable = 0;
    int siteCacheHits = 0; // asks answered by a report already fetched or being fetched
    int sitesReused = 0;   // reports taken from an earlier audit, still within their time to live
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

} // namespace geo

Q_DECLARE_METATYPE(geo::RunStats)
