#include "PreciseDeadlines.h"

#include <QSocketNotifier>

#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>

PreciseDeadlines::PreciseDeadlines(QObject *parent)
    : QObject(parent), m_fd(timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC))
{
    Q_ASSERT(m_fd >= 0);
    m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &PreciseDeadlines::fire);
}

PreciseDeadlines::~PreciseDeadlines()
{
    delete m_notifier;
    ::close(m_fd);
}

qint64 PreciseDeadlines::nowNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

void PreciseDeadlines::at(qint64 deadlineNs, std::function<void()> f)
{
    m_due.emplace(deadlineNs, std::move(f));
    arm();
}

void PreciseDeadlines::fire()
{
    quint64 expirations = 0;
    [[maybe_unused]] const ssize_t got = ::read(m_fd, &expirations, sizeof expirations);
    const qint64 now = nowNs();
    while (!m_due.empty() && m_due.begin()->first <= now) {
        const std::function<void()> f = std::move(m_due.begin()->second);
        m_due.erase(m_due.begin());
        f();
    }
    arm();
}

void PreciseDeadlines::arm()
{
    // An absolute time already past fires at once; zero would disarm the timer instead.
    const qint64 next = m_due.empty() ? 0 : std::max<qint64>(m_due.begin()->first, 1);
    itimerspec when{};
    when.it_value.tv_sec = time_t(next / 1'000'000'000);
    when.it_value.tv_nsec = long(next % 1'000'000'000);
    timerfd_settime(m_fd, TFD_TIMER_ABSTIME, &when, nullptr);
}
