// analyze and sentiment: the analysis of one answer, and VADER on one text, as JSON.
#include "Commands.h"
#include "Console.h"
#include "Support.h"
#include "analysis/ResponseAnalyzer.h"
#include "analysis/Vader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace geo::cli {

namespace {

QString readArgumentOrStdin(const QString &arg)
{
    if (arg != u"-"_s)
        return arg;
    QFile in;
    in.open(stdin, QIODevice::ReadOnly);
    return QString::fromUtf8(in.readAll());
}

QJsonValue optional(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

int sentiment(const Invocation &in)
{
    const SentimentScores s = Vader::rounded(Vader::instance().score(readArgumentOrStdin(in.argument(u"TEXT"_s))));
    print(QString::fromUtf8(
        QJsonDocument(QJsonObject{{u"neg"_s, s.neg}, {u"neu"_s, s.neu}, {u"pos"_s, s.pos}, {u"compound"_s, s.compound}})
            .toJson(QJsonDocument::Compact)));
    return Success;
}

// Each untracked name the answer recommends, with its place in the list (null when none).
QJsonArray discoveredOf(const Analysis &a)
{
    QJsonArray out;
    for (const DiscoveredName &n : a.discovered)
        out.append(QJsonObject{{u"name"_s, n.name}, {u"rank"_s, n.rank > 0 ? QJsonValue(n.rank) : QJsonValue()}});
    return out;
}

QJsonArray mentionsOf(const Analysis &a, const QList<BrandSpec> &brands)
{
    QJsonArray mentions;
    for (int b = 0; b < brands.size(); ++b) {
        const BrandFigures &f = a.brands[b];
        const QJsonValue none(QJsonValue::Null);
        mentions.append(
            QJsonObject{{u"brand"_s, brands[b].name},
                        {u"role"_s, b == 0 ? u"brand"_s : u"competitor"_s},
                        {u"mentions"_s, f.mentions},
                        {u"first_offset"_s, f.mentioned() ? QJsonValue(f.firstOffset) : none},
                        {u"first_pos"_s, f.mentioned() ? QJsonValue(f.firstPos) : none},
                        {u"order"_s, f.mentioned() ? QJsonValue(f.order) : none},
                        {u"rank"_s, f.rank ? QJsonValue(*f.rank) : none},
                        {u"sentiment"_s, optional(f.sentiment)},
                        {u"sentiment_label"_s, f.sentiment ? QJsonValue(sentimentLabel(*f.sentiment)) : none},
                        {u"pawc"_s, f.pawc}});
    }
    return mentions;
}

int analyze(const Invocation &in)
{
    const std::optional<AuditSpec> spec = readSpec(in.value(u"spec"_s));
    if (!spec)
        return BadInput;
    const QString fileArg = in.argument(u"FILE"_s);
    QString answer;
    if (fileArg == u"-"_s) {
        answer = readArgumentOrStdin(fileArg);
    } else {
        QFile f(fileArg);
        if (!f.open(QIODevice::ReadOnly)) {
            say(u"%1: cannot read it (%2)"_s.arg(fileArg, f.errorString()));
            return BadInput;
        }
        answer = QString::fromUtf8(f.readAll());
    }
    const Analysis a = ResponseAnalyzer(*spec).analyze(answer, {});
    const QList<BrandSpec> brands = spec->trackedBrands();
    QJsonArray citations;
    for (const CitationRef &c : a.citations)
        citations.append(QJsonObject{{u"url"_s, c.url},
                                     {u"domain"_s, c.domain},
                                     {u"owner"_s, c.owner >= 0 ? brands[c.owner].name : u"third party"_s},
                                     {u"source"_s, c.source == CitationRef::Source::Engine ? u"engine"_s : u"text"_s}});
    const QJsonObject analysis{{u"mentions"_s, mentionsOf(a, brands)},
                               {u"citations"_s, citations},
                               {u"discovered_brands"_s, discoveredOf(a)},
                               {u"recommendations"_s, a.recommendations},
                               {u"sentences"_s, a.sentences}};
    print(QString::fromUtf8(QJsonDocument(analysis).toJson(QJsonDocument::Indented)));
    return Success;
}

} // namespace

Command analyzeCommand()
{
    return {.name = u"analyze"_s,
            .arguments = {{.name = u"FILE"_s, .stdinDash = true}},
            .required = {u"spec"_s},
            .help = u"Prints the analysis of one answer (Markdown, from FILE or standard input) as JSON: each "
                    "tracked brand's mentions, order, rank, sentiment and PAWC, the citations, and the discovered "
                    "brands."_s,
            .run = analyze};
}

Command sentimentCommand()
{
    return {.name = u"sentiment"_s,
            .arguments = {{.name = u"TEXT"_s, .stdinDash = true}},
            .help = u"Prints VADER's {\"neg\", \"neu\", \"pos\", \"compound\"} scores for TEXT (or standard input), "
                    "rounded as VADER rounds."_s,
            .run = sentiment};
}

} // namespace geo::cli
