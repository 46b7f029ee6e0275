#include "ManPage.h"

#include "CommandTable.h"
#include "HelpText.h"
#include "Synopsis.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace geo::cli {

namespace {

// The footer's date: the page's last rewrite, not the build's, so that building it twice
// gives the same bytes (a reproducible package).
const auto PageDate = u"2026-12-07"_s;

QString escaped(const QString &text)
{
    QString out = text;
    return out.replace(u'\\', u"\\e"_s);
}

// An option or a verb as it is typed: its hyphens as \-, which man renders as the ASCII
// hyphen-minus a reader can copy, not a typographic hyphen.
QString typed(const QString &text)
{
    return escaped(text).replace(u'-', u"\\-"_s);
}

QString inFont(Synopsis::Piece::Font font, const QString &text)
{
    switch (font) {
    case Synopsis::Piece::Font::Bold:
        return u"\\fB"_s + typed(text) + u"\\fR"_s;
    case Synopsis::Piece::Font::Italic:
        return u"\\fI"_s + typed(text) + u"\\fR"_s;
    case Synopsis::Piece::Font::Roman:
        break;
    }
    return typed(text);
}

// A unit of a synopsis on one line: its spaces unbreakable.
QString unit(const Synopsis::Unit &pieces)
{
    QString text;
    for (const Synopsis::Piece &p : pieces)
        text += p.text == u" "_s ? u"\\ "_s : inFont(p.font, p.text);
    return text;
}

// A paragraph of the table's plain text as roff: options in bold and the placeholders of the
// verb in italics, one sentence a line (so that roff spaces sentences as sentences).
QString paragraph(const QString &text, const QSet<QString> &placeholders)
{
    static const QString Leading = u"(\"{"_s;
    static const QString Trailing = u".,;:)\"}"_s;
    QString out;
    bool lineStart = true;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        qsizetype begin = 0, end = word.size();
        while (begin < end && Leading.contains(word[begin]))
            ++begin;
        while (end > begin && Trailing.contains(word[end - 1]))
            --end;
        const QString core = word.mid(begin, end - begin);
        QString marked;
        if (core.startsWith(u"--"_s) && CommandTable::option(core.mid(2)))
            marked = inFont(Synopsis::Piece::Font::Bold, core);
        else if (!core.isEmpty() && placeholders.contains(core))
            marked = inFont(Synopsis::Piece::Font::Italic, core);
        else
            marked = escaped(core);
        QString line = escaped(word.left(begin)) + marked + escaped(word.mid(end));
        // A line starting with . or ' would be a request.
        if (lineStart && (line.startsWith(u'.') || line.startsWith(u'\'')))
            line.prepend(u"\\&"_s);
        out += (lineStart ? QString() : u" "_s) + line;
        lineStart = word.endsWith(u'.') && word != u"e.g."_s;
        if (lineStart)
            out += u'\n';
    }
    if (!lineStart)
        out += u'\n';
    return out;
}

QString verbs()
{
    QString out = u".SH VERBS\n"_s;
    for (const Command &c : CommandTable::commands()) {
        QSet<QString> placeholders;
        for (const Argument &a : c.arguments)
            placeholders << a.name;
        for (const QString &name : HelpText::optionsOf(c))
            if (const QString value = CommandTable::option(name)->value; !value.isEmpty())
                placeholders << value;
        QStringList units;
        for (const Synopsis::Unit &u : Synopsis::of(c))
            units << unit(u);
        out += u".TP\n"_s + units.join(u' ') + u'\n' + paragraph(c.help, placeholders);
    }
    return out;
}

QString options()
{
    QString out = u".SH OPTIONS\n"_s;
    for (const Option &o : CommandTable::options()) {
        if (o.hidden)
            continue;
        QString tag = unit(Synopsis::of(o));
        if (!o.shortName.isNull())
            tag.prepend(inFont(Synopsis::Piece::Font::Bold, u"-"_s + o.shortName) + u", "_s);
        QString help = o.help;
        if (o.defaultValue)
            help += u" Default: %1."_s.arg(o.defaultValue(false));
        out += u".TP\n"_s + tag + u'\n' + paragraph(help, {o.value});
    }
    return out;
}

