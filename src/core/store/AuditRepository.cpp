#include "AuditRepository.h"

#include "AuditLease.h"
#include "PageKindsQuery.h"
#include "Sql.h"
#include "SqlDialect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

namespace geo::AuditRepository {

using namespace Qt::StringLiterals;

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// SQL that names states writes them as {Enumerator}; their stored names come from the one
// mapping in model/States.cpp.
QString withStates(QString sql)
{
    static const std::pair<QString, QString> states[] = {
        {u"{Running}"_s, stateName(AuditState::Running)},     {u"{Finished}"_s, stateName(AuditState::Finished)},
        {u"{Cancelled}"_s, stateName(AuditState::Cancelled)}, {u"{Pending}"_s, stateName(ItemState::Pending)},
        {u"{Answered}"_s, stateName(ItemState::Answered)},    {u"{Analysed}"_s, stateName(ItemState::Analysed)},
        {u"{Failed}"_s, stateName(ItemState::Failed)},
    };
    for (const auto &[token, name] : states)
        sql.replace(token, u'\'' + name + u'\'');
    return sql;
}

// A state this build does not know (a newer one wrote it) reads as interrupted: resumable, not lost.
AuditState storedAuditState(const QVariant &name)
{
    return auditStateFromName(name.toString()).value_or(AuditState::Interrupted);
}

Error noSuchAudit(qint64 auditId)
{
    return Error{u"there is no audit %1 in the database; `geoaudit-cli list` shows the audits"_s.arg(auditId)};
}

Status insertBrands(QSqlDatabase &db, qint64 auditId, const QList<BrandSpec> &brands)
{
    for (int b = 0; b < brands.size(); ++b)
        if (Status s = Sql::exec(
                db, u"INSERT INTO brands (audit_id, brand_index, name, aliases, domains) VALUES (?, ?, ?, ?, ?)"_s,
                {auditId, b, brands[b].name, brands[b].aliases.join(u'\n'), brands[b].domains.join(u'\n')});
            !s)
            return s;
    return ok();
}

} // namespace

Result<NewAudit> createAudit(QSqlDatabase &db, const AuditSpec &spec, const Plan &plan)
{
    const Result<NewAuditRow> audit = insertAudit(db, spec, plan.prompts, AuditState::Running);
    if (!audit)
        return Error{audit.error()};
    const Result<QList<qint64>> items = insertItems(db, audit.value(), spec, plan.items, 0, plan.items.size());
    if (!items)
        return Error{items.error()};
    return NewAudit{audit->id, items.value()};
}

Result<NewAuditRow> insertAudit(QSqlDatabase &db, const AuditSpec &spec, const QList<PlannedPrompt> &prompts,
                                AuditState state)
{
    NewAuditRow created;
    // Ids come from the database (RETURNING), so processes sharing it never pick the same one.
    QSqlQuery &audit = Sql::prepared(
        db,
        u"INSERT INTO audits (name, spec_json, state, sample_data, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id"_s);
    const Result<qint64> auditId
        = Sql::insert(audit,
                      {spec.name, QString::fromUtf8(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact)),
                       stateName(state), spec.sampleData ? 1 : 0, now()});
    if (!auditId)
        return Error{auditId.error()};
    created.id = auditId.value();

    if (Status s = insertBrands(db, created.id, spec.trackedBrands()); !s)
        return Error{s.error()};

    QSqlQuery &prompt = Sql::prepared(
        db,
        u"INSERT INTO prompts (audit_id, position, text, category, topic, branded) VALUES (?, ?, ?, ?, ?, ?) "
        "RETURNING id"_s);
    for (int p = 0; p < prompts.size(); ++p) {
        const PlannedPrompt &pp = prompts[p];
        const Result<qint64> id
            = Sql::insert(prompt, {created.id, p, pp.text, pp.category, pp.topic, pp.branded ? 1 : 0});
        if (!id)
            return Error{id.error()};
        created.promptIds << id.value();
    }
    return created;
}

