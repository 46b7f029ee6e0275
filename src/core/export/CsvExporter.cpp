#include "CsvExporter.h"

#include "CsvWriter.h"
#include "ReportData.h"
#include "scoring/ScoreComparison.h"
#include "store/AuditRepository.h"
#include "store/Sql.h"
#include "store/SqlDialect.h"

#include <QDir>
#include <QSaveFile>
#include <QSqlQuery>
#include <QSqlRecord>

#include <functional>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

struct QueryTable
{
    QString file;
    QString sql; // one parameter: the audit id; the result's column names are the header
};

// Tables that are one query each. The column names are the documented CSV header.
QList<QueryTable> queryTables(const SqlDialect &dialect)
{
    return {
        {u"answers.csv"_s,
         u"SELECT i.id AS answer_id, i.engine AS engine, i.model AS model, p.text AS prompt, p.category AS category, "
         "p.topic AS topic, p.branded AS branded, i.sample AS sample, i.status AS status, i.attempts AS attempts, "
         "i.latency_ms AS latency_ms, i.tokens_in AS tokens_in, i.tokens_out AS tokens_out, i.cost_usd AS cost_usd, "
         "i.finish_reason AS finish_reason, i.answered_at AS answered_at, "
         "(SELECT %1 FROM (SELECT b.name AS name FROM mentions m JOIN brands b "
         "  ON b.audit_id = i.audit_id AND b.brand_index = m.brand_index WHERE m.item_id = i.id ORDER BY m.mention_order) AS named) "
         "  AS brands_mentioned, "
         "(SELECT COUNT(*) FROM citations c WHERE c.item_id = i.id) AS citations, i.answer AS answer "
         "FROM items i JOIN prompts p ON p.id = i.prompt_id WHERE i.audit_id = ? ORDER BY i.id"_s.arg(
             dialect.joined(u"name"_s, u"; "_s))},
        {u"mentions.csv"_s,
         u"SELECT i.id AS answer_id, i.engine AS engine, p.text AS prompt, i.sample AS sample, b.name AS brand, "
         "CASE WHEN b.brand_index = 0 THEN 'brand' ELSE 'competitor' END AS role, m.mentions AS mentions, "
         "m.first_offset AS first_offset, m.first_pos AS first_pos, m.mention_order AS mention_order, m.rank AS rank, "
         "m.sentiment AS sentiment, CASE WHEN m.sentiment IS NULL THEN NULL WHEN m.sentiment >= 0.05 THEN 'positive' "
         "WHEN m.sentiment <= -0.05 THEN 'negative' ELSE 'neutral' END AS sentiment_label, m.pawc AS pawc "
         "FROM mentions m JOIN items i ON i.id = m.item_id JOIN prompts p ON p.id = i.prompt_id "
         "JOIN brands b ON b.audit_id = i.audit_id AND b.brand_index = m.brand_index "
         "WHERE i.audit_id = ? ORDER BY i.id, m.mention_order"_s},
        {u"citations.csv"_s,
         u"SELECT i.id AS answer_id, i.engine AS engine, p.text AS prompt, i.sample AS sample, c.position + 1 AS position, "
         "c.url AS url, c.host AS host, c.domain AS domain, COALESCE(b.name, 'third party') AS owner, "
         "CASE WHEN c.owner_index = 0 THEN 'brand' WHEN c.owner_index > 0 THEN 'competitor' ELSE 'third party' END "
         "  AS owner_role, c.source AS source, NULLIF(c.marker, 0) AS marker "
         "FROM citations c JOIN items i ON i.id = c.item_id JOIN prompts p ON p.id = i.prompt_id "
         "LEFT JOIN brands b ON b.audit_id = i.audit_id AND b.brand_index = c.owner_index "
         "WHERE i.audit_id = ? ORDER BY i.id, c.position"_s},
        {u"sites.csv"_s,
         u"WITH audit AS (SELECT CAST(? AS BIGINT) AS id), "
         "cited AS (SELECT c.domain AS domain, MIN(c.owner_index) AS owner_index, COUNT(*) AS citations, "
         "  COUNT(DISTINCT c.item_id) AS citing_answers FROM citations c JOIN items i ON i.id = c.item_id "
         "  WHERE i.audit_id = (SELECT id FROM audit) GROUP BY c.domain), "
         "domains AS (SELECT domain FROM cited UNION SELECT domain FROM site_reports WHERE audit_id = (SELECT id FROM audit)), "
         "owned AS (SELECT d.domain AS domain, COALESCE(cited.owner_index, s.owner_index, -1) AS owner_index "
         "  FROM domains d LEFT JOIN cited ON cited.domain = d.domain "
         "  LEFT JOIN site_reports s ON s.audit_id = (SELECT id FROM audit) AND s.domain = d.domain) "
         "SELECT o.domain AS domain, COALESCE(b.name, 'third party') AS owner, "
         "CASE WHEN o.owner_index = 0 THEN 'brand' WHEN o.owner_index > 0 THEN 'competitor' ELSE 'third party' END AS owner_role, "
         "COALESCE(cited.citations, 0) AS citations, COALESCE(cited.citing_answers, 0) AS citing_answers, "
         "CASE WHEN s.domain IS NULL THEN 'not inspected' WHEN s.reachable = 1 THEN 'inspected' "
         "  ELSE 'unreachable: ' || COALESCE(s.error, '') END AS inspection, "
         "s.page AS page, s.score AS readiness, s.crawler_access AS crawler_access, s.structured_data AS structured_data, "
         "s.metadata AS metadata, s.content_structure AS content_structure, s.llms_txt AS llms_txt, s.transport AS transport "
         "FROM owned o LEFT JOIN cited ON cited.domain = o.domain "
         "LEFT JOIN site_reports s ON s.audit_id = (SELECT id FROM audit) AND s.domain = o.domain "
         "LEFT JOIN brands b ON b.audit_id = (SELECT id FROM audit) AND b.brand_index = o.owner_index "
         "ORDER BY citations DESC, o.domain"_s},
        {u"discovered.csv"_s,
         u"SELECT d.name AS name, COUNT(DISTINCT d.item_id) AS answers, %1 AS engines "
         "FROM discovered d JOIN items i ON i.id = d.item_id WHERE i.audit_id = ? "
         "GROUP BY d.name ORDER BY answers DESC, d.name"_s.arg(dialect.joinedDistinct(u"i.engine"_s))},
        {u"failures.csv"_s,
         u"SELECT f.at AS time, f.stage AS stage, f.engine AS engine, p.text AS prompt, i.sample AS sample, "
         "f.error_class AS error_class, f.message AS message, f.attempts AS attempts "
         "FROM failures f LEFT JOIN items i ON i.id = f.item_id LEFT JOIN prompts p ON p.id = i.prompt_id "
         "WHERE f.audit_id = ? ORDER BY f.id"_s},
    };
}

