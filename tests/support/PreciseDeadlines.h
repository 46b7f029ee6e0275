#pragma once

#include <QObject>

#include <functional>
#include <map>

class QSocketNotifier;

// Calls functions at deadlines on the monotonic clock, to the microsecond, on the thread it
// lives in (a timerfd watched by the event loop). A QTimer's wait is rounded up to the
// millisecond by the event loop: the fake engine's answers came half a millisecond late on
// average, which the benchmarks charged to the product.
class PreciseDeadlines final : public QObject
{
public:
    explicit PreciseDeadlines(QObject *parent = nullptr);
    ~PreciseDeadlines() override;

    // Nanoseconds on the monotonic clock (CLOCK_MONOTONIC).
    static qint64 nowNs();
    // Calls f once deadlineNs has come: on a later turn of the event loop, never in this call.
    void at(qint64 deadlineNs, std::function<void()> f);

private:
    void fire();
    void arm();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    std::multimap<qint64, std::function<void()>> m_due;
};
