#include "ReportDocument.h"

#include "ReportCharts.h"

#include <QJsonArray>

#include <algorithm>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

const QString NotApplicable = u"n/a"_s;

QString percent(const std::optional<double> &v, int decimals = 1)
{
    return v ? QString::number(100.0 * *v, 'f', decimals) + u'%' : NotApplicable;
}

QString number(const std::optional<double> &v, int decimals = 1)
{
    return v ? QString::number(*v, 'f', decimals) : NotApplicable;
}

QString interval(const std::optional<Interval> &i)
{
    return i ? u"%1–%2%"_s.arg(QString::number(100.0 * i->low, 'f', 1), QString::number(100.0 * i->high, 'f', 1))
             : NotApplicable;
}

QString signedNumber(double v, int decimals, const QString &unit)
{
    return (v > 0 ? u"+"_s : QString()) + QString::number(v, 'f', decimals) + unit;
}

QString dateTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s) : NotApplicable;
}

QString cutTitle(const QString &cut)
{
    if (cut == u"all"_s)
        return u"All prompts"_s;
    if (cut == u"non-branded"_s)
        return u"Non-branded prompts"_s;
    if (cut == u"branded"_s)
        return u"Branded prompts"_s;
    const qsizetype eq = cut.indexOf(u'=');
    QString dimension = cut.left(eq);
    dimension[0] = dimension[0].toUpper();
    return dimension + u": "_s + cut.mid(eq + 1);
}

ReportBlock paragraph(const QString &text)
{
    ReportBlock b;
    b.kind = ReportBlock::Kind::Paragraph;
    b.text = text;
    return b;
}

ReportBlock chart(const Chart &c)
{
    ReportBlock b;
    b.kind = ReportBlock::Kind::ChartBlock;
    b.chart = c;
    return b;
}

ReportBlock table(const ReportTable &t)
{
    ReportBlock b;
    b.kind = ReportBlock::Kind::TableBlock;
    b.table = t;
    return b;
}

QString engines(const QJsonObject &spec)
{
    QStringList out;
    for (const QJsonValue &e : spec[u"engines"_s].toArray())
        out << u"%1 (%2)"_s.arg(e[u"id"_s].toString(), e[u"model"_s].toString());
    return out.join(u", "_s);
}

