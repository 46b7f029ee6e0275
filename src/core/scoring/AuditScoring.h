#pragma once

#include "ScoreComparison.h"
#include "model/Result.h"
#include "model/Scores.h"

#include <QFuture>

#include <optional>

namespace geo {

class AuditStore;

// A stored audit's figures beside those of the previous finished audit of its series.
struct ScoredAudit
{
    AuditScores scores;
    std::optional<AuditScores> previous;
    QList<BrandChange> changes; // every cut and brand against previous
};

// The scoring stage of a stored audit: the store loads what it needs, this computes.
// The blocking functions are for worker threads (they wait on the store's futures); event
// threads take the futures, which do the same on the global thread pool.
namespace AuditScoring {

AuditScores score(const ScoringInput &input);
// The input's answers with the source type of each citation (SourceClassifier).
QList<ScoredAnswer> classified(const ScoringInput &input);

Result<AuditScores> load(AuditStore &store, qint64 auditId);
// The scores of the previous finished audit of auditId's series; none when it is the first.
Result<std::optional<AuditScores>> loadPrevious(AuditStore &store, qint64 auditId);
Result<ScoredAudit> loadWithPrevious(AuditStore &store, qint64 auditId);

QFuture<Result<AuditScores>> scores(AuditStore *store, qint64 auditId);
QFuture<Result<ScoredAudit>> withPrevious(AuditStore *store, qint64 auditId);

} // namespace AuditScoring

} // namespace geo
