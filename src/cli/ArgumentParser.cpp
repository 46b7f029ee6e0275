#include "ArgumentParser.h"

#include "CommandTable.h"
#include "Synopsis.h"

using namespace Qt::StringLiterals;

namespace geo::cli {

namespace {

// "a", "a or b", "a, b or c" (or with "and")
QString listed(const QStringList &words, const QString &conjunction = u"or"_s)
{
    if (words.size() < 2)
        return words.join(QString());
    return words.mid(0, words.size() - 1).join(u", "_s) + u' ' + conjunction + u' ' + words.back();
}

// How an argument is named in an error: SPEC, set or delete, SPEC or --demo.
QString described(const Argument &argument)
{
    QStringList forms = argument.choices.isEmpty() ? QStringList{argument.name} : argument.choices;
    if (const Option *instead = CommandTable::option(argument.instead))
        forms << Synopsis::plain(Synopsis::of(*instead));
    return listed(forms);
}

QString unknownVerb(const QString &verb)
{
    return u"unknown verb \"%1\"; the verbs are %2"_s.arg(verb, listed(CommandTable::verbNames(), u"and"_s));
}

// The words of a command line sorted into positional arguments and options, with the first
// thing in it that is not an option of the table.
struct Tokens
{
    QStringList positional;
    QStringList optionOrder; // the options' names as given, for errors about the first
    QHash<QString, QString> options;
    QString error;
};

Tokens tokenize(const QStringList &arguments)
{
    Tokens t;
    const auto fail = [&t](const QString &message) {
        if (t.error.isEmpty())
            t.error = message;
    };
    bool onlyPositional = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &word = arguments[i];
        if (onlyPositional || word == u"-"_s || !word.startsWith(u'-')) {
            t.positional << word;
            continue;
        }
        if (word == u"--"_s) {
            onlyPositional = true;
            continue;
        }
        const qsizetype equals = word.startsWith(u"--"_s) ? word.indexOf(u'=') : -1;
        const QString given = equals < 0 ? word : word.left(equals);
        const Option *option = given.startsWith(u"--"_s) ? CommandTable::option(given.mid(2))
            : given.size() == 2                          ? CommandTable::option(given[1])
                                                         : nullptr;
        if (!option) {
            fail(u"unknown option "_s + given);
            continue;
        }
        QString value;
        if (option->value.isEmpty() && equals >= 0) {
            fail(u"%1 takes no value"_s.arg(given));
            continue;
        }
        if (!option->value.isEmpty()) {
            if (equals >= 0) {
                value = word.mid(equals + 1);
            } else if (i + 1 < arguments.size()) {
                value = arguments[++i];
            } else {
                fail(u"%1 needs %2"_s.arg(given, option->value));
                continue;
            }
        }
        t.optionOrder << option->name;
        t.options.insert(option->name, value);
    }
    return t;
}

// Checks a verb's arguments and options against its entry, filling in the invocation.
QString check(const Tokens &t, Invocation &invocation)
{
    const Command &command = *invocation.command;
    QStringList allowed = command.required + command.options;
    for (const Argument &a : command.arguments)
        if (!a.instead.isEmpty())
            allowed << a.instead;
    for (const QString &name : t.optionOrder)
        if (!allowed.contains(name))
            return u"takes no --"_s + name;
    qsizetype next = 1;
    const Argument *replaced = nullptr;
    for (const Argument &a : command.arguments) {
        if (!a.instead.isEmpty() && t.options.contains(a.instead)) {
            replaced = &a;
            continue;
        }
        if (next >= t.positional.size()) {
            if (a.kind == Argument::Kind::Required)
                return u"missing "_s + described(a);
            continue;
        }
        const QString &value = t.positional[next++];
        if (!a.choices.isEmpty() && !a.choices.contains(value))
            return u"\"%1\" is not %2"_s.arg(value, listed(a.choices));
        if (a.namesVerb && !CommandTable::command(value))
            return unknownVerb(value);
        invocation.arguments.insert(a.name, value);
    }
    if (next < t.positional.size()) {
        if (replaced)
            return u"give %1, not both"_s.arg(described(*replaced));
        return u"unexpected argument \"%1\""_s.arg(t.positional[next]);
    }
    for (const QString &name : command.required)
        if (!t.options.contains(name))
            return u"missing "_s + Synopsis::plain(Synopsis::of(*CommandTable::option(name)));
    return {};
}

} // namespace

Result<Invocation> ArgumentParser::parse(const QStringList &arguments)
{
    const Tokens t = tokenize(arguments);
    Invocation invocation;
    invocation.options = t.options;
    const QString verb = t.positional.value(0);
    invocation.command = CommandTable::command(verb);
    const auto fail = [&](const QString &message) -> Result<Invocation> {
        if (invocation.command)
            return Error{u"geoaudit-cli %1: %2; usage: %3"_s.arg(verb, message, Synopsis::line(*invocation.command))};
        return Error{u"geoaudit-cli: %1; see geoaudit-cli --help"_s.arg(message)};
    };
    if (!t.error.isEmpty())
        return fail(t.error);
    if (invocation.isSet(u"version"_s) || invocation.isSet(u"man"_s))
        return invocation;
    if (!verb.isEmpty() && !invocation.command)
        return fail(unknownVerb(verb));
    if (invocation.isSet(u"help"_s)) {
        // VERB --help is help VERB; the verb's arguments need not be right to ask for it.
        Invocation help;
        help.command = CommandTable::command(u"help"_s);
        if (!verb.isEmpty())
            help.arguments.insert(help.command->arguments.front().name, verb);
        return help;
    }
    if (!invocation.command)
        return invocation;
    if (const QString problem = check(t, invocation); !problem.isEmpty())
        return fail(problem);
    return invocation;
}

} // namespace geo::cli
