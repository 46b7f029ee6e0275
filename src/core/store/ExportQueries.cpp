#include "ExportQueries.h"

#include "AuditRepository.h"
#include "Connection.h"
#include "DatabaseTarget.h"
#include "Sql.h"
#include "SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

struct QueryTable
{
    ExportTable table;
    QString sql; // one parameter: the audit id; the result's column names are the header
};

// Tables that are one query each. The column names are the documented CSV header.
QList<QueryTable> queryTables(const SqlDialect &dialect)
{
    return {
        {ExportTable::Answers,
         u"SELECT i.id AS answer_id, i.engine AS engine, i.model AS model, p.text AS prompt, p.category AS category, "
         "p.topic AS topic, p.branded AS branded, i.sample AS sample, i.status AS status, i.attempts AS attempts, "
         "i.latency_ms AS latency_ms, i.tokens_in AS tokens_in, i.tokens_out AS tokens_out, i.cost_usd AS cost_usd, "
         "i.finish_reason AS finish_reason, i.answered_at AS answered_at, "
         "(SELECT %1 FROM (SELECT b.name AS name FROM mentions m JOIN brands b "
         "  ON b.audit_id = i.audit_id AND b.brand_index = m.brand_index WHERE m.item_id = i.id ORDER BY "
         "m.mention_order) AS named) "
         "  AS brands_mentioned, "
         "(SELECT COUNT(*) FROM citations c WHERE c.item_id = i.id) AS citations, i.answer AS answer "
         "FROM items i JOIN prompts p ON p.id = i.prompt_id WHERE i.audit_id = ? ORDER BY i.id"_s.arg(
             dialect.joined(u"name"_s, u"; "_s))},
        {ExportTable::Mentions,
         u"SELECT i.id AS answer_id, i.engine AS engine, p.text AS prompt, i.sample AS sample, b.name AS brand, "
         "CASE WHEN b.brand_index = 0 THEN 'brand' ELSE 'competitor' END AS role, m.mentions AS mentions, "
         "m.first_offset AS first_offset, m.first_pos AS first_pos, m.mention_order AS mention_order, m.rank AS rank, "
         "m.sentiment AS sentiment, CASE WHEN m.sentiment IS NULL THEN NULL WHEN m.sentiment >= %1 THEN 'positive' "
         "WHEN m.sentiment <= %2 THEN 'negative' ELSE 'neutral' END AS sentiment_label, m.pawc AS pawc "
         "FROM mentions m JOIN items i ON i.id = m.item_id JOIN prompts p ON p.id = i.prompt_id "
         "JOIN brands b ON b.audit_id = i.audit_id AND b.brand_index = m.brand_index "
         "WHERE i.audit_id = ? ORDER BY i.id, m.mention_order"_s.arg(PositiveSentiment)
             .arg(NegativeSentiment)},
        {ExportTable::Citations,
         u"SELECT i.id AS answer_id, i.engine AS engine, p.text AS prompt, i.sample AS sample, c.position + 1 AS "
         u"position, "
         "c.url AS url, c.host AS host, c.domain AS domain, COALESCE(b.name, 'third party') AS owner, "
         "CASE WHEN c.owner_index = 0 THEN 'brand' WHEN c.owner_index > 0 THEN 'competitor' ELSE 'third party' END "
         "  AS owner_role, c.source AS source, NULLIF(c.marker, 0) AS marker "
         "FROM citations c JOIN items i ON i.id = c.item_id JOIN prompts p ON p.id = i.prompt_id "
         "LEFT JOIN brands b ON b.audit_id = i.audit_id AND b.brand_index = c.owner_index "
         "WHERE i.audit_id = ? ORDER BY i.id, c.position"_s},
        {ExportTable::Sites,
         u"WITH audit AS (SELECT CAST(? AS BIGINT) AS id), "
         "cited AS (SELECT c.domain AS domain, MIN(c.owner_index) AS owner_index, COUNT(*) AS citations, "
         "  COUNT(DISTINCT c.item_id) AS citing_answers FROM citations c JOIN items i ON i.id = c.item_id "
         "  WHERE i.audit_id = (SELECT id FROM audit) GROUP BY c.domain), "
         "domains AS (SELECT domain FROM cited UNION SELECT domain FROM site_reports WHERE audit_id = (SELECT id FROM "
         "audit)), "
         "owned AS (SELECT d.domain AS domain, COALESCE(cited.owner_index, s.owner_index, -1) AS owner_index "
         "  FROM domains d LEFT JOIN cited ON cited.domain = d.domain "
         "  LEFT JOIN site_reports s ON s.audit_id = (SELECT id FROM audit) AND s.domain = d.domain) "
         "SELECT o.domain AS domain, COALESCE(b.name, 'third party') AS owner, "
         "CASE WHEN o.owner_index = 0 THEN 'brand' WHEN o.owner_index > 0 THEN 'competitor' ELSE 'third party' END AS "
         "owner_role, "
         "COALESCE(cited.citations, 0) AS citations, COALESCE(cited.citing_answers, 0) AS citing_answers, "
         "CASE WHEN s.domain IS NULL THEN 'not inspected' WHEN s.reachable = 1 THEN 'inspected' "
         "  ELSE 'unreachable: ' || COALESCE(s.error, '') END AS inspection, "
         "s.page AS page, s.score AS readiness, s.crawler_access AS crawler_access, s.structured_data AS "
         "structured_data, "
         "s.metadata AS metadata, s.content_structure AS content_structure, s.llms_txt AS llms_txt, s.transport AS "
         "transport "
         "FROM owned o LEFT JOIN cited ON cited.domain = o.domain "
         "LEFT JOIN site_reports s ON s.audit_id = (SELECT id FROM audit) AND s.domain = o.domain "
         "LEFT JOIN brands b ON b.audit_id = (SELECT id FROM audit) AND b.brand_index = o.owner_index "
         "ORDER BY citations DESC, o.domain"_s},
        {ExportTable::Failures,
         u"SELECT f.at AS time, f.stage AS stage, f.engine AS engine, p.text AS prompt, i.sample AS sample, "
         "f.error_class AS error_class, f.message AS message, f.attempts AS attempts "
         "FROM failures f LEFT JOIN items i ON i.id = f.item_id LEFT JOIN prompts p ON p.id = i.prompt_id "
         "WHERE f.audit_id = ? ORDER BY f.id"_s},
    };
}

