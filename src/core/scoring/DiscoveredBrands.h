#pragma once

#include "model/Scores.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace geo {

// Groups the names an audit's answers recommend into brands (docs/metrics.md, "Discovered
// brands"): product names under their brand by their leading word ("Sonora QuietDrive 35",
// "Sonora Elite 45h" → Sonora), with case, accents and punctuation folded (KORVO/Korvo,
// De'Marco/DeMarco/De Marco). It needs every answer, so it is the scoring stage's.
namespace DiscoveredBrands {

// What names of one brand have in common: the leading word, joined with the next after a name
// particle ("De Marco", "Van Doren"), in lower case with letters and digits only.
QString brandKey(const QString &name);

// Most named first, then by name. Brands whose key is a tracked brand's are left out.
QList<DiscoveredBrand> group(const QList<ScoredAnswer> &answers, const QStringList &tracked);

} // namespace DiscoveredBrands

} // namespace geo
