#include "RunStatsTracker.h"

#include <algorithm>

namespace geo {

void RunStatsTracker::start(int planned)
{
    m_stats = RunStats{};
    m_stats.planned = planned;
    m_restoredAnswered = 0;
    m_restoredAnalysed = 0;
    m_answerTimes.clear();
    m_analysisTimes.clear();
    m_latencies.clear();
    m_clock.start();
}

void RunStatsTracker::restore(int answered, int analysed, int failed, double costUsd)
{
    m_stats.costUsd = costUsd;
    m_stats.answered = answered;
    m_stats.analysed = analysed;
    m_stats.failed = failed;
    m_restoredAnswered = answered;
    m_restoredAnalysed = analysed;
}

void RunStatsTracker::unasked()
{
    --m_stats.inFlight;
}

void RunStatsTracker::asked()
{
    ++m_stats.asked;
    ++m_stats.inFlight;
}

void RunStatsTracker::answered(int latencyMs, int tokensIn, int tokensOut, double costUsd)
{
    m_stats.costUsd += costUsd;
    ++m_stats.answered;
    --m_stats.inFlight;
    m_stats.tokensIn += tokensIn;
    m_stats.tokensOut += tokensOut;
    m_latencies.append(latencyMs);
    m_answerTimes.push_back(m_clock.elapsed());
}

void RunStatsTracker::analysed()
{
    ++m_stats.analysed;
    m_analysisTimes.push_back(m_clock.elapsed());
}

void RunStatsTracker::failed(bool wasInFlight)
{
    ++m_stats.failed;
    if (wasInFlight)
        --m_stats.inFlight;
}

void RunStatsTracker::retrying()
{
    --m_stats.inFlight;
    ++m_stats.retrying;
}

void RunStatsTracker::retried()
{
    --m_stats.retrying;
    ++m_stats.retries;
}

void RunStatsTracker::siteAsked()
{
    ++m_stats.sitesPlanned;
}

void RunStatsTracker::siteInspected(bool reachable)
{
    ++m_stats.sitesInspected;
    m_stats.sitesUnreachable += reachable ? 0 : 1;
}

void RunStatsTracker::siteCache(int cacheHits, int reused)
{
    m_stats.siteCacheHits = cacheHits;
    m_stats.sitesReused = reused;
}

void RunStatsTracker::finish()
{
    m_stats.finished = true;
    m_stats.elapsedMs = m_clock.elapsed();
}

void RunStatsTracker::trim(std::deque<qint64> &events, qint64 now) const
{
    while (!events.empty() && events.front() < now - WindowMs)
        events.pop_front();
}

RunStats RunStatsTracker::snapshot() const
{
    RunStats s = m_stats;
    if (!s.finished)
        s.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    const qint64 now = s.elapsedMs;
    trim(m_answerTimes, now);
    trim(m_analysisTimes, now);
    const double window = std::clamp(double(now), 1.0, double(WindowMs)) / 1000.0;
    s.answersPerSecond = double(m_answerTimes.size()) / window;
    s.analysesPerSecond = double(m_analysisTimes.size()) / window;
    const double seconds = std::max(1.0, double(now)) / 1000.0;
    s.answersPerSecondOverall = (s.answered - m_restoredAnswered) / seconds;
    s.analysesPerSecondOverall = (s.analysed - m_restoredAnalysed) / seconds;
    s.latencyP50Ms = percentile(m_latencies, 0.50);
    s.latencyP95Ms = percentile(m_latencies, 0.95);
    return s;
}

} // namespace geo
