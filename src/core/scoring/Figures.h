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

} // namespace geo