// The parts that describe the program as a whole, not one verb or option.
const auto Head = uR"(.TH GEOAUDIT-CLI 1 "%1" "GEO Audit %2" "User Commands"
.\" Ragged right and unhyphenated: the page is mostly options, commands and file names.
.ad l
.nh
.SH NAME
geoaudit-cli \- ask AI answer engines about a brand, analyse and score the answers
.SH SYNOPSIS
.B geoaudit-cli
.I verb
.RI [ arguments ]
.RI [ options ]
.br
.B geoaudit-cli help
.RI [ verb ]
.br
.B geoaudit-cli
.BR \-\-help " | " \-\-version
.SH DESCRIPTION
.B geoaudit-cli
is the command line front end of GEO Audit.
It runs an audit described by a spec file (JSON): it asks the engines the spec names
(OpenAI-compatible servers, Anthropic, Gemini, recorded or imported answers) every prompt
as many times as the spec says, analyses every answer (mentions of each tracked brand, rank
in recommendation lists, sentiment, cited sources), inspects the cited websites, scores it
all and stores everything in a database (an SQLite file, or PostgreSQL), from which CSV
tables and reports can be exported.
The desktop app
.BR geoaudit (1)
works on the same database.
)"_s;

const auto Tail = uR"(.SH EXIT STATUS
.TP
.B 0
Success: for
.BR run ,
.B resume
and
.BR import ,
every answer succeeded.
.TP
.B 1
The audit finished but some answers failed, or some imported rows were bad.
.TP
.B 2
Bad input: the message on standard error names every problem and its fix.
A verb given the wrong arguments or options says which, with its usage.
.TP
.B 3
Another process runs the audit (its lease is fresh): the message names that process.
A run whose audit another process took over stops asking and ends with this status too.
.TP
.B 4
.B run
or
.B resume
of an audit above
.B \-\-max\-answers
or
.B \-\-max\-cost
without
.BR \-\-yes :
nothing was asked or stored; the message gives the answers and the estimated cost.
.SH ENVIRONMENT
.TP
.I api_key_env
Each engine in a spec names the environment variable holding its API key (for example
.BR OPENAI_API_KEY );
when it is unset the key is looked up in the system keychain under that name.
Keys are never written to the database, exports or logs.
.TP
.BR http_proxy ", " https_proxy ", " no_proxy
The proxy used when
.B \-\-proxy
is not given.
.TP
.BR GEOAUDIT_MAX_ANSWERS ", " GEOAUDIT_MAX_COST_USD
The limits above which
.B run
and
.B resume
want
.BR \-\-yes ,
when
.B \-\-max\-answers
and
.B \-\-max\-cost
are not given (5000 answers, 50.00 US dollars when unset).
.TP
.BR PGPASSWORD ", " PGPASSFILE
The password of a PostgreSQL database given with
.BR \-\-db ,
read by libpq, which otherwise looks in
.IR ~/.pgpass .
.TP
.B XDG_DATA_HOME
The default database is
.IR $XDG_DATA_HOME/geoaudit/audits.sqlite
.RI ( ~/.local/share
when unset).
.SH FILES
.TP
.I ~/.local/share/geoaudit/audits.sqlite
The default database, shared with the desktop app.
.TP
.I /usr/share/doc/geoaudit/
The licence and the third-party notices.
.SH EXAMPLES
Run the demo audit into a database of its own and write its tables:
.PP
.RS
.nf
geoaudit\-cli run \-\-demo \-\-db /tmp/demo.sqlite \-\-out /tmp/demo
.fi
.RE
.PP
Keep a key in the keychain, run an audit, then export it again later:
.PP
.RS
.nf
geoaudit\-cli key set OPENAI_API_KEY < key.txt
geoaudit\-cli plan brand.json
geoaudit\-cli run brand.json \-\-out results
geoaudit\-cli list
geoaudit\-cli export 3 \-\-out results\-again
geoaudit\-cli export 3 \-\-out report \-\-format html,pdf,json
.fi
.RE
.SH SEE ALSO
.BR geoaudit (1)
)"_s;

} // namespace

QString ManPage::roff()
{
    return u".\\\" Manual page for geoaudit-cli, generated by geoaudit-cli --man from its command table.\n"_s
        + Head.arg(PageDate, QStringLiteral(GEOAUDIT_VERSION)) + verbs() + options() + Tail;
}

} // namespace geo::cli
