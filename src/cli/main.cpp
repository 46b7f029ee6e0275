// geoaudit-cli: the headless front end, on the same core as the app.
#include "analysis/ResponseAnalyzer.h"
#include "analysis/Vader.h"
#include "engines/AnswerFile.h"
#include "engines/KeyStore.h"
#include "export/CsvExporter.h"
#include "export/ReportData.h"
#include "export/ReportWriter.h"
#include "sites/ReadinessScorer.h"
#include "sites/SiteInspector.h"
#include "run/Proxy.h"
#include "run/Pricing.h"
#include "run/AuditRunner.h"
#include "run/Rescorer.h"
#include "scoring/ScoreComparison.h"
#include "spec/SpecReader.h"
#include "store/AuditRepository.h"
#include "store/AuditStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <cstdio>
#include <functional>
#include <optional>
#include <memory>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

enum Exit { Success = 0, SomeFailed = 1, BadInput = 2 };

const char *Help = R"(Usage: geoaudit-cli VERB [ARGUMENTS] [OPTIONS]

Asks AI answer engines about a brand, analyses every answer and writes the results.

Verbs:
  run SPEC [--db PATH] [--out DIR] [--allow-private-hosts]
        Runs the audit described by the spec file SPEC (JSON, see docs/spec-format.md),
        storing everything in the database, and with --out writes answers.csv,
        mentions.csv, citations.csv, sites.csv, discovered.csv, scores.csv and failures.csv
        to DIR.
        Progress goes to stderr. Exit status: 0 when every answer succeeded, 1 when the
        audit finished but some answers failed, 2 on bad input.
  run --demo [--db PATH] [--out DIR]
        Runs the demo audit built into the program: sample data, 192 answers replayed
        from recordings with no network and no key.
  plan SPEC | plan --demo
        Shows what run would ask: every prompt with its category, topic and whether
        it names a tracked brand, the number of answers, and estimated tokens and cost.
  resume [AUDIT_ID] [--db PATH] [--out DIR] [--budget USD]
        Continues an audit that did not finish (interrupted, cancelled or stopped by its
        budget; without AUDIT_ID the most recent one). Nothing answered is asked again.
        --budget replaces the spec's budget_usd. Exit status as for run.
  import SPEC FILE [--db PATH] [--out DIR]
        Adds answers collected by hand (the ChatGPT app, AI Overviews) as a new audit of
        the brands in SPEC and analyses them. FILE is CSV with a header naming prompt,
        engine, answer and optionally sample, model, citations; or JSON lines with those
        keys. Bad rows are reported by line number and the good ones kept (exit status 1).
  key set NAME | key delete NAME
        Saves the API key read from standard input in the OS keychain under NAME (the
        api_key_env of an engine), or deletes it. A key in the environment wins.
  analyze --spec SPEC FILE|-
        Prints the analysis of one answer (Markdown, from FILE or standard input) as JSON:
        each tracked brand's mentions, order, rank, sentiment and PAWC, the citations,
        and the discovered brands.
  sentiment TEXT|-
        Prints VADER's {"neg", "neu", "pos", "compound"} for the text (or standard input),
        rounded as VADER rounds.
  inspect URL [--record DIR | --recorded DIR] | inspect --html FILE [--url URL]
        Inspects a site (the page, robots.txt, llms.txt) or a saved page and prints its
        readiness report as JSON: title, description, lang, JSON-LD types, headings,
        word count, every check with its points and evidence, and the score.
        --record DIR keeps every response in DIR (one folder per host with a
        manifest.json, the format of an audit's "recorded_sites"); --recorded DIR
        inspects such a recording instead of the network, reproducibly.
  robots-check ROBOTS_FILE USER_AGENT URL
        Prints "allowed" or "disallowed": what the robots.txt in ROBOTS_FILE says about
        USER_AGENT fetching URL (RFC 9309), and why on stderr.
  list [--db PATH]
        Lists the audits in the database: id, state, answers, failures, name.
  export AUDIT_ID --out DIR [--format LIST] [--db PATH]
        Writes the CSV tables of a stored audit to DIR, or with --format the reports:
        json (report.json, the whole audit), html (report.html, one file with its charts,
        for any browser and for print) and pdf (report.pdf, A4). Figures are set beside
        the previous finished audit of the same name (a series).
  rescore AUDIT_ID [--db PATH] [--spec SPEC] [--out DIR]
        Analyses the stored answers of an audit again, with the brands, aliases, domains
        and score weights of SPEC (default: the audit's own spec), without asking any
        engine, replacing its analyses in one transaction. Prints every figure that
        changed: cut, brand, figure, before, after.

Options:
  --db PATH    the database: a SQLite file (default: %1), or a PostgreSQL
               database several analysts share, as postgresql://user@host:port/dbname;
               its password comes from PGPASSWORD or ~/.pgpass, never from the URL
  --out DIR    where to write the CSV tables (and reports, see --format)
  --format LIST
               what --out writes, comma-separated: csv (default), json, html, pdf
  --demo       the demo audit built into the program, instead of SPEC (run, plan)
  --budget USD a new budget when resuming
  --allow-private-hosts
               let site inspection fetch loopback and private addresses (off: refused)
  --proxy URL  reach engines and sites through this proxy (http://host:port or
               socks5://host:port; "none" for a direct connection); by default the
               system's (http_proxy, https_proxy, no_proxy)
  -h, --help   this help
  -v, --version
)";

void say(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stderr);
}

void print(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stdout);
    std::fflush(stdout);
}

