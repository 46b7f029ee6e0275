// geoaudit-bench: runs the real pipeline against local fakes and prints each figure with
// the ideal it is measured against.
#include "FakeEngineServer.h"
#include "analysis/ResponseAnalyzer.h"
#include "run/AuditRunner.h"
#include "spec/SpecReader.h"
#include "store/AuditStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QTemporaryDir>

#include <cstdio>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

void line(const QString &text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

// Asks `answers` prompts of one engine at `latencyMs` with `concurrency` in flight and
// returns the achieved answers per second over the ideal concurrency / latency.
double engineThroughput(int answers, int latencyMs, int concurrency, bool https)
{
    FakeEngineServer server;
    https ? server.listenTls() : server.listen();
    server.setLatencyMs(latencyMs);
    AuditSpec spec;
    spec.name = u"bench"_s;
    spec.brand = {u"Acme"_s, {}, {}};
    spec.templates = false;
    for (int p = 0; p < answers; ++p)
        spec.prompts << u"prompt %1"_s.arg(p);
    EngineSpec e;
    e.id = u"fake"_s;
    e.kind = u"openai"_s;
    e.model = u"m"_s;
    e.baseUrl = server.baseUrl();
    e.concurrency = concurrency;
    spec.engines = {e};
    QTemporaryDir dir;
    AuditStore store(dir.filePath(u"bench.sqlite"_s));
    QNetworkAccessManager network;
    AuditRunner runner(&store, &network);
    bool done = false;
    QObject::connect(&runner, &AuditRunner::finished, [&] { done = true; });
    QObject::connect(&runner, &AuditRunner::error, [&](const QString &m) { line(u"error: "_s + m); done = true; });
    QElapsedTimer clock;
    clock.start();
    runner.start(spec);
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    const double seconds = double(clock.elapsed()) / 1000.0;
    const RunStats stats = runner.stats();
    const double achieved = answers / seconds;
    const double ideal = double(concurrency) * 1000.0 / latencyMs;
    line(u"engine throughput, %8: %1 answers at %2 ms, concurrency %3: %4 answers/s, ideal %5/s, ratio %6 "
         "(most in flight at the server: %7; latency p50 %9 ms, p95 %10 ms)"_s.arg(answers)
             .arg(latencyMs)
             .arg(concurrency)
             .arg(achieved, 0, 'f', 1)
             .arg(ideal, 0, 'f', 1)
             .arg(achieved / ideal, 0, 'f', 3)
             .arg(server.maxInFlight())
             .arg(https ? u"HTTPS with HTTP/2 (as the vendors' APIs)"_s : u"plain HTTP/1.1 (as local servers)"_s)
             .arg(stats.latencyP50Ms)
             .arg(stats.latencyP95Ms));
    return achieved / ideal;
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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"GEO Audit benchmarks; each figure is printed with its ideal."_s);
    parser.addHelpOption();
    const QCommandLineOption smoke(u"smoke"_s, u"Small sizes, no targets enforced (CI keeps it from rotting)."_s);
    parser.addOption(smoke);
    parser.process(app);
    const bool small = parser.isSet(smoke);
    // The fake servers' certificate is trusted by this process only.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificate(FakeEngineServer::certificate());
    QSslConfiguration::setDefaultConfiguration(tls);

    analysisThroughput(small ? 200 : 10000);
    engineThroughput(small ? 40 : 400, 200, 10, true);
    // Qt 6.4 opens at most 6 HTTP/1.1 connections per host: the bound for plain-HTTP servers.
    engineThroughput(small ? 24 : 120, 200, 10, false);
    return 0;
}
