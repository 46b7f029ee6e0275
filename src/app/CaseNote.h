#pragma once

#include "model/AuditSpec.h"

#include <QString>

namespace geo {

// What the set-up form says beside a brand whose names are not all matched in any case, so
// the analyst sees before a run that "ring" will not count as a mention of Ring.
namespace CaseNote {

// "Matched as written: "ring" is an ordinary word", or empty when there is nothing to say.
QString of(const BrandSpec &brand);

} // namespace CaseNote

} // namespace geo