// Waits for a future while the event loop runs; the CLI has nothing else to do meanwhile.
template<typename T>
T await(QFuture<T> future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return future.result();
}

int openStore(std::unique_ptr<AuditStore> &store, const QString &path)
{
    store = std::make_unique<AuditStore>(path.isEmpty() ? AuditStore::defaultPath() : path);
    if (const Status s = await(store->opened()); !s) {
        say(s.error());
        return BadInput;
    }
    return Success;
}

// Where --out writes and in which formats (--format; CSV by default).
struct Output
{
    QString dir;
    QStringList formats{u"csv"_s};
};

int exportAudit(AuditStore &store, qint64 auditId, const Output &out)
{
    const QString folder = QDir(out.dir).absolutePath();
    if (out.formats.contains(u"csv"_s)) {
        const auto written = await(store.submit([auditId, folder](QSqlDatabase &db) {
            return CsvExporter::exportAudit(db, auditId, folder);
        }));
        if (!written) {
            say(written.error());
            return BadInput;
        }
        say(u"wrote %1 tables to %2"_s.arg(written->size()).arg(folder));
    }
    QStringList reports = out.formats;
    reports.removeAll(u"csv"_s);
    if (!reports.isEmpty()) {
        // Read on the store's thread, rendered here: the PDF needs this thread's fonts.
        const auto data = await(store.submit([auditId](QSqlDatabase &db) { return ReportData::load(db, auditId); }));
        if (!data) {
            say(data.error());
            return BadInput;
        }
        const Result<QStringList> written = ReportWriter::write(data.value(), folder, reports);
        if (!written) {
            say(written.error());
            return BadInput;
        }
        for (const QString &path : written.value())
            say(u"wrote "_s + path);
    }
    const auto previous = await(store.submit([auditId](QSqlDatabase &db) { return AuditRepository::previousInSeries(db, auditId); }));
    if (previous && previous.value() > 0)
        say(u"the export compares audit %1 with audit %2, the previous of its series"_s.arg(auditId).arg(previous.value()));
    return Success;
}

// How this invocation reaches the network: --proxy and --allow-private-hosts.
struct NetworkOptions
{
    QNetworkProxy proxy{QNetworkProxy::DefaultProxy};
    bool allowPrivateHosts = false;
};

