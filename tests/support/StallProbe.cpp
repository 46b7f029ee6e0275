#include "StallProbe.h"

#include <cstdlib> // getloadavg
#include <ctime>   // clock_gettime

namespace geo {

using namespace Qt::StringLiterals;

StallProbe::StallProbe(int intervalMs, QObject *parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallProbe::tick);
}

void StallProbe::start()
{
    m_lastMs = -1;
    m_worstGapMs = m_worstCpuUs = 0;
    m_ticks = 0;
    m_clock.start();
    m_timer.start();
}

void StallProbe::stop()
{
    m_timer.stop();
}

void StallProbe::tick()
{
    const qint64 now = m_clock.elapsed();
    const qint64 cpu = threadCpuUs();
    if (m_lastMs >= 0) {
        m_worstGapMs = std::max(m_worstGapMs, now - m_lastMs);
        m_worstCpuUs = std::max(m_worstCpuUs, cpu - m_lastCpuUs);
    }
    m_lastMs = now;
    m_lastCpuUs = cpu;
    ++m_ticks;
}

QString StallProbe::summary() const
{
    return u"worst gap %1 ms wall, %2 ms of the thread's own CPU time (%3 ticks of a %4 ms timer in %5 ms, load "
           "average %6)"_s.arg(m_worstGapMs)
               .arg(worstCpuMs(), 0, 'f', 1)
               .arg(m_ticks)
               .arg(m_timer.interval())
               .arg(elapsedMs())
               .arg(loadAverage(), 0, 'f', 1);
}

qint64 StallProbe::threadCpuUs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000 + t.tv_nsec / 1000;
}

double StallProbe::loadAverage()
{
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : 0.0;
}

} // namespace geo