ReportSection summary(const ReportData &data)
{
    const CutScores &cut = data.headline();
    const QString headline = data.headlineCut();
    const BrandScore &brand = cut.brands.front();
    ReportSection s{u"summary"_s, u"Summary"_s, {}};
    s.blocks << paragraph(
        u"Figures over the %1 answers to %2. A prompt is branded when it names a tracked brand; such prompts say "
        u"little "
        "about whether engines recommend the brand on their own, so the headline leaves them out. Every figure of "
        "every "
        "cut is in the JSON and CSV exports."_s.arg(brand.answers)
            .arg(headline == u"non-branded"_s ? u"prompts that name no tracked brand"_s : u"every prompt"_s));

    ReportBlock figures;
    figures.kind = ReportBlock::Kind::Figures;
    QString scoreNote
        = u"out of 100. Visibility score = %1, where V is visibility, SoV share of voice, R top-3 rate and S "
          "the sentiment index / 100"_s.arg(data.scores.weights.formula());
    if (const FigureChange *c = data.change(headline, 0, u"visibility_score"_s); c && c->change)
        scoreNote += u"; %1 since audit %2"_s.arg(signedNumber(*c->change, 1, QString())).arg(data.previous->auditId);
    figures.figures << KeyFigure{u"Visibility score"_s, number(brand.visibilityScore), scoreNote};
    figures.figures << KeyFigure{u"Visibility"_s, percent(brand.visibility),
                                 u"mentioned in %1 of %2 answers; 95% interval %3"_s.arg(brand.mentionedAnswers)
                                     .arg(brand.answers)
                                     .arg(interval(brand.visibilityInterval))};
    figures.figures << KeyFigure{u"Share of voice"_s, percent(brand.shareOfVoice),
                                 u"of all tracked brands' mentions"_s};
    figures.figures << KeyFigure{u"Top-3 rate"_s, percent(brand.top3Rate), u"answers ranking it 1st to 3rd"_s};
    figures.figures << KeyFigure{u"Average rank"_s, number(brand.averageRank),
                                 u"in the %1 answers that rank it"_s.arg(brand.rankedAnswers)};
    figures.figures << KeyFigure{u"Sentiment index"_s, number(brand.sentimentIndex, 0),
                                 u"of 100; %1 positive, %2 neutral, %3 negative answers"_s.arg(brand.positive)
                                     .arg(brand.neutral)
                                     .arg(brand.negative)};
    figures.figures << KeyFigure{u"Citation share"_s, percent(brand.citationShare),
                                 u"%1 citations of the brand's own domains"_s.arg(brand.citations)};
    s.blocks << figures;

    ReportTable t;
    t.header = {u"Brand"_s,      u"Score"_s,    u"Visibility"_s, u"95% interval"_s,  u"Share of voice"_s,
                u"Top-3 rate"_s, u"Avg rank"_s, u"Sentiment"_s,  u"Citation share"_s};
    t.numeric = {false, true, true, true, true, true, true, true, true};
    t.stretch = {4, 2, 2, 3, 2, 2, 2, 3, 2};
    if (data.previous) {
        t.header << u"Score change"_s << u"Visibility change"_s;
        t.numeric << true << true;
        t.stretch << 2 << 4;
    }
    for (int b = 0; b < cut.brands.size(); ++b) {
        const BrandScore &x = cut.brands[b];
        QStringList row{data.scores.brands[b],          number(x.visibilityScore),   percent(x.visibility),
                        interval(x.visibilityInterval), percent(x.shareOfVoice),     percent(x.top3Rate),
                        number(x.averageRank),          number(x.sentimentIndex, 0), percent(x.citationShare)};
        if (data.previous) {
            const FigureChange *score = data.change(headline, b, u"visibility_score"_s);
            const FigureChange *visibility = data.change(headline, b, u"visibility"_s);
            row << (score && score->change ? signedNumber(*score->change, 1, QString()) : NotApplicable);
            QString v = visibility && visibility->change ? signedNumber(100.0 * *visibility->change, 1, u" pp"_s)
                                                         : NotApplicable;
            if (const BrandChange *c = data.brandChange(headline, b); c && c->intervalsOverlap)
                v += *c->intervalsOverlap ? u", within noise"_s : u", beyond noise"_s;
            row << v;
        }
        t.rows << row;
    }
    t.emphasis = 0;
    s.blocks << table(t);
    if (data.previous)
        s.blocks << paragraph(
            u"Changes are against audit %1 of the same series (%2). A visibility change is within noise "
            "when the two Wilson 95% intervals overlap: it may be sampling alone."_s.arg(data.previous->auditId)
                .arg(dateTime(data.previousAudit ? data.previousAudit->finishedAt : QDateTime())));
    return s;
}

ReportSection byCut(const ReportData &data)
{
    ReportSection s{u"cuts"_s, u"Visibility score by engine, category and topic"_s, {}};
    s.blocks << paragraph(
        u"The visibility score (%1) of each brand in each cut of the answers; n/a where the cut has no "
        "answers or no brand was mentioned in it."_s.arg(data.scores.weights.formula()));
    ReportTable t;
    t.header = {u"Cut"_s, u"Answers"_s};
    t.numeric = {false, true};
    t.stretch = {6, 2};
    for (const QString &b : data.scores.brands) {
        t.header << b;
        t.numeric << true;
        t.stretch << 3;
    }
    for (const CutScores &c : data.scores.cuts) {
        QStringList row{cutTitle(c.cut), QString::number(c.brands.isEmpty() ? 0 : c.brands.front().answers)};
        for (const BrandScore &b : c.brands)
            row << number(b.visibilityScore);
        t.rows << row;
    }
    s.blocks << table(t);
    return s;
}