Status saveAnswer(QSqlDatabase &db, const EngineReply &reply, int attempts, double costUsd)
{
    QJsonArray citations;
    for (const Citation &c : reply.citations)
        citations.append(QJsonObject{{u"url"_s, c.url}, {u"title"_s, c.title}});
    const SqlDialect &dialect = SqlDialect::of(db);
    return Sql::exec(
        db,
        withStates(u"UPDATE items SET status = {Answered}, attempts = ?, model = ?, finish_reason = ?, answer = %1, "
                   "latency_ms = ?, tokens_in = ?, tokens_out = ?, answered_at = ?, cost_usd = ?, engine_citations = ? "
                   "WHERE id = ?"_s.arg(dialect.longTextParameter())),
        {attempts, reply.model, reply.finishReason, dialect.longTextValue(reply.text), reply.latencyMs, reply.tokensIn,
         reply.tokensOut, now(), costUsd, QString::fromUtf8(QJsonDocument(citations).toJson(QJsonDocument::Compact)),
         reply.itemId});
}

Status saveAttempts(QSqlDatabase &db, qint64 itemId, int attempts)
{
    return Sql::exec(db, u"UPDATE items SET attempts = ? WHERE id = ?"_s, {attempts, itemId});
}

Status saveAnalysis(QSqlDatabase &db, qint64 itemId, const Analysis &analysis)
{
    QSqlQuery &mention = Sql::prepared(db,
                                       Sql::upsert(u"mentions"_s, {u"item_id"_s, u"brand_index"_s},
                                                   {u"mentions"_s, u"first_offset"_s, u"first_pos"_s,
                                                    u"mention_order"_s, u"rank"_s, u"sentiment"_s, u"pawc"_s}));
    for (int b = 0; b < analysis.brands.size(); ++b) {
        const BrandFigures &f = analysis.brands[b];
        if (!f.mentioned())
            continue;
        if (Status s = Sql::exec(mention,
                                 {itemId, b, f.mentions, f.firstOffset, f.firstPos, f.order,
                                  f.rank ? QVariant(*f.rank) : QVariant(),
                                  f.sentiment ? QVariant(*f.sentiment) : QVariant(), f.pawc});
            !s)
            return s;
    }
    QSqlQuery &citation
        = Sql::prepared(db,
                        Sql::upsert(u"citations"_s, {u"item_id"_s, u"position"_s},
                                    {u"url"_s, u"host"_s, u"domain"_s, u"owner_index"_s, u"source"_s, u"marker"_s}));
    for (int c = 0; c < analysis.citations.size(); ++c) {
        const CitationRef &r = analysis.citations[c];
        if (Status s = Sql::exec(citation,
                                 {itemId, c, r.url, r.host, r.domain, r.owner,
                                  r.source == CitationRef::Source::Engine ? u"engine"_s : u"text"_s, r.marker});
            !s)
            return s;
    }
    QSqlQuery &discovered
        = Sql::prepared(db, Sql::upsert(u"discovered"_s, {u"item_id"_s, u"position"_s}, {u"name"_s, u"rank"_s}));
    for (int d = 0; d < analysis.discovered.size(); ++d) {
        const DiscoveredName &n = analysis.discovered[d];
        if (Status s = Sql::exec(discovered, {itemId, d, n.name, n.rank > 0 ? QVariant(n.rank) : QVariant()}); !s)
            return s;
    }
    return Sql::exec(db, withStates(u"UPDATE items SET status = {Analysed} WHERE id = ?"_s), {itemId});
}

Status saveFailure(QSqlDatabase &db, const FailureRecord &f)
{
    if (Status s
        = Sql::exec(db,
                    u"INSERT INTO failures (audit_id, item_id, at, stage, engine, error_class, message, attempts) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                    {f.auditId, f.itemId > 0 ? QVariant(f.itemId) : QVariant(), f.at.toString(Qt::ISODateWithMs),
                     f.stage, f.engine, f.errorClass, f.message, f.attempts});
        !s || f.itemId <= 0)
        return s;
    return Sql::exec(db, withStates(u"UPDATE items SET status = {Failed}, attempts = ? WHERE id = ?"_s),
                     {f.attempts, f.itemId});
}

Status setState(QSqlDatabase &db, qint64 auditId, AuditState audit)
{
    const QString state = stateName(audit);
    return Sql::exec(
        db,
        withStates(u"UPDATE audits SET state = ?, finished_at = CASE WHEN ? = {Finished} THEN ? ELSE finished_at END "
                   "WHERE id = ?"_s),
        {state, state, now(), auditId});
}

