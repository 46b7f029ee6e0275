#include "AuditScoring.h"

#include "DiscoveredBrands.h"

#include "Scorer.h"
#include "SourceClassifier.h"
#include "store/AuditStore.h"

namespace geo {

QList<ScoredAnswer> AuditScoring::classified(const ScoringInput &input)
{
    const SourceClassifier classifier(input.sourceTypes, input.pages);
    QHash<QString, SourceType> seen; // an audit cites the same pages again and again
    QList<ScoredAnswer> out = input.answers;
    for (ScoredAnswer &a : out) {
        a.citationTypes.clear();
        a.citationTypes.reserve(a.citations.size());
        for (const CitationRef &c : std::as_const(a.citations)) {
            auto it = seen.constFind(c.url);
            if (it == seen.cend())
                it = seen.insert(c.url, classifier.classify(QUrl(c.url), c.domain, c.owner));
            a.citationTypes << *it;
        }
    }
    return out;
}

AuditScores AuditScoring::score(const ScoringInput &input)
{
    const Scorer scorer(int(input.brands.size()), input.weights, input.readiness);
    return AuditScores{input.auditId,
                       input.brands,
                       input.weights,
                       scorer.score(classified(input)),
                       DiscoveredBrands::group(input.answers, input.brands),
                       input.run};
}

Result<AuditScores> AuditScoring::load(AuditStore &store, qint64 auditId)
{
    const Result<ScoringInput> input = store.scoringInput(auditId).result();
    if (!input)
        return Error{input.error()};
    return score(input.value());
}

Result<std::optional<AuditScores>> AuditScoring::loadPrevious(AuditStore &store, qint64 auditId)
{
    const Result<qint64> previousId = store.previousInSeries(auditId).result();
    if (!previousId)
        return Error{previousId.error()};
    if (previousId.value() == 0)
        return std::optional<AuditScores>();
    Result<AuditScores> previous = load(store, previousId.value());
    if (!previous)
        return Error{previous.error()};
    return std::optional<AuditScores>(std::move(previous).value());
}

Result<ScoredAudit> AuditScoring::loadWithPrevious(AuditStore &store, qint64 auditId)
{
    Result<AuditScores> scores = load(store, auditId);
    if (!scores)
        return Error{scores.error()};
    Result<std::optional<AuditScores>> previous = loadPrevious(store, auditId);
    if (!previous)
        return Error{previous.error()};
    ScoredAudit out{std::move(scores).value(), std::move(previous).value(), {}};
    out.changes = ScoreComparison::compare(out.scores, out.previous ? &*out.previous : nullptr);
    return out;
}

QFuture<Result<AuditScores>> AuditScoring::scores(AuditStore *store, qint64 auditId)
{
    return store->background([store, auditId] { return load(*store, auditId); });
}

QFuture<Result<ScoredAudit>> AuditScoring::withPrevious(AuditStore *store, qint64 auditId)
{
    return store->background([store, auditId] { return loadWithPrevious(*store, auditId); });
}

} // namespace geo
