#include "FakeEngineServer.h"
#include "FakeWeb.h"
#include "StoreQueries.h"
#include "TestDatabases.h"
#include "run/AuditRunner.h"
#include "run/RunnerThread.h"
#include "scoring/AuditScoring.h"
#include "scoring/Figures.h"
#include "spec/SpecReader.h"
#include "store/AuditStore.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

AuditSpec demo()
{
    auto read = SpecReader::readFile(u":/examples/demo-audit.json"_s);
    Q_ASSERT(read.spec);
    AuditSpec spec = *read.spec;
    for (auto &e : spec.engines)
        e.speed = 200; // still asynchronous, but quick
    return spec;
}

// Prompts "prompt 0".. asked of one OpenAI-compatible engine at url.
AuditSpec fakeEngineSpec(const QUrl &url, int prompts, int concurrency)
{
    AuditSpec s;
    s.name = u"fake"_s;
    s.brand = {u"Acme"_s, {}, {}};
    s.templates = false;
    for (int p = 0; p < prompts; ++p)
        s.prompts << u"prompt %1"_s.arg(p);
    s.samples = 1;
    EngineSpec engine;
    engine.id = u"e0"_s;
    engine.kind = u"openai"_s;
    engine.model = u"m"_s;
    engine.baseUrl = url;
    engine.concurrency = concurrency;
    engine.timeoutMs = 2000;
    s.engines << engine;
    return s;
}

} // namespace

class TestAuditRunner : public QObject
{
    Q_OBJECT

private slots:
    // Every test on SQLite and on PostgreSQL: the runner's jobs are the store's SQL.
    void initTestCase_data() { addBackendRows(); }

