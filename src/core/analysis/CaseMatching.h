#pragma once

#include "model/AuditSpec.h"

#include <QList>
#include <QString>

namespace geo {

// Whether a tracked name is matched in any case or only as written. A brand called "Ring" or
// "Nothing" is an ordinary word too: folded, "a ring light" and "nothing better" would count as
// mentions, so such a name is matched only as the spec writes it (or in capitals).
namespace CaseMatching {

// Whether name is one ordinary English word: its lower-case form is an entry of Debian's word
// list (wamerican), as "ring", "nothing" and "apple" are and "nike" is not. Names of several
// words ("Sales Nest") are not: together they read as a name. Without the list, none is.
bool isOrdinaryWord(const QString &name);

// Whether the finder matches this name of the brand only as written: the spec's "match_case"
// when given, else whether the name is an ordinary word.
bool matchedAsWritten(const BrandSpec &brand, const QString &name);

// The names of a brand matched as written because they are ordinary words, in the spec's
// order (not those the spec asks for with "match_case": true: the analyst chose them).
QStringList ordinaryWordNames(const BrandSpec &brand);

} // namespace CaseMatching

} // namespace geo