ReportSection readiness(const ReportData &data, const Chart &readinessChart)
{
    ReportSection s{u"readiness"_s, u"Site readiness"_s, {}};
    s.blocks << chart(readinessChart);
    ReportTable t;
    t.header = {u"Domain"_s,   u"Owner"_s,       u"Score"_s,       u"Crawlers /35"_s, u"Data /20"_s,
                u"Meta /15"_s, u"Content /15"_s, u"llms.txt /5"_s, u"Transport /10"_s};
    t.numeric = {false, false, true, true, true, true, true, true, true};
    t.stretch = {4, 3, 2, 2, 2, 2, 2, 2, 3};
    QList<const ReportDomain *> owned; // the brand's first, then each competitor's, as in the chart
    for (int b = 0; b < data.scores.brands.size(); ++b)
        for (const ReportDomain &d : data.domains)
            if (d.owner == b && d.site)
                owned << &d;
    for (const ReportDomain *domain : owned) {
        const ReportDomain &d = *domain;
        QStringList row{d.domain, data.ownerName(d.owner)};
        if (!d.site->reachable) {
            row << u"unreachable"_s;
            while (row.size() < t.header.size())
                row << QString();
        } else {
            row << QString::number(d.site->score);
            for (int g : d.site->groups)
                row << QString::number(g);
        }
        t.rows << row;
    }
    s.blocks << table(t);
    s.blocks << paragraph(u"Points per group, of 35, 20, 15, 15, 5 and 10: AI crawler access in robots.txt, "
                          "structured data (JSON-LD), metadata, content structure, llms.txt and transport "
                          "(HTTPS, HSTS)."_s);
    return s;
}

ReportSection sources(const ReportData &data)
{
    constexpr int Shown = 25;
    ReportSection s{u"sources"_s, u"Most cited sources"_s, {}};
    ReportTable t;
    t.header = {u"Domain"_s, u"Owner"_s, u"Type"_s, u"Citations"_s, u"Readiness"_s};
    t.numeric = {false, false, false, true, true};
    t.stretch = {6, 4, 4, 2, 2};
    int cited = 0;
    for (const ReportDomain &d : data.domains) {
        if (d.citations == 0)
            continue;
        if (++cited > Shown)
            break;
        QString readiness = u"not inspected"_s;
        if (d.site)
            readiness = d.site->reachable ? QString::number(d.site->score) : u"unreachable"_s;
        t.rows << QStringList{d.domain, data.ownerName(d.owner), sourceTypeLabel(d.type), QString::number(d.citations),
                              readiness};
    }
    if (t.rows.isEmpty()) {
        s.blocks << paragraph(u"No answer cited a source."_s);
        return s;
    }
    s.blocks << paragraph(u"Registrable domains cited in all answers, most cited first (at most %1), with their owner, "
                          "source type and GEO readiness (0-100)."_s.arg(Shown));
    s.blocks << table(t);
    return s;
}

// A row of each cut's citations by source type, in the types any cut cites.
ReportTable sourceMixTable(const QString &first, const QList<std::pair<QString, const SourceMix *>> &rows)
{
    QList<SourceType> shown;
    for (int type = 0; type < SourceTypeCount; ++type)
        if (std::any_of(rows.cbegin(), rows.cend(),
                        [type](const auto &r) { return r.second->citations[std::size_t(type)] > 0; }))
            shown << SourceType(type);
    ReportTable t;
    t.header = {first, u"Citations"_s};
    t.numeric = {false, true};
    t.stretch = {5, 2};
    for (SourceType type : shown) {
        t.header << sourceTypeLabel(type);
        t.numeric << true;
        t.stretch << 2;
    }
    for (const auto &[name, mix] : rows) {
        QStringList row{name, QString::number(mix->total())};
        for (SourceType type : shown)
            row << percent(mix->share(type), 0);
        t.rows << row;
    }
    return t;
}

