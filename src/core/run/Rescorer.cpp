#include "Rescorer.h"

#include "analysis/ResponseAnalyzer.h"
#include "spec/SpecReader.h"
#include "store/AuditRepository.h"

namespace geo {

using namespace Qt::StringLiterals;

Result<Rescore> Rescorer::rescore(QSqlDatabase &db, qint64 auditId, const std::optional<AuditSpec> &spec)
{
    const Result<StoredAudit> stored = AuditRepository::loadAudit(db, auditId);
    if (!stored)
        return Error{stored.error()};
    // A live run would keep saving analyses made with the old brands.
    if (const auto audits = AuditRepository::listAudits(db); audits)
        for (const AuditSummary &a : audits.value())
            if (a.id == auditId && a.state == u"running"_s)
                return Error{u"audit %1 is running; rescore it once it has finished"_s.arg(auditId)};
    std::optional<AuditSpec> used = spec;
    if (!used) {
        SpecReader::Outcome read = SpecReader::parse(stored->specJson, {});
        if (!read.spec)
            return Error{u"the stored spec of audit %1 cannot be read (%2); give one with --spec"_s.arg(auditId).arg(
                read.problems.join(u"; "_s))};
        used = read.spec;
    }
    Result<AuditScores> before = AuditRepository::scores(db, auditId);
    if (!before)
        return Error{before.error()};

    const ResponseAnalyzer analyzer(*used);
    QList<std::pair<qint64, Analysis>> analyses;
    for (const StoredAudit::Item &item : stored->items)
        if (item.status == u"answered"_s || item.status == u"analysed"_s)
            analyses.append({item.id, analyzer.analyze(item.answer, item.citations)});
    if (Status s = AuditRepository::replaceAnalyses(db, auditId, *used, analyses); !s)
        return Error{s.error()};

    Result<AuditScores> after = AuditRepository::scores(db, auditId);
    if (!after)
        return Error{after.error()};
    return Rescore{int(analyses.size()), before.value(), after.value()};
}

} // namespace geo
