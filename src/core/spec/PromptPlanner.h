#pragma once

#include "model/AuditSpec.h"
#include "model/Plan.h"
#include "model/Result.h"

#include <QList>
#include <QString>

namespace geo {

// Turns a spec into prompts (built-in templates filled from brand, competitors and topics,
// then the user's own, duplicates removed) and prompts x engines x samples work items.
class PromptPlanner final
{
public:
    static Result<Plan> plan(const AuditSpec &spec);
};

} // namespace geo
