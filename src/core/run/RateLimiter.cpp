#include "RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace geo {

RateLimiter::RateLimiter(double perMinute, double burst)
    : m_perMinute(perMinute), m_burst(std::max(1.0, burst)), m_tokens(m_burst)
{ }

void RateLimiter::refill(qint64 nowMs)
{
    if (m_lastMs >= 0 && nowMs > m_lastMs)
        m_tokens = std::min(m_burst, m_tokens + double(nowMs - m_lastMs) * m_perMinute / 60000.0);
    if (nowMs > m_lastMs)
        m_lastMs = nowMs;
}

qint64 RateLimiter::waitMs(qint64 nowMs, double cost)
{
    if (!limited())
        return 0;
    refill(nowMs);
    const double needed = std::min(cost, m_burst) - m_tokens;
    return needed <= 0 ? 0 : qint64(std::ceil(needed * 60000.0 / m_perMinute));
}

void RateLimiter::take(qint64 nowMs, double cost)
{
    if (!limited())
        return;
    refill(nowMs);
    m_tokens = std::min(m_burst, m_tokens - cost); // a negative cost refunds an overcharge
}

} // namespace geo
