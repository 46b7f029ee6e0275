#include "HelpText.h"

#include "CommandTable.h"
#include "Synopsis.h"

using namespace Qt::StringLiterals;

namespace geo::cli {

namespace {

constexpr qsizetype Width = 80;
constexpr qsizetype OptionColumn = 15;

// Fills words into lines of at most Width characters (a longer word gets a line of its own).
QString wrap(const QStringList &words, const QString &firstPrefix, const QString &prefix)
{
    QString text;
    QString line = firstPrefix;
    bool empty = true;
    for (const QString &word : words) {
        if (!empty && line.size() + 1 + word.size() > Width) {
            text += line + u'\n';
            line = prefix;
            empty = true;
        }
        line += (empty ? QString() : u" "_s) + word;
        empty = false;
    }
    return text + line + u'\n';
}

QStringList words(const QString &paragraph)
{
    return paragraph.split(u' ', Qt::SkipEmptyParts);
}

QString describe(const Option &option)
{
    QString text = option.help;
    if (option.defaultValue)
        text += u" Default: %1."_s.arg(option.defaultValue(true));
    return text;
}

// "  --db PATH    The database..." with the text in a column, or below a long name.
QString optionEntry(const Option &option)
{
    QString label = Synopsis::plain(Synopsis::of(option));
    if (!option.shortName.isNull())
        label = u"-%1, %2"_s.arg(option.shortName, label);
    const QString indent(OptionColumn, u' ');
    if (label.size() + 4 > OptionColumn) // two spaces at least between a name and its text
        return u"  "_s + label + u'\n' + wrap(words(describe(option)), indent, indent);
    return wrap(words(describe(option)), (u"  "_s + label).leftJustified(OptionColumn), indent);
}

QStringList synopsisUnits(const Command &command)
{
    QStringList units;
    for (const Synopsis::Unit &unit : Synopsis::of(command))
        units << Synopsis::plain(unit);
    return units;
}

} // namespace

QStringList HelpText::optionsOf(const Command &command)
{
    QStringList names;
    for (const Argument &a : command.arguments)
        if (!a.instead.isEmpty())
            names << a.instead;
    names << command.required << command.options;
    names.removeDuplicates();
    return names;
}

QString HelpText::overview()
{
    QString text = u"Usage: geoaudit-cli VERB [ARGUMENTS] [OPTIONS]\n\n"
                   "Asks AI answer engines about a brand, analyses every answer and writes the results.\n\n"
                   "Verbs:\n"_s;
    for (const Command &c : CommandTable::commands()) {
        text += wrap(synopsisUnits(c), u"  "_s, u"      "_s);
        text += wrap(words(c.help), u"        "_s, u"        "_s);
    }
    text += u"\nOptions:\n"_s;
    for (const Option &o : CommandTable::options())
        if (!o.hidden)
            text += optionEntry(o);
    return text;
}

QString HelpText::of(const Command &command)
{
    QString text = wrap(synopsisUnits(command), u"Usage: geoaudit-cli "_s, QString(20, u' '));
    text += u'\n' + wrap(words(command.help), QString(), QString());
    const QStringList options = optionsOf(command);
    if (!options.isEmpty()) {
        text += u"\nOptions:\n"_s;
        for (const QString &name : options)
            text += optionEntry(*CommandTable::option(name));
    }
    return text;
}

} // namespace geo::cli