// Drives a runner to its end, reporting on stderr; `begin` starts or resumes the audit.
int execute(AuditStore &store, const Output &out, const NetworkOptions &net, const std::function<void(AuditRunner &)> &begin)
{
    QNetworkAccessManager network;
    network.setProxy(net.proxy);
    AuditRunner runner(&store, &network);
    runner.setAllowPrivateHosts(net.allowPrivateHosts);
    int exitCode = Success;
    bool done = false;
    QElapsedTimer sinceReport;
    QObject::connect(&runner, &AuditRunner::error, [&](const QString &message) {
        say(u"error: "_s + message);
        if (!runner.isRunning()) {
            exitCode = BadInput;
            done = true;
        }
    });
    QObject::connect(&runner, &AuditRunner::notice, [](const QString &message) { say(message); });
    QObject::connect(&runner, &AuditRunner::started, [&](qint64 id) {
        const RunStats s = runner.stats();
        say(u"audit %1: %2 answers, %3 to ask"_s.arg(id).arg(s.planned).arg(s.planned - s.answered - s.failed));
        sinceReport.start();
    });
    QObject::connect(&runner, &AuditRunner::progress, [&](const RunStats &s) {
        if (sinceReport.isValid() && sinceReport.elapsed() < 500 && !s.finished)
            return;
        sinceReport.restart();
        say(u"%1/%2 done: %3 answered, %4 analysed, %5 failed, %6 in flight, %7 retrying, %8 answers/s, $%9"_s.arg(s.done())
                .arg(s.planned)
                .arg(s.answered)
                .arg(s.analysed)
                .arg(s.failed)
                .arg(s.inFlight)
                .arg(s.retrying)
                .arg(s.answersPerSecondOverall, 0, 'f', 1)
                .arg(s.costUsd, 0, 'f', 4));
    });
    QObject::connect(&runner, &AuditRunner::itemFailed, [](const FailureRecord &f, const QString &prompt) {
        say(u"failed: %1 [%2] \"%3\": %4"_s.arg(f.engine, f.errorClass, prompt.left(60), f.message));
    });
    QString finalState;
    QObject::connect(&runner, &AuditRunner::finished, [&](qint64, const QString &state, const RunStats &s) {
        say(u"audit %1 %2 in %3 s: %4 answered, %5 failed, $%6"_s.arg(runner.auditId())
                .arg(state)
                .arg(double(s.elapsedMs) / 1000.0, 0, 'f', 1)
                .arg(s.answered)
                .arg(s.failed)
                .arg(s.costUsd, 0, 'f', 4));
        finalState = state;
        exitCode = s.failed > 0 || state != u"finished"_s ? SomeFailed : Success;
        done = true;
    });
    begin(runner);
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (!out.dir.isEmpty() && runner.auditId() > 0 && !finalState.isEmpty())
        if (const int code = exportAudit(store, runner.auditId(), out); code != Success)
            return code;
    return exitCode;
}

std::optional<AuditSpec> readSpec(const QString &specPath)
{
    SpecReader::Outcome read = SpecReader::readFile(specPath);
    if (!read.spec) {
        say(u"%1: the spec has %2 problem(s):"_s.arg(specPath).arg(read.problems.size()));
        for (const QString &p : read.problems)
            say(u"  "_s + p);
    }
    return read.spec;
}

int run(const QString &specPath, const QString &dbPath, const Output &out, const NetworkOptions &net)
{
    const std::optional<AuditSpec> spec = readSpec(specPath);
    if (!spec)
        return BadInput;
    std::unique_ptr<AuditStore> store;
    if (const int code = openStore(store, dbPath); code != Success)
        return code;
    return execute(*store, out, net, [&](AuditRunner &runner) { runner.start(*spec); });
}

