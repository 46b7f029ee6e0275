// The soak (issue #17): thousands of answers from a fake engine that fails 10% of requests
// transiently (429, 500, a reset connection) and 1% of prompts for good (400), while the CLI
// running the audit is killed with kill -9 at three random moments and resumed each time.
// In the end the failures are exactly the permanent ones, no answer is lost, none is asked
// twice but those in flight at a kill, and the database is intact. ctest runs a short one;
// `tools/dev soak [answers]` the full one (GEOAUDIT_SOAK_ANSWERS, 2000 there).
#include "CliFixtures.h"
#include "FakeEngineServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using Fault = FakeEngineServer::Fault;
using CliFixtures::queryRows;

namespace {

const QString CliProgram = QStringLiteral(GEOAUDIT_BIN_DIR "/geoaudit-cli");

int answersToAsk()
{
    bool given = false;
    const int answers = qEnvironmentVariableIntValue("GEOAUDIT_SOAK_ANSWERS", &given);
    if (given && answers >= 100)
        return answers;
#ifdef GEOAUDIT_SANITIZE
    return 200; // instrumented, each process is several times slower
#else
    return 500; // some seconds: the form ctest runs
#endif
}

} // namespace

class TestSoak : public QObject
{
    Q_OBJECT

private slots:
    void killedThreeTimesAndResumedLosesNothing()
    {
        const int answers = answersToAsk();
        bool seeded = false;
        quint32 seed = quint32(qEnvironmentVariableIntValue("GEOAUDIT_SOAK_SEED", &seeded));
        if (!seeded)
            seed = QRandomGenerator::global()->generate();
        qInfo("soak: %d answers, seed %u (GEOAUDIT_SOAK_SEED repeats a run)", answers, seed);
        QRandomGenerator random(seed);

        QStringList prompts;
        QSet<QString> permanent; // 1%: answered 400 every time
        for (int i = 0; i < answers; ++i) {
            prompts << u"soak: which CRM, question %1?"_s.arg(i);
            if (i % 100 == 37)
                permanent.insert(prompts.last());
        }
        // 10% of requests fail transiently, but never more than twice in a row for one
        // prompt: the runner's five attempts then always get an answer.
        QHash<QString, int> failedInARow;
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setLatencyMs(5);
        server.setFaults([&](int, const QString &prompt) {
            if (permanent.contains(prompt))
                return Fault::BadRequest;
            int &row = failedInARow[prompt];
            if (row < 2 && random.bounded(10) == 0) {
                ++row;
                static const Fault transient[] = {Fault::RateLimited, Fault::ServerError, Fault::Reset};
                return transient[random.bounded(3)];
            }
            row = 0;
            return Fault::None;
        });

        QTemporaryDir dir;
        const QJsonObject spec = CliFixtures::fakeEngineSpec(u"soak"_s, prompts, server.baseUrl(), 8);
        QFile specFile(dir.filePath(u"soak.json"_s));
        QVERIFY(specFile.open(QIODevice::WriteOnly));
        specFile.write(QJsonDocument(spec).toJson());
        specFile.close();
        const QString db = dir.filePath(u"soak.sqlite"_s);

        // Three moments, as numbers of requests the engine has had, between a tenth and seven
        // tenths of the run: a process killed must not have finished.
        QList<int> killAt;
        for (int k = 0; k < 3; ++k)
            killAt << int(answers / 10 + random.bounded(answers * 6 / 10));
        std::sort(killAt.begin(), killAt.end());

        QElapsedTimer clock;
        clock.start();
        QHash<QString, int> inFlightAtKills; // prompt -> kills at which it was answered but not stored
        QStringList args{u"run"_s, specFile.fileName(), u"--db"_s, db};
        for (int k = 0; k < 3; ++k) {
            const int from = server.requestCount();
            QProcess run;
            run.start(CliProgram, args);
            QVERIFY(run.waitForStarted());
            // Each process makes some progress before it is killed.
            const int target = std::max(killAt[k], from + answers / 20);
            QTRY_VERIFY_WITH_TIMEOUT(server.requestCount() >= target || run.state() == QProcess::NotRunning, 120000);
            QVERIFY2(run.state() == QProcess::Running, run.readAllStandardError().constData());
            run.kill(); // SIGKILL: no handler, no cleanup
            QVERIFY(run.waitForFinished(10000));
            QCOMPARE(run.exitStatus(), QProcess::CrashExit);
            QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, 10000); // all it sent is counted
            QCOMPARE(queryRows(db, u"PRAGMA integrity_check"_s), QStringList{u"ok"_s});
            const QStringList stored = queryRows(db,
                                                 u"SELECT p.text FROM items i JOIN prompts p ON p.id = i.prompt_id "
                                                 "WHERE i.status IN ('answered', 'analysed')"_s);
            const QSet<QString> storedSet(stored.cbegin(), stored.cend());
            for (qsizetype r = from; r < server.requests().size(); ++r) {
                const auto &request = server.requests()[r];
                if (request.fault == Fault::None && !storedSet.contains(request.prompt))
                    ++inFlightAtKills[request.prompt];
            }
            qInfo("soak: killed process %d after %d requests, %d answers stored", k + 1, server.requestCount(),
                  int(stored.size()));
            args = QStringList{u"resume"_s, u"1"_s, u"--db"_s, db};
        }
        // The last resume runs to the end; the killed one's lease is taken over at once.
        QProcess last;
        last.start(CliProgram, args);
        QTRY_VERIFY_WITH_TIMEOUT(last.state() == QProcess::NotRunning, 300000);
        const QString err = QString::fromUtf8(last.readAllStandardError());
        QCOMPARE(last.exitStatus(), QProcess::NormalExit);
        QVERIFY2(last.exitCode() == 1, qPrintable(err)); // finished, some answers failed: the permanent ones
        const double seconds = double(clock.elapsed()) / 1000.0;

