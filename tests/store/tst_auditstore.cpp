#include "StoreQueries.h"
#include "TestDatabases.h"
#include "scoring/AuditScoring.h"
#include "spec/PromptPlanner.h"
#include "store/AuditRepository.h"
#include "store/AuditStore.h"
#include "store/Sql.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFuture>
#include <QMutex>
#include <QProcess>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

template<typename T>
T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

AuditSpec smallSpec()
{
    AuditSpec s;
    s.name = u"store test"_s;
    s.brand = {u"Acme"_s, {}, {u"acme.example"_s}};
    s.competitors = {{u"Rival"_s, {}, {}}};
    s.templates = false;
    s.prompts = {u"p1"_s, u"p2"_s};
    s.samples = 2;
    EngineSpec e;
    e.id = u"e"_s;
    s.engines = {e};
    return s;
}

// A spec of `prompts` prompts asked `samples` times of one engine.
AuditSpec specOf(int prompts, int samples)
{
    AuditSpec s = smallSpec();
    s.prompts.clear();
    for (int p = 0; p < prompts; ++p)
        s.prompts << u"prompt %1"_s.arg(p);
    s.samples = samples;
    return s;
}

// What AuditStore::createAudit reported, from its writer thread; it stops after stopAt items.
struct Progress
{
    QMutex mutex;
    QList<qint64> written;
    QList<qint64> totals;
    qint64 stopAt = -1;

    AuditStore::PrepareProgress counter()
    {
        return [this](qint64 w, qint64 total) {
            QMutexLocker lock(&mutex);
            written << w;
            totals << total;
            return w != stopAt;
        };
    }
};

Result<qint64> count(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return Error{u"query failed"_s};
    return q.value(0).toLongLong();
}

} // namespace

