#include "RetryPolicy.h"

#include <algorithm>

namespace geo {

bool RetryPolicy::shouldRetry(const EngineReply &reply, int attempts) const
{
    return reply.outcome == EngineReply::Outcome::TransientFailure && attempts < maxAttempts;
}

int RetryPolicy::delayMs(int failedAttempts, int retryAfterMs, QRandomGenerator &random) const
{
    if (retryAfterMs >= 0)
        return retryAfterMs;
    const qint64 ceiling = std::min<qint64>(capMs, qint64(baseMs) << std::clamp(failedAttempts - 1, 0, 20));
    return int(random.bounded(ceiling + 1));
}

} // namespace geo
