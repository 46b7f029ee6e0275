// Site inspection over the network: the real NetworkFetcher and QNetworkAccessManager,
// reaching a fake web on 127.0.0.1 as their proxy.
#include "DemoSites.h"
#include "FakeWeb.h"
#include "sites/SiteFetcher.h"
#include "sites/SiteInspector.h"

#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <algorithm>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

FakeWeb::Resource html(const QByteArray &body, int status = 200)
{
    return {status, {{"Content-Type", "text/html; charset=utf-8"}}, body, 0, 0};
}

FakeWeb::Resource text(const QByteArray &body)
{
    return {200, {{"Content-Type", "text/plain"}}, body, 0, 0};
}

FakeWeb::Resource redirect(const QByteArray &to)
{
    return {302, {{"Location", to}}, {}, 0, 0};
}

// One inspector over the network through the fake web.
struct Inspection
{
    QNetworkAccessManager network;
    SiteInspector inspector;

    Inspection(const FakeWeb &web, NetworkFetcher::Options options = {})
        : inspector(std::make_unique<NetworkFetcher>(&network, options))
    {
        network.setProxy(web.proxy());
    }

    SiteReport run(const QString &domain, const QUrl &page)
    {
        QFuture<SiteReport> f = inspector.inspect(domain, page);
        if (!QTest::qWaitFor([&f] { return f.isFinished(); }, 30000) || f.resultCount() == 0)
            return {};
        return f.result();
    }
};

} // namespace