Status saveSiteReport(QSqlDatabase &db, qint64 auditId, const SiteReport &report, int owner)
{
    QHash<QString, int> points;
    for (const ReadinessCheck &c : report.checks)
        points[c.group] += c.points;
    static const QString sql = Sql::upsert(u"site_reports"_s, {u"audit_id"_s, u"domain"_s},
                                           {u"owner_index"_s, u"page"_s, u"inspected_at"_s, u"reachable"_s, u"error"_s,
                                            u"score"_s, u"crawler_access"_s, u"structured_data"_s, u"metadata"_s,
                                            u"content_structure"_s, u"llms_txt"_s, u"transport"_s, u"report_json"_s});
    return Sql::exec(db, sql,
                     {auditId, report.domain, owner, report.page.toString(),
                      report.inspectedAt.toString(Qt::ISODateWithMs), report.reachable() ? 1 : 0,
                      report.pageFetch.error.isEmpty() ? QVariant() : QVariant(report.pageFetch.error), report.score,
                      points.value(u"AI crawler access"_s), points.value(u"Structured data"_s),
                      points.value(u"Metadata"_s), points.value(u"Content structure"_s), points.value(u"llms.txt"_s),
                      points.value(u"Transport"_s),
                      QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact))});
}

Result<QList<SiteReport>> recentSiteReports(QSqlDatabase &db, const QDateTime &since)
{
    QSqlQuery &q
        = Sql::prepared(db,
                        u"SELECT domain, report_json FROM site_reports s WHERE inspected_at >= ? AND inspected_at = "
                        "(SELECT MAX(inspected_at) FROM site_reports t WHERE t.domain = s.domain)"_s);
    if (Status s = Sql::exec(q, {since.toUTC().toString(Qt::ISODateWithMs)}); !s)
        return Error{s.error()};
    QList<SiteReport> reports;
    QSet<QString> seen; // audits that inspected a domain at the same moment: one of them will do
    while (q.next())
        if (const QString domain = q.value(0).toString(); !seen.contains(domain)) {
            seen.insert(domain);
            reports.append(SiteReport::fromJson(QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object()));
        }
    q.finish();
    return reports;
}

Status heartbeat(QSqlDatabase &db, qint64 auditId, AuditState state)
{
    return Sql::exec(db, u"UPDATE audits SET heartbeat_at = ?, state = ? WHERE id = ?"_s,
                     {now(), stateName(state), auditId});
}

Result<StoredAudit> loadAudit(QSqlDatabase &db, qint64 auditId)
{
    StoredAudit audit;
    QSqlQuery &a = Sql::prepared(db,
                                 u"SELECT id, state, spec_json, "
                                 "(SELECT COALESCE(SUM(cost_usd), 0) FROM items WHERE audit_id = audits.id) "
                                 "FROM audits WHERE id = ?"_s);
    if (Status s = Sql::exec(a, {auditId}); !s)
        return Error{s.error()};
    if (!a.next())
        return noSuchAudit(auditId);
    audit.id = a.value(0).toLongLong();
    audit.state = storedAuditState(a.value(1));
    audit.specJson = a.value(2).toString().toUtf8();
    audit.spentUsd = a.value(3).toDouble();
    a.finish();

    QSqlQuery &p = Sql::prepared(
        db, u"SELECT id, text, category, topic, branded FROM prompts WHERE audit_id = ? ORDER BY position"_s);
    if (Status s = Sql::exec(p, {auditId}); !s)
        return Error{s.error()};
    QHash<qint64, int> promptIndex;
    while (p.next()) {
        promptIndex.insert(p.value(0).toLongLong(), int(audit.prompts.size()));
        audit.prompts.append(
            {p.value(1).toString(), p.value(2).toString(), p.value(3).toString(), p.value(4).toBool()});
    }
    p.finish();

    QSqlQuery &i = Sql::prepared(db,
                                 u"SELECT id, prompt_id, engine, sample, status, attempts, answer, engine_citations "
                                 "FROM items WHERE audit_id = ? ORDER BY id"_s);
    if (Status s = Sql::exec(i, {auditId}); !s)
        return Error{s.error()};
    while (i.next()) {
        StoredAudit::Item item{i.value(0).toLongLong(),
                               promptIndex.value(i.value(1).toLongLong()),
                               i.value(2).toString(),
                               i.value(3).toInt(),
                               itemStateFromName(i.value(4).toString()).value_or(ItemState::Pending),
                               i.value(5).toInt(),
                               i.value(6).toString(),
                               {}};
        for (const QJsonValue &c : QJsonDocument::fromJson(i.value(7).toString().toUtf8()).array())
            item.citations.append({c[u"url"_s].toString(), c[u"title"_s].toString()});
        audit.items.append(item);
    }
    i.finish();
    return audit;
}

