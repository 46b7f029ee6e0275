#include "CommandTable.h"

#include "commands/Commands.h"
#include "run/RunLimits.h"
#include "store/AuditStore.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace geo::cli {

namespace {

// --help shows the path on this machine; the man page, built once for all, the usual one.
QString defaultDatabase(bool resolved)
{
    return resolved ? AuditStore::defaultPath() : u"~/.local/share/geoaudit/audits.sqlite"_s;
}

// A confirm limit: the variable's value when it is set here (--help), else the built-in one.
QString maxAnswers(bool resolved)
{
    const QString set = resolved ? qEnvironmentVariable("GEOAUDIT_MAX_ANSWERS") : QString();
    return set.isEmpty() ? QString::number(RunLimits::DefaultAnswers) : set;
}

QString maxCost(bool resolved)
{
    const QString set = resolved ? qEnvironmentVariable("GEOAUDIT_MAX_COST_USD") : QString();
    return set.isEmpty() ? QString::number(RunLimits::DefaultCostUsd, 'f', 2) : set;
}

} // namespace

const QList<Command> &CommandTable::commands()
{
    static const QList<Command> table{helpCommand(),    runCommand(),         planCommand(),    resumeCommand(),
                                      importCommand(),  keyCommand(),         analyzeCommand(), sentimentCommand(),
                                      inspectCommand(), robotsCheckCommand(), listCommand(),    exportCommand(),
                                      rescoreCommand()};
    return table;
}

const QList<Option> &CommandTable::options()
{
    static const QList<Option> table{
        {.name = u"db"_s,
         .value = u"PATH"_s,
         .help = u"The database: an SQLite file, or a PostgreSQL database several analysts share, given as "
                 "postgresql://user@host:port/dbname; its password comes from PGPASSWORD or ~/.pgpass, never from "
                 "the URL."_s,
         .defaultValue = defaultDatabase},
        {.name = u"out"_s,
         .value = u"DIR"_s,
         .help = u"Where to write the CSV tables (and the reports, see --format)."_s},
        {.name = u"format"_s,
         .value = u"LIST"_s,
         .help = u"What --out writes, comma-separated: csv (the default), json, html, pdf. The PDF needs no "
                 "display: without one it draws offscreen."_s},
        {.name = u"demo"_s, .help = u"The demo audit built into the program, instead of a spec file."_s},
        {.name = u"budget"_s, .value = u"USD"_s, .help = u"A new budget, in US dollars, when resuming."_s},
        {.name = u"yes"_s,
         .help = u"Runs an audit above --max-answers or --max-cost without asking; without it such an audit is "
                 "refused with exit status 4, nothing asked or stored."_s},
        {.name = u"max-answers"_s,
         .value = u"N"_s,
         .help = u"The most answers an audit may ask without --yes (GEOAUDIT_MAX_ANSWERS sets it too)."_s,
         .defaultValue = maxAnswers},
        {.name = u"max-cost"_s,
         .value = u"USD"_s,
         .help = u"The highest estimated cost, in US dollars, of an audit run without --yes (GEOAUDIT_MAX_COST_USD "
                 "sets it too)."_s,
         .defaultValue = maxCost},
        {.name = u"spec"_s, .value = u"SPEC"_s, .help = u"The spec whose brands, aliases and domains to look for."_s},
        {.name = u"html"_s, .value = u"FILE"_s, .help = u"A saved page to inspect instead of a site."_s},
        {.name = u"url"_s, .value = u"URL"_s, .help = u"The address the saved page was fetched from."_s},
        {.name = u"record"_s, .value = u"DIR"_s, .help = u"Where to record the responses of the inspected site."_s},
        {.name = u"recorded"_s, .value = u"DIR"_s, .help = u"A recorded site to inspect instead of the network."_s},
        {.name = u"allow-private-hosts"_s,
         .help = u"Lets site inspection fetch loopback and private addresses (refused by default)."_s},
        {.name = u"proxy"_s,
         .value = u"URL"_s,
         .help = u"Reaches engines and sites through this proxy: http://host:port or socks5://host:port, or none "
                 "for a direct connection. By default the system's (http_proxy, https_proxy, no_proxy)."_s},
        {.name = u"help"_s, .help = u"Prints this help, or with a verb that verb's."_s, .shortName = u'h'},
        {.name = u"version"_s, .help = u"Prints the version."_s, .shortName = u'v'},
        // The build writes the man page with it; readers have the page itself.
        {.name = u"man"_s, .help = u"Prints the manual page, in roff."_s, .hidden = true},
    };
    return table;
}

const Command *CommandTable::command(const QString &name)
{
    const auto &table = commands();
    const auto found = std::find_if(table.begin(), table.end(), [&](const Command &c) { return c.name == name; });
    return found == table.end() ? nullptr : &*found;
}

const Option *CommandTable::option(const QString &name)
{
    const auto &table = options();
    const auto found = std::find_if(table.begin(), table.end(), [&](const Option &o) { return o.name == name; });
    return found == table.end() ? nullptr : &*found;
}

const Option *CommandTable::option(QChar shortName)
{
    const auto &table = options();
    const auto found
        = std::find_if(table.begin(), table.end(), [&](const Option &o) { return o.shortName == shortName; });
    return found == table.end() ? nullptr : &*found;
}

QStringList CommandTable::verbNames()
{
    QStringList names;
    for (const Command &c : commands())
        names << c.name;
    return names;
}

} // namespace geo::cli
