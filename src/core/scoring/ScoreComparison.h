#pragma once

#include "Figures.h"
#include "model/Scores.h"

#include <QList>
#include <QString>

#include <optional>

namespace geo {

struct FigureChange
{
    QString figure;
    std::optional<double> value;
    std::optional<double> previous; // n/a when the previous audit has no such figure
    std::optional<double> change;   // value - previous, when both are known
};

// One brand in one cut, against the same brand (by name) in the same cut of another audit.
struct BrandChange
{
    QString cut;
    int brand = 0; // index into the current audit's brands
    // Whether the two visibility Wilson intervals overlap: a change within the noise of
    // sampling. n/a when either audit has no interval.
    std::optional<bool> intervalsOverlap;
    QList<FigureChange> figures;
};

// Compares an audit's figures with those of an earlier audit: the previous audit of its
// series, or the same audit before a rescore.
class ScoreComparison final
{
public:
    // previous may be null: every figure then has no previous value.
    static QList<BrandChange> compare(const AuditScores &current, const AuditScores *previous);
    static bool overlap(const Interval &a, const Interval &b);
};

} // namespace geo
