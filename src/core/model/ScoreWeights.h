#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace geo {

// The weights of the visibility score (docs/metrics.md): 100 · (v·V + s·SoV + r·R + t·S).
// They are settings of the audit (spec key scoring.weights) and add up to 1.
struct ScoreWeights
{
    double visibility = 0.35;
    double shareOfVoice = 0.25;
    double top3Rate = 0.20;
    double sentiment = 0.20;

    // Each weight by its key in the spec ("visibility", "share_of_voice", ...).
    static const QList<std::pair<QString, double ScoreWeights::*>> &keys();

    QJsonObject toJson() const;
    // Keys missing from a stored spec keep their defaults; SpecReader validates new specs.
    static ScoreWeights fromJson(const QJsonObject &weights);
    // "100 × (0.35·V + 0.25·SoV + 0.20·R + 0.20·S)", printed beside the score.
    QString formula() const;

    bool operator==(const ScoreWeights &) const = default;
};

} // namespace geo
