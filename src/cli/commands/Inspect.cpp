// inspect and robots-check: a site's readiness for answer engines, and what its robots.txt says.
#include "Commands.h"
#include "Console.h"
#include "analysis/Citations.h"
#include "sites/ReadinessScorer.h"
#include "sites/RobotsTxt.h"
#include "sites/SiteFetcher.h"
#include "sites/SiteInspector.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>

#include <memory>

using namespace Qt::StringLiterals;

namespace geo::cli {

namespace {

int robotsCheck(const Invocation &in)
{
    const QString file = in.argument(u"ROBOTS_FILE"_s);
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        say(u"%1: cannot read it (%2)"_s.arg(file, f.errorString()));
        return BadInput;
    }
    const QString path = RobotsTxt::pathOf(QUrl(in.argument(u"URL"_s)));
    const RobotsTxt::Verdict v
        = RobotsTxt::parse(f.read(RobotsTxt::MaxBytes + 1)).check(in.argument(u"USER_AGENT"_s), path);
    print(v.allowed ? u"allowed"_s : u"disallowed"_s);
    say(v.evidence);
    return Success;
}

// A page saved to a file, scored alone: no robots.txt or llms.txt to go with it.
int inspectSavedPage(const QString &htmlFile, const QString &pageUrl, SiteReport &report)
{
    QFile f(htmlFile);
    if (!f.open(QIODevice::ReadOnly)) {
        say(u"%1: cannot read it (%2)"_s.arg(htmlFile, f.errorString()));
        return BadInput;
    }
    ReadinessScorer::Inputs in;
    in.pageOnly = true;
    in.page.url = in.page.finalUrl
        = pageUrl.isEmpty() ? QUrl::fromLocalFile(QFileInfo(htmlFile).absoluteFilePath()) : QUrl(pageUrl);
    in.page.status = 200;
    in.page.headers.insert("content-type", "text/html");
    in.page.body = f.read(2 * 1024 * 1024);
    report.page = in.page.url;
    report.domain = registrableDomain(in.page.url.host());
    report.inspectedAt = QDateTime::currentDateTimeUtc();
    ReadinessScorer::score(in, report);
    return Success;
}

// A site from the network, or from a recording (--recorded), perhaps recorded (--record).
int inspectSite(const Invocation &in, SiteReport &report)
{
    const QString urlArg = in.argument(u"URL"_s);
    const QString recorded = in.value(u"recorded"_s), recordTo = in.value(u"record"_s);
    const QUrl url = QUrl::fromUserInput(urlArg);
    if (!url.isValid() || url.host().isEmpty()) {
        say(u"\"%1\" is not a web address; write it like https://example.com/page"_s.arg(urlArg));
        return BadInput;
    }
    QNetworkAccessManager network;
    network.setProxy(in.network.proxy);
    NetworkFetcher::Options options;
    options.allowPrivateHosts = in.network.allowPrivateHosts;
    std::unique_ptr<SiteFetcher> fetcher;
    if (!recorded.isEmpty())
        fetcher = std::make_unique<RecordedFetcher>(recorded);
    else
        fetcher = std::make_unique<NetworkFetcher>(&network, options);
    RecordingFetcher *recording = nullptr;
    if (!recordTo.isEmpty()) {
        auto recorder = std::make_unique<RecordingFetcher>(std::move(fetcher), recordTo);
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
        say(u"recorded in %1; inspect it again with --recorded %1"_s.arg(recordTo));
    return Success;
}

int inspect(const Invocation &in)
{
    SiteReport report;
    const QString htmlFile = in.value(u"html"_s);
    const int code
        = !htmlFile.isEmpty() ? inspectSavedPage(htmlFile, in.value(u"url"_s), report) : inspectSite(in, report);
    if (code != Success)
        return code;
    print(QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented)));
    return report.reachable() ? Success : SomeFailed;
}

} // namespace

Command inspectCommand()
{
    return {.name = u"inspect"_s,
            .arguments = {{.name = u"URL"_s, .instead = u"html"_s}},
            .options = {u"url"_s, u"record"_s, u"recorded"_s, u"allow-private-hosts"_s, u"proxy"_s},
            .help = u"Inspects a site (the page, robots.txt and llms.txt), or with --html a saved page (its address "
                    "given with --url), and prints its readiness report as JSON: title, description, language, "
                    "JSON-LD types, headings, word count, every check with its points and evidence, and the score. "
                    "--record keeps every response in DIR (one folder per host with a manifest.json, the format of "
                    "an audit's recorded_sites); --recorded inspects such a recording instead of the network, "
                    "reproducibly."_s,
            .run = inspect};
}

Command robotsCheckCommand()
{
    return {.name = u"robots-check"_s,
            .arguments = {{.name = u"ROBOTS_FILE"_s}, {.name = u"USER_AGENT"_s}, {.name = u"URL"_s}},
            .help = u"Prints allowed or disallowed: what the robots.txt in ROBOTS_FILE says about USER_AGENT "
                    "fetching URL (RFC 9309), and why on standard error."_s,
            .run = robotsCheck};
}

} // namespace geo::cli
