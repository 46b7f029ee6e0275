#include "ScoreComparison.h"

namespace geo {

bool ScoreComparison::overlap(const Interval &a, const Interval &b)
{
    return a.low <= b.high && b.low <= a.high;
}

QList<BrandChange> ScoreComparison::compare(const AuditScores &current, const AuditScores *previous)
{
    QList<BrandChange> out;
    for (const CutScores &cut : current.cuts) {
        const CutScores *before = previous ? previous->cut(cut.cut) : nullptr;
        for (int b = 0; b < cut.brands.size(); ++b) {
            const BrandScore &now = cut.brands[b];
            const qsizetype was = previous ? previous->brands.indexOf(current.brands.value(b)) : -1;
            const BrandScore *then = before && was >= 0 && was < before->brands.size() ? &before->brands[was] : nullptr;
            BrandChange change{cut.cut, b, std::nullopt, {}};
            if (then && now.visibilityInterval && then->visibilityInterval)
                change.intervalsOverlap = overlap(*now.visibilityInterval, *then->visibilityInterval);
            const QList<Figure> thenFigures = then ? figures(*then) : QList<Figure>();
            const QList<Figure> nowFigures = figures(now);
            for (qsizetype f = 0; f < nowFigures.size(); ++f) {
                FigureChange c{nowFigures[f].name, nowFigures[f].value, std::nullopt, std::nullopt};
                if (then)
                    c.previous = thenFigures[f].value;
                if (c.value && c.previous)
                    c.change = *c.value - *c.previous;
                change.figures << c;
            }
            out << change;
        }
    }
    return out;
}

} // namespace geo
