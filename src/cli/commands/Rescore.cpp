// rescore: the stored answers of an audit analysed again, with no engine asked.
#include "Commands.h"
#include "Console.h"
#include "Export.h"
#include "Support.h"
#include "scoring/Rescorer.h"
#include "scoring/ScoreComparison.h"

using namespace Qt::StringLiterals;

namespace geo::cli {

namespace {

QString shown(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'g', 6) : u"n/a"_s;
}

int rescore(const Invocation &in)
{
    const std::optional<qint64> id = parseAuditId(in.argument(u"AUDIT_ID"_s));
    if (!id)
        return BadInput;
    std::optional<AuditSpec> spec;
    if (const QString specPath = in.value(u"spec"_s); !specPath.isEmpty() && !(spec = readSpec(specPath)))
        return BadInput;
    std::unique_ptr<AuditStore> store;
    if (const int code = openStore(store, in.value(u"db"_s)); code != Success)
        return code;
    const auto done = await(Rescorer::rescore(store.get(), *id, spec));
    if (!done) {
        say(done.error());
        return BadInput;
    }
    print(u"cut\tbrand\tfigure\tbefore\tafter"_s);
    int changed = 0;
    for (const BrandChange &brand : ScoreComparison::compare(done->after, &done->before)) {
        for (const FigureChange &f : brand.figures) {
            if (f.value == f.previous)
                continue;
            ++changed;
            print(u"%1\t%2\t%3\t%4\t%5"_s.arg(brand.cut, done->after.brands.at(brand.brand), f.figure,
                                              shown(f.previous), shown(f.value)));
        }
    }
    say(u"audit %1: analysed %2 stored answers again, no engine asked; %3 figure(s) changed"_s.arg(*id)
            .arg(done->answers)
            .arg(changed));
    return in.output.dir.isEmpty() ? Success : exportAudit(*store, *id, in.output);
}

} // namespace

Command rescoreCommand()
{
    return {.name = u"rescore"_s,
            .arguments = {{.name = u"AUDIT_ID"_s}},
            .options = {u"db"_s, u"spec"_s, u"out"_s, u"format"_s},
            .help = u"Analyses the stored answers of an audit again, with the brands, aliases, domains and score "
                    "weights of SPEC (default: the audit's own spec), without asking any engine, replacing its "
                    "analyses in one transaction. Prints every figure that changed: cut, brand, figure, before, "
                    "after."_s,
            .run = rescore};
}

} // namespace geo::cli