Result<qint64> latestUnfinished(QSqlDatabase &db)
{
    QSqlQuery &q
        = Sql::prepared(db, withStates(u"SELECT id FROM audits WHERE state <> {Finished} ORDER BY id DESC LIMIT 1"_s));
    if (Status s = Sql::exec(q, {}); !s)
        return Error{s.error()};
    if (!q.next())
        return Error{u"every audit in the database has finished; nothing to resume"_s};
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return id;
}

Result<int> resetFailed(QSqlDatabase &db, qint64 auditId)
{
    QSqlQuery &q = Sql::prepared(
        db,
        withStates(u"UPDATE items SET status = {Pending}, attempts = 0 WHERE audit_id = ? AND status = {Failed}"_s));
    if (Status s = Sql::exec(q, {auditId}); !s)
        return Error{s.error()};
    const int reset = q.numRowsAffected();
    q.finish();
    if (reset > 0)
        if (Status s = Sql::exec(
                db,
                withStates(
                    u"UPDATE audits SET state = {Cancelled}, finished_at = NULL WHERE id = ? AND state = {Finished}"_s),
                {auditId});
            !s)
            return Error{s.error()};
    return reset;
}

Result<QList<StoredFailure>> failures(QSqlDatabase &db, qint64 auditId)
{
    QSqlQuery &q = Sql::prepared(
        db,
        withStates(u"SELECT f.item_id, f.at, f.stage, f.engine, f.error_class, f.message, f.attempts, p.text "
                   "FROM failures f LEFT JOIN items i ON i.id = f.item_id LEFT JOIN prompts p ON p.id = i.prompt_id "
                   "WHERE f.audit_id = ? AND (f.item_id IS NULL OR i.status = {Failed}) ORDER BY f.id"_s));
    if (Status s = Sql::exec(q, {auditId}); !s)
        return Error{s.error()};
    QList<StoredFailure> out;
    while (q.next())
        out.append({{auditId, q.value(0).toLongLong(), QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs),
                     q.value(2).toString(), q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                     q.value(6).toInt()},
                    q.value(7).toString()});
    q.finish();
    return out;
}

Result<QList<AnswerRow>> answers(QSqlDatabase &db, qint64 auditId)
{
    // A separator no brand name or URL contains.
    const SqlDialect &dialect = SqlDialect::of(db);
    const QString separator(QChar(31));
    QSqlQuery &q = Sql::prepared(
        db,
        withStates(u"SELECT i.id, p.text, i.engine, i.sample, i.answer, "
                   "(SELECT %1 FROM (SELECT b.name FROM mentions m JOIN brands b "
                   "ON b.audit_id = i.audit_id AND b.brand_index = m.brand_index WHERE m.item_id = i.id ORDER BY "
                   "m.brand_index) "
                   "AS named), "
                   "(SELECT %2 FROM (SELECT url FROM citations c WHERE c.item_id = i.id ORDER BY c.position) AS cited) "
                   "FROM items i JOIN prompts p ON p.id = i.prompt_id "
                   "WHERE i.audit_id = ? AND i.status IN ({Answered}, {Analysed}) ORDER BY i.id"_s)
            .arg(dialect.joined(u"name"_s, separator), dialect.joined(u"url"_s, separator)));
    if (Status s = Sql::exec(q, {auditId}); !s)
        return Error{s.error()};
    const auto list = [](const QVariant &v) { return v.isNull() ? QStringList() : v.toString().split(QChar(31)); };
    QList<AnswerRow> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt(),
                    q.value(4).toString(), list(q.value(5)), list(q.value(6))});
    q.finish();
    return out;
}