ReportSection sourceTypes(const ReportData &data)
{
    ReportSection s{u"source-types"_s, u"What kind of sources the engines cite"_s, {}};
    const CutScores *all = data.scores.cut(u"all"_s);
    if (!all || all->sources.total() == 0) {
        s.blocks << paragraph(u"No answer cited a source."_s);
        return s;
    }
    QList<std::pair<QString, const SourceMix *>> engines{{cutTitle(all->cut), &all->sources}};
    for (const CutScores &c : data.scores.cuts)
        if (c.cut.startsWith(u"engine="_s))
            engines.append({cutTitle(c.cut), &c.sources});
    s.blocks << paragraph(u"Each engine's citations by the type of the source: the brand's own domains, competitors', "
                          "review sites, forums, video, news, reference works, retailers, blogs and documentation. A "
                          "domain's type comes from the audit's settings, a table of well-known sites, the types its "
                          "pages declare, or the shape of its addresses."_s);
    s.blocks << table(sourceMixTable(u"Engine"_s, engines));
    const CutScores &headline = data.headline();
    QList<std::pair<QString, const SourceMix *>> brands;
    for (int b = 0; b < headline.brands.size(); ++b)
        brands.append({data.scores.brands.value(b), &headline.brands[b].sources});
    s.blocks << paragraph(u"The citations of the answers that mention each brand (%1), by source type: where the "
                          "engines get what they say about it."_s.arg(cutTitle(data.headlineCut()).toLower()));
    ReportTable byBrand = sourceMixTable(u"Brand"_s, brands);
    byBrand.emphasis = 0;
    s.blocks << table(byBrand);
    return s;
}

ReportSection discovered(const ReportData &data)
{
    constexpr int Shown = 20;
    ReportSection s{u"discovered"_s, u"Brands the engines name that you do not track"_s, {}};
    if (data.scores.discovered.isEmpty()) {
        s.blocks << paragraph(u"None: every brand the answers recommend is tracked."_s);
        return s;
    }
    s.blocks << paragraph(u"Brands the answers recommend (in list items, headings, table rows, bold or linked names) "
                          "that are not tracked, their product names grouped under them, most named first (at most "
                          "%1). They do not change any figure; add the ones that matter as competitors."_s.arg(Shown));
    ReportTable t;
    t.header = {u"Brand"_s, u"Products"_s, u"Answers"_s, u"Share"_s, u"Best rank"_s, u"Engines"_s};
    t.numeric = {false, false, true, true, true, false};
    t.stretch = {3, 6, 2, 2, 2, 3};
    for (const DiscoveredBrand &d : data.scores.discovered.mid(0, Shown))
        t.rows << QStringList{d.name,
                              d.products.join(u", "_s),
                              QString::number(d.answers),
                              d.mentionShare ? u"%1%"_s.arg(*d.mentionShare * 100.0, 0, 'f', 0) : u"n/a"_s,
                              d.bestRank ? QString::number(*d.bestRank) : u"–"_s,
                              d.engines.join(u", "_s)};
    s.blocks << table(t);
    return s;
}

ReportSection run(const ReportData &data)
{
    const RunStats &r = data.scores.run;
    ReportSection s{u"run"_s, u"The run"_s, {}};
    ReportTable t;
    t.header = {u"Figure"_s, u"Value"_s};
    t.numeric = {false, true};
    t.stretch = {6, 4};
    t.rows
        = {{u"Answers planned"_s, QString::number(r.planned)},
           {u"Answered"_s, QString::number(r.answered)},
           {u"Analysed"_s, QString::number(r.analysed)},
           {u"Failed"_s, QString::number(r.failed)},
           {u"Retries"_s, QString::number(r.retries)},
           {u"Duration"_s, r.finished ? QString::number(r.elapsedMs / 1000.0, 'f', 1) + u" s"_s : NotApplicable},
           {u"Answers per second"_s, r.finished ? QString::number(r.answersPerSecondOverall, 'f', 1) : NotApplicable},
           {u"Engine latency p50 / p95"_s, u"%1 ms / %2 ms"_s.arg(r.latencyP50Ms).arg(r.latencyP95Ms)},
           {u"Tokens in / out"_s, u"%1 / %2"_s.arg(r.tokensIn).arg(r.tokensOut)},
           {u"Cost"_s, u"$"_s + QString::number(r.costUsd, 'f', 4)},
           {u"Sites inspected (unreachable)"_s, u"%1 (%2)"_s.arg(r.sitesInspected).arg(r.sitesUnreachable)}};
    s.blocks << table(t);
    if (data.failures.isEmpty()) {
        s.blocks << paragraph(u"No answer failed."_s);
        return s;
    }
    s.blocks << paragraph(u"Failed answers are not answers: they are left out of every figure above."_s);
    ReportTable f;
    f.header = {u"Stage"_s, u"Engine"_s, u"Error"_s, u"Count"_s, u"Example"_s};
    f.numeric = {false, false, false, true, false};
    f.stretch = {2, 2, 3, 1, 8};
    for (const FailureGroup &g : data.failures)
        f.rows << QStringList{g.stage, g.engine, g.errorClass, QString::number(g.count), g.example};
    s.blocks << table(f);
    return s;
}

