#pragma once

#include "model/AuditSpec.h"
#include "model/Plan.h"
#include "model/Result.h"

#include <QList>
#include <QString>

namespace geo {

// Turns a spec into prompts (built-in templates filled from brand, competitors and topics,
// then the user's own, duplicates removed) and prompts x engines x samples work items.
// The templates (resources/prompts/templates.json) give each intent a conversational and a
// search-like wording; they place a topic only where any noun phrase reads right (after a
// preposition, or one adjective in a search), since a topic may be a field ("email
// marketing"), a plural ("running shoes") or a category name ("CRM for dentists").
class PromptPlanner final
{
public:
    static Result<Plan> plan(const AuditSpec &spec);
};

} // namespace geo