Status writeFile(const QString &path, const std::function<Status(CsvWriter &)> &write)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{u"cannot write %1 (%2); choose a folder you can write to"_s.arg(path, file.errorString())};
    CsvWriter csv(&file);
    if (Status s = write(csv); !s) {
        file.cancelWriting();
        return s;
    }
    if (!csv.ok() || !file.commit())
        return Error{u"cannot write %1 (%2); check the free space"_s.arg(path, file.errorString())};
    return ok();
}

Error cancelled()
{
    return Error{u"the export was cancelled; the tables written before it stopped are complete"_s};
}

Status writeQuery(QSqlDatabase &db, const QueryTable &table, qint64 auditId, CsvWriter &csv, CsvExporter::Progress *progress)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(table.sql);
    if (Status s = Sql::exec(q, {auditId}); !s)
        return s;
    const QSqlRecord record = q.record();
    QVariantList row;
    for (int c = 0; c < record.count(); ++c)
        row << record.fieldName(c);
    csv.writeRow(row);
    while (q.next()) {
        if (progress && progress->cancelled)
            return cancelled();
        for (int c = 0; c < record.count(); ++c)
            row[c] = q.value(c);
        csv.writeRow(row);
        if (progress)
            ++progress->rows;
    }
    return ok();
}

QVariant figure(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

// One row per cut, brand and figure, beside the same figure in the previous audit of the
// series: a long table, so that a spreadsheet pivots it any way.
Status writeScores(QSqlDatabase &db, qint64 auditId, CsvWriter &csv)
{
    const Result<AuditScores> scores = AuditRepository::scores(db, auditId);
    if (!scores)
        return Error{scores.error()};
    Result<std::optional<AuditScores>> loaded = previousScores(db, auditId);
    if (!loaded)
        return Error{loaded.error()};
    const std::optional<AuditScores> previous = std::move(loaded).value();
    csv.writeRow({u"cut"_s, u"brand"_s, u"role"_s, u"figure"_s, u"value"_s, u"previous_audit"_s, u"previous_value"_s,
                  u"change"_s, u"intervals_overlap"_s});
    const QVariant previousAudit = previous ? QVariant(previous->auditId) : QVariant();
    for (const BrandChange &brand : ScoreComparison::compare(scores.value(), previous ? &*previous : nullptr)) {
        const QVariant overlap = brand.intervalsOverlap ? QVariant(*brand.intervalsOverlap ? 1 : 0) : QVariant();
        for (const FigureChange &f : brand.figures)
            csv.writeRow({brand.cut, scores->brands.at(brand.brand), brand.brand == 0 ? u"brand"_s : u"competitor"_s,
                          f.figure, figure(f.value), previousAudit, figure(f.previous), figure(f.change), overlap});
    }
    return ok();
}

} // namespace

const QStringList &CsvExporter::fileNames()
{
    static const QStringList names{u"answers.csv"_s, u"mentions.csv"_s, u"citations.csv"_s, u"sites.csv"_s,
                                   u"discovered.csv"_s, u"scores.csv"_s, u"failures.csv"_s};
    return names;
}

Result<QStringList> CsvExporter::exportAudit(QSqlDatabase &db, qint64 auditId, const QString &folder, Progress *progress)
{
    if (!QDir().mkpath(folder))
        return Error{u"cannot create the folder %1; choose a folder you can write to"_s.arg(folder)};
    if (const auto names = AuditRepository::brandNames(db, auditId); !names)
        return Error{names.error()};
    const QDir dir(folder);
    QStringList written;
    for (const QueryTable &table : queryTables(SqlDialect::of(db))) {
        const QString path = dir.filePath(table.file);
        if (Status s = writeFile(path, [&](CsvWriter &csv) { return writeQuery(db, table, auditId, csv, progress); }); !s)
            return Error{s.error()};
        written << path;
    }
    if (progress && progress->cancelled)
        return cancelled();
    const QString scores = dir.filePath(u"scores.csv"_s);
    if (Status s = writeFile(scores, [&](CsvWriter &csv) { return writeScores(db, auditId, csv); }); !s)
        return Error{s.error()};
    written << scores;
    return written;
}

Status CsvExporter::writeTable(const QString &path, const QList<QVariantList> &rows)
{
    return writeFile(path, [&rows](CsvWriter &csv) {
        for (const QVariantList &row : rows)
            csv.writeRow(row);
        return ok();
    });
}

} // namespace geo
