// help: the list of verbs and options, or one verb's usage, generated from the table.
#include "CommandTable.h"
#include "Commands.h"
#include "Console.h"
#include "HelpText.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace geo::cli {

namespace {

int help(const Invocation &in)
{
    const QString verb = in.argument(u"VERB"_s);
    // The parser has checked that a verb asked about is one.
    const QString text = verb.isEmpty() ? HelpText::overview() : HelpText::of(*CommandTable::command(verb));
    std::fputs(qPrintable(text), stdout);
    return Success;
}

} // namespace

Command helpCommand()
{
    return {.name = u"help"_s,
            .arguments = {{.name = u"VERB"_s, .kind = Argument::Kind::Optional, .namesVerb = true}},
            .help = u"Prints the verbs and options, or with VERB the usage, help and options of that verb."_s,
            .run = help};
}

} // namespace geo::cli