// Every test runs on SQLite and on PostgreSQL (the global rows of initTestCase_data), each on
// a fresh database.
class TestAuditStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { addBackendRows(); }

    void opensAndMigrates()
    {
        QFETCH_GLOBAL(DatabaseTarget::Backend, backend);
        const TestDatabase database(backend);
        QVERIFY2(database.isValid(), qPrintable(database.error()));
        QTemporaryDir dir;
        // A SQLite file's folders are made as needed.
        const QString location
            = backend == DatabaseTarget::Backend::SQLite ? dir.filePath(u"sub/folder/a.sqlite"_s) : database.location();
        AuditStore store(location);
        const Status opened = await(store.opened());
        QVERIFY2(opened, qPrintable(opened.ok() ? QString() : opened.error()));
        if (backend == DatabaseTarget::Backend::SQLite) {
            const auto mode = await(submitTo(store, [](QSqlDatabase &db) -> Result<QString> {
                QSqlQuery q(db);
                q.exec(u"PRAGMA journal_mode"_s);
                q.next();
                return q.value(0).toString();
            }));
            QCOMPARE(mode.value(), u"wal"_s);
        }
        QCOMPARE(
            await(submitTo(store,
                           [](QSqlDatabase &db) { return count(db, u"SELECT MAX(version) FROM schema_migrations"_s); }))
                .value(),
            qint64(AuditStore::schemaVersion()));
        QCOMPARE(
            await(submitTo(store,
                           [](QSqlDatabase &db) { return count(db, u"SELECT COUNT(*) FROM schema_migrations"_s); }))
                .value(),
            qint64(AuditStore::schemaVersion()));
    }

    void keepsAuditsAcrossReopen()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        const QString path = database.location();
        const AuditSpec spec = smallSpec();
        const Plan plan = PromptPlanner::plan(spec).value();
        qint64 id = 0;
        {
            AuditStore store(path);
            const auto created = await(store.createAudit(spec, plan));
            QVERIFY(created);
            QCOMPARE(created->itemIds.size(), 4);
            id = created->id;
        }
        AuditStore again(path);
        const auto audits = await(again.audits());
        QVERIFY(audits);
        QCOMPARE(audits->size(), 1);
        QCOMPARE(audits->at(0).id, id);
        QCOMPARE(audits->at(0).items, 4);
        // Created but with no process beating for it: interrupted, until a runner takes it up.
        QCOMPARE(audits->at(0).state, AuditState::Interrupted);
        QVERIFY(await(again.heartbeat(id)));
        QCOMPARE(await(again.audits())->at(0).state, AuditState::Running);
        QCOMPARE(await(submitTo(again, [](QSqlDatabase &db) { return AuditRepository::brandNames(db, 1); })).value(),
                 (QStringList{u"Acme"_s, u"Rival"_s}));
    }

    void previousAuditOfASeries_data()
    {
        QTest::addColumn<int>("audit");
        QTest::addColumn<int>("previous"); // 0: none
        // 1 "A" finished, 2 "B" finished, 3 "A" cancelled, 4 "A" finished, 5 "A" running.
        QTest::newRow("first of its series") << 1 << 0;
        QTest::newRow("another name") << 2 << 0;
        QTest::newRow("an unfinished one compares too") << 3 << 1;
        QTest::newRow("skips the cancelled one") << 4 << 1;
        QTest::newRow("the latest finished") << 5 << 4;
        QTest::newRow("no such audit") << 9 << 0;
    }

    void previousAuditOfASeries()
    {
        QFETCH(int, audit);
        QFETCH(int, previous);
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        const std::pair<QString, QString> audits[] = {{u"A"_s, u"finished"_s},
                                                      {u"B"_s, u"finished"_s},
                                                      {u"A"_s, u"cancelled"_s},
                                                      {u"A"_s, u"finished"_s},
                                                      {u"A"_s, u"running"_s}};
        for (const auto &[name, state] : audits) {
            AuditSpec spec = smallSpec();
            spec.name = name;
            const Plan plan = PromptPlanner::plan(spec).value();
            const auto created = await(store.createAudit(spec, plan));
            QVERIFY(created);
            QVERIFY(await(store.setState(created->id, auditStateFromName(state).value())));
        }
        const auto found = await(store.previousInSeries(audit));
        QVERIFY(found);
        QCOMPARE(found.value(), qint64(previous));
    }

    // A window closed while its scores load: the store waits for its background jobs, and each of
    // their reads gets an answer (never a future without a result, never a store that is gone).
    void closingWaitsForBackgroundJobs()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        QList<QFuture<Result<AuditScores>>> loads;
        {
            AuditStore store(database.location());
            const AuditSpec spec = smallSpec();
            const auto created = await(store.createAudit(spec, PromptPlanner::plan(spec).value()));
            QVERIFY(created);
            for (int i = 0; i < 20; ++i)
                loads << AuditScoring::scores(&store, created->id);
        }
        for (QFuture<Result<AuditScores>> &load : loads) {
            QVERIFY(load.isFinished());
            QCOMPARE(load.resultCount(), 1);
            QVERIFY2(load.result(), qPrintable(load.result().ok() ? QString() : load.result().error()));
            QCOMPARE(load.result()->run.planned, 4);
        }
    }

    // A plan's items are written a chunk per transaction, the audit stored as preparing until
    // the last; progress tells each chunk once it is committed, counting every item once.
    void preparesAPlanInChunks_data()
    {
        QTest::addColumn<int>("prompts");
        QTest::addColumn<int>("samples");
        QTest::addColumn<int>("chunk");
        QTest::addColumn<QList<qint64>>("reported");
        QTest::newRow("one chunk") << 2 << 2 << 10 << QList<qint64>{4};
        QTest::newRow("whole chunks") << 5 << 2 << 5 << QList<qint64>{5, 10};
        QTest::newRow("a short last chunk") << 5 << 5 << 10 << QList<qint64>{10, 20, 25};
        QTest::newRow("a chunk of one") << 1 << 3 << 1 << QList<qint64>{1, 2, 3};
    }

    void preparesAPlanInChunks()
    {
        QFETCH(int, prompts);
        QFETCH(int, samples);
        QFETCH(int, chunk);
        QFETCH(QList<qint64>, reported);
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        const AuditSpec spec = specOf(prompts, samples);
        const Plan plan = PromptPlanner::plan(spec).value();
        const auto seen = std::make_shared<Progress>();
        const auto created = await(store.createAudit(spec, plan, {}, seen->counter(), chunk));
        QVERIFY2(created, qPrintable(created.ok() ? QString() : created.error()));
        QVERIFY(!created->stopped);
        QCOMPARE(seen->written, reported);
        QCOMPARE(seen->totals, QList<qint64>(reported.size(), prompts * samples));
        QCOMPARE(created->itemIds.size(), prompts * samples);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM audits WHERE state = 'running'"_s), 1);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items"_s), prompts * samples);
        // Each item of the plan once, in the plan's order.
        const auto stored = await(store.loadAudit(created->id));
        QVERIFY(stored);
        QCOMPARE(stored->items.size(), plan.items.size());
        for (qsizetype i = 0; i < plan.items.size(); ++i) {
            QCOMPARE(stored->items[i].id, created->itemIds[i]);
            QCOMPARE(stored->items[i].prompt, plan.items[i].prompt);
            QCOMPARE(stored->items[i].sample, plan.items[i].sample);
        }
    }

    // Stopped after its first chunk (as a cancel does): that chunk is committed, and the audit
    // is still preparing, never taken for a whole one; finishPreparing() writes the rest.
    void aStoppedPreparationIsFinishedLater()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        const AuditSpec spec = specOf(5, 5);
        const Plan plan = PromptPlanner::plan(spec).value();
        auto seen = std::make_shared<Progress>();
        seen->stopAt = 10;
        const auto stopped = await(store.createAudit(spec, plan, {}, seen->counter(), 10));
        QVERIFY(stopped);
        QVERIFY(stopped->stopped);
        QCOMPARE(stopped->itemIds.size(), 10);
        QCOMPARE(seen->written, QList<qint64>{10});
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items"_s), 10);
        const auto listed = await(store.audit(stopped->id));
        QVERIFY(listed);
        QCOMPARE(listed->state, AuditState::Preparing);
        QCOMPARE(listed->items, 10);
        QCOMPARE(await(store.loadAudit(stopped->id))->state, AuditState::Preparing);

        seen = std::make_shared<Progress>();
        const auto finished = await(store.finishPreparing(stopped->id, spec, plan, seen->counter(), 10));
        QVERIFY2(finished, qPrintable(finished.ok() ? QString() : finished.error()));
        QVERIFY(!finished->stopped);
        QCOMPARE(finished->itemIds.size(), 15);
        QCOMPARE(seen->written, (QList<qint64>{20, 25}));
        QCOMPARE(await(store.loadAudit(stopped->id))->state, AuditState::Running);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM (SELECT DISTINCT prompt_id, engine, sample FROM items) d"_s),
                 25);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items"_s), 25);
    }

    // 200,000 items, as 20 transactions of 10,000 each reported, with other jobs run between
    // them; the plan holds none of them (computed from prompts x engines x samples).
    void preparesTwoHundredThousandItems()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        QVERIFY(await(store.opened()));
        const AuditSpec spec = specOf(2000, 100);
        const Plan plan = PromptPlanner::plan(spec).value();
        QCOMPARE(plan.items.size(), 200000);
        QVERIFY(plan.items.isGrid());
        const auto seen = std::make_shared<Progress>();
        QElapsedTimer clock;
        clock.start();
        auto created = store.createAudit(spec, plan, {}, seen->counter());
        auto between = submitTo(store, [](QSqlDatabase &db) { return count(db, u"SELECT COUNT(*) FROM items"_s); });
        const Result<qint64> seenBetween = await(between);
        QVERIFY(!created.isFinished()); // it did not wait for every chunk
        QVERIFY(seenBetween && seenBetween.value() < 200000);
        QVERIFY(await(created));
        const qint64 ms = clock.elapsed();
        QList<qint64> chunks;
        for (qint64 written = 10000; written <= 200000; written += 10000)
            chunks << written;
        QCOMPARE(seen->written, chunks);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items"_s), 200000);
        qInfo("prepared 200,000 items in %lld ms (%.0f items/s)", ms,
              200000.0 * 1000.0 / double(std::max<qint64>(ms, 1)));
        QVERIFY2(ms < 120000, qPrintable(u"%1 ms"_s.arg(ms)));
    }

    void aFailedJobRollsBackOnlyItself()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        const AuditSpec spec = smallSpec();
        const Plan plan = PromptPlanner::plan(spec).value();
        // Three jobs queued together land in one batch; the middle one fails after writing.
        auto first = store.createAudit(spec, plan);
        auto failing = submitTo(store, [&](QSqlDatabase &db) -> Status {
            if (auto created = AuditRepository::createAudit(db, spec, plan); !created)
                return Error{created.error()};
            return Error{u"planned failure"_s};
        });
        auto third = store.createAudit(spec, plan);
        QVERIFY(await(first));
        QCOMPARE(await(failing).error(), u"planned failure"_s);
        QVERIFY(await(third));
        QCOMPARE(await(submitTo(store, [](QSqlDatabase &db) { return count(db, u"SELECT COUNT(*) FROM audits"_s); }))
                     .value(),
                 2);
        QCOMPARE(
            await(submitTo(store, [](QSqlDatabase &db) { return count(db, u"SELECT COUNT(*) FROM items"_s); })).value(),
            8);
    }

    void writesManyJobsInBatches()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        const AuditSpec spec = smallSpec();
        const Plan plan = PromptPlanner::plan(spec).value();
        const auto created = await(store.createAudit(spec, plan));
        QList<QFuture<Status>> writes;
        for (int i = 0; i < 2000; ++i) {
            EngineReply reply;
            reply.itemId = created->itemIds[i % 4];
            reply.text = u"answer %1"_s.arg(i);
            writes << store.saveAnswer(reply, 1, 0.0);
        }
        QVERIFY(await(store.flush()));
        for (auto &w : writes)
            QVERIFY(w.result());
        QCOMPARE(await(submitTo(store,
                                [](QSqlDatabase &db) {
                                    return count(db, u"SELECT COUNT(*) FROM items WHERE answer = 'answer 1999'"_s);
                                }))
                     .value(),
                 1);
    }

    void refusesANewerSchema()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        const QString path = database.location();
        {
            AuditStore store(path);
            QVERIFY(await(submitTo(store, [](QSqlDatabase &db) {
                return Sql::exec(db, u"INSERT INTO schema_migrations (version, applied_at) VALUES (999, 'later')"_s);
            })));
        }
        AuditStore store(path);
        const Status opened = await(store.opened());
        QVERIFY(!opened);
        QVERIFY2(opened.error().contains(u"schema version 999"_s), qPrintable(opened.error()));
        QVERIFY(opened.error().contains(u"update GEO Audit"_s));
        // Later jobs carry the same error instead of running.
        QVERIFY(!await(store.audits()));
    }

    void refusesAFileThatIsNotADatabase()
    {
        QFETCH_GLOBAL(DatabaseTarget::Backend, backend);
        if (backend != DatabaseTarget::Backend::SQLite)
            QSKIP("a file of another kind is SQLite's case; tst_postgres has PostgreSQL's failures");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"notes.txt"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        AuditStore store(path);
        const Status opened = await(store.opened());
        QVERIFY(!opened);
        QVERIFY2(opened.error().contains(u"is not a GEO Audit database"_s), qPrintable(opened.error()));
    }

    // Deleting an audit takes all it stored with it, and nothing of another audit.
    void deletesAnAuditWithEverythingItStored()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        const AuditSpec spec = smallSpec();
        const Plan plan = PromptPlanner::plan(spec).value();
        const auto first = await(store.createAudit(spec, plan));
        const auto second = await(store.createAudit(spec, plan));
        QVERIFY(first && second);
        EngineReply reply;
        reply.itemId = first->itemIds[0];
        reply.text = u"Acme is fine"_s;
        const FailureRecord failure{
            first->id, first->itemIds[1], QDateTime::currentDateTimeUtc(), u"ask"_s, u"e"_s, u"http-400"_s, u"bad"_s,
            1};
        QVERIFY(await(store.saveAnswer(reply, 1, 0.0)));
        QVERIFY(await(store.saveFailure(failure)));
        QVERIFY(await(store.deleteAudit(first->id)));
        const auto number = [&](const QString &sql) {
            return await(submitTo(store, [sql](QSqlDatabase &db) { return count(db, sql); })).value();
        };
        QCOMPARE(number(u"SELECT COUNT(*) FROM audits"_s), 1);
        for (const QString &table : {u"items"_s, u"prompts"_s, u"brands"_s, u"failures"_s})
            QCOMPARE(number(u"SELECT COUNT(*) FROM %1 WHERE audit_id = %2"_s.arg(table).arg(first->id)), 0);
        QCOMPARE(number(u"SELECT COUNT(*) FROM items WHERE audit_id = %1"_s.arg(second->id)), 4);
    }

    // What the queries that differ between the backends read back: lists joined in SQL,
    // replaced rows, the newest site report of each domain, the run's figures.
    void readsBackAnAnalysedAnswer()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        const AuditSpec spec = smallSpec();
        const Plan plan = PromptPlanner::plan(spec).value();
        const auto audit = await(store.createAudit(spec, plan));
        QVERIFY(audit);
        EngineReply reply;
        reply.itemId = audit->itemIds[0];
        reply.text = u"1. **Rival**\n2. **Acme**, see [1]"_s;
        reply.tokensIn = 10;
        reply.tokensOut = 20;
        Analysis analysis;
        analysis.brands = {BrandFigures{2, 20, 0.5, 2, 2, 0.25, 0.4}, BrandFigures{1, 3, 0.1, 1, 1, std::nullopt, 0.6}};
        analysis.citations
            = {{u"https://acme.example/a"_s, u"acme.example"_s, u"acme.example"_s, 0, CitationRef::Source::Engine, 1},
               {u"https://news.example/b"_s, u"news.example"_s, u"news.example"_s, -1, CitationRef::Source::Text, 0}};
        analysis.discovered = {{u"Gamma One"_s, 1}, {u"Delta"_s, 0}};
        QVERIFY(await(store.saveAnswer(reply, 3, 0.25)));
        // Saved twice, as a resumed audit may: the rows are replaced, not doubled.
        for (int i = 0; i < 2; ++i)
            QVERIFY(await(store.saveAnalysis(reply.itemId, analysis)));
        SiteReport older;
        older.domain = u"acme.example"_s;
        older.score = 40;
        older.inspectedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        SiteReport newer = older;
        newer.score = 70;
        newer.inspectedAt = older.inspectedAt.addSecs(30);
        QVERIFY(await(store.saveSiteReport(audit->id, older, 0)));
        QVERIFY(await(store.saveSiteReport(audit->id, newer, 0)));

        const auto answers = await(store.answersOf(audit->id));
        QVERIFY(answers);
        QCOMPARE(answers->size(), 1);
        QCOMPARE(answers->at(0).mentioned, (QStringList{u"Acme"_s, u"Rival"_s}));
        QCOMPARE(answers->at(0).citations, (QStringList{u"https://acme.example/a"_s, u"https://news.example/b"_s}));
        const auto sites = await(submitTo(store, [](QSqlDatabase &db) {
            return AuditRepository::recentSiteReports(db, QDateTime::currentDateTimeUtc().addDays(-1));
        }));
        QVERIFY(sites);
        QCOMPARE(sites->size(), 1);
        QCOMPARE(sites->at(0).score, 70);
        const auto scores = await(AuditScoring::scores(&store, audit->id));
        QVERIFY2(scores, qPrintable(scores.ok() ? QString() : scores.error()));
        QCOMPARE(scores->run.planned, 4);
        QCOMPARE(scores->run.analysed, 1);
        QCOMPARE(scores->run.retries, 2);
        QCOMPARE(scores->run.tokensOut, qint64(20));
        QCOMPARE(scores->run.costUsd, 0.25);
        // Grouped by brand with their ranks kept: one answer names each, Gamma first in its list.
        QCOMPARE(scores->discovered.size(), 2);
        QCOMPARE(scores->discovered.at(0).name, u"Delta"_s);
        QCOMPARE(scores->discovered.at(0).bestRank, std::nullopt);
        QCOMPARE(scores->discovered.at(0).engines, QStringList{u"e"_s});
        QCOMPARE(scores->discovered.at(1).name, u"Gamma"_s);
        QCOMPARE(scores->discovered.at(1).products, QStringList{u"Gamma One"_s});
        QCOMPARE(scores->discovered.at(1).bestRank, std::optional<int>(1));
        QCOMPARE(scores->discovered.at(1).mentionShare, std::optional<double>(1.0));
        QCOMPARE(await(submitTo(store, [](QSqlDatabase &db) { return count(db, u"SELECT COUNT(*) FROM mentions"_s); }))
                     .value(),
                 2);
        QCOMPARE(
            await(submitTo(store, [](QSqlDatabase &db) { return count(db, u"SELECT COUNT(*) FROM site_reports"_s); }))
                .value(),
            1);
    }

    // Two stores on one database are what two processes are: each works on its own audit,
    // at the same time, and neither waits for the other's run to end or sees its rows.
    void twoStoresWorkOnDifferentAuditsAtOnce()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore first(database.location());
        AuditStore second(database.location());
        const AuditSpec spec = smallSpec();
        const Plan plan = PromptPlanner::plan(spec).value();
        auto a = first.createAudit(spec, plan);
        auto b = second.createAudit(spec, plan);
        QVERIFY(await(a) && await(b));
        const NewAudit one = a.result().value();
        const NewAudit two = b.result().value();
        QVERIFY(one.id != two.id);
        for (qint64 id : one.itemIds)
            QVERIFY(!two.itemIds.contains(id));
        // Interleaved: both writers' batches go on while the other's are open.
        QList<QFuture<Status>> writes;
        for (int i = 0; i < 400; ++i) {
            for (auto [store, audit] : {std::pair{&first, &one}, std::pair{&second, &two}}) {
                EngineReply reply;
                reply.itemId = audit->itemIds[i % 4];
                reply.text = u"answer %1 of audit %2"_s.arg(i).arg(audit->id);
                writes << store->saveAnswer(reply, 1, 0.0);
            }
        }
        QVERIFY(await(first.flush()) && await(second.flush()));
        for (auto &w : writes)
            QVERIFY2(w.result(), qPrintable(w.result().ok() ? QString() : w.result().error()));
        for (const NewAudit &audit : {one, two}) {
            const auto summary = await(first.audit(audit.id));
            QCOMPARE(summary->items, 4);
            QCOMPARE(summary->answered, 4);
            const QString last
                = u"SELECT COUNT(*) FROM items WHERE audit_id = %1 AND answer LIKE 'answer 39_ of audit %1'"_s.arg(
                    audit.id);
            QCOMPARE(await(submitTo(second, [last](QSqlDatabase &db) { return count(db, last); })).value(), 4);
        }
    }

    // Processes that start at once on an empty database: one migrates, the other waits for it.
    void storesOpeningAnEmptyDatabaseAtOnceMigrateItOnce()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        std::vector<std::unique_ptr<AuditStore>> stores;
        for (int i = 0; i < 3; ++i)
            stores.push_back(std::make_unique<AuditStore>(database.location()));
        for (auto &store : stores) {
            const Status opened = await(store->opened());
            QVERIFY2(opened, qPrintable(opened.ok() ? QString() : opened.error()));
        }
        QCOMPARE(
            await(submitTo(*stores[0],
                           [](QSqlDatabase &db) { return count(db, u"SELECT COUNT(*) FROM schema_migrations"_s); }))
                .value(),
            qint64(AuditStore::schemaVersion()));
    }

    // The lease on a running audit (issue #17): one process runs it, a second is refused
    // and told who runs it, and the lease passes on only once its holder is gone.
    void aLeaseIsRefusedWhileItsHolderBeats()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore first(database.location()); // two stores: two processes
        AuditStore second(database.location());
        const AuditSpec spec = smallSpec();
        const LeaseHolder running = LeaseHolder::thisProcess();
        const auto audit = await(first.createAudit(spec, PromptPlanner::plan(spec).value(), running));
        QVERIFY(audit);
        QCOMPARE(await(first.audit(audit->id))->state, AuditState::Running);

        const LeaseHolder resuming = LeaseHolder::thisProcess();
        QVERIFY(resuming.token != running.token);
        const auto refused = await(second.takeLease(audit->id, resuming));
        QVERIFY2(refused, qPrintable(refused.ok() ? QString() : refused.error()));
        QVERIFY(!refused->held);
        QCOMPARE(refused->holder.token, running.token);
        QCOMPARE(refused->holder.program, u"tst_auditstore"_s);
        QCOMPARE(refused->holder.pid, QCoreApplication::applicationPid());
        QCOMPARE(refused->holder.host, QSysInfo::machineHostName());
        QCOMPARE(refused->refusal(audit->id, refused->lastSeen.addMSecs(4200)),
                 u"audit %1 is being run by tst_auditstore (pid %2 on host %3), last seen 4 s ago; wait for it to "
                 "finish or stop it first (an audit whose process has stopped, or not been heard from for 30 s, can "
                 "be resumed)"_s.arg(audit->id)
                     .arg(QCoreApplication::applicationPid())
                     .arg(QSysInfo::machineHostName()));
        // Its heartbeat goes on; the refused one's does not start.
        QVERIFY(await(first.renewLease(audit->id, running))->held);
        QVERIFY(!await(second.renewLease(audit->id, resuming))->held);
        // Released on pausing: then the other may take it.
        QCOMPARE(await(second.releaseLease(audit->id, resuming, AuditState::Cancelled)).value(), false);
        QCOMPARE(await(first.releaseLease(audit->id, running, AuditState::Paused)).value(), true);
        QCOMPARE(await(first.audit(audit->id))->state, AuditState::Paused);
        QVERIFY(await(second.takeLease(audit->id, resuming))->held);
        QVERIFY(!await(first.takeLease(audit->id, running))->held);
        QVERIFY(await(second.takeLease(audit->id, resuming))->held);  // taking it again is renewing it
        QVERIFY(await(second.renewLease(audit->id, resuming))->held); // as a run's first heartbeat
        QCOMPARE(await(first.audit(audit->id))->state, AuditState::Running);
        // Released with no state (the runner was closed mid-run): interrupted, resumable at once.
        QCOMPARE(await(second.releaseLease(audit->id, resuming)).value(), true);
        QCOMPARE(await(first.audit(audit->id))->state, AuditState::Interrupted);
        QVERIFY(await(first.takeLease(audit->id, running))->held);
        QVERIFY(!await(first.takeLease(audit->id + 1, running)));
    }

    void aLeaseIsTakenOverOnlyFromAHolderThatIsGone_data()
    {
        QTest::addColumn<bool>("sameHost");
        QTest::addColumn<bool>("processExists");
        QTest::addColumn<int>("heartbeatAgeS");
        QTest::addColumn<bool>("takenOver");
        QTest::newRow("beating") << true << true << 0 << false;
        QTest::newRow("beating, 29 s ago") << true << true << 29 << false;
        QTest::newRow("silent for 31 s") << true << true << 31 << true;
        QTest::newRow("killed, on this host") << true << false << 0 << true;
        QTest::newRow("gone from another host") << false << false << 0 << false;
        QTest::newRow("silent on another host") << false << false << 31 << true;
    }

    void aLeaseIsTakenOverOnlyFromAHolderThatIsGone()
    {
        QFETCH(bool, sameHost);
        QFETCH(bool, processExists);
        QFETCH(int, heartbeatAgeS);
        QFETCH(bool, takenOver);
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        const AuditSpec spec = smallSpec();
        LeaseHolder holder = LeaseHolder::thisProcess();
        if (!processExists) { // a process that has ended: its pid is free
            QProcess gone;
            gone.start(u"true"_s);
            QVERIFY(gone.waitForStarted());
            holder.pid = gone.processId();
            QVERIFY(gone.waitForFinished());
        }
        if (!sameHost)
            holder.host = u"another-host.example"_s;
        const auto audit = await(store.createAudit(spec, PromptPlanner::plan(spec).value(), holder));
        QVERIFY(audit);
        const QString beat = QDateTime::currentDateTimeUtc().addSecs(-heartbeatAgeS).toString(Qt::ISODateWithMs);
        QVERIFY(execSql(store, u"UPDATE audits SET heartbeat_at = '%1'"_s.arg(beat)));

        // Listed as interrupted (resumable) exactly when it may be taken over.
        QCOMPARE(await(store.audit(audit->id))->state, takenOver ? AuditState::Interrupted : AuditState::Running);

        const LeaseHolder resuming = LeaseHolder::thisProcess();
        const auto lease = await(store.takeLease(audit->id, resuming));
        QVERIFY2(lease, qPrintable(lease.ok() ? QString() : lease.error()));
        QCOMPARE(lease->held, takenOver);
        // The old holder learns at its next heartbeat whether it still runs the audit.
        const auto renewed = await(store.renewLease(audit->id, holder));
        QCOMPARE(renewed->held, !takenOver);
        if (takenOver) {
            QCOMPARE(renewed->holder.token, resuming.token);
            QVERIFY2(renewed->lost(audit->id).startsWith(
                         u"audit %1 was taken over by tst_auditstore (pid %2 on host %3)"_s.arg(audit->id)
                             .arg(resuming.pid)
                             .arg(resuming.host)),
                     qPrintable(renewed->lost(audit->id)));
        }
    }

    // Two processes asking for a free lease at once: exactly one gets it.
    void oneOfTwoTakesAFreeLease()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore first(database.location());
        AuditStore second(database.location());
        const AuditSpec spec = smallSpec();
        const auto audit = await(first.createAudit(spec, PromptPlanner::plan(spec).value()));
        QVERIFY(audit);
        for (int round = 0; round < 20; ++round) {
            const LeaseHolder a = LeaseHolder::thisProcess();
            const LeaseHolder b = LeaseHolder::thisProcess();
            auto one = first.takeLease(audit->id, a);
            auto two = second.takeLease(audit->id, b);
            QVERIFY(await(one) && await(two));
            QCOMPARE(int(one.result()->held) + int(two.result()->held), 1);
            const LeaseHolder &winner = one.result()->held ? a : b;
            QVERIFY(await(first.releaseLease(audit->id, winner)).value());
        }
    }

    // Retry failed: failed items go back to pending, a finished audit becomes resumable.
    void resetFailedMakesFailedItemsPending()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        const AuditSpec spec = smallSpec();
        const Plan plan = PromptPlanner::plan(spec).value();
        const auto audit = await(store.createAudit(spec, plan));
        QVERIFY(audit);
        const FailureRecord failure{
            audit->id, audit->itemIds[1], QDateTime::currentDateTimeUtc(), u"ask"_s, u"e"_s, u"http-400"_s, u"bad"_s,
            3};
        QVERIFY(await(store.saveFailure(failure)));
        QVERIFY(await(store.setState(audit->id, AuditState::Finished)));
        const auto standing = await(store.failuresOf(audit->id));
        QCOMPARE(standing->size(), 1);
        QCOMPARE(standing->at(0).prompt, u"p1"_s); // items are prompt-major: p1 sample 2
        QCOMPARE(standing->at(0).failure.errorClass, u"http-400"_s);
        QCOMPARE(standing->at(0).failure.attempts, 3);
        const auto reset = await(store.resetFailed(audit->id));
        QCOMPARE(reset.value(), 1);
        const auto stored = await(store.loadAudit(audit->id));
        QCOMPARE(stored->state, AuditState::Cancelled);
        QCOMPARE(stored->items[1].status, ItemState::Pending);
        QCOMPARE(stored->items[1].attempts, 0);
        // Asked again, the item's old failure no longer stands.
        QVERIFY(await(store.failuresOf(audit->id))->isEmpty());
        QCOMPARE(await(store.resetFailed(audit->id)).value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuditStore)
#include "tst_auditstore.moc"
