#pragma once

#include "model/ScoreWeights.h"
#include "model/Scores.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace geo {

// The Wilson score interval of successes/n at z (95%: 1.96). n must be > 0.
Interval wilsonInterval(int successes, int n, double z = 1.96);

// Turns analysed answers into every cut's figures; a pure function of its inputs.
class Scorer final
{
public:
    // sites: the GEO readiness of each inspected registrable domain.
    explicit Scorer(int brandCount, const ScoreWeights &weights = {}, const SiteReadiness &sites = {});

    // Every cut: all, non-branded, branded, then each engine, category and topic.
    QList<CutScores> score(const QList<ScoredAnswer> &answers) const;
    CutScores scoreCut(const QString &cut, const QList<const ScoredAnswer *> &answers) const;

private:
    QList<DomainScore> domains(const QList<const ScoredAnswer *> &answers) const;

    int m_brandCount;
    ScoreWeights m_weights;
    SiteReadiness m_sites;
};

} // namespace geo
