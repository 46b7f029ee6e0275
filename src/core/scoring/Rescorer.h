#pragma once

#include "model/AuditSpec.h"
#include "model/Result.h"
#include "model/Scores.h"

#include <QFuture>

#include <optional>

namespace geo {

class AuditStore;

// An audit's figures before and after its answers were analysed again.
struct Rescore
{
    int answers = 0; // answers analysed again
    AuditScores before;
    AuditScores after;
};

// Analyses the stored answers of an audit again, with the brands, aliases, domains and score
// weights of a spec, without asking any engine: for a brand added or an alias forgotten.
class Rescorer final
{
public:
    // Reads the answers, analyses them on the global thread pool and replaces the analyses in
    // one store job, so a failure leaves the audit as it was. spec: the stored one when none.
    static QFuture<Result<Rescore>> rescore(AuditStore *store, qint64 auditId, const std::optional<AuditSpec> &spec);
};

} // namespace geo
