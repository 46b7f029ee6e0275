// run, resume and import: the verbs that ask engines (or take answers) and analyse them.
#include "Commands.h"
#include "Console.h"
#include "Execute.h"
#include "Support.h"
#include "engines/AnswerFile.h"
#include "sites/SavedPages.h"

using namespace Qt::StringLiterals;

namespace geo::cli {

namespace {

int run(const Invocation &in)
{
    const QString specPath = in.isSet(u"demo"_s) ? demoSpecPath() : in.argument(u"SPEC"_s);
    const std::optional<AuditSpec> spec = readSpec(specPath);
    if (!spec)
        return BadInput;
    std::optional<RunLimits> limits;
    if (const int code = confirmLimits(in, limits); code != Success)
        return code;
    std::unique_ptr<AuditStore> store;
    if (const int code = openStore(store, in.value(u"db"_s)); code != Success)
        return code;
    return execute(*store, in.output, in.network, limits, [&](AuditRunner &runner) { runner.start(*spec); });
}

int resume(const Invocation &in)
{
    std::optional<double> budget;
    if (const QString budgetArg = in.value(u"budget"_s); !budgetArg.isEmpty()) {
        bool isNumber = false;
        budget = budgetArg.toDouble(&isNumber);
        if (!isNumber || *budget < 0) {
            say(u"--budget: \"%1\" is not an amount in US dollars; write it like 12.50"_s.arg(budgetArg));
            return BadInput;
        }
    }
    std::optional<RunLimits> limits;
    if (const int code = confirmLimits(in, limits); code != Success)
        return code;
    std::unique_ptr<AuditStore> store;
    if (const int code = openStore(store, in.value(u"db"_s)); code != Success)
        return code;
    qint64 id = 0;
    if (in.argument(u"AUDIT_ID"_s).isEmpty()) {
        const auto latest = await(store->latestUnfinished());
        if (!latest) {
            say(latest.error());
            return BadInput;
        }
        id = latest.value();
    } else {
        const std::optional<qint64> given = parseAuditId(in.argument(u"AUDIT_ID"_s));
        if (!given)
            return BadInput;
        id = *given;
    }
    return execute(*store, in.output, in.network, limits,
                   [id, budget](AuditRunner &runner) { runner.resume(id, budget); });
}

int importAnswers(const Invocation &in)
{
    const std::optional<AuditSpec> spec = readSpec(in.argument(u"SPEC"_s));
    if (!spec)
        return BadInput;
    const QString filePath = in.argument(u"FILE"_s);
    const AnswerFile file = SavedPages::read(filePath);
    for (const QString &p : file.problems)
        say(filePath + u": "_s + p);
    if (file.answers.isEmpty()) {
        say(u"%1: no answer to import"_s.arg(filePath));
        return BadInput;
    }
    say(u"%1: importing %2 answer(s), leaving out %3 bad row(s)"_s.arg(filePath)
            .arg(file.answers.size())
            .arg(file.problems.size()));
    std::unique_ptr<AuditStore> store;
    if (const int code = openStore(store, in.value(u"db"_s)); code != Success)
        return code;
    // Answers already collected cost nothing more to store: no limits.
    const int code = execute(*store, in.output, in.network, std::nullopt,
                             [&](AuditRunner &runner) { runner.importAnswers(*spec, file.answers); });
    return code == Success && !file.problems.isEmpty() ? SomeFailed : code;
}

// What every verb that runs an audit takes besides its own.
QStringList runOptions()
{
    return {u"db"_s, u"out"_s, u"format"_s, u"allow-private-hosts"_s, u"proxy"_s};
}

// What run and resume take to ask before a big audit.
QStringList confirmOptions()
{
    return {u"yes"_s, u"max-answers"_s, u"max-cost"_s};
}

} // namespace

Command runCommand()
{
    return {.name = u"run"_s,
            .arguments = {{.name = u"SPEC"_s, .instead = u"demo"_s}},
            .options = runOptions() + confirmOptions(),
            .help = u"Runs the audit described by the spec file SPEC (JSON, see docs/spec-format.md), or with "
                    "--demo the demo audit built into the program (sample data, 192 answers replayed from "
                    "recordings with no network and no key), storing everything in the database, and with --out "
                    "writes answers.csv, mentions.csv, citations.csv, sites.csv, discovered.csv, scores.csv and "
                    "failures.csv to DIR. Progress goes to standard error at most twice a second, while the answers "
                    "are prepared (stored, 10,000 a transaction) and while they are asked. An audit of more answers "
                    "than --max-answers or costing more than --max-cost is not started without --yes. Exit status: "
                    "0 when every answer succeeded, 1 when the audit finished but some answers failed, 2 on bad "
                    "input, 3 when another process runs the audit (this run stops if its audit is taken over), 4 when "
                    "it needs --yes."_s,
            .run = run};
}

Command resumeCommand()
{
    return {.name = u"resume"_s,
            .arguments = {{.name = u"AUDIT_ID"_s, .kind = Argument::Kind::Optional}},
            .options = QStringList{u"db"_s, u"out"_s, u"format"_s, u"budget"_s, u"allow-private-hosts"_s, u"proxy"_s}
                + confirmOptions(),
            .help
            = u"Continues an audit that did not finish (interrupted, cancelled or stopped by its budget; "
              "without AUDIT_ID the most recent one). Nothing answered is asked again; an audit whose preparation "
              "was cut short is prepared to its end first. An audit another process is running is refused, naming "
              "that process (exit status 3); one whose process was killed on this host, or has not been heard "
              "from for 30 s, is taken over. --budget replaces the spec's budget_usd. The answers left to ask "
              "count against --max-answers and --max-cost as for run. Exit status as for run."_s,
            .run = resume};
}

Command importCommand()
{
    return {.name = u"import"_s,
            .arguments = {{.name = u"SPEC"_s}, {.name = u"FILE"_s}},
            .options = runOptions(),
            .help = u"Adds answers collected by hand (the ChatGPT app, AI Overviews) as a new audit of the brands "
                    "in SPEC and analyses them. FILE is CSV with a header naming prompt, engine, answer and "
                    "optionally sample, model, citations; or JSON lines with those keys; or an answer's page saved "
                    "from the browser as HTML (converted to Markdown, its links the citations), or a folder of them, "
                    "each with a sidecar PAGE.json naming prompt and engine or named ENGINE__PROMPT.html. Bad rows "
                    "are reported by line number (pages by name) and the good ones kept (exit status 1)."_s,
            .run = importAnswers};
}

} // namespace geo::cli
