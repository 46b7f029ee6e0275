// geoaudit-bench: runs the real pipeline against local fakes and prints each figure with
// the ideal it is measured against.
#include "EngineOnThread.h"
#include "FakeEngineServer.h"
#include "FakeWeb.h"
#include "MainWindow.h"
#include "StallProbe.h"
#include "analysis/ResponseAnalyzer.h"
#include "export/CsvExporter.h"
#include "run/AuditRunner.h"
#include "scoring/AuditScoring.h"
#include "spec/PromptPlanner.h"
#include "spec/SpecReader.h"
#include "store/AuditStore.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSet>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>
#include <QWindow>
#include <QtConcurrent/QtConcurrentMap>

#include <cmath>
#include <cstdio>

#include <sys/resource.h>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

void line(const QString &text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

// Engines are local (127.0.0.1, direct); every other host is the fake web, reached as a proxy.
class RoutingProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit RoutingProxyFactory(QNetworkProxy web) : m_web(std::move(web)) { }
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        return {query.peerHostName() == u"127.0.0.1"_s ? QNetworkProxy(QNetworkProxy::NoProxy) : m_web};
    }

private:
    QNetworkProxy m_web;
};

constexpr int CitedSites = 20;

// An answer that ranks the tracked brands and cites two of the fake web's sites.
QString benchAnswer(const QString &prompt)
{
    const int n = int(qHash(prompt) % CitedSites);
    return u"Here are the tools worth a look for \"%1\":\n\n"
           "1. **Acme CRM** - simple pipelines, see [a review](http://site%2.example/review).\n"
           "2. **Globex** - strong reporting ([guide](http://site%3.example/guide)).\n"
           "3. **Initech** - cheap, but dated.\n\nAcme CRM is the best fit for small teams."_s.arg(prompt)
               .arg(n)
               .arg((n + 7) % CitedSites);
}

// The benchmark's engine: bench answers after `latencyMs`, on a thread of its own so that
// at zero latency it does not take the runner's thread.
void startEngine(EngineOnThread &engine, bool https, int latencyMs, bool keepRequests)
{
    engine.server->setLatencyMs(latencyMs);
    engine.server->setAnswers(benchAnswer);
    engine.server->setKeepRequests(keepRequests);
    if (!engine.listen(https))
        qFatal("the fake engine could not listen on 127.0.0.1");
}

// The fake web of the benchmark: 20 cited sites and the three brands' own.
void serveSites(FakeWeb &web)
{
    for (int i = 0; i < CitedSites; ++i) {
        const QString host = u"site%1.example"_s.arg(i);
        for (const QString &path : {u"/review"_s, u"/guide"_s})
            web.serve(host, path,
                      {200,
                       {{"Content-Type", "text/html"}},
                       "<html lang=en><title>A review of CRM tools</title><h1>CRM</h1></html>",
                       0,
                       0});
        web.serve(host, u"/robots.txt"_s, {200, {{"Content-Type", "text/plain"}}, "User-agent: *\nAllow: /\n", 0, 0});
    }
    // The brands' own sites, over https (names the fake web's certificate holds).
    for (const QString &host : {u"brightlane.example"_s, u"pipewise.example"_s, u"clientory.example"_s})
        web.serve(host, u"/"_s,
                  {200, {{"Content-Type", "text/html"}}, "<html lang=en><title>Home</title></html>", 0, 0});
}

AuditSpec benchSpec(int answers, const QUrl &engine, int concurrency, bool sites)
{
    AuditSpec spec;
    spec.name = u"bench"_s;
    spec.brand = {u"Acme CRM"_s, {u"Acme"_s}, {u"brightlane.example"_s}};
    spec.competitors = {{u"Globex"_s, {}, {u"pipewise.example"_s}}, {u"Initech"_s, {}, {u"clientory.example"_s}}};
    spec.templates = false;
    spec.analysis.inspectSites = sites;
    for (int p = 0; p < answers; ++p)
        spec.prompts << u"prompt %1"_s.arg(p);
    EngineSpec e;
    e.id = u"fake"_s;
    e.kind = u"openai"_s;
    e.model = u"m"_s;
    e.baseUrl = engine;
    e.concurrency = concurrency;
    spec.engines = {e};
    return spec;
}