int resume(const QString &auditArg, const QString &dbPath, const Output &out, const QString &budgetArg, const NetworkOptions &net)
{
    std::optional<double> budget;
    if (!budgetArg.isEmpty()) {
        bool isNumber = false;
        budget = budgetArg.toDouble(&isNumber);
        if (!isNumber || *budget < 0) {
            say(u"--budget: \"%1\" is not an amount in US dollars; write it like 12.50"_s.arg(budgetArg));
            return BadInput;
        }
    }
    std::unique_ptr<AuditStore> store;
    if (const int code = openStore(store, dbPath); code != Success)
        return code;
    qint64 id = 0;
    if (auditArg.isEmpty()) {
        const auto latest = await(store->submit([](QSqlDatabase &db) { return AuditRepository::latestUnfinished(db); }));
        if (!latest) {
            say(latest.error());
            return BadInput;
        }
        id = latest.value();
    } else {
        bool isNumber = false;
        id = auditArg.toLongLong(&isNumber);
        if (!isNumber) {
            say(u"\"%1\" is not an audit id; `geoaudit-cli list` shows the ids"_s.arg(auditArg));
            return BadInput;
        }
    }
    return execute(*store, out, net, [id, budget](AuditRunner &runner) { runner.resume(id, budget); });
}

int importAnswers(const QString &specPath, const QString &filePath, const QString &dbPath, const Output &out, const NetworkOptions &net)
{
    const std::optional<AuditSpec> spec = readSpec(specPath);
    if (!spec)
        return BadInput;
    const AnswerFile file = AnswerFile::read(filePath);
    for (const QString &p : file.problems)
        say(filePath + u": "_s + p);
    if (file.answers.isEmpty()) {
        say(u"%1: no answer to import"_s.arg(filePath));
        return BadInput;
    }
    say(u"%1: importing %2 answer(s), leaving out %3 bad row(s)"_s.arg(filePath).arg(file.answers.size()).arg(file.problems.size()));
    std::unique_ptr<AuditStore> store;
    if (const int code = openStore(store, dbPath); code != Success)
        return code;
    const int code = execute(*store, out, net, [&](AuditRunner &runner) { runner.importAnswers(*spec, file.answers); });
    return code == Success && !file.problems.isEmpty() ? SomeFailed : code;
}

int key(const QString &action, const QString &name)
{
    std::optional<Status> done;
    QObject context;
    if (action == u"set"_s) {
        QFile in;
        in.open(stdin, QIODevice::ReadOnly);
        const QByteArray value = in.readAll().trimmed();
        if (value.isEmpty()) {
            say(u"no key on standard input; pipe it in, e.g. geoaudit-cli key set %1 < key.txt"_s.arg(name));
            return BadInput;
        }
        KeyStore::save(name, value, &context, [&](const Status &s) { done = s; });
    } else if (action == u"delete"_s) {
        KeyStore::remove(name, &context, [&](const Status &s) { done = s; });
    } else {
        say(u"usage: geoaudit-cli key set NAME < file, or geoaudit-cli key delete NAME"_s);
        return BadInput;
    }
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (!*done) {
        say(done->error());
        return BadInput;
    }
    say(action == u"set"_s ? u"saved the key for %1 in the keychain"_s.arg(name) : u"deleted the key for %1"_s.arg(name));
    return Success;
}

QString readArgumentOrStdin(const QString &arg)
{
    if (arg != u"-"_s)
        return arg;
    QFile in;
    in.open(stdin, QIODevice::ReadOnly);
    return QString::fromUtf8(in.readAll());
}