Status streamQuery(QSqlDatabase &db, const QueryTable &table, qint64 auditId, RowSink &sink)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(table.sql);
    q.addBindValue(auditId);
    if (!q.exec())
        return Sql::failure(q);
    if (Status s = sink.begin(table.table); !s)
        return s;
    const QSqlRecord record = q.record();
    QVariantList row;
    for (int c = 0; c < record.count(); ++c)
        row << record.fieldName(c);
    if (Status s = sink.row(row); !s)
        return s;
    while (q.next()) {
        for (int c = 0; c < record.count(); ++c)
            row[c] = q.value(c);
        if (Status s = sink.row(row); !s)
            return s;
    }
    return sink.end(table.table);
}

Status streamAll(QSqlDatabase &db, qint64 auditId, RowSink &sink)
{
    if (const auto names = AuditRepository::brandNames(db, auditId); !names)
        return Error{names.error()};
    for (const QueryTable &table : queryTables(SqlDialect::of(db)))
        if (Status s = streamQuery(db, table, auditId, sink); !s)
            return s;
    return ok();
}

} // namespace

Status ExportQueries::run(const QString &location, qint64 auditId, RowSink &sink)
{
    Result<DatabaseTarget> target = DatabaseTarget::parse(location);
    if (!target)
        return Error{target.error()};
    const QString name = u"store-reader-"_s + QUuid::createUuid().toString();
    Status result = ok();
    {
        QSqlDatabase db;
        result = Connection::open(db, target.value(), name);
        // One read transaction: a snapshot, so the tables agree while a run goes on writing.
        if (result && !db.transaction())
            result = Connection::explain(target.value(), db.lastError());
        if (result)
            result = streamAll(db, auditId, sink);
        if (db.isOpen()) {
            db.rollback();
            Sql::forget(db);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace geo