struct AuditRun
{
    double seconds = 0;
    RunStats stats;
};

// Runs the audit as geoaudit-cli run does: one store, one network, one runner, to the end.
AuditRun runAudit(AuditStore &store, const AuditSpec &spec, const QNetworkProxy &web)
{
    QNetworkAccessManager network;
    network.setProxyFactory(new RoutingProxyFactory(web));
    AuditRunner runner(&store, &network);
    bool done = false;
    QObject::connect(&runner, &AuditRunner::finished, [&] { done = true; });
    QObject::connect(&runner, &AuditRunner::error, [&](const QString &m) {
        line(u"error: "_s + m);
        done = true;
    });
    QElapsedTimer clock;
    clock.start();
    runner.start(spec);
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents); // sleeps until an event
    return {double(clock.elapsed()) / 1000.0, runner.stats()};
}

// Runs a whole audit of `answers` prompts against one fake engine at `latencyMs` with
// `concurrency` in flight, analysing every answer and, when `sites`, inspecting every cited
// site on the fake web. With `faults`, the first attempt of one prompt in ten is answered 429
// with Retry-After: 1 or 500 (alternately), then succeeds. Prints the wall time against the
// ideal: every request (retries too) x latency / concurrency, plus the longest wait a retry
// must sit out (1 s with faults: Retry-After, or the first backoff of at most 1 s), which the
// run's last retries cannot hide. Returns the ratio.
double pipeline(int answers, int latencyMs, int concurrency, bool https, bool sites, bool faults = false)
{
    EngineOnThread engine;
    if (faults) {
        // Per prompt, on its first attempt only; the server calls this on its own thread.
        auto asked = std::make_shared<QSet<QString>>();
        engine.server->setFaults([asked](int, const QString &prompt) {
            const int n = prompt.section(u' ', 1).toInt();
            if (n % 10 != 0 || asked->contains(prompt))
                return FakeEngineServer::Fault::None;
            asked->insert(prompt);
            return n % 20 == 0 ? FakeEngineServer::Fault::RateLimitedForASecond : FakeEngineServer::Fault::ServerError;
        });
    }
    startEngine(engine, https, latencyMs, true);
    FakeWeb web;
    web.listen();
    serveSites(web);
    QTemporaryDir dir;
    AuditStore store(dir.filePath(u"bench.sqlite"_s));
    AuditSpec spec = benchSpec(answers, engine.server->baseUrl(), concurrency, sites);
    const AuditRun run = runAudit(store, spec, web.proxy());
    const RunStats &stats = run.stats;
    const int requests = engine.server->requestCount();
    const double longestWait = faults ? 1.0 : 0.0;
    const double ideal = double(requests) * latencyMs / 1000.0 / concurrency + longestWait;
    const int most = engine.server->maxInFlight();
    line(u"pipeline, %1: %2 answers at %3 ms, concurrency %4%5%6: %7 s, ideal %8 s, ratio %9 "
         "(%10 requests, %11 answered, %12 analysed; most in flight at the server: %13 of %4%14; "
         "latency p50 %15 ms, p95 %16 ms)"_s
             .arg(https ? u"HTTPS with HTTP/2 (as the vendors' APIs)"_s : u"plain HTTP/1.1 (as local servers)"_s)
             .arg(answers)
             .arg(latencyMs)
             .arg(concurrency)
             .arg(sites ? u", sites inspected"_s : QString())
             .arg(faults ? u", 10% of first attempts 429 (Retry-After: 1) or 500"_s : QString())
             .arg(run.seconds, 0, 'f', 2)
             .arg(ideal, 0, 'f', 2)
             .arg(ideal / run.seconds, 0, 'f', 3)
             .arg(requests)
             .arg(stats.answered)
             .arg(stats.analysed)
             .arg(most)
             .arg(most == concurrency ? QString() : u" (NOT the concurrency)"_s)
             .arg(stats.latencyP50Ms)
             .arg(stats.latencyP95Ms));
    if (sites) {
        const QHash<QString, int> requested = web.requests();
        line(u"    sites: %1 inspected (%2 unreachable), %3 requests at the fake web for %4 distinct resources "
             "(must be equal), %5 asks answered by the cache"_s.arg(stats.sitesInspected)
                 .arg(stats.sitesUnreachable)
                 .arg(web.requestCount())
                 .arg(requested.size())
                 .arg(stats.siteCacheHits));
    }
    return ideal / run.seconds;
}

