#include "DemoSites.h"
#include "FakeEngineServer.h"
#include "sites/LlmsTxt.h"
#include "sites/ReadinessScorer.h"
#include "sites/SiteFetcher.h"
#include "sites/SiteInspector.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

// Answers every fetch after a short wait and counts what it was asked.
class CountingFetcher final : public SiteFetcher
{
public:
    QHash<QString, int> asked;
    void fetch(const QUrl &url, Done done) override
    {
        ++asked[url.toString()];
        QTimer::singleShot(5, this, [url, done] {
            done({url, url, 200, {}, {{"content-type", "text/html"}}, "<html></html>", false});
        });
    }
};

} // namespace

class TestSites : public QObject
{
    Q_OBJECT

private slots:
    void llmsTxt_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("wellFormed");
        QTest::addColumn<QString>("evidence");
        QTest::newRow("well formed") << QByteArray(
            "# Acme\n\n> CRM for teams.\n\n## Docs\n\n- [Start](https://acme.example/start): how\n")
                                     << true << u"llms.txt has a title, a summary and 1 section(s) of links"_s;
        QTest::newRow("no summary") << QByteArray("# Acme\n\n## Docs\n\n- [Start](https://acme.example/start)\n")
                                    << false << u"llms.txt lacks a blockquote summary"_s;
        QTest::newRow("links outside a section") << QByteArray("# Acme\n\n> Sum.\n\n- [Start](https://acme.example/)\n")
                                                 << false << u"llms.txt lacks an H2 section with a list of links"_s;
        QTest::newRow("prose only")
            << QByteArray("Welcome to our site.") << false
            << u"llms.txt lacks an H1 title, a blockquote summary, an H2 section with a list of links"_s;
    }

    void llmsTxt()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, wellFormed);
        QFETCH(QString, evidence);
        const LlmsTxt l = LlmsTxt::parse(text);
        QCOMPARE(l.wellFormed(), wellFormed);
        QCOMPARE(l.describe(), evidence);
    }

    void forbiddenAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("kind"); // empty: may be fetched
        QTest::newRow("loopback") << u"127.0.0.1"_s << u"loopback"_s;
        QTest::newRow("loopback v6") << u"::1"_s << u"loopback"_s;
        QTest::newRow("private 10") << u"10.1.2.3"_s << u"private"_s;
        QTest::newRow("private 172") << u"172.20.0.1"_s << u"private"_s;
        QTest::newRow("private 192") << u"192.168.1.1"_s << u"private"_s;
        QTest::newRow("link-local") << u"169.254.169.254"_s << u"link-local"_s;
        QTest::newRow("multicast") << u"224.0.0.1"_s << u"multicast"_s;
        QTest::newRow("unspecified") << u"0.0.0.0"_s << u"unspecified"_s;
        QTest::newRow("unique local v6") << u"fd00::1"_s << u"private"_s;
        QTest::newRow("mapped v4 loopback") << u"::ffff:127.0.0.1"_s << u"loopback"_s;
        QTest::newRow("public") << u"93.184.216.34"_s << QString();
        QTest::newRow("public v6") << u"2606:4700::1111"_s << QString();
    }

    void forbiddenAddresses()
    {
        QFETCH(QString, address);
        QFETCH(QString, kind);
        const QString why = NetworkFetcher::forbiddenAddress(QHostAddress(address));
        QVERIFY2(kind.isEmpty() ? why.isEmpty() : why.contains(kind), qPrintable(why));
    }

    void privateHostsAreRefusedUnlessAllowed()
    {
        FakeEngineServer server; // any local HTTP server will do
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        std::optional<FetchResult> refused, allowed;
        NetworkFetcher strict(&network, {});
        strict.fetch(server.baseUrl(u"/"_s), [&](const FetchResult &r) { refused = r; });
        NetworkFetcher::Options open;
        open.allowPrivateHosts = true;
        NetworkFetcher lenient(&network, open);
        lenient.fetch(server.baseUrl(u"/"_s), [&](const FetchResult &r) { allowed = r; });
        QTRY_VERIFY(refused && allowed);
        QCOMPARE(refused->status, 0);
        QVERIFY2(refused->error.contains(u"127.0.0.1 is a loopback address"_s), qPrintable(refused->error));
        QVERIFY(refused->error.contains(u"--allow-private-hosts"_s));
        QCOMPARE(server.requestCount(), 1); // only the allowed one reached it
        QCOMPARE(allowed->status, 200);
        std::optional<FetchResult> ftp;
        strict.fetch(QUrl(u"ftp://example.com/x"_s), [&](const FetchResult &r) { ftp = r; });
        QTRY_VERIFY(ftp);
        QVERIFY(ftp->error.contains(u"only http and https"_s));
    }

    void concurrentAsksForOneDomainShareOneFetch()
    {
        auto counting = std::make_unique<CountingFetcher>();
        CountingFetcher *fetcher = counting.get();
        SiteInspector inspector(std::move(counting));
        QList<QFuture<SiteReport>> futures;
        for (int ask = 0; ask < 500; ++ask) {
            const QString domain = u"site%1.example"_s.arg(ask % 20);
            futures << inspector.inspect(domain, QUrl(u"https://%1/page%2"_s.arg(domain).arg(ask)));
        }
        QTRY_VERIFY(std::all_of(futures.begin(), futures.end(), [](const auto &f) { return f.isFinished(); }));
        // 20 domains x (page, robots.txt, llms.txt, llms-full.txt): each asked once.
        QCOMPARE(fetcher->asked.size(), 80);
        for (auto it = fetcher->asked.cbegin(); it != fetcher->asked.cend(); ++it)
            QCOMPARE(it.value(), 1);
        QCOMPARE(inspector.inspections(), 20);
        QCOMPARE(inspector.cacheHits(), 480);
        // Later asks come from the cache.
        const QFuture<SiteReport> again = inspector.inspect(u"site3.example"_s, QUrl(u"https://site3.example/"_s));
        QVERIFY(again.isFinished());
        QCOMPARE(inspector.cacheHits(), 481);
        QCOMPARE(fetcher->asked.size(), 80);
    }

    // The page is read and scored on the inspector's pool: the inspector's thread (which owns
    // the network, and may be the GUI's) stays free while a parse is under way.
    void parsingRunsOffTheInspectorsThread()
    {
        QSemaphore entered, proceed;
        std::atomic<int> scorings = 0;
        std::atomic<QThread *> scoredOn = nullptr;
        SiteInspector inspector(std::make_unique<RecordedFetcher>(DemoSites));
        inspector.setScoring([&](const ReadinessScorer::Inputs &in, SiteReport &report) {
            ++scorings;
            scoredOn = QThread::currentThread();
            entered.release();
            proceed.tryAcquire(1, 10000); // bounded, should it ever run on the test's thread
            ReadinessScorer::score(in, report);
        });
        const QUrl home(u"https://pipewise.example/"_s);
        const QFuture<SiteReport> report = inspector.inspect(u"pipewise.example"_s, home);
        QTRY_COMPARE(entered.available(), 1); // the test's event loop runs while the parse waits
        QVERIFY(scoredOn.load() != nullptr);
        QVERIFY(scoredOn.load() != inspector.thread());
        QVERIFY(scoredOn.load() != QThread::currentThread());
        QCOMPARE(report.isFinished(), false);
        // An ask meanwhile joins the inspection under way; it is not scored again.
        const QFuture<SiteReport> joined = inspector.inspect(u"pipewise.example"_s, home);
        QCOMPARE(joined.isFinished(), false);
        QCOMPARE(inspector.cacheHits(), 1);
        proceed.release();
        QTRY_VERIFY(report.isFinished() && joined.isFinished());
        QCOMPARE(scorings.load(), 1);
        QCOMPARE(report.resultCount(), 1);
        QCOMPARE(joined.resultCount(), 1);
        const SiteReport expected = inspectRecorded(u"pipewise.example"_s);
        QCOMPARE(report.result().score, expected.score);
        QCOMPARE(joined.result().score, expected.score);
        QCOMPARE(report.result().domain, u"pipewise.example"_s);
        QCOMPARE(report.result().page, home);
        QCOMPARE(report.result().facts.has_value(), true);
        QCOMPARE(report.result().facts->title, expected.facts->title);
        QCOMPARE(report.result().pageFetch.body, QByteArray()); // the facts are kept, the page not
        // Later asks come from the cache, without a parse.
        QCOMPARE(inspector.inspect(u"pipewise.example"_s, home).isFinished(), true);
        QCOMPARE(scorings.load(), 1);
    }

    // An inspector dropped while a parse is under way (a new audit) leaves no one waiting: its
    // futures finish without a report, and the parse's result goes nowhere.
    void anInspectorDroppedMidParseLeavesNoOneWaiting()
    {
        QSemaphore entered, proceed;
        auto inspector = std::make_unique<SiteInspector>(std::make_unique<RecordedFetcher>(DemoSites));
        inspector->setScoring([&](const ReadinessScorer::Inputs &in, SiteReport &report) {
            entered.release();
            proceed.tryAcquire(1, 10000);
            ReadinessScorer::score(in, report);
        });
        const QFuture<SiteReport> report = inspector->inspect(u"relata.example"_s, QUrl(u"https://relata.example/"_s));
        QTRY_COMPARE(entered.available(), 1);
        proceed.release();
        inspector.reset(); // waits for the parse under way
        QCOMPARE(report.isFinished(), true);
        QCOMPARE(report.resultCount(), 0);
    }

    void recordedRedirectsAreFollowed()
    {
        const RecordedFetcher fetcher(DemoSites);
        const FetchResult r = fetcher.lookup(QUrl(u"https://crmreviewhub.example/best-crm-small-business"_s));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.finalUrl.path(), u"/reviews/best-crm-small-business-2026"_s);
        QCOMPARE(fetcher.lookup(QUrl(u"https://crmreviewhub.example/no-such-page"_s)).status, 404);
        QVERIFY(fetcher.lookup(QUrl(u"https://unknown.example/"_s)).error.contains(u"not among the recorded sites"_s));
    }

    // A site that answers nothing leaves what its robots.txt allows unknown; one that answers
    // but whose robots.txt does not is disallowed (RFC 9309 2.3.1.4).
    void crawlerAccessOfASiteThatDoesNotAnswer_data()
    {
        QTest::addColumn<int>("pageStatus");
        QTest::addColumn<int>("robotsStatus");
        QTest::addColumn<QString>("gptBot"); // status, points of max: evidence
        QTest::newRow("nothing answers") << 0 << 0 << u"unknown 0/4: the site did not answer: Host not found"_s;
        QTest::newRow("the page answers, robots.txt does not")
            << 200 << 0 << u"fail 0/4: robots.txt could not be fetched: everything disallowed"_s;
        QTest::newRow("robots.txt answers 503")
            << 200 << 503 << u"fail 0/4: robots.txt answered 503: everything disallowed"_s;
        QTest::newRow("robots.txt answers, the page does not")
            << 0 << 200
            << u"pass 4/4: robots.txt group 'User-agent: *', as no group names GPTBot, allows / (rule 'Allow: /')"_s;
    }

    void crawlerAccessOfASiteThatDoesNotAnswer()
    {
        QFETCH(int, pageStatus);
        QFETCH(int, robotsStatus);
        QFETCH(QString, gptBot);
        ReadinessScorer::Inputs in;
        in.page.url = in.page.finalUrl = QUrl(u"https://down.example/"_s);
        in.page.status = pageStatus;
        in.page.error = pageStatus == 0 ? u"Host not found"_s : QString();
        in.robots.status = robotsStatus;
        in.robots.error = robotsStatus == 0 ? u"Host not found"_s : QString();
        if (robotsStatus == 200)
            in.robots.body = "User-agent: *\nAllow: /\n";
        SiteReport report;
        ReadinessScorer::score(in, report);
        const auto check = std::find_if(report.checks.cbegin(), report.checks.cend(), [](const ReadinessCheck &c) {
            return c.group == u"AI crawler access"_s && c.name == u"GPTBot"_s;
        });
        QVERIFY(check != report.checks.cend());
        QCOMPARE(u"%1 %2/%3: %4"_s.arg(ReadinessCheck::statusName(check->status))
                     .arg(check->points)
                     .arg(check->maxPoints)
                     .arg(check->evidence),
                 gptBot);
    }

    void demoSitesScoreAsTheyAreMade_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("check");
        QTest::addColumn<QString>("status");
        QTest::newRow("pipewise blocks GPTBot")
            << u"pipewise.example"_s << u"AI crawler access"_s << u"GPTBot"_s << u"fail"_s;
        QTest::newRow("pipewise lets OAI-SearchBot in")
            << u"pipewise.example"_s << u"AI crawler access"_s << u"OAI-SearchBot"_s << u"pass"_s;
        QTest::newRow("supportstack's robots.txt 503 disallows all")
            << u"supportstackdaily.example"_s << u"AI crawler access"_s << u"PerplexityBot"_s << u"fail"_s;
        QTest::newRow("relata sends no HSTS")
            << u"relata.example"_s << u"Transport"_s << u"Strict-Transport-Security"_s << u"fail"_s;
        QTest::newRow("brightlane has a good llms.txt")
            << u"brightlane.example"_s << u"llms.txt"_s << u"llms.txt"_s << u"pass"_s;
        QTest::newRow("clientory's llms.txt is malformed")
            << u"clientory.example"_s << u"llms.txt"_s << u"llms.txt"_s << u"partial"_s;
        QTest::newRow("clientory is an app shell")
            << u"clientory.example"_s << u"Content structure"_s << u"Server-rendered content"_s << u"fail"_s;
        QTest::newRow("salesnest has two H1s")
            << u"salesnest.example"_s << u"Content structure"_s << u"Exactly one H1"_s << u"partial"_s;
        QTest::newRow("salesnest skips a level")
            << u"salesnest.example"_s << u"Content structure"_s << u"No skipped heading levels"_s << u"fail"_s;
    }

    void demoSitesScoreAsTheyAreMade()
    {
        QFETCH(QString, host);
        QFETCH(QString, group);
        QFETCH(QString, check);
        QFETCH(QString, status);
        const SiteReport r = inspectRecorded(host, QUrl(u"https://%1/"_s.arg(host)));
        const ReadinessCheck *c = findCheck(r, group, check);
        QVERIFY2(c, qPrintable(check));
        QCOMPARE(ReadinessCheck::statusName(c->status), status);
        int sum = 0, max = 0;
        for (const ReadinessCheck &each : r.checks) {
            sum += each.points;
            max += each.maxPoints;
        }
        QCOMPARE(r.score, sum);
        QCOMPARE(max, 100); // the checks of GEO-READINESS.md add up to 100
    }
};

QTEST_GUILESS_MAIN(TestSites)
#include "tst_sites.moc"