QJsonValue optional(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

int sentiment(const QString &arg)
{
    const SentimentScores s = Vader::rounded(Vader::instance().score(readArgumentOrStdin(arg)));
    print(QString::fromUtf8(QJsonDocument(QJsonObject{{u"neg"_s, s.neg}, {u"neu"_s, s.neu}, {u"pos"_s, s.pos},
                                                      {u"compound"_s, s.compound}})
                                .toJson(QJsonDocument::Compact)));
    return Success;
}

int analyze(const QString &specPath, const QString &fileArg)
{
    const std::optional<AuditSpec> spec = readSpec(specPath);
    if (!spec)
        return BadInput;
    QString answer;
    if (fileArg == u"-"_s) {
        answer = readArgumentOrStdin(fileArg);
    } else {
        QFile f(fileArg);
        if (!f.open(QIODevice::ReadOnly)) {
            say(u"%1: cannot read it (%2)"_s.arg(fileArg, f.errorString()));
            return BadInput;
        }
        answer = QString::fromUtf8(f.readAll());
    }
    const Analysis a = ResponseAnalyzer(*spec).analyze(answer, {});
    const QList<BrandSpec> brands = spec->trackedBrands();
    QJsonArray mentions;
    for (int b = 0; b < brands.size(); ++b) {
        const BrandFigures &f = a.brands[b];
        mentions.append(QJsonObject{
            {u"brand"_s, brands[b].name}, {u"role"_s, b == 0 ? u"brand"_s : u"competitor"_s}, {u"mentions"_s, f.mentions},
            {u"first_offset"_s, f.mentioned() ? QJsonValue(f.firstOffset) : QJsonValue(QJsonValue::Null)},
            {u"first_pos"_s, f.mentioned() ? QJsonValue(f.firstPos) : QJsonValue(QJsonValue::Null)},
            {u"order"_s, f.mentioned() ? QJsonValue(f.order) : QJsonValue(QJsonValue::Null)},
            {u"rank"_s, f.rank ? QJsonValue(*f.rank) : QJsonValue(QJsonValue::Null)},
            {u"sentiment"_s, optional(f.sentiment)},
            {u"sentiment_label"_s, f.sentiment ? QJsonValue(sentimentLabel(*f.sentiment)) : QJsonValue(QJsonValue::Null)},
            {u"pawc"_s, f.pawc}});
    }
    QJsonArray citations;
    for (const CitationRef &c : a.citations)
        citations.append(QJsonObject{{u"url"_s, c.url}, {u"domain"_s, c.domain},
                                     {u"owner"_s, c.owner >= 0 ? brands[c.owner].name : u"third party"_s},
                                     {u"source"_s, c.source == CitationRef::Source::Engine ? u"engine"_s : u"text"_s}});
    print(QString::fromUtf8(QJsonDocument(QJsonObject{{u"mentions"_s, mentions}, {u"citations"_s, citations},
                                                      {u"discovered_brands"_s, QJsonArray::fromStringList(a.discovered)},
                                                      {u"recommendations"_s, a.recommendations}, {u"sentences"_s, a.sentences}})
                                .toJson(QJsonDocument::Indented)));
    return Success;
}

int robotsCheck(const QString &file, const QString &agent, const QString &urlText)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        say(u"%1: cannot read it (%2)"_s.arg(file, f.errorString()));
        return BadInput;
    }
    const RobotsTxt::Verdict v = RobotsTxt::parse(f.read(RobotsTxt::MaxBytes + 1)).check(agent, RobotsTxt::pathOf(QUrl(urlText)));
    print(v.allowed ? u"allowed"_s : u"disallowed"_s);
    say(v.evidence);
    return Success;
}

// Where inspect reads a site from (the network or a recording) and whether it records it.
struct InspectSource
{
    QString htmlFile, pageUrl; // a saved page
    QString recorded;          // a folder of recorded responses
    QString recordTo;          // a folder to record the responses in
};

