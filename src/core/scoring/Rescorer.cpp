#include "Rescorer.h"

#include "AuditScoring.h"
#include "analysis/Citations.h"
#include "analysis/MentionFinder.h"
#include "analysis/ResponseAnalyzer.h"
#include "model/WorkPool.h"
#include "spec/SpecReader.h"
#include "store/AuditStore.h"

#include <QtConcurrent/QtConcurrentMap>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

Result<Rescore> rescoreNow(AuditStore &store, qint64 auditId, std::optional<AuditSpec> spec)
{
    const Result<StoredAudit> stored = store.answeredItems(auditId).result();
    if (!stored)
        return Error{stored.error()};
    if (!spec) {
        SpecReader::Outcome read = SpecReader::parse(stored->specJson, {});
        if (!read.spec)
            return Error{u"the stored spec of audit %1 cannot be read (%2); give one with --spec"_s.arg(auditId).arg(
                read.problems.join(u"; "_s))};
        spec = read.spec;
    }
    Result<AuditScores> before = AuditScoring::load(store, auditId);
    if (!before)
        return Error{before.error()};

    const Result<QList<InspectedSite>> sites = store.inspectedSitesOf(auditId).result();
    if (!sites)
        return Error{sites.error()};

    Reanalysis re{*spec, {}, {}, {}};
    const ResponseAnalyzer analyzer(*spec);
    re.analyses = QtConcurrent::blockingMapped(workPool(), stored->items, [&analyzer](const StoredAudit::Item &item) {
        return std::pair<qint64, Analysis>(item.id, analyzer.analyze(item.answer, item.citations));
    });
    // A prompt is branded when it names a tracked brand, so a new name can make it so.
    const QList<BrandSpec> brands = spec->trackedBrands();
    const MentionFinder finder(brands);
    for (const PlannedPrompt &prompt : stored->prompts)
        re.branded.append(finder.mentionsAny(prompt.text));
    // Inspected sites belong to whoever owns their domain now.
    for (const InspectedSite &site : sites.value())
        re.siteOwners.insert(site.domain, ownerOf(site.domain, brands));
    if (Status s = store.replaceAnalyses(auditId, re).result(); !s)
        return Error{s.error()};

    Result<AuditScores> after = AuditScoring::load(store, auditId);
    if (!after)
        return Error{after.error()};
    return Rescore{int(re.analyses.size()), std::move(before).value(), std::move(after).value()};
}

} // namespace

QFuture<Result<Rescore>> Rescorer::rescore(AuditStore *store, qint64 auditId, const std::optional<AuditSpec> &spec)
{
    return store->background([store, auditId, spec] { return rescoreNow(*store, auditId, spec); });
}

} // namespace geo
