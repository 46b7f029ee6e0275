#pragma once

#include <QtGlobal>

namespace geo {

// A token bucket: `perMinute` tokens a minute, at most `burst` saved up. Pure arithmetic on
// a clock the caller passes in, so tests can drive it.
class RateLimiter final
{
public:
    explicit RateLimiter(double perMinute = 0.0, double burst = 1.0);

    bool limited() const { return m_perMinute > 0; }
    // Milliseconds until `cost` tokens are available (0: now).
    qint64 waitMs(qint64 nowMs, double cost = 1.0);
    void take(qint64 nowMs, double cost = 1.0);

private:
    void refill(qint64 nowMs);

    double m_perMinute;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs = -1;
};

} // namespace geo
