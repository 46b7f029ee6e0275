#include "TestDatabases.h"
#include "spec/PromptPlanner.h"
#include "store/AuditRepository.h"
#include "store/AuditStore.h"
#include "store/Sql.h"

#include <QFile>
#include <QFuture>
#include <QSqlQuery>
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
        const QString location = backend == DatabaseTarget::Backend::SQLite ? dir.filePath(u"sub/folder/a.sqlite"_s) : database.location();
        AuditStore store(location);
        const Status opened = await(store.opened());
        QVERIFY2(opened, qPrintable(opened.ok() ? QString() : opened.error()));
        if (backend == DatabaseTarget::Backend::SQLite) {
            const auto mode = await(store.submit([](QSqlDatabase &db) -> Result<QString> {
                QSqlQuery q(db);
                q.exec(u"PRAGMA journal_mode"_s);
                q.next();
                return q.value(0).toString();
            }));
            QCOMPARE(mode.value(), u"wal"_s);
        }
        QCOMPARE(await(store.submit([](QSqlDatabase &db) { return count(db, u"SELECT MAX(version) FROM schema_migrations"_s); })).value(),
                 qint64(AuditStore::schemaVersion()));
        QCOMPARE(await(store.submit([](QSqlDatabase &db) { return count(db, u"SELECT COUNT(*) FROM schema_migrations"_s); })).value(),
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
            const auto created = await(store.submit([&](QSqlDatabase &db) { return AuditRepository::createAudit(db, spec, plan); }));
            QVERIFY(created);
            QCOMPARE(created->itemIds.size(), 4);
            id = created->id;
        }
        AuditStore again(path);
        const auto audits = await(again.submit([](QSqlDatabase &db) { return AuditRepository::listAudits(db); }));
        QVERIFY(audits);
        QCOMPARE(audits->size(), 1);
        QCOMPARE(audits->at(0).id, id);
        QCOMPARE(audits->at(0).items, 4);
        // Created but with no process beating for it: interrupted, until a runner takes it up.
        QCOMPARE(audits->at(0).state, u"interrupted"_s);
        QVERIFY(await(again.submit([id](QSqlDatabase &db) { return AuditRepository::heartbeat(db, id); })));
        QCOMPARE(await(again.submit([](QSqlDatabase &db) { return AuditRepository::listAudits(db); }))->at(0).state, u"running"_s);
        QCOMPARE(await(again.submit([](QSqlDatabase &db) { return AuditRepository::brandNames(db, 1); })).value(),
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
        const std::pair<QString, QString> audits[] = {{u"A"_s, u"finished"_s}, {u"B"_s, u"finished"_s}, {u"A"_s, u"cancelled"_s},
                                                       {u"A"_s, u"finished"_s}, {u"A"_s, u"running"_s}};
        for (const auto &[name, state] : audits) {
            AuditSpec spec = smallSpec();
            spec.name = name;
            const Plan plan = PromptPlanner::plan(spec).value();
            const auto created = await(store.submit([&](QSqlDatabase &db) { return AuditRepository::createAudit(db, spec, plan); }));
            QVERIFY(created);
            QVERIFY(await(store.submit([id = created->id, state](QSqlDatabase &db) { return AuditRepository::setState(db, id, state); })));
        }
        const auto found = await(store.submit([audit](QSqlDatabase &db) { return AuditRepository::previousInSeries(db, audit); }));
        QVERIFY(found);
        QCOMPARE(found.value(), qint64(previous));
    }

    void aFailedJobRollsBackOnlyItself()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        const AuditSpec spec = smallSpec();
        const Plan plan = PromptPlanner::plan(spec).value();
        // Three jobs queued together land in one batch; the middle one fails after writing.
        auto first = store.submit([&](QSqlDatabase &db) { return AuditRepository::createAudit(db, spec, plan); });
        auto failing = store.submit([&](QSqlDatabase &db) -> Status {
            if (auto created = AuditRepository::createAudit(db, spec, plan); !created)
                return Error{created.error()};
            return Error{u"planned failure"_s};
        });
        auto third = store.submit([&](QSqlDatabase &db) { return AuditRepository::createAudit(db, spec, plan); });
        QVERIFY(await(first));
        QCOMPARE(await(failing).error(), u"planned failure"_s);
        QVERIFY(await(third));
        QCOMPARE(await(store.submit([](QSqlDatabase &db) { return count(db, u"SELECT COUNT(*) FROM audits"_s); })).value(), 2);
        QCOMPARE(await(store.submit([](QSqlDatabase &db) { return count(db, u"SELECT COUNT(*) FROM items"_s); })).value(), 8);
    }

    void writesManyJobsInBatches()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        const AuditSpec spec = smallSpec();
        const Plan plan = PromptPlanner::plan(spec).value();
        const auto created = await(store.submit([&](QSqlDatabase &db) { return AuditRepository::createAudit(db, spec, plan); }));
        QList<QFuture<Status>> writes;
        for (int i = 0; i < 2000; ++i) {
            EngineReply reply;
            reply.itemId = created->itemIds[i % 4];
            reply.text = u"answer %1"_s.arg(i);
            writes << store.submit([reply](QSqlDatabase &db) { return AuditRepository::saveAnswer(db, reply, 1); });
        }
        QVERIFY(await(store.flush()));
        for (auto &w : writes)
            QVERIFY(w.result());
        QCOMPARE(await(store.submit([](QSqlDatabase &db) { return count(db, u"SELECT COUNT(*) FROM items WHERE answer = 'answer 1999'"_s); })).value(), 1);
    }

    void refusesANewerSchema()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        const QString path = database.location();
        {
            AuditStore store(path);
            QVERIFY(await(store.submit([](QSqlDatabase &db) {
                return Sql::exec(db, u"INSERT INTO schema_migrations (version, applied_at) VALUES (999, 'later')"_s);
            })));
        }
        AuditStore store(path);
        const Status opened = await(store.opened());
        QVERIFY(!opened);
        QVERIFY2(opened.error().contains(u"schema version 999"_s), qPrintable(opened.error()));
        QVERIFY(opened.error().contains(u"update GEO Audit"_s));
        // Later jobs carry the same error instead of running.
        QVERIFY(!await(store.submit([](QSqlDatabase &db) { return AuditRepository::listAudits(db); })));
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
        const auto first = await(store.submit([&](QSqlDatabase &db) { return AuditRepository::createAudit(db, spec, plan); }));
        const auto second = await(store.submit([&](QSqlDatabase &db) { return AuditRepository::createAudit(db, spec, plan); }));
        QVERIFY(first && second);
        EngineReply reply;
        reply.itemId = first->itemIds[0];
        reply.text = u"Acme is fine"_s;
        const FailureRecord failure{first->id, first->itemIds[1], QDateTime::currentDateTimeUtc(), u"ask"_s, u"e"_s,
                                    u"http-400"_s, u"bad"_s, 1};
        QVERIFY(await(store.submit([&](QSqlDatabase &db) { return AuditRepository::saveAnswer(db, reply, 1); })));
        QVERIFY(await(store.submit([&](QSqlDatabase &db) { return AuditRepository::saveFailure(db, failure); })));
        QVERIFY(await(store.submit([id = first->id](QSqlDatabase &db) { return AuditRepository::deleteAudit(db, id); })));
        const auto number = [&](const QString &sql) { return await(store.submit([sql](QSqlDatabase &db) { return count(db, sql); })).value(); };
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
        const auto audit = await(store.submit([&](QSqlDatabase &db) { return AuditRepository::createAudit(db, spec, plan); }));
        QVERIFY(audit);
        EngineReply reply;
        reply.itemId = audit->itemIds[0];
        reply.text = u"1. **Rival**\n2. **Acme**, see [1]"_s;
        reply.tokensIn = 10;
        reply.tokensOut = 20;
        Analysis analysis;
        analysis.brands = {BrandFigures{2, 20, 0.5, 2, 2, 0.25, 0.4}, BrandFigures{1, 3, 0.1, 1, 1, std::nullopt, 0.6}};
        analysis.citations = {{u"https://acme.example/a"_s, u"acme.example"_s, u"acme.example"_s, 0, CitationRef::Source::Engine, 1},
                              {u"https://news.example/b"_s, u"news.example"_s, u"news.example"_s, -1, CitationRef::Source::Text, 0}};
        analysis.discovered = {u"Gamma"_s, u"Delta"_s};
        QVERIFY(await(store.submit([&](QSqlDatabase &db) { return AuditRepository::saveAnswer(db, reply, 3, 0.25); })));
        // Saved twice, as a resumed audit may: the rows are replaced, not doubled.
        for (int i = 0; i < 2; ++i)
            QVERIFY(await(store.submit([&](QSqlDatabase &db) { return AuditRepository::saveAnalysis(db, reply.itemId, analysis); })));
        SiteReport older;
        older.domain = u"acme.example"_s;
        older.score = 40;
        older.inspectedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        SiteReport newer = older;
        newer.score = 70;
        newer.inspectedAt = older.inspectedAt.addSecs(30);
        QVERIFY(await(store.submit([&](QSqlDatabase &db) { return AuditRepository::saveSiteReport(db, audit->id, older, 0); })));
        QVERIFY(await(store.submit([&](QSqlDatabase &db) { return AuditRepository::saveSiteReport(db, audit->id, newer, 0); })));

        const auto answers = await(store.submit([&](QSqlDatabase &db) { return AuditRepository::answers(db, audit->id); }));
        QVERIFY(answers);
        QCOMPARE(answers->size(), 1);
        QCOMPARE(answers->at(0).mentioned, (QStringList{u"Acme"_s, u"Rival"_s}));
        QCOMPARE(answers->at(0).citations, (QStringList{u"https://acme.example/a"_s, u"https://news.example/b"_s}));
        const auto sites = await(store.submit([](QSqlDatabase &db) {
            return AuditRepository::recentSiteReports(db, QDateTime::currentDateTimeUtc().addDays(-1));
        }));
        QVERIFY(sites);
        QCOMPARE(sites->size(), 1);
        QCOMPARE(sites->at(0).score, 70);
        const auto scores = await(store.submit([&](QSqlDatabase &db) { return AuditRepository::scores(db, audit->id); }));
        QVERIFY2(scores, qPrintable(scores.ok() ? QString() : scores.error()));
        QCOMPARE(scores->run.planned, 4);
        QCOMPARE(scores->run.analysed, 1);
        QCOMPARE(scores->run.retries, 2);
        QCOMPARE(scores->run.tokensOut, qint64(20));
        QCOMPARE(scores->run.costUsd, 0.25);
        QCOMPARE(scores->discovered.size(), 2);
        QCOMPARE(scores->discovered.at(0).engines, QStringList{u"e"_s});
        QCOMPARE(await(store.submit([](QSqlDatabase &db) { return count(db, u"SELECT COUNT(*) FROM mentions"_s); })).value(), 2);
        QCOMPARE(await(store.submit([](QSqlDatabase &db) { return count(db, u"SELECT COUNT(*) FROM site_reports"_s); })).value(), 1);
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
        auto a = first.submit([&](QSqlDatabase &db) { return AuditRepository::createAudit(db, spec, plan); });
        auto b = second.submit([&](QSqlDatabase &db) { return AuditRepository::createAudit(db, spec, plan); });
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
                writes << store->submit([reply](QSqlDatabase &db) { return AuditRepository::saveAnswer(db, reply, 1); });
            }
        }
        QVERIFY(await(first.flush()) && await(second.flush()));
        for (auto &w : writes)
            QVERIFY2(w.result(), qPrintable(w.result().ok() ? QString() : w.result().error()));
        for (const NewAudit &audit : {one, two}) {
            const auto summary = await(first.submit([id = audit.id](QSqlDatabase &db) { return AuditRepository::auditSummary(db, id); }));
            QCOMPARE(summary->items, 4);
            QCOMPARE(summary->answered, 4);
            const QString last = u"SELECT COUNT(*) FROM items WHERE audit_id = %1 AND answer LIKE 'answer 39_ of audit %1'"_s.arg(audit.id);
            QCOMPARE(await(second.submit([last](QSqlDatabase &db) { return count(db, last); })).value(), 4);
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
        QCOMPARE(await(stores[0]->submit([](QSqlDatabase &db) { return count(db, u"SELECT COUNT(*) FROM schema_migrations"_s); })).value(),
                 qint64(AuditStore::schemaVersion()));
    }

    // Retry failed: failed items go back to pending, a finished audit becomes resumable.
    void resetFailedMakesFailedItemsPending()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        const AuditSpec spec = smallSpec();
        const Plan plan = PromptPlanner::plan(spec).value();
        const auto audit = await(store.submit([&](QSqlDatabase &db) { return AuditRepository::createAudit(db, spec, plan); }));
        QVERIFY(audit);
        const FailureRecord failure{audit->id, audit->itemIds[1], QDateTime::currentDateTimeUtc(), u"ask"_s, u"e"_s,
                                    u"http-400"_s, u"bad"_s, 3};
        QVERIFY(await(store.submit([&](QSqlDatabase &db) { return AuditRepository::saveFailure(db, failure); })));
        QVERIFY(await(store.submit([id = audit->id](QSqlDatabase &db) { return AuditRepository::setState(db, id, u"finished"_s); })));
        const auto standing = await(store.submit([id = audit->id](QSqlDatabase &db) { return AuditRepository::failures(db, id); }));
        QCOMPARE(standing->size(), 1);
        QCOMPARE(standing->at(0).prompt, u"p1"_s); // items are prompt-major: p1 sample 2
        QCOMPARE(standing->at(0).failure.errorClass, u"http-400"_s);
        QCOMPARE(standing->at(0).failure.attempts, 3);
        const auto reset = await(store.submit([id = audit->id](QSqlDatabase &db) { return AuditRepository::resetFailed(db, id); }));
        QCOMPARE(reset.value(), 1);
        const auto stored = await(store.submit([id = audit->id](QSqlDatabase &db) { return AuditRepository::loadAudit(db, id); }));
        QVERIFY(stored->state != u"finished"_s);
        QCOMPARE(stored->items[1].status, u"pending"_s);
        QCOMPARE(stored->items[1].attempts, 0);
        // Asked again, the item's old failure no longer stands.
        QVERIFY(await(store.submit([id = audit->id](QSqlDatabase &db) { return AuditRepository::failures(db, id); }))->isEmpty());
        QCOMPARE(await(store.submit([id = audit->id](QSqlDatabase &db) { return AuditRepository::resetFailed(db, id); })).value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuditStore)
#include "tst_auditstore.moc"
