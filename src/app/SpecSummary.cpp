#include "SpecSummary.h"

#include "run/Pricing.h"
#include "spec/PromptPlanner.h"

#include <QLocale>

namespace geo {

using namespace Qt::StringLiterals;

namespace {
constexpr int ProblemsListed = 8; // a tool tip longer than this is no longer read
}

AuditSpec SpecSummary::runnable(AuditSpec spec, int analysisThreads)
{
    if (analysisThreads > 0)
        spec.analysis.threads = analysisThreads;
    return spec;
}

SpecSummary SpecSummary::of(const AuditSpec &spec, const QStringList &missingKeys)
{
    const auto plan = PromptPlanner::plan(spec);
    QStringList competitors;
    for (const auto &c : spec.competitors)
        competitors << c.name;
    QStringList engines;
    for (const auto &e : spec.engines)
        engines << (e.model.isEmpty() ? e.id : u"%1 (%2)"_s.arg(e.id, e.model));
    QString cost;
    double costUsd = 0.0;
    if (plan) {
        const Pricing::Estimate e = Pricing::estimate(spec, plan.value());
        costUsd = spec.sampleData ? 0.0 : e.costUsd;
        const QLocale locale;
        cost = spec.sampleData
            ? tr("Recorded sample answers: nothing is asked or paid.")
            : tr("About %1 tokens in and %2 out, costing about $%3%4.")
                  .arg(locale.toString(e.tokensIn), locale.toString(e.tokensOut))
                  .arg(e.costUsd, 0, 'f', 2)
                  .arg(e.unpriced.isEmpty() ? QString() : tr(" (no price known for %1)").arg(e.unpriced.join(u", "_s)));
        if (spec.budgetUsd > 0 && !spec.sampleData)
            cost += u' ' + tr("Budget: $%1.").arg(spec.budgetUsd, 0, 'f', 2);
    }
    SpecSummary s;
    s.title = spec.name;
    s.sampleData = spec.sampleData;
    s.answers = plan ? plan->items.size() : 0;
    s.costUsd = costUsd;
    s.text = tr("<b>%1</b> against %2.<br>"
                "%3 prompts × %4 (%5) × %6 = <b>%7 answers</b>; analysis on %8 threads.<br>%9")
                 .arg(spec.brand.name.toHtmlEscaped(),
                      competitors.isEmpty() ? tr("no competitors") : competitors.join(u", "_s).toHtmlEscaped())
                 .arg(plan ? plan->prompts.size() : 0)
                 .arg(spec.engines.size() == 1 ? tr("1 engine") : tr("%1 engines").arg(spec.engines.size()))
                 .arg(engines.join(u", "_s).toHtmlEscaped())
                 .arg(spec.samples == 1 ? tr("1 sample") : tr("%1 samples").arg(spec.samples))
                 .arg(QLocale().toString(s.answers))
                 .arg(spec.analysis.threads)
                 .arg(cost.toHtmlEscaped());
    if (!missingKeys.isEmpty()) {
        s.blocker = tr("Add the API keys first:") + u"\n• "_s + missingKeys.join(u"\n• "_s);
        s.text += u"<br><span style=\"color:#c62828\">%1</span>"_s.arg(
            (tr("Start needs its API keys: ") + missingKeys.join(u"; "_s)).toHtmlEscaped());
    }
    return s;
}

SpecSummary SpecSummary::ofProblems(const QString &name, const QStringList &problems, bool untouched)
{
    SpecSummary s;
    s.title = name.isEmpty() ? tr("New audit") : name;
    s.blocker = tr("Fix the set-up first:") + u"\n• "_s + problems.mid(0, ProblemsListed).join(u"\n• "_s)
        + (problems.size() > ProblemsListed ? u"\n…"_s : QString());
    // A new audit untouched is not yet wrong; one being filled in says what is left.
    s.text = untouched && name.isEmpty()
        ? tr("Fill in the set-up below, or open a spec with File → Open spec…")
        : tr("%n problem(s) to fix on the Set up page before the audit can start.", nullptr, int(problems.size()));
    return s;
}

} // namespace geo