int inspect(const QString &urlArg, const InspectSource &source, const NetworkOptions &net)
{
    const QString &htmlFile = source.htmlFile;
    const QString &pageUrl = source.pageUrl;
    SiteReport report;
    if (!htmlFile.isEmpty()) {
        QFile f(htmlFile);
        if (!f.open(QIODevice::ReadOnly)) {
            say(u"%1: cannot read it (%2)"_s.arg(htmlFile, f.errorString()));
            return BadInput;
        }
        ReadinessScorer::Inputs in;
        in.pageOnly = true;
        in.page.url = in.page.finalUrl = pageUrl.isEmpty() ? QUrl::fromLocalFile(QFileInfo(htmlFile).absoluteFilePath()) : QUrl(pageUrl);
        in.page.status = 200;
        in.page.headers.insert("content-type", "text/html");
        in.page.body = f.read(2 * 1024 * 1024);
        report.page = in.page.url;
        report.domain = registrableDomain(in.page.url.host());
        report.inspectedAt = QDateTime::currentDateTimeUtc();
        ReadinessScorer::score(in, report);
    } else {
        const QUrl url = QUrl::fromUserInput(urlArg);
        if (!url.isValid() || url.host().isEmpty()) {
            say(u"\"%1\" is not a web address; write it like https://example.com/page"_s.arg(urlArg));
            return BadInput;
        }
        QNetworkAccessManager network;
        network.setProxy(net.proxy);
        NetworkFetcher::Options options;
        options.allowPrivateHosts = net.allowPrivateHosts;
        std::unique_ptr<SiteFetcher> fetcher;
        if (!source.recorded.isEmpty())
            fetcher = std::make_unique<RecordedFetcher>(source.recorded);
        else
            fetcher = std::make_unique<NetworkFetcher>(&network, options);
        RecordingFetcher *recording = nullptr;
        if (!source.recordTo.isEmpty()) {
            auto recorder = std::make_unique<RecordingFetcher>(std::move(fetcher), source.recordTo);
            recording = recorder.get();
            fetcher = std::move(recorder);
        }
        SiteInspector inspector(std::move(fetcher));
        report = await(inspector.inspect(registrableDomain(url.host()), url));
        if (recording && !recording->error().isEmpty()) {
            say(u"--record: "_s + recording->error());
            return BadInput;
        }
        if (recording)
            say(u"recorded in %1; inspect it again with --recorded %1"_s.arg(source.recordTo));
    }
    print(QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented)));
    return report.reachable() ? Success : SomeFailed;
}

int plan(const QString &specPath)
{
    const std::optional<AuditSpec> spec = readSpec(specPath);
    if (!spec)
        return BadInput;
    const Result<Plan> planned = PromptPlanner::plan(*spec);
    if (!planned) {
        say(planned.error());
        return BadInput;
    }
    print(u"category\ttopic\tbranded\tprompt"_s);
    for (const PlannedPrompt &p : planned->prompts)
        print(u"%1\t%2\t%3\t%4"_s.arg(p.category, p.topic, p.branded ? u"branded"_s : u"non-branded"_s, p.text));
    const Pricing::Estimate e = Pricing::estimate(*spec, planned.value());
    print(u"\n%1 prompts x %2 engines x %3 samples = %4 answers; about %5 tokens in, %6 out, $%7"_s.arg(planned->prompts.size())
              .arg(spec->engines.size())
              .arg(spec->samples)
              .arg(planned->items.size())
              .arg(e.tokensIn)
              .arg(e.tokensOut)
              .arg(e.costUsd, 0, 'f', 2));
    if (!e.unpriced.isEmpty())
        print(u"no price known for engine(s) %1; give \"price\": {\"input\": ..., \"output\": ...} to include them"_s.arg(
            e.unpriced.join(u", "_s)));
    return Success;
}

QString shown(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'g', 6) : u"n/a"_s;
}

int rescore(const QString &auditArg, const QString &dbPath, const QString &specPath, const Output &out)
{
    bool isNumber = false;
    const qint64 id = auditArg.toLongLong(&isNumber);
    if (!isNumber) {
        say(u"\"%1\" is not an audit id; `geoaudit-cli list` shows the ids"_s.arg(auditArg));
        return BadInput;
    }
    std::optional<AuditSpec> spec;
    if (!specPath.isEmpty() && !(spec = readSpec(specPath)))
        return BadInput;
    std::unique_ptr<AuditStore> store;
    if (const int code = openStore(store, dbPath); code != Success)
        return code;
    const auto done = await(store->submit([id, spec](QSqlDatabase &db) { return Rescorer::rescore(db, id, spec); }));
    if (!done) {
        say(done.error());
        return BadInput;
    }
    print(u"cut\tbrand\tfigure\tbefore\tafter"_s);
    int changed = 0;
    for (const BrandChange &brand : ScoreComparison::compare(done->after, &done->before)) {
        for (const FigureChange &f : brand.figures) {
            if (f.value == f.previous)
                continue;
            ++changed;
            print(u"%1\t%2\t%3\t%4\t%5"_s.arg(brand.cut, done->after.brands.at(brand.brand), f.figure, shown(f.previous),
                                             shown(f.value)));
        }
    }
    say(u"audit %1: analysed %2 stored answers again, no engine asked; %3 figure(s) changed"_s.arg(id)
            .arg(done->answers)
            .arg(changed));
    return out.dir.isEmpty() ? Success : exportAudit(*store, id, out);
}