// Writes `count` answers and their analyses through the store's writer thread, batched as
// the runner submits them, and prints how many per second reached the disk. The database is
// a SQLite file unless `location` names another (a postgresql:// URL).
void storeThroughput(int count, const QString &location)
{
    QTemporaryDir dir;
    AuditStore store(location.isEmpty() ? dir.filePath(u"bench.sqlite"_s) : location);
    const AuditSpec spec = benchSpec(count, QUrl(u"http://127.0.0.1:1/v1"_s), 10, false);
    const Result<Plan> plan = PromptPlanner::plan(spec);
    auto created = store.createAudit(spec, plan.value());
    created.waitForFinished();
    if (!created.result()) {
        line(u"store: "_s + created.result().error());
        return;
    }
    const NewAudit audit = created.result().value();
    const Analysis analysis = ResponseAnalyzer(spec).analyze(benchAnswer(u"prompt 1"_s), {});
    QElapsedTimer clock;
    clock.start();
    for (const qint64 id : audit.itemIds) {
        EngineReply reply;
        reply.itemId = id;
        reply.text = benchAnswer(u"prompt"_s);
        reply.tokensIn = 20;
        reply.tokensOut = 120;
        store.saveAnswer(reply, 1, 0.0001);
        store.saveAnalysis(id, analysis);
    }
    store.flush().waitForFinished();
    const double seconds = double(clock.elapsed()) / 1000.0;
    line(u"store%4: %1 answers and %1 analyses written in %2 s: %3 answers+analyses/s, batched in transactions by "
         "one writer thread"_s.arg(count)
             .arg(seconds, 0, 'f', 2)
             .arg(count / seconds, 0, 'f', 0)
             .arg(location.isEmpty() ? QString() : u" (PostgreSQL)"_s));
}

// Stores an audit of `items` items as run does (a transaction per 10,000, each committed
// before the next is queued), against the ideal of one transaction for them all.
void prepareThroughput(int items, const QString &location)
{
    const auto seconds = [&](int chunk) {
        QTemporaryDir dir;
        AuditStore store(location.isEmpty() ? dir.filePath(u"bench.sqlite"_s) : location);
        store.opened().waitForFinished();
        AuditSpec spec = benchSpec(items / 100, QUrl(u"http://127.0.0.1:1/v1"_s), 10, false);
        spec.samples = 100;
        const Plan plan = PromptPlanner::plan(spec).value();
        QElapsedTimer clock;
        clock.start();
        auto created = store.createAudit(spec, plan, {}, {}, chunk);
        created.waitForFinished();
        if (!created.result())
            line(u"prepare: "_s + created.result().error());
        return double(clock.elapsed()) / 1000.0;
    };
    const double chunked = seconds(AuditStore::PrepareChunk);
    const double whole = seconds(items);
    line(u"prepare%5: %1 items in %2 s (%3 items/s) in transactions of %4; ideal one transaction %6 s, ratio %7"_s
             .arg(items)
             .arg(chunked, 0, 'f', 2)
             .arg(items / chunked, 0, 'f', 0)
             .arg(AuditStore::PrepareChunk)
             .arg(location.isEmpty() ? QString() : u" (PostgreSQL)"_s)
             .arg(whole, 0, 'f', 2)
             .arg(whole / chunked, 0, 'f', 3));
}

long peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// One scale run, in a process of its own so that its peak memory is its own: an audit of
// `answers` at zero engine latency, then its CSV export. Prints one JSON line.
int scaleRun(int answers)
{
    EngineOnThread engine;
    startEngine(engine, true, 0, false);
    FakeWeb web;
    web.listen();
    serveSites(web);
    QTemporaryDir dir;
    AuditStore store(dir.filePath(u"bench.sqlite"_s));
    const AuditRun run = runAudit(store, benchSpec(answers, engine.server->baseUrl(), 20, true), web.proxy());
    const long runPeakKb = peakRssKb();
    QElapsedTimer clock;
    clock.start();
    auto exported = CsvExporter::exportAudit(&store, 1, dir.filePath(u"out"_s));
    exported.waitForFinished();
    const double exportSeconds = double(clock.elapsed()) / 1000.0;
    qint64 rows = 0;
    for (const QString &name : CsvExporter::fileNames()) {
        QFile f(dir.filePath(u"out/"_s + name));
        if (f.open(QIODevice::ReadOnly))
            while (!f.atEnd())
                rows += f.readLine().isEmpty() ? 0 : 1; // lines; an answer with line breaks counts more than once
    }
    std::printf("%s\n",
                QJsonDocument(QJsonObject{{u"answers"_s, run.stats.answered},
                                          {u"analysed"_s, run.stats.analysed},
                                          {u"seconds"_s, run.seconds},
                                          {u"export_seconds"_s, exportSeconds},
                                          {u"export_lines"_s, rows},
                                          {u"run_peak_rss_kb"_s, qint64(runPeakKb)},
                                          {u"peak_rss_kb"_s, qint64(peakRssKb())}})
                    .toJson(QJsonDocument::Compact)
                    .constData());
    return run.stats.answered == answers ? 0 : 1;
}

QJsonObject scaleChild(int answers)
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {u"--scale-run"_s, QString::number(answers)});
    child.waitForFinished(-1);
    const QJsonObject o
        = QJsonDocument::fromJson(child.readAllStandardOutput().trimmed().split('\n').constLast()).object();
    if (o.isEmpty())
        line(u"scale run of %1 answers failed (%2, exit code %3): %4"_s.arg(answers)
                 .arg(child.exitStatus() == QProcess::CrashExit ? u"crashed"_s : u"exited"_s)
                 .arg(child.exitCode())
                 .arg(QString::fromUtf8(child.readAllStandardError())));
    return o;
}

// A 10x larger audit must cost at most about 10x: time per answer and memory compared.
void scale(int small, int large)
{
    const QJsonObject a = scaleChild(small), b = scaleChild(large);
    if (a.isEmpty() || b.isEmpty())
        return;
    const auto describe = [](const QJsonObject &o) {
        return u"%1 answers in %2 s (%3 answers/s), peak RSS %4 MiB (%8 MiB by the end of the run); CSV export %5 "
               "lines in %6 s (%7 lines/s)"_s.arg(o[u"answers"_s].toInt())
                   .arg(o[u"seconds"_s].toDouble(), 0, 'f', 1)
                   .arg(o[u"answers"_s].toInt() / o[u"seconds"_s].toDouble(), 0, 'f', 0)
                   .arg(o[u"peak_rss_kb"_s].toDouble() / 1024.0, 0, 'f', 0)
                   .arg(o[u"export_lines"_s].toInteger())
                   .arg(o[u"export_seconds"_s].toDouble(), 0, 'f', 2)
                   .arg(double(o[u"export_lines"_s].toInteger()) / o[u"export_seconds"_s].toDouble(), 0, 'f', 0)
                   .arg(o[u"run_peak_rss_kb"_s].toDouble() / 1024.0, 0, 'f', 0);
    };
    line(u"scale, zero engine latency, concurrency 20, sites inspected:"_s);
    line(u"    "_s + describe(a));
    line(u"    "_s + describe(b) + u" (target: under 300 MiB)"_s);
    const double perAnswer = (b[u"seconds"_s].toDouble() / large) / (a[u"seconds"_s].toDouble() / small);
    const double exportPerLine = (b[u"export_seconds"_s].toDouble() / double(b[u"export_lines"_s].toInteger()))
        / (a[u"export_seconds"_s].toDouble() / double(a[u"export_lines"_s].toInteger()));
    line(u"    %1 vs %2: time per answer x%3, export time per line x%4 (ideal 1: linear), memory x%5 for x%6 the "
         "answers"_s.arg(large)
             .arg(small)
             .arg(perAnswer, 0, 'f', 2)
             .arg(exportPerLine, 0, 'f', 2)
             .arg(b[u"peak_rss_kb"_s].toDouble() / a[u"peak_rss_kb"_s].toDouble(), 0, 'f', 2)
             .arg(large / small));
}

