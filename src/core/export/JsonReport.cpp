#include "JsonReport.h"

#include "scoring/Figures.h"

#include <QJsonArray>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

QJsonValue value(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue isoTime(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QJsonObject audit(const AuditSummary &a)
{
    return {{u"id"_s, a.id},
            {u"name"_s, a.name},
            {u"state"_s, stateName(a.state)},
            {u"sample_data"_s, a.sampleData},
            {u"created_at"_s, isoTime(a.createdAt)},
            {u"finished_at"_s, isoTime(a.finishedAt)}};
}

QJsonObject spec(const ReportData &data)
{
    QJsonArray engines;
    for (const QJsonValue &e : data.spec[u"engines"_s].toArray())
        engines.append(QJsonObject{{u"id"_s, e[u"id"_s]}, {u"kind"_s, e[u"kind"_s]}, {u"model"_s, e[u"model"_s]}});
    QJsonArray prompts;
    for (const PlannedPrompt &p : data.prompts)
        prompts.append(QJsonObject{
            {u"text"_s, p.text}, {u"category"_s, p.category}, {u"topic"_s, p.topic}, {u"branded"_s, p.branded}});
    return {{u"brand"_s, data.spec[u"brand"_s]},
            {u"competitors"_s, data.spec[u"competitors"_s]},
            {u"topics"_s, data.spec[u"topics"_s]},
            {u"samples"_s, data.spec[u"samples"_s]},
            {u"engines"_s, engines},
            {u"prompts"_s, prompts}};
}

QJsonObject run(const RunStats &r)
{
    return {
        {u"planned"_s, r.planned},
        {u"asked"_s, r.asked},
        {u"answered"_s, r.answered},
        {u"analysed"_s, r.analysed},
        {u"failed"_s, r.failed},
        {u"retries"_s, r.retries},
        {u"elapsed_ms"_s, r.finished ? QJsonValue(r.elapsedMs) : QJsonValue(QJsonValue::Null)},
        {u"answers_per_second"_s, r.finished ? QJsonValue(r.answersPerSecondOverall) : QJsonValue(QJsonValue::Null)},
        {u"analyses_per_second"_s, r.finished ? QJsonValue(r.analysesPerSecondOverall) : QJsonValue(QJsonValue::Null)},
        {u"latency_p50_ms"_s, r.latencyP50Ms},
        {u"latency_p95_ms"_s, r.latencyP95Ms},
        {u"tokens_in"_s, r.tokensIn},
        {u"tokens_out"_s, r.tokensOut},
        {u"cost_usd"_s, r.costUsd},
        {u"sites_inspected"_s, r.sitesInspected},
        {u"sites_unreachable"_s, r.sitesUnreachable}};
}

QJsonObject named(const QList<Figure> &figures)
{
    QJsonObject out;
    for (const Figure &f : figures)
        out.insert(f.name, value(f.value));
    return out;
}

QJsonArray cuts(const ReportData &data)
{
    QJsonArray out;
    for (const CutScores &cut : data.scores.cuts) {
        QJsonArray brands;
        for (int b = 0; b < cut.brands.size(); ++b) {
            QJsonObject brand{{u"brand"_s, data.scores.brands[b]},
                              {u"role"_s, data.brandRole(b)},
                              {u"figures"_s, named(figures(cut.brands[b]))}};
            if (const BrandChange *c = data.brandChange(cut.cut, b)) {
                QJsonObject previous, change;
                for (const FigureChange &f : c->figures) {
                    previous.insert(f.figure, value(f.previous));
                    change.insert(f.figure, value(f.change));
                }
                brand.insert(u"previous"_s, previous);
                brand.insert(u"change"_s, change);
                brand.insert(u"intervals_overlap"_s,
                             c->intervalsOverlap ? QJsonValue(*c->intervalsOverlap) : QJsonValue(QJsonValue::Null));
            }
            brands.append(brand);
        }
        out.append(QJsonObject{{u"cut"_s, cut.cut},
                               {u"brands"_s, brands},
                               {u"sources"_s, named(sourceFigures(cut.sources, u"citations"_s))}});
    }
    return out;
}

QJsonArray domains(const ReportData &data)
{
    static const QStringList groups{u"crawler_access"_s,    u"structured_data"_s, u"metadata"_s,
                                    u"content_structure"_s, u"llms_txt"_s,        u"transport"_s};
    QJsonArray out;
    for (const ReportDomain &d : data.domains) {
        QJsonObject domain{{u"domain"_s, d.domain},
                           {u"owner"_s, data.ownerName(d.owner)},
                           {u"owner_role"_s, data.brandRole(d.owner)},
                           {u"citations"_s, d.citations},
                           {u"source_type"_s, d.citations > 0 ? QJsonValue(sourceTypeName(d.type)) : QJsonValue()}};
        if (d.site) {
            QJsonObject points;
            for (qsizetype g = 0; g < groups.size() && g < d.site->groups.size(); ++g)
                points.insert(groups[g], d.site->groups[g]);
            domain.insert(
                u"inspection"_s,
                QJsonObject{
                    {u"page"_s, d.site->page},
                    {u"reachable"_s, d.site->reachable},
                    {u"error"_s, d.site->error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.site->error)},
                    {u"points"_s, points}});
            domain.insert(u"readiness"_s, d.site->reachable ? QJsonValue(d.site->score) : QJsonValue(QJsonValue::Null));
        } else {
            domain.insert(u"inspection"_s, QJsonValue::Null);
            domain.insert(u"readiness"_s, QJsonValue::Null);
        }
        out.append(domain);
    }
    return out;
}

} // namespace

