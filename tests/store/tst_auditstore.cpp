#include "spec/PromptPlanner.h"
#include "store/AuditRepository.h"
#include "store/AuditStore.h"
#include "store/Sql.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

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

class TestAuditStore : public QObject
{
    Q_OBJECT

private slots:
    void opensMigratesAndUsesWal()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sub/folder/a.sqlite"_s);
        AuditStore store(path);
        const Status opened = await(store.opened());
        QVERIFY2(opened, qPrintable(opened.ok() ? QString() : opened.error()));
        const auto mode = await(store.submit([](QSqlDatabase &db) -> Result<QString> {
            QSqlQuery q(db);
            q.exec(u"PRAGMA journal_mode"_s);
            q.next();
            return q.value(0).toString();
        }));
        QCOMPARE(mode.value(), u"wal"_s);
        QCOMPARE(await(store.submit([](QSqlDatabase &db) { return count(db, u"SELECT MAX(version) FROM schema_migrations"_s); })).value(),
                 qint64(AuditStore::schemaVersion()));
    }

    void keepsAuditsAcrossReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.sqlite"_s);
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
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
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
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
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
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
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
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.sqlite"_s);
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
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
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

    // Retry failed: failed items go back to pending, a finished audit becomes resumable.
    void resetFailedMakesFailedItemsPending()
    {
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
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