// A corpus of answers of 2-4 KB made from the demo's recorded answers, deterministically.
QStringList corpus(int count)
{
    QStringList recorded;
    for (const QString &file : {u":/examples/demo-answers-gpt.jsonl"_s, u":/examples/demo-answers-claude.jsonl"_s}) {
        QFile f(file);
        f.open(QIODevice::ReadOnly);
        while (!f.atEnd())
            recorded << QJsonDocument::fromJson(f.readLine()).object().value(u"answer"_s).toString();
    }
    QStringList out;
    QRandomGenerator random(2026);
    while (out.size() < count) {
        QString answer;
        const int target = 2048 + int(random.bounded(2048));
        while (answer.size() < target)
            answer += recorded[random.bounded(qsizetype(recorded.size()))] + u"\n\n"_s;
        out << answer.left(target);
    }
    return out;
}

void analysisThroughput(int count)
{
    const auto read = SpecReader::readFile(u":/examples/demo-audit.json"_s);
    const ResponseAnalyzer analyzer(*read.spec);
    const QStringList answers = corpus(count);
    double megabytes = 0;
    for (const QString &a : answers)
        megabytes += double(a.toUtf8().size()) / 1e6;

    QElapsedTimer clock;
    clock.start();
    int mentions = 0;
    for (const QString &a : answers)
        mentions += analyzer.analyze(a, {}).brands[0].mentions;
    const double single = double(clock.elapsed()) / 1000.0;

    QThreadPool pool;
    pool.setMaxThreadCount(10);
    clock.restart();
    QtConcurrent::blockingMap(&pool, answers, [&analyzer](const QString &a) { analyzer.analyze(a, {}); });
    const double pooled = double(clock.elapsed()) / 1000.0;
    line(u"analysis: %1 answers of 2-4 KB (%2 MB): one thread %3 answers/s, %4 MB/s; pool of 10 threads %5 answers/s, "
         "speed-up %6 on %7 cores (ideal %7)"_s.arg(count)
             .arg(megabytes, 0, 'f', 1)
             .arg(count / single, 0, 'f', 0)
             .arg(megabytes / single, 0, 'f', 2)
             .arg(count / pooled, 0, 'f', 0)
             .arg(single / pooled, 0, 'f', 2)
             .arg(QThread::idealThreadCount()));
    Q_UNUSED(mentions)
}

