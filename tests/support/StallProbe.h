#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace geo {

// Measures how long the event loop of the thread it lives in goes without turning: a
// precise timer ticks every few milliseconds and each tick notes the wall time since the
// previous one and the thread's own CPU time in it. The first is what a user sees; on a
// loaded machine it includes time spent waiting for a core, which the second leaves out.
class StallProbe final : public QObject
{
    Q_OBJECT
public:
    explicit StallProbe(int intervalMs = 5, QObject *parent = nullptr);

    void start();
    void stop();

    qint64 elapsedMs() const { return m_clock.elapsed(); }
    int ticks() const { return m_ticks; }
    qint64 worstGapMs() const { return m_worstGapMs; }
    double worstCpuMs() const { return double(m_worstCpuUs) / 1000.0; }
    // "worst gap 21 ms wall, 12.5 ms of GUI-thread CPU (1810 ticks of a 5 ms timer in 19390 ms, load average 3.7)"
    QString summary() const;

    static qint64 threadCpuUs();
    static double loadAverage();

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastMs = -1;
    qint64 m_lastCpuUs = 0;
    qint64 m_worstGapMs = 0;
    qint64 m_worstCpuUs = 0;
    int m_ticks = 0;
};

} // namespace geo
