// plan: what run would ask, and what it would cost, without asking anything.
#include "Commands.h"
#include "Console.h"
#include "Support.h"
#include "run/Pricing.h"
#include "spec/PromptPlanner.h"

using namespace Qt::StringLiterals;

namespace geo::cli {

namespace {

int plan(const Invocation &in)
{
    const QString specPath = in.isSet(u"demo"_s) ? demoSpecPath() : in.argument(u"SPEC"_s);
    const std::optional<AuditSpec> spec = readSpec(specPath, true);
    if (!spec)
        return BadInput;
    const Result<Plan> planned = PromptPlanner::plan(*spec);
    if (!planned) {
        say(planned.error());
        return BadInput;
    }
    print(u"category\ttopic\tbranded\tprompt"_s);
    for (const PlannedPrompt &p : planned->prompts)
        print(u"%1\t%2\t%3\t%4"_s.arg(p.category, p.topic, p.branded ? u"branded"_s : u"non-branded"_s, p.text));
    const Pricing::Estimate e = Pricing::estimate(*spec, planned.value());
    print(u"\n%1 prompts x %2 engines x %3 samples = %4 answers; about %5 tokens in, %6 out, $%7"_s
              .arg(planned->prompts.size())
              .arg(spec->engines.size())
              .arg(spec->samples)
              .arg(planned->items.size())
              .arg(e.tokensIn)
              .arg(e.tokensOut)
              .arg(e.costUsd, 0, 'f', 2));
    if (!e.unpriced.isEmpty())
        print(
            u"no price known for engine(s) %1; give \"price\": {\"input\": ..., \"output\": ...} to include them"_s.arg(
                e.unpriced.join(u", "_s)));
    return Success;
}

} // namespace

Command planCommand()
{
    return {.name = u"plan"_s,
            .arguments = {{.name = u"SPEC"_s, .instead = u"demo"_s}},
            .help = u"Shows what run would ask for the spec file SPEC, or with --demo for the demo audit: every "
                    "prompt with its category, topic and whether it names a tracked brand, the number of answers, "
                    "and the estimated tokens and cost."_s,
            .run = plan};
}

} // namespace geo::cli