        QCOMPARE(queryRows(db, u"PRAGMA integrity_check"_s), QStringList{u"ok"_s});
        QCOMPARE(queryRows(db, u"SELECT state FROM audits"_s), QStringList{u"finished"_s});
        // The failures are the permanent set, each once.
        QStringList failed
            = queryRows(db,
                        u"SELECT COALESCE(p.text, '') FROM failures f LEFT JOIN items i ON i.id = f.item_id "
                        "LEFT JOIN prompts p ON p.id = i.prompt_id"_s);
        failed.sort();
        QStringList expected(permanent.cbegin(), permanent.cend());
        expected.sort();
        QCOMPARE(failed, expected);
        // No answer lost.
        QCOMPARE(queryRows(db, u"SELECT COUNT(*) FROM items WHERE status = 'analysed'"_s),
                 QStringList{QString::number(answers - permanent.size())});
        // Each answered once, and once more for every kill it was in flight at.
        QHash<QString, int> answered;
        for (const auto &request : server.requests())
            if (request.fault == Fault::None)
                ++answered[request.prompt];
        int twice = 0;
        for (const QString &prompt : prompts) {
            if (permanent.contains(prompt))
                continue;
            const int expectedTimes = 1 + inFlightAtKills.value(prompt);
            QVERIFY2(
                answered.value(prompt) == expectedTimes,
                qPrintable(
                    u"%1 answered %2 times, expected %3"_s.arg(prompt).arg(answered.value(prompt)).arg(expectedTimes)));
            twice += expectedTimes - 1;
        }
        int transient = 0;
        for (const auto &request : server.requests())
            transient += request.fault != Fault::None && request.fault != Fault::BadRequest ? 1 : 0;
        qInfo("soak: %d answers (%d failed for good), 3 kills, %d requests in all, %d transient faults, %d "
              "answers asked twice (all in flight at a kill), %.1f s",
              answers, int(permanent.size()), server.requestCount(), transient, twice, seconds);
    }
};

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
