#pragma once

#include "AuditSpec.h"
#include "Result.h"

#include <QList>
#include <QString>

namespace geo {

struct PlannedPrompt
{
    QString text;
    QString category; // a template category id, or "custom" for the user's own
    QString topic;    // the topic it is about, empty when none
    bool branded = false; // names a tracked brand
};

struct WorkItem
{
    int prompt = 0; // index into the plan's prompts
    int engine = 0; // index into the spec's engines
    int sample = 1; // 1-based
};

struct Plan
{
    QList<PlannedPrompt> prompts;
    QList<WorkItem> items;
};

// Turns a spec into prompts (built-in templates filled from brand, competitors and topics,
// then the user's own, duplicates removed) and prompts x engines x samples work items.
class PromptPlanner final
{
public:
    static Result<Plan> plan(const AuditSpec &spec);
};

} // namespace geo