    void runsTheDemoEndToEnd()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        QSignalSpy progress(&runner, &AuditRunner::progress);
        QSignalSpy failures(&runner, &AuditRunner::itemFailed);
        int mostInFlight = 0;
        connect(&runner, &AuditRunner::progress, this,
                [&](const RunStats &s) { mostInFlight = std::max(mostInFlight, s.inFlight); });
        runner.start(demo());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished[0][1].toString(), u"finished"_s);
        const RunStats s = finished[0][2].value<RunStats>();
        QCOMPARE(s.planned, 192);
        QCOMPARE(s.answered, 192);
        QCOMPARE(s.analysed, 192);
        QCOMPARE(s.failed, 0);
        QCOMPARE(s.inFlight, 0);
        QCOMPARE(failures.size(), 0);
        QVERIFY(mostInFlight <= 20); // two engines, concurrency 10 each
        // Progress is coalesced: far fewer updates than events.
        QVERIFY2(progress.size() < 100, qPrintable(QString::number(progress.size())));

        // Everything reached the store before finished() was emitted.
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items WHERE status = 'analysed'"_s), 192);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items WHERE answer IS NULL OR answer = ''"_s), 0);
        QCOMPARE(
            queryNumber(store, u"SELECT COUNT(*) FROM audits WHERE state = 'finished' AND finished_at IS NOT NULL"_s),
            1);
        QVERIFY(queryNumber(store, u"SELECT COUNT(*) FROM mentions"_s) > 192);
        QVERIFY(queryNumber(store, u"SELECT COUNT(*) FROM citations"_s) > 20);
        // The branded prompts always name the brand.
        QCOMPARE(queryNumber(store,
                             u"SELECT COUNT(*) FROM items i JOIN prompts p ON p.id = i.prompt_id "
                             "WHERE p.text LIKE '%Brightlane CRM%' AND i.id NOT IN (SELECT item_id FROM mentions WHERE "
                             "brand_index = 0)"_s),
                 0);
    }

    // A later audit takes the site reports of an earlier one from the store while they are
    // within their time to live, and fetches again once they are not.
    void laterAuditsReuseStoredSiteReports()
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificate(FakeWeb::certificate());
        QSslConfiguration::setDefaultConfiguration(tls);
        FakeWeb web;
        QVERIFY(web.listen());
        QVERIFY(web.serveRecorded(QStringLiteral(GEOAUDIT_SOURCE_DIR "/resources/examples/demo-sites")));
        AuditSpec spec = demo();
        spec.analysis.recordedSites.clear(); // the sites come over the network, from the fake web
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        QNetworkAccessManager network;
        network.setProxy(web.proxy());
        const auto audit = [&](SiteCacheOptions options) {
            AuditRunner runner(&store, &network);
            runner.setSiteOptions(options);
            QSignalSpy finished(&runner, &AuditRunner::finished);
            runner.start(spec);
            if (!QTest::qWaitFor([&] { return finished.size() == 1; }, 60000))
                return RunStats();
            return finished[0][2].value<RunStats>();
        };
        const RunStats first = audit({});
        const int fetched = web.requestCount();
        QVERIFY(first.sitesInspected >= 10);
        QCOMPARE(first.sitesReused, 0);
        QVERIFY(fetched >= 3 * first.sitesInspected); // page, robots.txt, llms.txt at least

        const RunStats second = audit({});
        QCOMPARE(web.requestCount(), fetched); // not one request more
        QCOMPARE(second.sitesInspected, first.sitesInspected);
        QCOMPARE(second.sitesReused, first.sitesInspected);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM site_reports WHERE audit_id = 2"_s), first.sitesInspected);
        QCOMPARE(
            queryNumber(
                store,
                u"SELECT COUNT(*) FROM site_reports a JOIN site_reports b ON a.domain = b.domain "
                "WHERE a.audit_id = 1 AND b.audit_id = 2 AND a.score = b.score AND a.inspected_at = b.inspected_at"_s),
            first.sitesInspected);

        // A day and more later, every report has passed its time to live.
        QVERIFY(execSql(store,
                        u"UPDATE site_reports SET inspected_at = '%1'"_s.arg(
                            QDateTime::currentDateTimeUtc().addSecs(-25 * 3600).toString(Qt::ISODateWithMs))));
        const RunStats third = audit({});
        QCOMPARE(third.sitesReused, 0);
        QCOMPARE(third.sitesInspected, first.sitesInspected);
        QVERIFY(web.requestCount() - fetched >= 3 * third.sitesInspected); // every site fetched again
    }

    void storedScoresAreThoseOfTheAnswers()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        runner.start(demo());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const RunStats live = finished[0][2].value<RunStats>();
        auto loaded = AuditScoring::scores(&store, 1);
        auto stored = store.loadAudit(1);
        QTRY_VERIFY(loaded.isFinished() && stored.isFinished());
        QVERIFY(loaded.result() && stored.result());
        const AuditScores scores = loaded.result().value();
        const StoredAudit audit = stored.result().value();

        // The analyses read back from the store score as the analyses made afresh.
        const ResponseAnalyzer analyzer(demo());
        QList<ScoredAnswer> fresh;
        for (const StoredAudit::Item &item : audit.items) {
            const PlannedPrompt &p = audit.prompts[item.prompt];
            const Analysis a = analyzer.analyze(item.answer, item.citations);
            fresh.append({item.engine, p.category, p.topic, p.branded, a.brands, a.citations, {}, a.discovered});
        }
        // Typed with the stored audit's evidence of source types (its spec and inspected pages).
        auto input = store.scoringInput(1);
        QTRY_VERIFY(input.isFinished());
        QVERIFY(input.result());
        ScoringInput again = input.result().value();
        again.answers = fresh;
        const QList<CutScores> expected = Scorer(5).score(AuditScoring::classified(again));
        QCOMPARE(scores.cuts.size(), expected.size());
        for (qsizetype c = 0; c < expected.size(); ++c) {
            QCOMPARE(scores.cuts[c].cut, expected[c].cut);
            for (int b = 0; b < 5; ++b) {
                const QList<Figure> want = figures(expected[c].brands[b]), got = figures(scores.cuts[c].brands[b]);
                for (qsizetype f = 0; f < want.size(); ++f)
                    QVERIFY2(got[f].value == want[f].value, qPrintable(expected[c].cut + u' ' + want[f].name));
            }
            QCOMPARE(scores.cuts[c].domains.size(), expected[c].domains.size());
        }

        // Inspected domains carry their readiness, as stored by the site inspector.
        const CutScores *all = scores.cut(u"all"_s);
        int withReadiness = 0;
        for (const DomainScore &d : all->domains) {
            if (!d.readiness)
                continue;
            ++withReadiness;
            QCOMPARE(qint64(*d.readiness),
                     queryNumber(store, u"SELECT score FROM site_reports WHERE domain = '%1'"_s.arg(d.domain)));
        }
        QVERIFY(withReadiness > 0);
        // Names are grouped under their brands: never more rows than distinct names.
        QVERIFY(qint64(scores.discovered.size())
                <= queryNumber(store, u"SELECT COUNT(DISTINCT name) FROM discovered"_s));
        QVERIFY(scores.discovered.size() > 1 && scores.discovered[0].answers >= scores.discovered[1].answers);

        // The answers page's rows: every answer, the brands its analysis found, its citations.
        auto listed = store.answersOf(1);
        QTRY_VERIFY(listed.isFinished());
        const QList<AnswerRow> rows = listed.result().value();
        QCOMPARE(rows.size(), 192);
        qint64 cited = 0;
        for (const AnswerRow &row : rows) {
            cited += row.citations.size();
            if (row.prompt.contains(u"Brightlane CRM"_s))
                QCOMPARE(row.mentioned.value(0), u"Brightlane CRM"_s);
        }
        QCOMPARE(cited, queryNumber(store, u"SELECT COUNT(*) FROM citations"_s));
        QCOMPARE(qint64(std::count_if(rows.cbegin(), rows.cend(),
                                      [](const AnswerRow &r) { return !r.mentioned.isEmpty(); })),
                 queryNumber(store, u"SELECT COUNT(DISTINCT item_id) FROM mentions"_s));

        // The sites page's reports: every inspected site with its checks and their evidence.
        auto sites = store.siteReportsOf(1);
        QTRY_VERIFY(sites.isFinished());
        const QList<StoredSiteReport> reports = sites.result().value();
        QCOMPARE(qint64(reports.size()), queryNumber(store, u"SELECT COUNT(*) FROM site_reports WHERE audit_id = 1"_s));
        QVERIFY(!reports.isEmpty() && !reports[0].report.checks.isEmpty());
        QVERIFY(reports[0].report.score >= reports.last().report.score);
        QCOMPARE(reports[0].report.score, int(queryNumber(store, u"SELECT MAX(score) FROM site_reports"_s)));

        // The run figures the store keeps agree with those the run showed.
        QCOMPARE(scores.run.planned, live.planned);
        QCOMPARE(scores.run.answered, live.answered);
        QCOMPARE(scores.run.analysed, live.analysed);
        QCOMPARE(scores.run.failed, live.failed);
        QCOMPARE(scores.run.tokensIn, live.tokensIn);
        QCOMPARE(scores.run.tokensOut, live.tokensOut);
        QCOMPARE(scores.run.latencyP50Ms, live.latencyP50Ms);
        QCOMPARE(scores.run.latencyP95Ms, live.latencyP95Ms);
        QCOMPARE(scores.run.sitesInspected, live.sitesInspected);
    }

    void reportsMissingAnswersOneByOneAndGoesOn()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditSpec spec = demo();
        spec.prompts << u"A prompt nobody recorded"_s;
        spec.samples = 2;
        AuditStore store(database.location());
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        QSignalSpy failures(&runner, &AuditRunner::itemFailed);
        runner.start(spec);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const RunStats s = finished[0][2].value<RunStats>();
        QCOMPARE(s.planned, 13 * 2 * 2);
        QCOMPARE(s.failed, 4);
        QCOMPARE(s.analysed, 48);
        QCOMPARE(failures.size(), 4);
        const auto failure = failures[0][0].value<FailureRecord>();
        QCOMPARE(failure.errorClass, u"not-recorded"_s);
        QCOMPARE(failures[0][1].toString(), u"A prompt nobody recorded"_s);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM failures"_s), 4);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items WHERE status = 'failed'"_s), 4);
    }

    void cancelStopsAskingAndKeepsWhatArrived()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditSpec spec = demo();
        for (auto &e : spec.engines) {
            e.speed = 5;
            e.concurrency = 2;
        }
        AuditStore store(database.location());
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        runner.start(spec);
        QTRY_VERIFY_WITH_TIMEOUT(runner.stats().answered >= 4, 30000);
        runner.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished[0][1].toString(), u"cancelled"_s);
        const RunStats s = finished[0][2].value<RunStats>();
        QVERIFY(s.answered < 192);
        QCOMPARE(s.answered, s.asked);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items WHERE status = 'analysed'"_s), s.analysed);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM audits WHERE state = 'cancelled'"_s), 1);
    }

    // With limits, an audit above them asks and stores nothing: needsConfirmation() gives its
    // answers and cost instead. At the limits it runs.
    void anAuditAboveTheLimitsWaitsForConfirmation()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy asked(&runner, &AuditRunner::needsConfirmation);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        runner.setConfirmLimits(RunLimits{191, 50.0});
        runner.start(demo());
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked[0][0].toLongLong(), 192);
        QCOMPARE(asked[0][1].toDouble(), 0.0); // recorded answers cost nothing
        QVERIFY(!runner.isRunning());
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM audits"_s), 0);
        runner.setConfirmLimits(RunLimits{192, 50.0});
        runner.start(demo());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(finished[0][1].toString(), u"finished"_s);
    }

    // Cancelled while its items are written, an audit stays preparing with the chunk written
    // and nothing asked; resume writes the rest (reporting it) before it asks.
    void aPreparationCutShortIsFinishedOnResume()
    {
        GEOAUDIT_FRESH_DATABASE(database);
        FakeEngineServer engine;
        QVERIFY(engine.listen());
        AuditSpec spec = fakeEngineSpec(engine.baseUrl(), 250, 2);
        spec.samples = 100; // 25,000 answers: chunks of 10,000, 10,000 and 5,000
        AuditStore store(database.location());
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        QSignalSpy preparing(&runner, &AuditRunner::preparing);
        QSignalSpy started(&runner, &AuditRunner::started);
        runner.start(spec);
        runner.cancel(); // while the first chunk is written
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished[0][1].toString(), u"cancelled"_s);
        QCOMPARE(started.size(), 0);
        QCOMPARE(engine.requestCount(), 0);
        QCOMPARE(preparing.size(), 1);
        QCOMPARE(preparing[0], (QVariantList{qint64(0), qint64(25000)}));
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items"_s), 10000);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM audits WHERE state = 'preparing'"_s), 1);

        const qint64 id = finished[0][0].toLongLong();
        preparing.clear();
        runner.resume(id);
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 60000);
        runner.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QCOMPARE(preparing.size(), 3);
        QCOMPARE(preparing[1], (QVariantList{qint64(20000), qint64(25000)}));
        QCOMPARE(preparing[2], (QVariantList{qint64(25000), qint64(25000)}));
        QCOMPARE(finished[1][2].value<RunStats>().planned, 25000);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items"_s), 25000);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM (SELECT DISTINCT prompt_id, sample FROM items) d"_s), 25000);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM audits WHERE state = 'cancelled'"_s), 1);
    }

    // Pause lets what is in flight finish and be stored, asks nothing new, stores the audit
    // as paused (resumable after a restart), and unpause asks the rest.
    void pauseFinishesWhatIsInFlightAndAsksNothingNew()
    {
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setLatencyMs(30);
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        QSignalSpy paused(&runner, &AuditRunner::pausedChanged);
        runner.start(fakeEngineSpec(server.baseUrl(), 60, 3));
        QTRY_VERIFY_WITH_TIMEOUT(runner.stats().answered >= 6, 30000);
        runner.pause();
        QVERIFY(runner.isPaused());
        QCOMPARE(paused.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(runner.stats().inFlight, 0, 10000);
        const int requests = server.requestCount();
        const RunStats held = runner.stats();
        // Time passes on purpose: "nothing is asked while paused" has no event to wait for (300 ms = 10x latency).
        QVERIFY(!QTest::qWaitFor([&] { return server.requestCount() != requests; }, 300));
        QCOMPARE(server.requestCount(), requests); // nothing new asked
        QCOMPARE(runner.stats().answered, held.answered);
        QCOMPARE(held.answered, requests); // every answer in flight arrived
        QVERIFY(held.answered < 60);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM audits WHERE state = 'paused'"_s), 1);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items WHERE status IN ('answered', 'analysed')"_s),
                 qint64(held.answered));

        runner.unpause();
        QVERIFY(!runner.isPaused());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished[0][1].toString(), u"finished"_s);
        QCOMPARE(finished[0][2].value<RunStats>().analysed, 60);
        QCOMPARE(server.requestCount(), 60); // nothing asked twice
    }

    // An audit paused, cancelled or stopped by its budget keeps that state in the store
    // when the process quits; a new process resumes it and asks only what was never answered.
    void aStoppedAuditResumesAfterARestart_data()
    {
        QTest::addColumn<QString>("stop");
        QTest::newRow("paused") << u"paused"_s;
        QTest::newRow("cancelled") << u"cancelled"_s;
        QTest::newRow("budget-stopped") << u"budget-stopped"_s;
    }

    void aStoppedAuditResumesAfterARestart()
    {
        QFETCH(QString, stop);
        FakeEngineServer server; // every answer: 12 tokens in, 34 out
        QVERIFY(server.listen());
        server.setLatencyMs(30);
        GEOAUDIT_FRESH_DATABASE(database);
        int answered = 0;
        {
            AuditStore store(database.location());
            QNetworkAccessManager network;
            AuditRunner runner(&store, &network);
            QSignalSpy finished(&runner, &AuditRunner::finished);
            AuditSpec spec = fakeEngineSpec(server.baseUrl(), 30, 2);
            if (stop == u"budget-stopped"_s) {
                spec.engines[0].price = Price{1000.0, 1000.0}; // $0.046 an answer
                spec.budgetUsd = 1.0;                          // the first answer is reserved at an estimate of $0.61
            }
            runner.start(spec);
            if (stop == u"paused"_s) {
                QTRY_VERIFY_WITH_TIMEOUT(runner.stats().answered >= 4, 30000);
                runner.pause();
                QTRY_VERIFY_WITH_TIMEOUT(
                    runner.stats().inFlight == 0 && runner.stats().analysed == runner.stats().answered, 10000);
            } else {
                if (stop == u"cancelled"_s) {
                    QTRY_VERIFY_WITH_TIMEOUT(runner.stats().answered >= 4, 30000);
                    runner.cancel();
                }
                QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
                QCOMPARE(finished[0][1].toString(), stop);
            }
            answered = runner.stats().answered;
            QVERIFY(answered > 0 && answered < 30);
        } // the process quits: runner and store closed

        AuditStore store(database.location());
        auto listed = store.audits();
        QTRY_VERIFY(listed.isFinished());
        QCOMPARE(stateName(listed.result().value().value(0).state), stop);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items WHERE status = 'analysed'"_s), qint64(answered));
        QCOMPARE(server.requestCount(), answered);

        QNetworkAccessManager network;
        AuditRunner again(&store, &network);
        QSignalSpy finished(&again, &AuditRunner::finished);
        again.resume(1, stop == u"budget-stopped"_s ? std::optional(10.0) : std::nullopt);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished[0][1].toString(), u"finished"_s);
        QCOMPARE(finished[0][2].value<RunStats>().analysed, 30);
        QCOMPARE(server.requestCount(), 30); // nothing answered was asked again
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items WHERE status = 'analysed'"_s), 30);
    }

    // Retry failed asks again exactly the items that failed, in the same audit.
    void retryFailedAsksTheFailedItemsAgain()
    {
        FakeEngineServer server;
        QVERIFY(server.listen());
        bool outage = true;
        server.setFaults([&](int, const QString &prompt) {
            return outage && prompt.section(u' ', 1).toInt() % 5 == 0 ? FakeEngineServer::Fault::BadRequest
                                                                      : FakeEngineServer::Fault::None;
        });
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        QSignalSpy errors(&runner, &AuditRunner::error);
        runner.start(fakeEngineSpec(server.baseUrl(), 20, 4));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished[0][2].value<RunStats>().failed, 4);
        QCOMPARE(finished[0][1].toString(), u"finished"_s);

        outage = false;
        runner.retryFailed(1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QCOMPARE(finished[1][0].toLongLong(), 1);
        QCOMPARE(finished[1][1].toString(), u"finished"_s);
        const RunStats s = finished[1][2].value<RunStats>();
        QCOMPARE(s.failed, 0);
        QCOMPARE(s.analysed, 20);
        QCOMPARE(server.requestCount(), 24); // the four failed ones, once more
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items WHERE status = 'analysed'"_s), 20);
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM audits"_s), 1);

        runner.retryFailed(1); // nothing failed now
        QTRY_VERIFY(!errors.isEmpty() && errors.last()[0].toString().contains(u"no failed answers"_s));
        QVERIFY(!runner.isRunning());
        QCOMPARE(finished.size(), 2);
    }

    // A second process (here a second store, and the app's RunnerThread) may not resume or
    // retry an audit that a live process runs: it is told who runs it and nothing is asked
    // twice (issue #17).
    void aRunningAuditIsRefusedToASecondProcess_data()
    {
        QTest::addColumn<bool>("retryFailed");
        QTest::newRow("resume") << false;
        QTest::newRow("retry failed") << true;
    }

    void aRunningAuditIsRefusedToASecondProcess()
    {
        QFETCH(bool, retryFailed);
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setLatencyMs(200); // slow until the second is refused: the first still runs then
        server.setFaults([](int, const QString &prompt) {
            return prompt.section(u' ', 1).toInt() % 5 == 0 ? FakeEngineServer::Fault::BadRequest
                                                            : FakeEngineServer::Fault::None;
        });
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        runner.start(fakeEngineSpec(server.baseUrl(), 40, 2));
        QTRY_VERIFY_WITH_TIMEOUT(runner.stats().failed >= 1, 30000); // prompt 0, at once

        AuditStore other(database.location());
        RunnerThread second(&other);
        QSignalSpy busy(&second, &RunnerThread::busy);
        QSignalSpy errors(&second, &RunnerThread::error);
        QSignalSpy started(&second, &RunnerThread::started);
        if (retryFailed)
            second.retryFailed(1);
        else
            second.resume(1);
        QTRY_COMPARE_WITH_TIMEOUT(busy.size(), 1, 10000);
        QCOMPARE(runner.isRunning(), true); // refused while the first still ran
        const QString refusal = busy[0][0].toString();
        QVERIFY2(refusal.startsWith(u"audit 1 is being run by tst_auditrunner (pid %1 on host %2), last seen "_s
                                        .arg(QCoreApplication::applicationPid())
                                        .arg(QSysInfo::machineHostName())),
                 qPrintable(refusal));
        QVERIFY(refusal.contains(u"; wait for it to finish or stop it first"_s));
        QCOMPARE(second.isRunning(), false);
        server.setLatencyMs(0);

        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(finished[0][1].toString(), u"finished"_s);
        QCOMPARE(finished[0][2].value<RunStats>().failed, 8);
        QCOMPARE(server.requestCount(), 40);                                                      // each asked once
        QCOMPARE(queryNumber(store, u"SELECT COUNT(*) FROM items WHERE status = 'failed'"_s), 8); // none reset
        QCOMPARE(errors.size(), 0);
        QCOMPARE(started.size(), 0);
    }

    // A run whose audit another process took over (its heartbeat had stopped for too long)
    // learns so at its next heartbeat and stops asking, leaving the audit to that process.
    void aRunTakenOverStopsAsking()
    {
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setLatencyMs(30);
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        runner.setHeartbeatIntervalMs(50);
        QSignalSpy busy(&runner, &AuditRunner::busy);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        runner.start(fakeEngineSpec(server.baseUrl(), 200, 2));
        QTRY_VERIFY_WITH_TIMEOUT(runner.stats().answered >= 4, 30000);
        // What a takeover writes: another holder.
        QVERIFY(execSql(store,
                        u"UPDATE audits SET lease_token = 'theirs', lease_program = 'geoaudit-cli', "
                        "lease_pid = 4242, lease_host = 'elsewhere'"_s));
        QTRY_COMPARE_WITH_TIMEOUT(busy.size(), 1, 10000);
        QVERIFY2(busy[0][0].toString().startsWith(
                     u"audit 1 was taken over by geoaudit-cli (pid 4242 on host elsewhere); this run stopped asking"_s),
                 qPrintable(busy[0][0].toString()));
        QVERIFY(!runner.isRunning());
        // What it sent before it stopped still arrives; nothing after.
        const int asked = runner.stats().asked;
        QVERIFY(asked < 200);
        QTRY_COMPARE(server.requestCount(), asked);
        // Time passes on purpose: "nothing more is asked" has no event to wait for (300 ms = 10x latency).
        QVERIFY(!QTest::qWaitFor([&] { return server.requestCount() != asked; }, 300));
        QCOMPARE(finished.size(), 0);
        // The audit is left to its new holder: still running, its lease untouched.
        QCOMPARE(
            queryNumber(store, u"SELECT COUNT(*) FROM audits WHERE state = 'running' AND lease_token = 'theirs'"_s), 1);
    }

    void refusesAnEngineItCannotBuild()
    {
        QTemporaryDir dir;
        AuditSpec spec = demo();
        spec.engines[1].file = dir.filePath(u"missing.jsonl"_s);
        GEOAUDIT_FRESH_DATABASE(database);
        AuditStore store(database.location());
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy errors(&runner, &AuditRunner::error);
        runner.start(spec);
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors[0][0].toString().contains(u"engine 'claude'"_s));
        QVERIFY(!runner.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestAuditRunner)
#include "tst_auditrunner.moc"