Result<QList<StoredSiteReport>> siteReports(QSqlDatabase &db, qint64 auditId)
{
    QSqlQuery &q = Sql::prepared(db,
                                 u"SELECT report_json, owner_index FROM site_reports WHERE audit_id = ? "
                                 "ORDER BY score DESC, domain"_s);
    if (Status s = Sql::exec(q, {auditId}); !s)
        return Error{s.error()};
    QList<StoredSiteReport> out;
    while (q.next())
        out.append({SiteReport::fromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object()),
                    q.value(1).toInt()});
    q.finish();
    return out;
}

Status deleteAudit(QSqlDatabase &db, qint64 auditId)
{
    return Sql::exec(db, u"DELETE FROM audits WHERE id = ?"_s, {auditId});
}

namespace {

// The audits the condition selects (one parameter), newest first.
Result<QList<AuditSummary>> summaries(QSqlDatabase &db, const QString &where, const QVariant &value)
{
    QSqlQuery &q = Sql::prepared(
        db,
        withStates(u"SELECT a.id, a.name, a.state, a.sample_data, a.created_at, a.finished_at, COUNT(i.id), "
                   "SUM(CASE WHEN i.status IN ({Answered}, {Analysed}) THEN 1 ELSE 0 END), "
                   "SUM(CASE WHEN i.status = {Failed} THEN 1 ELSE 0 END), a.heartbeat_at, a.lease_host, a.lease_pid "
                   "FROM audits a LEFT JOIN items i ON i.audit_id = a.id WHERE %1 GROUP BY a.id ORDER BY a.id DESC"_s)
            .arg(where));
    if (Status s = Sql::exec(q, {value}); !s)
        return Error{s.error()};
    QList<AuditSummary> out;
    const QDateTime stale = QDateTime::currentDateTimeUtc().addMSecs(-AuditSummary::HeartbeatTimeoutMs);
    while (q.next()) {
        out.append({q.value(0).toLongLong(), q.value(1).toString(), storedAuditState(q.value(2)), q.value(3).toBool(),
                    QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs),
                    QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs), q.value(6).toInt(),
                    q.value(7).toInt(), q.value(8).toInt()});
        const QDateTime beat = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
        // Its process stopped without finishing it: silent for too long, or gone from this host.
        const AuditState live = out.last().state;
        if ((live == AuditState::Running || live == AuditState::Preparing)
            && (!beat.isValid() || beat < stale || holderIsGone(q.value(10).toString(), q.value(11).toLongLong())))
            out.last().state = AuditState::Interrupted;
    }
    q.finish();
    return out;
}

} // namespace

Result<QList<AuditSummary>> listAudits(QSqlDatabase &db)
{
    return summaries(db, u"a.id > ?"_s, 0); // every audit
}

Result<AuditSummary> auditSummary(QSqlDatabase &db, qint64 auditId)
{
    Result<QList<AuditSummary>> found = summaries(db, u"a.id = ?"_s, auditId);
    if (!found)
        return Error{found.error()};
    if (found->isEmpty())
        return noSuchAudit(auditId);
    return found->front();
}

Result<QJsonObject> storedSpec(QSqlDatabase &db, qint64 auditId)
{
    QSqlQuery &q = Sql::prepared(db, u"SELECT spec_json FROM audits WHERE id = ?"_s);
    if (Status s = Sql::exec(q, {auditId}); !s)
        return Error{s.error()};
    if (!q.next())
        return noSuchAudit(auditId);
    const QJsonObject json = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    q.finish();
    return json;
}

Result<QList<PlannedPrompt>> prompts(QSqlDatabase &db, qint64 auditId)
{
    QSqlQuery &q = Sql::prepared(
        db, u"SELECT text, category, topic, branded FROM prompts WHERE audit_id = ? ORDER BY position"_s);
    if (Status s = Sql::exec(q, {auditId}); !s)
        return Error{s.error()};
    QList<PlannedPrompt> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toBool()});
    q.finish();
    return out;
}

Result<QList<InspectedSite>> inspectedSites(QSqlDatabase &db, qint64 auditId)
{
    QSqlQuery &q
        = Sql::prepared(db,
                        u"SELECT domain, owner_index, page, reachable, error, score, crawler_access, "
                        "structured_data, metadata, content_structure, llms_txt, transport "
                        "FROM site_reports WHERE audit_id = ? ORDER BY owner_index < 0, owner_index, domain"_s);
    if (Status s = Sql::exec(q, {auditId}); !s)
        return Error{s.error()};
    QList<InspectedSite> out;
    while (q.next()) {
        InspectedSite site{q.value(0).toString(),
                           q.value(1).toInt(),
                           q.value(2).toString(),
                           q.value(3).toBool(),
                           q.value(4).toString(),
                           q.value(5).toInt(),
                           {}};
        for (int g = 6; g < 12; ++g)
            site.groups << q.value(g).toInt();
        out.append(site);
    }
    q.finish();
    return out;
}

