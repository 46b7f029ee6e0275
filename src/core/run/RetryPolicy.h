#pragma once

#include "engines/Engine.h"

#include <QRandomGenerator>

namespace geo {

// When to ask again after a failure: transient failures (429, 5xx, timeouts, broken
// connections) are retried with exponential backoff and full jitter, honouring the
// server's Retry-After; permanent ones never.
class RetryPolicy final
{
public:
    int maxAttempts = 5;
    int baseMs = 1000;
    int capMs = 60000;

    bool shouldRetry(const EngineReply &reply, int attempts) const;
    // The wait after the given number of failed attempts (1 after the first failure).
    int delayMs(int failedAttempts, int retryAfterMs, QRandomGenerator &random) const;
};

} // namespace geo