int list(const QString &dbPath)
{
    std::unique_ptr<AuditStore> store;
    if (const int code = openStore(store, dbPath); code != Success)
        return code;
    const auto audits = await(store->submit([](QSqlDatabase &db) { return AuditRepository::listAudits(db); }));
    if (!audits) {
        say(audits.error());
        return BadInput;
    }
    print(u"id\tstate\tanswers\tfailed\tcreated\tname"_s);
    for (const AuditSummary &a : audits.value())
        print(u"%1\t%2\t%3/%4\t%5\t%6\t%7"_s.arg(a.id)
                  .arg(a.state)
                  .arg(a.answered)
                  .arg(a.items)
                  .arg(a.failed)
                  .arg(a.createdAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s), a.name));
    return Success;
}

// The PDF report draws text, which takes a QGuiApplication; without a display it uses the
// offscreen platform, so that the CLI works headless. Everything else needs only QtCore.
std::unique_ptr<QCoreApplication> application(int &argc, char *argv[], bool gui)
{
    if (!gui)
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"GEO Audit command line"_s);
    const QCommandLineOption db(u"db"_s, u"The database: a SQLite file or postgresql://user@host:port/dbname."_s, u"PATH"_s);
    const QCommandLineOption out(u"out"_s, u"Where to write the tables and reports."_s, u"DIR"_s);
    const QCommandLineOption format(u"format"_s, u"What --out writes: csv, json, html, pdf (comma-separated)."_s, u"LIST"_s);
    const QCommandLineOption specOption(u"spec"_s, u"The audit spec whose brands to look for (analyze, rescore)."_s, u"SPEC"_s);
    const QCommandLineOption htmlOption(u"html"_s, u"A saved page to inspect."_s, u"FILE"_s);
    const QCommandLineOption urlOption(u"url"_s, u"The address of the saved page."_s, u"URL"_s);
    const QCommandLineOption allowPrivate(u"allow-private-hosts"_s, u"Let site inspection fetch loopback and private hosts."_s);
    const QCommandLineOption budget(u"budget"_s, u"A new budget for resume."_s, u"USD"_s);
    const QCommandLineOption proxyOption(u"proxy"_s, u"The proxy to reach engines and sites through."_s, u"URL"_s);
    const QCommandLineOption recordOption(u"record"_s, u"Record the inspected site's responses in DIR."_s, u"DIR"_s);
    const QCommandLineOption recordedOption(u"recorded"_s, u"Inspect a site recorded in DIR."_s, u"DIR"_s);
    const QCommandLineOption demo(u"demo"_s, u"The demo audit built into the program, instead of a spec file."_s);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show help."_s);
    const QCommandLineOption version({u"v"_s, u"version"_s}, u"Show the version."_s);
    parser.addOptions({db, out, format, budget, demo, specOption, htmlOption, urlOption, allowPrivate, proxyOption, recordOption, recordedOption,
                       help, version});
    parser.addPositionalArgument(u"verb"_s, u"run, plan, resume, import, key, analyze, sentiment, inspect, robots-check, list, export or rescore"_s);
    if (!parser.parse(arguments)) {
        say(parser.errorText() + u"; see geoaudit-cli --help"_s);
        return BadInput;
    }
    Output output{parser.value(out)};
    if (parser.isSet(format)) {
        const Result<QStringList> formats = ReportWriter::parseFormats(parser.value(format));
        if (!formats) {
            say(u"--format: "_s + formats.error());
            return BadInput;
        }
        output.formats = formats.value();
    }
    const auto app = application(argc, argv, output.formats.contains(u"pdf"_s));
    QCoreApplication::setApplicationName(u"geoaudit"_s);
    QCoreApplication::setOrganizationName(u"geoaudit"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(GEOAUDIT_VERSION));
    const QString usage = QString::fromUtf8(Help).arg(AuditStore::defaultPath());
    if (parser.isSet(version)) {
        print(u"geoaudit-cli "_s + QCoreApplication::applicationVersion());
        return Success;
    }
    const QStringList args = parser.positionalArguments();
    if (parser.isSet(help) || args.isEmpty() || args.front() == u"help"_s) {
        std::fputs(qPrintable(usage), args.isEmpty() && !parser.isSet(help) ? stderr : stdout);
        return args.isEmpty() && !parser.isSet(help) ? BadInput : Success;
    }
    const QString verb = args.front();
    NetworkOptions net;
    net.allowPrivateHosts = parser.isSet(allowPrivate);
    useSystemProxy();
    if (parser.isSet(proxyOption)) {
        const Result<QNetworkProxy> proxy = parseProxy(parser.value(proxyOption));
        if (!proxy) {
            say(u"--proxy: "_s + proxy.error());
            return BadInput;
        }
        net.proxy = proxy.value();
    }
    // The demo spec is a Qt resource, so an installed CLI runs it from anywhere.
    if (parser.isSet(demo) && args.size() == 1 && (verb == u"run"_s || verb == u"plan"_s))
        return verb == u"run"_s ? run(u":/examples/demo-audit.json"_s, parser.value(db), output, net)
                                : plan(u":/examples/demo-audit.json"_s);
    if (verb == u"run"_s && args.size() == 2)
        return run(args[1], parser.value(db), output, net);
    if (verb == u"plan"_s && args.size() == 2)
        return plan(args[1]);
    if (verb == u"resume"_s && args.size() <= 2)
        return resume(args.value(1), parser.value(db), output, parser.value(budget), net);
    if (verb == u"import"_s && args.size() == 3)
        return importAnswers(args[1], args[2], parser.value(db), output, net);
    if (verb == u"key"_s && args.size() == 3)
        return key(args[1], args[2]);
    if (verb == u"sentiment"_s && args.size() == 2)
        return sentiment(args[1]);
    if (verb == u"analyze"_s && args.size() == 2 && parser.isSet(specOption))
        return analyze(parser.value(specOption), args[1]);
    if (verb == u"robots-check"_s && args.size() == 4)
        return robotsCheck(args[1], args[2], args[3]);
    if (verb == u"inspect"_s && (args.size() == 2 || (args.size() == 1 && parser.isSet(htmlOption))))
        return inspect(args.value(1), {parser.value(htmlOption), parser.value(urlOption), parser.value(recordedOption), parser.value(recordOption)}, net);
    if (verb == u"rescore"_s && args.size() == 2)
        return rescore(args[1], parser.value(db), parser.value(specOption), output);
    if (verb == u"list"_s && args.size() == 1)
        return list(parser.value(db));
    if (verb == u"export"_s && args.size() == 2) {
        bool isNumber = false;
        const qint64 id = args[1].toLongLong(&isNumber);
        if (!isNumber || !parser.isSet(out)) {
            say(u"usage: geoaudit-cli export AUDIT_ID --out DIR [--format csv,json,html,pdf]; `geoaudit-cli list` shows the ids"_s);
            return BadInput;
        }
        std::unique_ptr<AuditStore> store;
        if (const int code = openStore(store, parser.value(db)); code != Success)
            return code;
        return exportAudit(*store, id, output);
    }
    say(u"\"%1\" with %2 argument(s) is not a command; see geoaudit-cli --help"_s.arg(verb).arg(args.size() - 1));
    return BadInput;
}