Result<QList<FailureGroup>> failureGroups(QSqlDatabase &db, qint64 auditId)
{
    QSqlQuery &q
        = Sql::prepared(db,
                        u"SELECT stage, COALESCE(engine, ''), COALESCE(error_class, ''), COUNT(*), MIN(message) "
                        "FROM failures WHERE audit_id = ? GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3"_s);
    if (Status s = Sql::exec(q, {auditId}); !s)
        return Error{s.error()};
    QList<FailureGroup> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt(),
                    q.value(4).toString()});
    q.finish();
    return out;
}

Result<QStringList> brandNames(QSqlDatabase &db, qint64 auditId)
{
    QSqlQuery &q = Sql::prepared(db, u"SELECT name FROM brands WHERE audit_id = ? ORDER BY brand_index"_s);
    if (Status s = Sql::exec(q, {auditId}); !s)
        return Error{s.error()};
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    q.finish();
    if (names.isEmpty())
        return noSuchAudit(auditId);
    return names;
}

Result<QList<ScoredAnswer>> scoredAnswers(QSqlDatabase &db, qint64 auditId, int brandCount)
{
    QSqlQuery &q = Sql::prepared(
        db,
        withStates(u"SELECT i.id, i.engine, p.category, p.topic, p.branded, m.brand_index, m.mentions, m.first_offset, "
                   "m.first_pos, m.mention_order, m.rank, m.sentiment, m.pawc FROM items i "
                   "JOIN prompts p ON p.id = i.prompt_id LEFT JOIN mentions m ON m.item_id = i.id "
                   "WHERE i.audit_id = ? AND i.status = {Analysed} ORDER BY i.id"_s));
    if (Status s = Sql::exec(q, {auditId}); !s)
        return Error{s.error()};
    // An audit repeats a few engines, categories, topics and cited domains over many
    // answers: one shared copy of each keeps a 100,000-answer audit's scoring small.
    QSet<QString> strings;
    const auto shared = [&strings](const QVariant &value) { return *strings.insert(value.toString()); };
    QList<ScoredAnswer> out;
    QHash<qint64, qsizetype> at; // item id -> index in out
    while (q.next()) {
        const qint64 item = q.value(0).toLongLong();
        if (!at.contains(item)) {
            at.insert(item, out.size());
            out.append({shared(q.value(1)),
                        shared(q.value(2)),
                        shared(q.value(3)),
                        q.value(4).toBool(),
                        QList<BrandFigures>(brandCount),
                        {},
                        {},
                        {}});
        }
        const int b = q.isNull(5) ? -1 : q.value(5).toInt();
        if (b < 0 || b >= brandCount)
            continue;
        BrandFigures &f = out.last().brands[b];
        f.mentions = q.value(6).toInt();
        f.firstOffset = q.value(7).toLongLong();
        f.firstPos = q.value(8).toDouble();
        f.order = q.value(9).toInt();
        if (!q.isNull(10))
            f.rank = q.value(10).toInt();
        if (!q.isNull(11))
            f.sentiment = q.value(11).toDouble();
        f.pawc = q.value(12).toDouble();
    }
    q.finish();

    // Scores count citations by domain and owner, and by the source type their URL has.
    QSqlQuery &c
        = Sql::prepared(db,
                        withStates(u"SELECT c.item_id, c.domain, c.owner_index, c.url "
                                   "FROM citations c JOIN items i ON i.id = c.item_id "
                                   "WHERE i.audit_id = ? AND i.status = {Analysed} ORDER BY c.item_id, c.position"_s));
    if (Status s = Sql::exec(c, {auditId}); !s)
        return Error{s.error()};
    while (c.next()) {
        CitationRef ref;
        ref.domain = shared(c.value(1));
        const int owner = c.value(2).toInt();
        ref.owner = owner < brandCount ? owner : -1;
        ref.url = c.value(3).toString();
        out[at.value(c.value(0).toLongLong())].citations.append(std::move(ref));
    }
    c.finish();

    // The names each answer recommends beyond the tracked brands; scoring groups them by brand.
    QSqlQuery &d = Sql::prepared(
        db,
        withStates(u"SELECT d.item_id, d.name, d.rank FROM discovered d JOIN items i ON i.id = d.item_id "
                   "WHERE i.audit_id = ? AND i.status = {Analysed} ORDER BY d.item_id, d.position"_s));
    if (Status s = Sql::exec(d, {auditId}); !s)
        return Error{s.error()};
    while (d.next())
        out[at.value(d.value(0).toLongLong())].discovered.append(
            {d.value(1).toString(), d.isNull(2) ? 0 : d.value(2).toInt()});
    d.finish();
    return out;
}

