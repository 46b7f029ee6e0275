// The items of a new audit, written a chunk per store job (AuditStore::createAudit): apart from
// the rest of the repository, whose other writes are one row or one answer at a time.
#include "AuditRepository.h"

#include "Sql.h"

#include <QSqlQuery>

namespace geo::AuditRepository {

using namespace Qt::StringLiterals;

Result<QList<qint64>> insertItems(QSqlDatabase &db, const NewAuditRow &audit, const AuditSpec &spec,
                                  const WorkItems &items, qsizetype from, qsizetype count)
{
    QList<qint64> ids;
    ids.reserve(count);
    QSqlQuery &item = Sql::prepared(
        db, u"INSERT INTO items (audit_id, prompt_id, engine, sample) VALUES (?, ?, ?, ?) RETURNING id"_s);
    for (qsizetype i = from; i < from + count; ++i) {
        const WorkItem w = items[i];
        const Result<qint64> id
            = Sql::insert(item, {audit.id, audit.promptIds[w.prompt], spec.engines[w.engine].id, w.sample});
        if (!id)
            return Error{id.error()};
        ids << id.value();
    }
    return ids;
}

Result<std::pair<NewAuditRow, qsizetype>> preparation(QSqlDatabase &db, qint64 auditId)
{
    std::pair<NewAuditRow, qsizetype> out{{auditId, {}}, 0};
    QSqlQuery &p = Sql::prepared(db, u"SELECT id FROM prompts WHERE audit_id = ? ORDER BY position"_s);
    if (Status s = Sql::exec(p, {auditId}); !s)
        return Error{s.error()};
    while (p.next())
        out.first.promptIds << p.value(0).toLongLong();
    p.finish();
    QSqlQuery &n = Sql::prepared(db, u"SELECT COUNT(*) FROM items WHERE audit_id = ?"_s);
    if (Status s = Sql::exec(n, {auditId}); !s)
        return Error{s.error()};
    out.second = n.next() ? n.value(0).toLongLong() : 0;
    n.finish();
    return out;
}

} // namespace geo::AuditRepository
