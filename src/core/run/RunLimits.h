#pragma once

#include <QtGlobal>

namespace geo {

// How big an audit may be and still start without asking: above either figure the CLI wants
// --yes and the app a confirmation, so that a spec of millions of answers is never run (and
// paid for) by accident. The figures are the answers left to ask and their estimated cost.
struct RunLimits
{
    static constexpr qint64 DefaultAnswers = 5000;
    static constexpr double DefaultCostUsd = 50.0;

    qint64 answers = DefaultAnswers;
    double costUsd = DefaultCostUsd;

    bool exceededBy(qint64 askedAnswers, double estimatedCostUsd) const
    {
        return askedAnswers > answers || estimatedCostUsd > costUsd;
    }
};

} // namespace geo