// The app's window runs an audit of `answers` at zero engine latency, as fast as the runner
// goes, while a probe measures the GUI thread's worst stall.
void guiStall(int answers)
{
    EngineOnThread engine;
    startEngine(engine, false, 0, false);
    QTemporaryDir dir;
    QFile specFile(dir.filePath(u"spec.json"_s));
    AuditSpec spec = benchSpec(answers, engine.server->baseUrl(), 6, false);
    spec.name = u"GUI stall probe"_s;
    if (!specFile.open(QIODevice::WriteOnly) || specFile.write(QJsonDocument(spec.toJson()).toJson()) < 0)
        qFatal("could not write the spec to %s", qPrintable(specFile.fileName()));
    specFile.close();
    AuditStore store(dir.filePath(u"bench.sqlite"_s));
    MainWindow window(&store);
    window.resize(1100, 760);
    window.show();
    while (!window.windowHandle() || !window.windowHandle()->isExposed())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents); // sleeps until an event
    if (!window.openSpec(specFile.fileName()))
        qFatal("the window did not open the benchmark's spec");
    auto *bar = window.findChild<QProgressBar *>(u"progressBar"_s);
    StallProbe probe;
    window.findChild<QPushButton *>(u"startButton"_s)->click();
    // Above the limits of Settings, Start asks first (at once, in a box of the window's).
    if (auto *box = window.findChild<QMessageBox *>(u"confirmStartBox"_s))
        box->button(QMessageBox::Yes)->click();
    probe.start();
    while (bar->value() < answers)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents); // sleeps until an event
    probe.stop();
    line(u"gui: %1 answers through the run monitor at zero engine latency in %2 s: %3; target under 16 ms (a frame "
         "at 60 Hz)"_s.arg(answers)
             .arg(double(probe.elapsedMs()) / 1000.0, 0, 'f', 1)
             .arg(probe.summary()));

    // Then the same audit exported to CSV from the window, as File → Export CSV does: the
    // store reads and the files are written off the GUI thread, which only shows progress.
    auto *start = window.findChild<QPushButton *>(u"startButton"_s);
    auto *audits = window.findChild<QAbstractItemView *>(u"auditList"_s);
    while (!start->isEnabled() || !audits->currentIndex().isValid())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents); // sleeps until an event
    bool exported = false;
    QObject::connect(&window, &MainWindow::exported, [&] { exported = true; });
    StallProbe exportProbe;
    exportProbe.start();
    window.exportCsvTo(dir.filePath(u"export"_s));
    while (!exported)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents); // sleeps until an event
    exportProbe.stop();
    line(u"gui during the CSV export of those %1 answers: %2 s, %3; target under 16 ms"_s.arg(answers)
             .arg(double(exportProbe.elapsedMs()) / 1000.0, 0, 'f', 2)
             .arg(exportProbe.summary()));
}

} // namespace

int main(int argc, char *argv[])
{
    // The GUI figure draws the real window; off screen, it measures the app, not a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"GEO Audit benchmarks; each figure is printed with its ideal."_s);
    parser.addHelpOption();
    const QCommandLineOption smoke(u"smoke"_s, u"Small sizes, no targets enforced (CI keeps it from rotting)."_s);
    QCommandLineOption scaleRunOption(u"scale-run"_s,
                                      u"One scale run in this process (used by the benchmark itself)."_s, u"ANSWERS"_s);
    scaleRunOption.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption only(
        u"only"_s, u"Run only these figures: analysis, pipeline, store, scale, gui (comma-separated)."_s, u"FIGURES"_s);
    const QCommandLineOption db(
        u"db"_s, u"The store figure's database: a postgresql:// URL (default: a SQLite file in a temporary folder)."_s,
        u"URL"_s);
    parser.addOptions({smoke, only, db, scaleRunOption});
    parser.process(app);
    const bool small = parser.isSet(smoke);
    // The fake servers' certificate is trusted by this process only.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificate(FakeEngineServer::certificate());
    tls.addCaCertificate(FakeWeb::certificate());
    QSslConfiguration::setDefaultConfiguration(tls);

    if (parser.isSet(scaleRunOption))
        return scaleRun(parser.value(scaleRunOption).toInt());

    const QStringList figures = parser.isSet(only)
        ? parser.value(only).split(u',')
        : QStringList{u"analysis"_s, u"pipeline"_s, u"store"_s, u"scale"_s, u"gui"_s};
    if (figures.contains(u"analysis"_s))
        analysisThroughput(small ? 200 : 10000);
    if (figures.contains(u"pipeline"_s)) {
        pipeline(small ? 40 : 192, 200, 10, true, true);
        pipeline(small ? 60 : 2000, 200, 10, true, true);
        // Local servers speak plain HTTP/1.1: one connection per request in flight.
        pipeline(small ? 60 : 2000, 50, 10, false, false);
        pipeline(small ? 96 : 2000, 50, 32, false, false);
        pipeline(small ? 60 : 2000, 50, 10, false, false, true);
        pipeline(small ? 60 : 2000, 50, 10, true, false);
    }
    if (figures.contains(u"store"_s)) {
        storeThroughput(small ? 500 : 20000, parser.value(db));
        prepareThroughput(small ? 20000 : 200000, parser.value(db));
    }
    if (figures.contains(u"scale"_s))
        scale(small ? 200 : 10000, small ? 2000 : 100000);
    if (figures.contains(u"gui"_s))
        guiStall(small ? 500 : 10000);
    return 0;
}