QJsonObject JsonReport::render(const ReportData &data)
{
    QJsonArray discovered;
    for (const DiscoveredBrand &d : data.scores.discovered)
        discovered.append(
            QJsonObject{{u"name"_s, d.name},
                        {u"products"_s, QJsonArray::fromStringList(d.products)},
                        {u"answers"_s, d.answers},
                        {u"engines"_s, QJsonArray::fromStringList(d.engines)},
                        {u"best_rank"_s, d.bestRank ? QJsonValue(*d.bestRank) : QJsonValue()},
                        {u"mention_share"_s, d.mentionShare ? QJsonValue(*d.mentionShare) : QJsonValue()}});
    QJsonArray failures;
    int failed = 0;
    for (const FailureGroup &f : data.failures) {
        failures.append(QJsonObject{{u"stage"_s, f.stage},
                                    {u"engine"_s, f.engine},
                                    {u"error_class"_s, f.errorClass},
                                    {u"count"_s, f.count},
                                    {u"example"_s, f.example}});
        failed += f.count;
    }
    return {{u"format"_s, u"geoaudit-report"_s},
            {u"format_version"_s, 1},
            {u"generator"_s, u"GEO Audit "_s + QStringLiteral(GEOAUDIT_VERSION)},
            {u"generated_at"_s, isoTime(data.generatedAt)},
            {u"audit"_s, audit(data.audit)},
            {u"spec"_s, spec(data)},
            {u"brands"_s, QJsonArray::fromStringList(data.scores.brands)},
            {u"headline_cut"_s, data.headlineCut()},
            {u"score_weights"_s, data.scores.weights.toJson()},
            {u"score_formula"_s, data.scores.weights.formula()},
            {u"run"_s, run(data.scores.run)},
            {u"previous_audit"_s,
             data.previousAudit ? QJsonValue(audit(*data.previousAudit)) : QJsonValue(QJsonValue::Null)},
            {u"cuts"_s, cuts(data)},
            {u"domains"_s, domains(data)},
            {u"discovered"_s, discovered},
            {u"failures"_s, QJsonObject{{u"total"_s, failed}, {u"groups"_s, failures}}}};
}

} // namespace geo
