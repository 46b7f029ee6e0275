#include "FakeEngineServer.h"
#include "StoreQueries.h"
#include "run/AuditRunner.h"
#include "run/RateLimiter.h"
#include "run/RetryPolicy.h"
#include "store/AuditStore.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;
using Fault = FakeEngineServer::Fault;

namespace {

AuditSpec specFor(const QList<QUrl> &servers, int prompts, int concurrency = 10)
{
    AuditSpec s;
    s.name = u"scheduler"_s;
    s.brand = {u"Acme"_s, {}, {}};
    s.templates = false;
    for (int p = 0; p < prompts; ++p)
        s.prompts << u"prompt %1"_s.arg(p);
    s.samples = 1;
    for (int e = 0; e < servers.size(); ++e) {
        EngineSpec engine;
        engine.id = u"e%1"_s.arg(e);
        engine.kind = u"openai"_s;
        engine.model = u"m"_s;
        engine.baseUrl = servers[e];
        engine.concurrency = concurrency;
        engine.timeoutMs = 1000;
        s.engines << engine;
    }
    return s;
}

RetryPolicy quickRetries()
{
    RetryPolicy p;
    p.baseMs = 5;
    p.capMs = 40;
    return p;
}

} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT

private slots:
    void backoffHasFullJitterUnderACap()
    {
        RetryPolicy p;
        QRandomGenerator random(42);
        int most = 0;
        for (int i = 0; i < 2000; ++i) {
            const int d = p.delayMs(3, -1, random);
            QVERIFY(d >= 0 && d <= 4000);
            most = std::max(most, d);
        }
        QVERIFY(most > 3000); // jitter spreads over the whole range
        for (int i = 0; i < 200; ++i)
            QVERIFY(p.delayMs(30, -1, random) <= 60000);
        QCOMPARE(p.delayMs(2, 7000, random), 7000); // Retry-After wins
        EngineReply transient;
        transient.outcome = EngineReply::Outcome::TransientFailure;
        QVERIFY(p.shouldRetry(transient, 4));
        QVERIFY(!p.shouldRetry(transient, 5));
        EngineReply permanent;
        permanent.outcome = EngineReply::Outcome::PermanentFailure;
        QVERIFY(!p.shouldRetry(permanent, 1));
    }

    void tokenBucketHoldsTheRate()
    {
        RateLimiter limiter(600); // 10 a second, no burst beyond one
        qint64 now = 0;
        int taken = 0;
        while (now < 60000) {
            if (const qint64 wait = limiter.waitMs(now); wait > 0) {
                now += wait;
                continue;
            }
            limiter.take(now);
            ++taken;
        }
        QVERIFY2(std::abs(taken - 600) <= 1, qPrintable(QString::number(taken)));
        QCOMPARE(RateLimiter().waitMs(0), 0); // unlimited
    }

    void retriesTransientFaultsAndAsksNothingTwice()
    {
        FakeEngineServer server;
        QVERIFY(server.listen());
        // Every kind of transient fault on the first attempt of some prompts; a permanent one
        // on prompt 13; the rest answer at once.
        const QList<Fault> transient{Fault::RateLimited,   Fault::RateLimitedRetryAfter,
                                     Fault::ServerError,   Fault::Unavailable,
                                     Fault::MalformedJson, Fault::Truncated,
                                     Fault::Reset,         Fault::Stall};
        QHash<QString, int> seen;
        server.setFaults([&](int, const QString &prompt) {
            const int n = prompt.section(u' ', 1).toInt();
            const int attempt = seen[prompt]++;
            if (n == 13)
                return Fault::BadRequest;
            if (n < transient.size() && attempt == 0)
                return transient[n];
            if (n == 9 && attempt < 4)
                return Fault::ServerError; // answered on the fifth and last attempt
            if (n == 10)
                return Fault::Unavailable; // never answers: fails after five attempts
            return Fault::None;
        });
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        runner.setRetryPolicy(quickRetries());
        QSignalSpy finished(&runner, &AuditRunner::finished);
        QSignalSpy failures(&runner, &AuditRunner::itemFailed);
        runner.start(specFor({server.baseUrl()}, 20, 4));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        const RunStats s = finished[0][2].value<RunStats>();
        QCOMPARE(s.answered, 18);
        QCOMPARE(s.failed, 2);
        QCOMPARE(failures.size(), 2);
        QStringList failedClasses;
        for (const auto &f : failures)
            failedClasses << f[0].value<FailureRecord>().errorClass;
        failedClasses.sort();
        QCOMPARE(failedClasses, (QStringList{u"http-400"_s, u"http-503"_s}));
        QCOMPARE(seen.value(u"prompt 13"_s), 1); // permanent: asked once
        QCOMPARE(seen.value(u"prompt 10"_s), 5); // at most five attempts
        QCOMPARE(seen.value(u"prompt 9"_s), 5);
        for (int p = 0; p < 20; ++p)
            if (p != 10 && p != 13)
                QCOMPARE(server.answeredCount(u"prompt %1"_s.arg(p)), 1); // answered once, never again
        QVERIFY(server.maxInFlight() <= 4);
        QCOMPARE(queryNumber(
                     store,
                     u"SELECT attempts FROM items i JOIN prompts p ON p.id = i.prompt_id WHERE p.text = 'prompt 9'"_s),
                 5);
        QCOMPARE(queryNumber(store, u"SELECT attempts FROM failures WHERE error_class = 'http-503'"_s), 5);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items WHERE status = 'analysed'"_s), 18);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items WHERE status = 'failed'"_s), 2);
    }

    // 2,000 answers, 10% of first attempts failing with a transient fault of every kind and
    // 1% of prompts failing for good: the audit completes, the failures are exactly the
    // permanent ones, and the store's counts add up.
    void faultSoak()
    {
        FakeEngineServer server; // HTTP/1.1: the fake speaks every fault there
        QVERIFY(server.listen());
        const QList<Fault> transient{Fault::RateLimited,   Fault::RateLimitedRetryAfter,
                                     Fault::ServerError,   Fault::Unavailable,
                                     Fault::MalformedJson, Fault::Truncated,
                                     Fault::Reset,         Fault::Stall};
        const QList<Fault> permanent{Fault::BadRequest, Fault::Html, Fault::WrongShape};
        QHash<QString, int> attempts;
        QSet<QString> permanentPrompts;
        server.setFaults([&](int, const QString &prompt) {
            const int n = prompt.section(u' ', 1).toInt();
            const int attempt = attempts[prompt]++;
            if (n % 100 == 37) { // 1%: a permanent fault, of each kind in turn
                permanentPrompts.insert(prompt);
                return permanent[(n / 100) % permanent.size()];
            }
            if (n % 10 == 3 && attempt == 0) // 10%: one transient fault, of each kind in turn
                return transient[(n / 10) % transient.size()];
            return Fault::None;
        });
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        runner.setRetryPolicy(quickRetries());
        QSignalSpy finished(&runner, &AuditRunner::finished);
        AuditSpec spec = specFor({server.baseUrl()}, 2000, 6);
        spec.engines[0].timeoutMs = 500; // a stalled answer is given up quickly
        runner.start(spec);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        const RunStats s = finished[0][2].value<RunStats>();
        QCOMPARE(s.planned, 2000);
        QCOMPARE(s.failed, 20);
        QCOMPARE(s.answered, 1980);
        QCOMPARE(s.analysed, 1980);
        QCOMPARE(permanentPrompts.size(), 20);
        // The failures table holds exactly the permanent ones, once each.
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM failures"_s), 20);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(DISTINCT item_id) FROM failures"_s), 20);
        QCOMPARE(queryNumber(store,
                             u"SELECT COUNT(*) FROM items i JOIN prompts p ON p.id = i.prompt_id "
                             "WHERE i.status = 'failed' AND CAST(substr(p.text, 8) AS INTEGER) % 100 = 37"_s),
                 20);
        // The store's counts add up: every item ended answered (and analysed) or failed.
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items WHERE status = 'analysed'"_s), 1980);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items WHERE status NOT IN ('analysed', 'failed')"_s), 0);
        // One retry per transient fault, except that Qt itself may send a request again when
        // its kept-alive connection was reset before any answer (25 prompts), and then the
        // runner sees one attempt.
        const qint64 attemptsStored = queryNumber(store, u"SELECT SUM(attempts) FROM items"_s);
        QVERIFY2(attemptsStored >= 2000 + 200 - 25 && attemptsStored <= 2000 + 200,
                 qPrintable(QString::number(attemptsStored)));
        for (auto it = attempts.cbegin(); it != attempts.cend(); ++it)
            QVERIFY2(it.value() <= 2, qPrintable(it.key())); // a transient fault costs one retry, no more
    }

    void anAuthFailureStopsOnlyThatEngine()
    {
        FakeEngineServer rejecting;
        FakeEngineServer fine;
        QVERIFY(rejecting.listen() && fine.listen());
        rejecting.setFaults([](int, const QString &) { return Fault::Unauthorized; });
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        QSignalSpy failures(&runner, &AuditRunner::itemFailed);
        runner.start(specFor({rejecting.baseUrl(), fine.baseUrl()}, 30, 2));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        const RunStats s = finished[0][2].value<RunStats>();
        QCOMPARE(s.answered, 30);
        QCOMPARE(s.failed, 30);
        QVERIFY(rejecting.requestCount() <= 2); // what was in flight when the first 401 came
        QCOMPARE(fine.requestCount(), 30);
        const auto first = failures[0][0].value<FailureRecord>();
        QCOMPARE(first.errorClass, u"auth"_s);
        QVERIFY(first.message.contains(u"the API key was rejected (401)"_s));
        int notAsked = 0;
        for (const auto &f : failures)
            notAsked
                += f[0].value<FailureRecord>().message.contains(u"not asked: engine 'e0': the API key was rejected"_s);
        QCOMPARE(notAsked + rejecting.requestCount(), 30);
    }

    // Over plain HTTP/1.1 (local servers) the server sees exactly `concurrency` requests at
    // once, past Qt's six connections per host and manager, and never more.
    void plainHttpSeesExactlyTheConcurrency_data()
    {
        QTest::addColumn<int>("concurrency");
        QTest::newRow("1") << 1;
        QTest::newRow("6") << 6;
        QTest::newRow("10") << 10;
        QTest::newRow("24") << 24;
    }

    void plainHttpSeesExactlyTheConcurrency()
    {
        QFETCH(int, concurrency);
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setLatencyMs(150); // long enough for every connection to be busy at once
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        runner.start(specFor({server.baseUrl()}, 3 * concurrency, concurrency));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished[0][2].value<RunStats>().answered, 3 * concurrency);
        QCOMPARE(server.maxInFlight(), concurrency);
        QCOMPARE(server.requestCount(), 3 * concurrency);
    }

    // The rpm limit holds across the connections of a plain-HTTP engine with concurrency 24.
    void holdsTheRpmLimitOverManyConnections()
    {
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setLatencyMs(200);
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        AuditSpec spec = specFor({server.baseUrl()}, 41, 24);
        spec.engines[0].rpm = 2400; // a minute scaled down: 40 a second
        runner.start(spec);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        const auto &requests = server.requests();
        QCOMPARE(requests.size(), 41);
        const double perMinute = 40.0 / (double(requests.last().atMs - requests.first().atMs) / 1000.0) * 60.0;
        QVERIFY2(perMinute <= 2400 * 1.05, qPrintable(QString::number(perMinute)));
    }

    // A 401 on one connection stops the engine on all of them: nothing more is asked.
    void anAuthFailureStopsEveryConnection()
    {
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setLatencyMs(100);
        server.setFaults([](int, const QString &) { return Fault::Unauthorized; });
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        runner.start(specFor({server.baseUrl()}, 100, 12));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        // The first wave was in flight on twelve connections when the first 401 came back.
        QCOMPARE(server.requestCount(), 12);
        QCOMPARE(finished[0][2].value<RunStats>().failed, 100);
    }

    void holdsTheRpmLimit()
    {
        FakeEngineServer server;
        QVERIFY(server.listen());
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        AuditSpec spec = specFor({server.baseUrl()}, 21);
        spec.engines[0].rpm = 1200; // a minute scaled down: 20 a second
        runner.start(spec);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        const auto &requests = server.requests();
        QCOMPARE(requests.size(), 21);
        const double seconds = double(requests.last().atMs - requests.first().atMs) / 1000.0;
        const double perMinute = 20.0 / seconds * 60.0;
        // Never faster than the limit (5% for timer granularity). A busy machine may be
        // slower, so the lower bound only catches a limiter that holds requests far too long.
        QVERIFY2(perMinute <= 1200 * 1.05 && perMinute >= 1200 * 0.5, qPrintable(QString::number(perMinute)));
    }

    void holdsTheTpmLimit()
    {
        FakeEngineServer server; // every answer: 12 tokens in, 34 out
        QVERIFY(server.listen());
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        AuditSpec spec = specFor({server.baseUrl()}, 31, 2);
        spec.engines[0].tpm = 27600; // 460 tokens a second: 10 answers of 46 tokens
        runner.start(spec);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        const auto &requests = server.requests();
        QCOMPARE(requests.size(), 31);
        // After the first answer the estimate is the real 46 tokens; measure from the third.
        // A token bucket allows its burst (a second's worth, 460) plus the rate over the time.
        const double seconds = double(requests.last().atMs - requests[2].atMs) / 1000.0;
        const double tokens = 28 * 46;
        QVERIFY2(tokens <= 460 + 460 * seconds * 1.05, qPrintable(u"%1 tokens in %2 s"_s.arg(tokens).arg(seconds)));
        // As for rpm: the lower bound only catches a limiter that holds requests far too long.
        QVERIFY2(tokens >= 460 * seconds * 0.5, qPrintable(u"%1 tokens in %2 s"_s.arg(tokens).arg(seconds)));
    }

    void resumeAsksOnlyWhatWasNeverAnswered()
    {
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setLatencyMs(30);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.sqlite"_s);
        const AuditSpec spec = specFor({server.baseUrl()}, 40, 2);
        qint64 id = 0;
        int answeredBefore = 0;
        {
            AuditStore store(path);
            QNetworkAccessManager network;
            AuditRunner runner(&store, &network);
            QSignalSpy finished(&runner, &AuditRunner::finished);
            runner.start(spec);
            QTRY_VERIFY_WITH_TIMEOUT(runner.stats().answered >= 10, 30000);
            runner.cancel();
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
            QCOMPARE(finished[0][1].toString(), u"cancelled"_s);
            id = runner.auditId();
            answeredBefore = finished[0][2].value<RunStats>().answered;
            QVERIFY(answeredBefore < 40);
        }
        // A new process: a new store and runner on the same file.
        AuditStore store(path);
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        runner.resume(id);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished[0][1].toString(), u"finished"_s);
        const RunStats s = finished[0][2].value<RunStats>();
        QCOMPARE(s.answered, 40);
        QCOMPARE(s.asked, 40 - answeredBefore); // only the rest was asked
        QCOMPARE(server.requestCount(), 40);
        for (int p = 0; p < 40; ++p)
            QCOMPARE(server.answeredCount(u"prompt %1"_s.arg(p)), 1);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items WHERE status = 'analysed'"_s), 40);

        QSignalSpy errors(&runner, &AuditRunner::error);
        runner.resume(id);
        QTRY_COMPARE(errors.size(), 1);
        QVERIFY(errors[0][0].toString().contains(u"has finished"_s));
    }

    void budgetStopsAskingAndSaysSo()
    {
        FakeEngineServer server; // every answer: 12 tokens in, 34 out
        QVERIFY(server.listen());
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        QSignalSpy notices(&runner, &AuditRunner::notice);
        AuditSpec spec = specFor({server.baseUrl()}, 60, 1);
        spec.engines[0].price = Price{1000.0, 1000.0}; // $0.046 an answer
        spec.budgetUsd = 2.0;
        runner.start(spec);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished[0][1].toString(), u"budget-stopped"_s);
        RunStats s = finished[0][2].value<RunStats>();
        // The first answer is reserved at the estimate (600 tokens out); then at 46 tokens.
        QCOMPARE(s.answered, 43);
        QVERIFY(s.costUsd <= 2.0);
        QCOMPARE(s.costUsd, 43 * 0.046);
        QCOMPARE(server.requestCount(), 43);
        QCOMPARE(notices.size(), 1);
        QVERIFY(notices[0][0].toString().contains(u"budget of $2.00"_s));
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items WHERE status = 'pending'"_s), 17);

        // Resumed with a larger budget it asks the rest, and only the rest.
        runner.resume(runner.auditId(), 10.0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QCOMPARE(finished[1][1].toString(), u"finished"_s);
        s = finished[1][2].value<RunStats>();
        QCOMPARE(s.answered, 60);
        QCOMPARE(server.requestCount(), 60);
        QVERIFY(std::abs(s.costUsd - 60 * 0.046) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
