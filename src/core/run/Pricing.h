#pragma once

#include "model/AuditSpec.h"
#include "spec/PromptPlanner.h"

#include <optional>

namespace geo {

// What a model costs in USD per million tokens, and what a plan is likely to cost.
class Pricing final
{
public:
    // The spec's own price for the engine, else the built-in table's longest match for its
    // model; none for recorded engines (nothing is paid) or unknown models.
    static std::optional<Price> priceFor(const EngineSpec &engine);
    static double cost(const Price &price, qint64 tokensIn, qint64 tokensOut);

    // A prompt's input tokens, roughly (about four characters a token, plus the message frame).
    static int estimateInputTokens(const QString &prompt);
    // The answers engines give these prompts run to about this many tokens.
    static constexpr int EstimatedOutputTokens = 600;

    struct Estimate
    {
        qint64 tokensIn = 0;
        qint64 tokensOut = 0;
        double costUsd = 0.0;
        QStringList unpriced; // engines whose model has no known price
    };
    static Estimate estimate(const AuditSpec &spec, const Plan &plan);
};

} // namespace geo
