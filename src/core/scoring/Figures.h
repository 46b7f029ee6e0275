#pragma once

#include "Scorer.h"

#include <QList>
#include <QString>

#include <optional>

namespace geo {

// One per-brand figure by its exported name ("visibility", "share_of_voice", ...); counts
// are figures too. std::nullopt is n/a.
struct Figure
{
    QString name;
    std::optional<double> value;
};

// Every figure of a brand in a cut, in the documented order (docs/csv-format.md).
QList<Figure> figures(const BrandScore &score);
// The citations of a source mix as `total` (their count), then source_share_TYPE of each type.
QList<Figure> sourceFigures(const SourceMix &mix, const QString &total);

} // namespace geo
