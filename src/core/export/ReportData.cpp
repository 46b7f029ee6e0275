#include "ReportData.h"

namespace geo {

using namespace Qt::StringLiterals;

QString ReportData::headlineCut() const
{
    const CutScores *nonBranded = scores.cut(u"non-branded"_s);
    return nonBranded && !nonBranded->brands.isEmpty() && nonBranded->brands.front().answers > 0 ? u"non-branded"_s : u"all"_s;
}

const CutScores &ReportData::headline() const
{
    return *scores.cut(headlineCut()); // the scorer always makes both cuts
}

const BrandChange *ReportData::brandChange(const QString &cut, int brand) const
{
    if (!previous)
        return nullptr;
    for (const BrandChange &c : changes)
        if (c.cut == cut && c.brand == brand)
            return &c;
    return nullptr;
}

const FigureChange *ReportData::change(const QString &cut, int brand, const QString &figure) const
{
    if (const BrandChange *c = brandChange(cut, brand))
        for (const FigureChange &f : c->figures)
            if (f.figure == figure)
                return &f;
    return nullptr;
}

QString ReportData::brandRole(int brand) const
{
    return brand == 0 ? u"brand"_s : brand > 0 ? u"competitor"_s : u"third party"_s;
}

QString ReportData::ownerName(int owner) const
{
    return owner >= 0 && owner < scores.brands.size() ? scores.brands[owner] : u"third party"_s;
}

Result<std::optional<AuditScores>> previousScores(QSqlDatabase &db, qint64 auditId)
{
    const Result<qint64> previousId = AuditRepository::previousInSeries(db, auditId);
    if (!previousId)
        return Error{previousId.error()};
    if (previousId.value() == 0)
        return std::optional<AuditScores>();
    Result<AuditScores> previous = AuditRepository::scores(db, previousId.value());
    if (!previous)
        return Error{previous.error()};
    return std::optional<AuditScores>(std::move(previous).value());
}

Result<ReportData> ReportData::load(QSqlDatabase &db, qint64 auditId)
{
    ReportData data;
    data.generatedAt = QDateTime::currentDateTimeUtc();
    Result<AuditSummary> audit = AuditRepository::auditSummary(db, auditId);
    if (!audit)
        return Error{audit.error()};
    data.audit = audit.value();
    Result<QJsonObject> spec = AuditRepository::storedSpec(db, auditId);
    if (!spec)
        return Error{spec.error()};
    data.spec = spec.value();
    Result<QList<PlannedPrompt>> prompts = AuditRepository::prompts(db, auditId);
    if (!prompts)
        return Error{prompts.error()};
    data.prompts = prompts.value();
    Result<AuditScores> scores = AuditRepository::scores(db, auditId);
    if (!scores)
        return Error{scores.error()};
    data.scores = std::move(scores).value();

    Result<std::optional<AuditScores>> previous = previousScores(db, auditId);
    if (!previous)
        return Error{previous.error()};
    data.previous = std::move(previous).value();
    if (data.previous) {
        Result<AuditSummary> summary = AuditRepository::auditSummary(db, data.previous->auditId);
        if (!summary)
            return Error{summary.error()};
        data.previousAudit = summary.value();
    }
    data.changes = ScoreComparison::compare(data.scores, data.previous ? &*data.previous : nullptr);

    Result<QList<InspectedSite>> sites = AuditRepository::inspectedSites(db, auditId);
    if (!sites)
        return Error{sites.error()};
    QList<InspectedSite> uncited = sites.value();
    const auto takeSite = [&uncited](const QString &domain) -> std::optional<InspectedSite> {
        for (qsizetype i = 0; i < uncited.size(); ++i)
            if (uncited[i].domain == domain)
                return uncited.takeAt(i);
        return std::nullopt;
    };
    for (const DomainScore &d : data.scores.cut(u"all"_s)->domains)
        data.domains.append({d.domain, d.owner, d.citations, takeSite(d.domain)});
    for (const InspectedSite &s : uncited)
        data.domains.append({s.domain, s.owner, 0, s});

    Result<QList<FailureGroup>> failures = AuditRepository::failureGroups(db, auditId);
    if (!failures)
        return Error{failures.error()};
    data.failures = failures.value();
    return data;
}

} // namespace geo
