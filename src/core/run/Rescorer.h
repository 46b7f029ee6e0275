#pragma once

#include "Result.h"
#include "scoring/AuditScores.h"
#include "spec/AuditSpec.h"

#include <QSqlDatabase>

#include <optional>

namespace geo {

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
    // Run it as one store job: it reads, analyses and replaces the analyses in the job's
    // transaction, so a failure leaves the audit as it was. spec: the stored one when none.
    static Result<Rescore> rescore(QSqlDatabase &db, qint64 auditId, const std::optional<AuditSpec> &spec);
};

} // namespace geo