namespace {

Result<SiteReadiness> readiness(QSqlDatabase &db, qint64 auditId)
{
    QSqlQuery &q = Sql::prepared(db, u"SELECT domain, score, reachable FROM site_reports WHERE audit_id = ?"_s);
    if (Status s = Sql::exec(q, {auditId}); !s)
        return Error{s.error()};
    SiteReadiness out;
    while (q.next()) {
        if (q.value(2).toInt() != 0)
            out.scores.insert(q.value(0).toString(), q.value(1).toInt());
        else
            out.unreachable.insert(q.value(0).toString());
    }
    q.finish();
    return out;
}

// The run figures the store keeps; the live ones (in flight, rates over the last 10 s,
// cache hits) are not stored.
Result<RunStats> runFigures(QSqlDatabase &db, qint64 auditId)
{
    QSqlQuery &q = Sql::prepared(
        db,
        withStates(
            u"SELECT COUNT(*), SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN status IN ({Answered}, {Analysed}) THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN status = {Analysed} THEN 1 ELSE 0 END), SUM(CASE WHEN status = {Failed} THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN attempts > 1 THEN attempts - 1 ELSE 0 END), COALESCE(SUM(tokens_in), 0), "
            "COALESCE(SUM(tokens_out), 0), "
            "COALESCE(SUM(cost_usd), 0), "
            "(SELECT created_at FROM audits WHERE id = ?), (SELECT finished_at FROM audits WHERE id = ?), "
            "(SELECT COUNT(*) FROM site_reports WHERE audit_id = ?), "
            "(SELECT COUNT(*) FROM site_reports WHERE audit_id = ? AND reachable = 0) "
            "FROM items WHERE audit_id = ?"_s));
    if (Status s = Sql::exec(q, {auditId, auditId, auditId, auditId, auditId}); !s)
        return Error{s.error()};
    RunStats r;
    if (q.next()) {
        r.planned = q.value(0).toInt();
        r.asked = q.value(1).toInt();
        r.answered = q.value(2).toInt();
        r.analysed = q.value(3).toInt();
        r.failed = q.value(4).toInt();
        r.retries = q.value(5).toInt();
        r.tokensIn = q.value(6).toLongLong();
        r.tokensOut = q.value(7).toLongLong();
        r.costUsd = q.value(8).toDouble();
        const QDateTime created = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
        const QDateTime finished = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
        r.sitesInspected = q.value(11).toInt();
        r.sitesUnreachable = q.value(12).toInt();
        r.finished = finished.isValid();
        if (r.finished && created.isValid()) {
            r.elapsedMs = created.msecsTo(finished);
            const double seconds = std::max(1.0, double(r.elapsedMs)) / 1000.0;
            r.answersPerSecondOverall = r.answered / seconds;
            r.analysesPerSecondOverall = r.analysed / seconds;
        }
    }
    q.finish();
    QSqlQuery &l = Sql::prepared(db, u"SELECT latency_ms FROM items WHERE audit_id = ? AND latency_ms IS NOT NULL"_s);
    if (Status s = Sql::exec(l, {auditId}); !s)
        return Error{s.error()};
    QList<int> latencies;
    while (l.next())
        latencies << l.value(0).toInt();
    l.finish();
    r.latencyP50Ms = percentile(latencies, 0.50);
    r.latencyP95Ms = percentile(latencies, 0.95);
    return r;
}

} // namespace

