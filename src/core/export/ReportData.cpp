#include "ReportData.h"

#include "store/AuditStore.h"

namespace geo {

using namespace Qt::StringLiterals;

QString ReportData::headlineCut() const
{
    const CutScores *nonBranded = scores.cut(u"non-branded"_s);
    return nonBranded && !nonBranded->brands.isEmpty() && nonBranded->brands.front().answers > 0 ? u"non-branded"_s
                                                                                                 : u"all"_s;
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

Result<ReportData> ReportData::load(AuditStore &store, qint64 auditId)
{
    ReportData data;
    data.generatedAt = QDateTime::currentDateTimeUtc();
    Result<AuditSummary> audit = store.audit(auditId).result();
    if (!audit)
        return Error{audit.error()};
    data.audit = audit.value();
    Result<QJsonObject> spec = store.storedSpec(auditId).result();
    if (!spec)
        return Error{spec.error()};
    data.spec = spec.value();
    Result<QList<PlannedPrompt>> prompts = store.promptsOf(auditId).result();
    if (!prompts)
        return Error{prompts.error()};
    data.prompts = prompts.value();
    Result<ScoredAudit> scored = AuditScoring::loadWithPrevious(store, auditId);
    if (!scored)
        return Error{scored.error()};
    data.scores = std::move(scored->scores);
    data.previous = std::move(scored->previous);
    data.changes = std::move(scored->changes);
    if (data.previous) {
        Result<AuditSummary> summary = store.audit(data.previous->auditId).result();
        if (!summary)
            return Error{summary.error()};
        data.previousAudit = summary.value();
    }

    Result<QList<InspectedSite>> sites = store.inspectedSitesOf(auditId).result();
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
        data.domains.append({d.domain, d.owner, d.citations, takeSite(d.domain), d.type});
    for (const InspectedSite &s : uncited)
        data.domains.append({s.domain, s.owner, 0, s, SourceType::Other});

    Result<QList<FailureGroup>> failures = store.failureGroupsOf(auditId).result();
    if (!failures)
        return Error{failures.error()};
    data.failures = failures.value();
    return data;
}

QFuture<Result<ReportData>> ReportData::loadLater(AuditStore *store, qint64 auditId)
{
    return store->background([store, auditId] { return load(*store, auditId); });
}

} // namespace geo