class TestSiteFetch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The fake web's TLS certificate stands for every https site it serves.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificate(FakeWeb::certificate());
        QSslConfiguration::setDefaultConfiguration(tls);
    }

    void demoSitesOverTheNetworkScoreAsRecorded_data()
    {
        QTest::addColumn<QString>("host");
        const QStringList hosts = QDir(DemoSites).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(hosts.size() >= 15);
        for (const QString &host : hosts)
            QTest::newRow(qPrintable(host)) << host;
    }

    // The recorded demo sites carry the hand-worked shapes (tst_sites checks their verdicts);
    // served over https through the proxy, gzipped, they must score exactly the same.
    void demoSitesOverTheNetworkScoreAsRecorded()
    {
        QFETCH(QString, host);
        FakeWeb web;
        QVERIFY(web.listen());
        QVERIFY(web.serveRecorded(DemoSites));
        Inspection inspection(web);
        const SiteReport network = inspection.run(host, QUrl(u"https://%1/"_s.arg(host)));
        const SiteReport recorded = inspectRecorded(host);
        QVERIFY2(network.reachable(), qPrintable(network.pageFetch.error));
        QCOMPARE(network.score, recorded.score);
        QCOMPARE(network.checks.size(), recorded.checks.size());
        for (qsizetype i = 0; i < network.checks.size(); ++i) {
            const ReadinessCheck &n = network.checks[i], &r = recorded.checks[i];
            QCOMPARE(n.name, r.name);
            QCOMPARE(ReadinessCheck::statusName(n.status), ReadinessCheck::statusName(r.status));
            QCOMPARE(n.points, r.points);
            QCOMPARE(n.evidence, r.evidence);
        }
        QCOMPARE(network.facts.has_value(), recorded.facts.has_value());
        if (network.facts)
            QCOMPARE(network.facts->title, recorded.facts->title);
        QVERIFY(web.gzipResponses() > 0); // bodies came compressed and were read decompressed
        QVERIFY2(web.lastUserAgent().startsWith("GEOAudit/"), web.lastUserAgent().constData());
    }

    // 10 analyses at once cite the same 20 domains 500 times: one request per domain and
    // resource reaches the web, whatever thread asks, and every other ask is a cache hit.
    void tenAnalysesShareOneFetchPerResource()
    {
        FakeWeb web;
        QVERIFY(web.listen());
        int expectedRequests = 0;
        for (int i = 0; i < 20; ++i) {
            const QString host = u"site%1.web.test"_s.arg(i);
            web.serve(host, u"/"_s,
                      html("<html lang=en><title>Site " + QByteArray::number(i) + "</title><h1>Hello</h1></html>"));
            web.serve(host, u"/robots.txt"_s, text("User-agent: *\nDisallow: /private/\n"));
            expectedRequests += 3; // page, robots.txt, llms.txt (404 when not served)
            if (i % 4 == 0) {
                web.serve(host, u"/llms.txt"_s,
                          text("# Site\n\n> A site.\n\n## Docs\n\n- [Start](https://example.com/)\n"));
                ++expectedRequests; // llms-full.txt is asked for only when llms.txt exists
            }
        }
        Inspection inspection(web);
        QThreadPool analyses;
        analyses.setMaxThreadCount(10);
        QList<QFuture<int>> done;
        for (int analysis = 0; analysis < 10; ++analysis)
            done << QtConcurrent::run(&analyses, [&inspection, analysis] {
                int reachable = 0;
                for (int cite = 0; cite < 50; ++cite) {
                    const int n = (analysis * 50 + cite) % 20;
                    const QString host = u"site%1.web.test"_s.arg(n);
                    // Half the sites over https (CONNECT through the proxy), half over http.
                    const QUrl page(u"%1://%2/"_s.arg(n % 2 ? u"http"_s : u"https"_s, host));
                    QFuture<SiteReport> report = inspection.inspector.inspect(host, page);
                    report.waitForFinished(); // an analysis thread waits on the future
                    reachable += report.resultCount() > 0 && report.result().reachable();
                }
                return reachable;
            });
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(done.cbegin(), done.cend(), [](const QFuture<int> &f) { return f.isFinished(); }), 60000);
        for (const QFuture<int> &f : std::as_const(done))
            QCOMPARE(f.result(), 50);
        const QHash<QString, int> requests = web.requests();
        QCOMPARE(requests.size(), expectedRequests);
        for (auto it = requests.cbegin(); it != requests.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(u"%1 was fetched %2 times"_s.arg(it.key()).arg(it.value())));
        QCOMPARE(web.requestCount(), expectedRequests);
        QCOMPARE(inspection.inspector.inspections(), 20);
        QCOMPARE(inspection.inspector.cacheHits(), 480);
    }

    void hostileSitesEndClearly_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("reachable");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("check");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("evidence"); // contained in the check's evidence
        QTest::newRow("a 50 MiB page is read to 2 MiB")
            << u"huge.web.test"_s << true << u"Transport"_s << u"Answered 200 in time"_s << u"pass"_s
            << u"over 2 MiB and only that much was read"_s;
        QTest::newRow("a redirect loop") << u"loop.web.test"_s << false << u"Transport"_s << u"HTTPS"_s << u"unknown"_s
                                         << u"a redirect loop leads back to http://loop.web.test/"_s;
        QTest::newRow("seven redirects") << u"chain.web.test"_s << false << u"Transport"_s << u"HTTPS"_s << u"unknown"_s
                                         << u"more than 5 redirects"_s;
        QTest::newRow("a 10 MiB robots.txt")
            << u"bigrobots.web.test"_s << true << u"AI crawler access"_s << u"GPTBot"_s << u"fail"_s << u"/private/"_s;
        QTest::newRow("a page nested 100,000 deep") << u"deep.web.test"_s << true << u"Content structure"_s
                                                    << u"Main text of 300+ words"_s << u"fail"_s << u"words"_s;
        QTest::newRow("a site that never answers") << u"slow.web.test"_s << false << u"Transport"_s << u"HTTPS"_s
                                                   << u"unknown"_s << u"no answer within 0.5 s"_s;
        QTest::newRow("an image where a page should be")
            << u"image.web.test"_s << true << u"Metadata"_s << u"Title of 10-70 characters"_s << u"unknown"_s
            << u"not HTML"_s;
        QTest::newRow("a redirect to a loopback address") << u"jump.web.test"_s << false << u"Transport"_s << u"HTTPS"_s
                                                          << u"unknown"_s << u"127.0.0.1 is a loopback address"_s;
        QTest::newRow("a redirect to ftp")
            << u"ftp.web.test"_s << false << u"Transport"_s << u"HTTPS"_s << u"unknown"_s
            << u"a redirect to ftp://ftp.web.test/file was refused: only http and https"_s;
        QTest::newRow("a host the web does not know") << u"nowhere.web.test"_s << true << u"Transport"_s
                                                      << u"Answered 200 in time"_s << u"fail"_s << u"HTTP 502"_s;
    }

    void hostileSitesEndClearly()
    {
        QFETCH(QString, host);
        QFETCH(bool, reachable);
        QFETCH(QString, group);
        QFETCH(QString, check);
        QFETCH(QString, status);
        QFETCH(QString, evidence);
        FakeWeb web;
        QVERIFY(web.listen());
        FakeWeb::Resource huge = html({});
        huge.streamBytes = 50 * 1024 * 1024;
        web.serve(u"huge.web.test"_s, u"/"_s, huge);
        web.serve(u"loop.web.test"_s, u"/"_s, redirect("/a"));
        web.serve(u"loop.web.test"_s, u"/a"_s, redirect("/"));
        for (int hop = 0; hop < 7; ++hop)
            web.serve(u"chain.web.test"_s, hop == 0 ? u"/"_s : u"/%1"_s.arg(hop),
                      redirect("/" + QByteArray::number(hop + 1)));
        web.serve(u"bigrobots.web.test"_s, u"/private/page"_s, html("<title>Private</title>"));
        QByteArray robots = "User-agent: *\nDisallow: /private/\n";
        while (robots.size() < 10 * 1024 * 1024)
            robots += "# a comment that pads the file out to ten mebibytes\n";
        web.serve(u"bigrobots.web.test"_s, u"/robots.txt"_s, text(robots));
        web.serve(u"deep.web.test"_s, u"/"_s,
                  html(QByteArray("<div>").repeated(100000) + "two words" + QByteArray("</div>").repeated(100000)));
        FakeWeb::Resource slow = html("<title>Late</title>");
        slow.delayMs = 3000;
        web.serve(u"slow.web.test"_s, u"/"_s, slow);
        web.serve(u"image.web.test"_s, u"/"_s, {200, {{"Content-Type", "image/png"}}, QByteArray(100, 'x'), 0, 0});
        web.serve(u"jump.web.test"_s, u"/"_s, redirect("http://127.0.0.1:9/admin"));
        web.serve(u"ftp.web.test"_s, u"/"_s, redirect("ftp://ftp.web.test/file"));

        NetworkFetcher::Options options;
        options.timeoutMs = 500;
        Inspection inspection(web, options);
        const QString path = host.startsWith(u"bigrobots"_s) ? u"/private/page"_s : u"/"_s;
        const SiteReport r = inspection.run(host, QUrl(u"http://%1%2"_s.arg(host, path)));
        QCOMPARE(r.domain, host); // the report came back, whole
        QCOMPARE(r.reachable(), reachable);
        const ReadinessCheck *c = findCheck(r, group, check);
        QVERIFY2(c, qPrintable(check));
        QCOMPARE(ReadinessCheck::statusName(c->status), status);
        QVERIFY2(c->evidence.contains(evidence), qPrintable(c->evidence));
    }

    // A name is looked up before it is fetched: one that resolves to a loopback or private
    // address is refused like the address itself. The machine's own host name is such a name
    // on Debian (/etc/hosts gives it 127.0.1.1, a container's its private address); the
    // allowed fetch goes through the fake web, so it does not matter which address that is.
    void namesResolvingToPrivateAddressesAreRefused()
    {
        const QString name = QHostInfo::localHostName();
        const QList<QHostAddress> addresses = QHostInfo::fromName(name).addresses();
        QStringList resolved;
        for (const QHostAddress &a : addresses)
            resolved.append(a.toString());
        QVERIFY2(std::any_of(addresses.cbegin(), addresses.cend(),
                             [](const QHostAddress &a) { return !NetworkFetcher::forbiddenAddress(a).isEmpty(); }),
                 qPrintable(u"this machine's host name %1 resolves to [%2], no loopback or private address"_s.arg(
                     name, resolved.join(u", "_s))));
        FakeWeb web;
        QVERIFY(web.listen());
        web.serve(name, u"/"_s, html("<title>Inside</title>"));
        const QUrl inside(u"http://%1/"_s.arg(name));
        QNetworkAccessManager network;
        network.setProxy(web.proxy());
        std::optional<FetchResult> refused, allowed;
        NetworkFetcher strict(&network, {});
        strict.fetch(inside, [&](const FetchResult &r) { refused = r; });
        NetworkFetcher::Options open;
        open.allowPrivateHosts = true;
        NetworkFetcher lenient(&network, open);
        lenient.fetch(inside, [&](const FetchResult &r) { allowed = r; });
        QTRY_VERIFY(refused && allowed);
        QCOMPARE(refused->status, 0);
        QVERIFY2(refused->error.contains(u"%1 resolves to"_s.arg(name))
                     && refused->error.contains(u"--allow-private-hosts"_s),
                 qPrintable(refused->error));
        QCOMPARE(allowed->status, 200);
        QCOMPARE(web.requestCount(), 1); // only the allowed one
    }

    // At most perHost requests to one host and total in all are in flight; the rest wait.
    void requestsStayWithinTheLimits()
    {
        FakeWeb web;
        QVERIFY(web.listen());
        const QStringList hosts{u"127.0.0.1"_s, u"localhost"_s};
        for (const QString &host : hosts)
            for (int page = 0; page < 6; ++page) {
                FakeWeb::Resource slow = html("<title>Slow</title>");
                slow.delayMs = 100;
                web.serve(host, u"/%1"_s.arg(page), slow);
            }
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        NetworkFetcher::Options options;
        options.allowPrivateHosts = true;
        options.perHost = 2;
        options.total = 3;
        NetworkFetcher fetcher(&network, options);
        int ok = 0;
        for (const QString &host : hosts)
            for (int page = 0; page < 6; ++page)
                fetcher.fetch(QUrl(u"http://%1:%2/%3"_s.arg(host).arg(web.proxy().port()).arg(page)),
                              [&ok](const FetchResult &r) { ok += r.status == 200; });
        QTRY_COMPARE_WITH_TIMEOUT(ok, 12, 20000);
        QCOMPARE(web.maxInFlight(u"127.0.0.1"_s), 2);
        QCOMPARE(web.maxInFlight(u"localhost"_s), 2);
        QCOMPARE(web.maxInFlight(), 3);
    }

    // A recording made over the network inspects, offline, exactly as the site did.
    void recordedSiteInspectsAsTheNetworkDid()
    {
        FakeWeb web;
        QVERIFY(web.listen());
        QVERIFY(web.serveRecorded(DemoSites));
        QTemporaryDir folder;
        QNetworkAccessManager network;
        network.setProxy(web.proxy());
        SiteInspector recording(std::make_unique<RecordingFetcher>(
            std::make_unique<NetworkFetcher>(&network, NetworkFetcher::Options{}), folder.path()));
        // crmreviewhub redirects the cited page; brightlane has llms.txt and llms-full.txt.
        for (const QString &page :
             {u"https://crmreviewhub.example/best-crm-small-business"_s, u"https://brightlane.example/"_s}) {
            const QUrl url(page);
            QFuture<SiteReport> live = recording.inspect(url.host(), url);
            QTRY_VERIFY_WITH_TIMEOUT(live.isFinished(), 30000);
            SiteInspector offline(std::make_unique<RecordedFetcher>(folder.path()));
            QFuture<SiteReport> replayed = offline.inspect(url.host(), url);
            QTRY_VERIFY(replayed.isFinished());
            QJsonObject a = live.result().toJson(), b = replayed.result().toJson();
            a.remove(u"inspected_at"_s);
            b.remove(u"inspected_at"_s);
            QCOMPARE(b, a);
        }
        QVERIFY(QFile::exists(folder.filePath(u"brightlane.example/manifest.json"_s)));
    }

    void reportsRoundTripThroughJson_data() { demoSitesOverTheNetworkScoreAsRecorded_data(); }

    // A stored report stands in for a new inspection, so it must read back whole.
    void reportsRoundTripThroughJson()
    {
        QFETCH(QString, host);
        const SiteReport r = inspectRecorded(host);
        const QJsonObject json = r.toJson();
        QCOMPARE(SiteReport::fromJson(json).toJson(), json);
        QCOMPARE(SiteReport::fromJson(json).inspectedAt, r.inspectedAt);
    }
};

QTEST_GUILESS_MAIN(TestSiteFetch)
#include "tst_sitefetch.moc"