ReportSection method(const ReportData &data)
{
    ReportSection s{u"method"_s, u"How the figures are computed"_s, {}};
    s.blocks << paragraph(
        u"Each prompt was asked of each engine %1 time(s): engines answer differently each time, so every "
        "figure is a rate over many answers. Failed answers are left out of every denominator; a figure "
        "whose denominator is 0 is shown as n/a, never as 0."_s.arg(data.spec[u"samples"_s].toInt(1)));
    s.blocks << paragraph(
        u"Visibility: the share of answers that mention the brand (its name or an alias as a whole "
        "word), with its Wilson 95% interval. Share of voice: the brand's share of all tracked brands' "
        "mentions, each brand counted once per answer. Rank: the brand's place in the answer's "
        "recommendation list (list items, table rows and headings naming a brand); top-3 rate: answers "
        "ranking it 1st to 3rd over all answers. Sentiment index: 50 × (1 + mean VADER compound of the "
        "sentences naming the brand), 0 to 100."_s);
    s.blocks << paragraph(
        u"Visibility score = %1, with V visibility, SoV share of voice, R top-3 rate and S the sentiment "
        "index / 100 (0.5 for a brand never mentioned). The weights are settings of the audit."_s.arg(
            data.scores.weights.formula()));
    ReportTable t;
    t.header = {u"Prompt"_s, u"Category"_s, u"Topic"_s, u"Branded"_s};
    t.numeric = {false, false, false, false};
    t.stretch = {10, 2, 4, 2};
    for (const PlannedPrompt &p : data.prompts)
        t.rows << QStringList{p.text, p.category, p.topic, p.branded ? u"yes"_s : u"no"_s};
    s.blocks << paragraph(u"The %1 prompts asked:"_s.arg(data.prompts.size()));
    s.blocks << table(t);
    return s;
}

} // namespace

ReportDocument ReportDocument::build(const ReportData &data)
{
    ReportDocument d;
    const QString brand = data.scores.brands.value(0);
    d.title = u"AI answer engine visibility: %1"_s.arg(brand);
    d.subtitle = u"Audit %1 “%2”, %3 · engines: %4 · %5 answers, generated %6"_s.arg(data.audit.id)
                     .arg(data.audit.name,
                          dateTime(data.audit.finishedAt.isValid() ? data.audit.finishedAt : data.audit.createdAt),
                          engines(data.spec))
                     .arg(data.scores.run.planned)
                     .arg(dateTime(data.generatedAt));
    QStringList notices;
    if (data.audit.sampleData)
        notices << u"Sample data: these answers are recordings for demonstration, not real engine output."_s;
    if (data.audit.state != AuditState::Finished)
        notices << u"This audit is %1: the figures cover the answers it has so far."_s.arg(stateName(data.audit.state));
    d.notice = notices.join(u' ');
    d.footer = u"GEO Audit %1 · audit %2 · %3"_s.arg(QStringLiteral(GEOAUDIT_VERSION)).arg(data.audit.id).arg(brand);

    const QList<Chart> charts = ReportCharts::build(data);
    d.sections << summary(data);
    d.sections << ReportSection{
        u"visibility"_s, u"Visibility and share of voice"_s, {chart(charts[0]), chart(charts[1])}};
    d.sections << ReportSection{u"ranking"_s, u"Ranking and sources"_s, {chart(charts[2]), chart(charts[3])}};
    d.sections << readiness(data, charts[4]);
    d.sections << byCut(data);
    d.sections << sources(data);
    d.sections << sourceTypes(data);
    d.sections << discovered(data);
    d.sections << run(data);
    d.sections << method(data);
    // The tables by cut and the method start pages of their own; the rest follows on.
    for (ReportSection &s : d.sections)
        s.newPage = s.id == u"cuts"_s || s.id == u"method"_s;
    return d;
}

} // namespace geo