Result<ScoringInput> scoringInput(QSqlDatabase &db, qint64 auditId)
{
    Result<QStringList> names = brandNames(db, auditId);
    if (!names)
        return Error{names.error()};
    auto answers = scoredAnswers(db, auditId, int(names->size()));
    if (!answers)
        return Error{answers.error()};
    auto sites = readiness(db, auditId);
    if (!sites)
        return Error{sites.error()};
    auto run = runFigures(db, auditId);
    if (!run)
        return Error{run.error()};
    auto pages = PageKindsQuery::run(db, auditId);
    if (!pages)
        return Error{pages.error()};
    const auto spec = storedSpec(db, auditId);
    if (!spec)
        return Error{spec.error()};
    return ScoringInput{auditId,
                        std::move(names).value(),
                        ScoreWeights::fromJson(spec.value()[u"scoring"_s][u"weights"_s].toObject()),
                        std::move(answers).value(),
                        std::move(sites).value(),
                        std::move(run).value(),
                        sourceTypesFromJson(spec.value()[u"source_types"_s].toObject()),
                        std::move(pages).value()};
}

Result<qint64> previousInSeries(QSqlDatabase &db, qint64 auditId)
{
    QSqlQuery &q
        = Sql::prepared(db,
                        withStates(u"SELECT p.id FROM audits a JOIN audits p ON p.name = a.name AND p.id < a.id "
                                   "WHERE a.id = ? AND p.state = {Finished} ORDER BY p.id DESC LIMIT 1"_s));
    if (Status s = Sql::exec(q, {auditId}); !s)
        return Error{s.error()};
    const qint64 previous = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return previous;
}

namespace {

// The spec's brands, weights and source types in place of the stored ones; the rest stays as run.
Status replaceBrands(QSqlDatabase &db, qint64 auditId, const AuditSpec &spec)
{
    Result<QJsonObject> json = storedSpec(db, auditId);
    if (!json)
        return Error{json.error()};
    const QJsonObject given = spec.toJson();
    for (const QString &key : {u"brand"_s, u"competitors"_s, u"scoring"_s, u"source_types"_s})
        if (given.contains(key))
            json->insert(key, given[key]);
        else
            json->remove(key);
    if (Status s = Sql::exec(db, u"UPDATE audits SET spec_json = ? WHERE id = ?"_s,
                             {QString::fromUtf8(QJsonDocument(json.value()).toJson(QJsonDocument::Compact)), auditId});
        !s)
        return s;
    if (Status s = Sql::exec(db, u"DELETE FROM brands WHERE audit_id = ?"_s, {auditId}); !s)
        return s;
    return insertBrands(db, auditId, spec.trackedBrands());
}

} // namespace

Status replaceAnalyses(QSqlDatabase &db, qint64 auditId, const Reanalysis &re)
{
    if (Status s = replaceBrands(db, auditId, re.spec); !s)
        return s;
    for (const auto &[domain, owner] : re.siteOwners.asKeyValueRange())
        if (Status s = Sql::exec(db, u"UPDATE site_reports SET owner_index = ? WHERE audit_id = ? AND domain = ?"_s,
                                 {owner, auditId, domain});
            !s)
            return s;
    QSqlQuery &q = Sql::prepared(db, u"SELECT id FROM prompts WHERE audit_id = ? ORDER BY position"_s);
    if (Status s = Sql::exec(q, {auditId}); !s)
        return s;
    QList<qint64> prompts;
    while (q.next())
        prompts.append(q.value(0).toLongLong());
    q.finish();
    if (prompts.size() != re.branded.size())
        return Error{u"audit %1 changed while it was analysed again; rescore it again"_s.arg(auditId)};
    for (qsizetype i = 0; i < prompts.size(); ++i)
        if (Status s = Sql::exec(db, u"UPDATE prompts SET branded = ? WHERE audit_id = ? AND id = ?"_s,
                                 {re.branded[i] ? 1 : 0, auditId, prompts[i]});
            !s)
            return s;
    for (const QString &table : {u"mentions"_s, u"citations"_s, u"discovered"_s})
        if (Status s
            = Sql::exec(db, u"DELETE FROM %1 WHERE item_id IN (SELECT id FROM items WHERE audit_id = ?)"_s.arg(table),
                        {auditId});
            !s)
            return s;
    for (const auto &[item, analysis] : re.analyses)
        if (Status s = saveAnalysis(db, item, analysis); !s)
            return s;
    return ok();
}

} // namespace geo::AuditRepository
