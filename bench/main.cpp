// geoaudit-bench: runs the real pipeline against local fakes and prints each figure with
// the ideal it is measured against.
#include "FakeEngineServer.h"
#include "run/AuditRunner.h"
#include "store/AuditStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
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

    engineThroughput(small ? 40 : 400, 200, 10, true);
    // Qt 6.4 opens at most 6 HTTP/1.1 connections per host: the bound for plain-HTTP servers.
    engineThroughput(small ? 24 : 120, 200, 10, false);
    return 0;
}
