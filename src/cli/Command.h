// The entries of the CLI's command table. The parser, --help, `help VERB` and the man page
// are all generated from these, so a verb is described once, beside the code that runs it.
#pragma once

#include <QHash>
#include <QList>
#include <QNetworkProxy>
#include <QString>
#include <QStringList>

namespace geo::cli {

// An option, e.g. --db PATH.
struct Option
{
    QString name{};  // without the dashes
    QString value{}; // the placeholder of its value, e.g. PATH; empty for a flag
    QString help{};  // plain text, whole sentences
    // Its default, resolved on this machine (for --help) or as documented (for the man
    // page, which is built once for every machine); nullptr when it has none.
    QString (*defaultValue)(bool resolved) = nullptr;
    QChar shortName = {}; // -h, -v
    bool hidden = false;  // left out of --help and the man page (--man)
};

// A positional argument of a verb.
struct Argument
{
    enum class Kind { Required, Optional };
    QString name{}; // the placeholder, e.g. SPEC
    Kind kind = Kind::Required;
    QStringList choices{};  // the words it may be (key set|delete); empty: any text
    bool stdinDash = false; // "-" reads standard input; shown as NAME|-
    QString instead{};      // an option that takes its place (run SPEC|--demo)
    bool namesVerb = false; // one of the table's verbs (help VERB)
};

struct Invocation;

struct Command
{
    QString name{};
    QList<Argument> arguments{};
    QStringList required{}; // options it cannot do without (export --out)
    QStringList options{};  // the optional ones, in the order its usage shows them
    QString help{};         // one paragraph of plain text
    int (*run)(const Invocation &) = nullptr;
};

// Where --out writes and in which formats (--format; CSV by default).
struct Output
{
    QString dir;
    QStringList formats{QStringLiteral("csv")};
};

// How this invocation reaches the network: --proxy and --allow-private-hosts.
struct NetworkOptions
{
    QNetworkProxy proxy{QNetworkProxy::DefaultProxy};
    bool allowPrivateHosts = false;
};

// One command line, checked against the table. main() adds what every verb reads alike.
struct Invocation
{
    const Command *command = nullptr;  // nullptr: no verb given
    QHash<QString, QString> arguments; // by placeholder; absent when not given
    QHash<QString, QString> options;   // by name; a flag's value is empty
    Output output;
    NetworkOptions network;

    bool isSet(const QString &option) const { return options.contains(option); }
    QString value(const QString &option) const { return options.value(option); }
    QString argument(const QString &name) const { return arguments.value(name); }
};

} // namespace geo::cli
