#include "ReadinessScorer.h"

#include <QJsonArray>

namespace geo {

using namespace Qt::StringLiterals;

using Status = ReadinessCheck::Status;

QString ReadinessCheck::statusName(Status s)
{
    switch (s) {
    case Status::Pass:
        return u"pass"_s;
    case Status::Partial:
        return u"partial"_s;
    case Status::Fail:
        return u"fail"_s;
    case Status::Unknown:
        break;
    }
    return u"unknown"_s;
}

const QList<std::pair<QString, int>> &ReadinessScorer::scoredCrawlers()
{
    static const QList<std::pair<QString, int>> crawlers{
        {u"OAI-SearchBot"_s, 6},   {u"ChatGPT-User"_s, 4},     {u"GPTBot"_s, 4},    {u"PerplexityBot"_s, 5},
        {u"Perplexity-User"_s, 2}, {u"Claude-SearchBot"_s, 3}, {u"ClaudeBot"_s, 2}, {u"Claude-User"_s, 1},
        {u"Google-Extended"_s, 3}, {u"Googlebot"_s, 3},        {u"Bingbot"_s, 2}};
    return crawlers;
}

const QStringList &ReadinessScorer::reportedCrawlers()
{
    static const QStringList crawlers{u"anthropic-ai"_s, u"Applebot-Extended"_s,  u"CCBot"_s,    u"Bytespider"_s,
                                      u"Amazonbot"_s,    u"meta-externalagent"_s, u"cohere-ai"_s};
    return crawlers;
}

namespace {

struct Checks
{
    QList<ReadinessCheck> &out;

    void add(const QString &group, const QString &name, Status status, int points, int max, const QString &evidence)
    {
        out.append({group, name, status, points, max, evidence});
    }
    // Full points, half (rounded down) or none, by status.
    void graded(const QString &group, const QString &name, Status status, int max, int partial, const QString &evidence)
    {
        add(group, name, status, status == Status::Pass ? max : status == Status::Partial ? partial : 0, max, evidence);
    }
    void unknown(const QString &group, const QString &name, int max, const QString &why)
    {
        add(group, name, Status::Unknown, 0, max, why);
    }
};

void crawlerAccess(const ReadinessScorer::Inputs &in, SiteReport &report, Checks &c)
{
    const QString group = u"AI crawler access"_s;
    // No answer at all (the name did not resolve, nothing listened): nothing is known about
    // what the site allows. RFC 9309's "unreachable means disallowed" is for a site that
    // answers but whose robots.txt does not.
    if (in.robots.status == 0 && in.page.status == 0) {
        const QString why
            = u"the site did not answer: %1"_s.arg(in.robots.error.isEmpty() ? in.page.error : in.robots.error);
        for (const auto &[agent, points] : ReadinessScorer::scoredCrawlers())
            c.unknown(group, agent, points, why);
        for (const QString &agent : ReadinessScorer::reportedCrawlers())
            c.unknown(group, agent, 0, why);
        return;
    }
    RobotsTxt robots = RobotsTxt::allowAll(in.robots.status);
    if (in.robots.ok())
        robots = RobotsTxt::parse(in.robots.body);
    else if (in.robots.status == 0 || in.robots.status >= 500)
        robots = RobotsTxt::disallowAll(in.robots.status); // RFC 9309 2.3.1.4: unreachable means disallowed
    report.sitemaps = in.robots.ok() ? robots.sitemaps() : QStringList();
    const QString path = RobotsTxt::pathOf(in.page.finalUrl.isValid() ? in.page.finalUrl : in.page.url);
    const auto verdict = [&](const QString &agent, int max) {
        const RobotsTxt::Verdict v = robots.check(agent, path);
        if (!v.allowed) {
            c.add(group, agent, Status::Fail, 0, max, v.evidence);
        } else if (robots.disallowsSomething(agent)) {
            c.add(group, agent, Status::Pass, max, max, v.evidence + u"; parts of the site are disallowed"_s);
        } else {
            c.add(group, agent, Status::Pass, max, max, v.evidence);
        }
    };
    for (const auto &[agent, points] : ReadinessScorer::scoredCrawlers())
        verdict(agent, points);
    for (const QString &agent : ReadinessScorer::reportedCrawlers())
        verdict(agent, 0);
}

void structuredData(const HtmlFacts &f, Checks &c)
{
    const QString group = u"Structured data"_s;
    QStringList types;
    int valid = 0;
    for (const JsonLdBlock &b : f.jsonLd) {
        valid += b.valid;
        types += b.types;
    }
    const int blocks = int(f.jsonLd.size());
    c.graded(group, u"JSON-LD present"_s, blocks > 0 ? Status::Pass : Status::Fail, 5, 0,
             blocks > 0 ? u"%1 JSON-LD block(s)"_s.arg(blocks) : u"no <script type=\"application/ld+json\">"_s);
    c.graded(group, u"JSON-LD parses"_s, blocks > 0 && valid == blocks ? Status::Pass : Status::Fail, 5, 0,
             blocks == 0 ? u"no JSON-LD to parse"_s : u"%1 of %2 block(s) parse"_s.arg(valid).arg(blocks));
    const bool entity = types.contains(u"Organization"_s) || types.contains(u"WebSite"_s);
    c.graded(group, u"Organization or WebSite"_s, entity ? Status::Pass : Status::Fail, 5, 0,
             entity ? u"types: %1"_s.arg(types.join(u", "_s)) : u"no Organization or WebSite entity"_s);
    static const QStringList answerTypes{u"FAQPage"_s,     u"HowTo"_s,       u"Product"_s, u"Article"_s,
                                         u"BlogPosting"_s, u"NewsArticle"_s, u"Review"_s,  u"AggregateRating"_s};
    QStringList found;
    for (const QString &t : types)
        if (answerTypes.contains(t) && !found.contains(t))
            found << t;
    c.graded(group, u"Content type for answers"_s, found.isEmpty() ? Status::Fail : Status::Pass, 5, 0,
             found.isEmpty() ? u"none of FAQPage, HowTo, Product, Article, Review"_s : found.join(u", "_s));
}

Status inRange(qsizetype length, int low, int high)
{
    return length == 0 ? Status::Fail : length >= low && length <= high ? Status::Pass : Status::Partial;
}

void metadata(const HtmlFacts &f, Checks &c)
{
    const QString group = u"Metadata"_s;
    c.graded(group, u"Title of 10-70 characters"_s, inRange(f.title.size(), 10, 70), 4, 2,
             f.title.isEmpty() ? u"no <title>"_s
                               : u"\"%1\" (%2 characters)"_s.arg(f.title.left(80)).arg(f.title.size()));
    c.graded(group, u"Meta description of 50-170 characters"_s, inRange(f.description.size(), 50, 170), 4, 2,
             f.description.isEmpty() ? u"no meta description"_s : u"%1 characters"_s.arg(f.description.size()));
    c.graded(group, u"Canonical link"_s, f.canonical.isEmpty() ? Status::Fail : Status::Pass, 2, 0,
             f.canonical.isEmpty() ? u"no <link rel=\"canonical\">"_s : f.canonical);
    const bool og = !f.ogTitle.isEmpty() && !f.ogDescription.isEmpty();
    c.graded(group, u"og:title and og:description"_s, og ? Status::Pass : Status::Fail, 3, 0,
             og ? u"both present"_s : u"missing %1"_s.arg(f.ogTitle.isEmpty() ? u"og:title"_s : u"og:description"_s));
    c.graded(group, u"<html lang>"_s, f.lang.isEmpty() ? Status::Fail : Status::Pass, 2, 0,
             f.lang.isEmpty() ? u"no lang attribute"_s : u"lang=\"%1\""_s.arg(f.lang));
}

void contentStructure(const HtmlFacts &f, Checks &c)
{
    const QString group = u"Content structure"_s;
    const int h1 = f.h1Count();
    c.graded(group, u"Exactly one H1"_s,
             h1 == 1      ? Status::Pass
                 : h1 > 1 ? Status::Partial
                          : Status::Fail,
             4, 2, u"%1 H1 element(s)"_s.arg(h1));
    c.graded(group, u"No skipped heading levels"_s, f.skipsHeadingLevels() ? Status::Fail : Status::Pass, 3, 0,
             f.skipsHeadingLevels() ? u"a heading level is skipped"_s
                                    : u"%1 heading(s) in order"_s.arg(f.headings.size()));
    c.graded(group, u"Main text of 300+ words"_s,
             f.wordCount >= 300       ? Status::Pass
                 : f.wordCount >= 100 ? Status::Partial
                                      : Status::Fail,
             4, 2, u"%1 words of main text"_s.arg(f.wordCount));
    c.graded(group, u"A list or table"_s, f.lists + f.tables > 0 ? Status::Pass : Status::Fail, 2, 0,
             u"%1 list(s), %2 table(s)"_s.arg(f.lists).arg(f.tables));
    c.graded(group, u"Server-rendered content"_s, f.appShell ? Status::Fail : Status::Pass, 2, 0,
             f.appShell ? u"an empty application shell: the text arrives by JavaScript"_s
                        : u"the text is in the HTML"_s);
}

} // namespace

void ReadinessScorer::score(const Inputs &in, SiteReport &report)
{
    report.checks.clear();
    report.pageFetch = in.page;
    report.robotsStatus = in.robots.status;
    report.llmsPresent = in.llms.ok() && !in.llms.body.trimmed().isEmpty();
    report.llmsFullPresent = in.llmsFull.ok();
    Checks c{report.checks};
    const QString savedPage = u"not inspected: a saved page has no site around it"_s;
    if (in.pageOnly) {
        for (const auto &[agent, points] : scoredCrawlers())
            c.unknown(u"AI crawler access"_s, agent, points, savedPage);
    } else {
        crawlerAccess(in, report, c);
    }

    const QByteArray type = in.page.contentType();
    const bool html = in.page.ok() && (type == "text/html" || type == "application/xhtml+xml" || type.isEmpty());
    report.facts.reset();
    if (html)
        report.facts = HtmlFacts::parse(in.page.body);
    const QString why = !in.page.ok() ? (in.page.status == 0 ? u"the page could not be fetched: %1"_s.arg(in.page.error)
                                                             : u"the page answered %1"_s.arg(in.page.status))
                                      : u"the page is %1, not HTML"_s.arg(QString::fromLatin1(type));
    if (report.facts) {
        structuredData(*report.facts, c);
        metadata(*report.facts, c);
        contentStructure(*report.facts, c);
    } else {
        for (const auto &[group, names] : std::initializer_list<std::pair<QString, QList<std::pair<QString, int>>>>{
                 {u"Structured data"_s,
                  {{u"JSON-LD present"_s, 5},
                   {u"JSON-LD parses"_s, 5},
                   {u"Organization or WebSite"_s, 5},
                   {u"Content type for answers"_s, 5}}},
                 {u"Metadata"_s,
                  {{u"Title of 10-70 characters"_s, 4},
                   {u"Meta description of 50-170 characters"_s, 4},
                   {u"Canonical link"_s, 2},
                   {u"og:title and og:description"_s, 3},
                   {u"<html lang>"_s, 2}}},
                 {u"Content structure"_s,
                  {{u"Exactly one H1"_s, 4},
                   {u"No skipped heading levels"_s, 3},
                   {u"Main text of 300+ words"_s, 4},
                   {u"A list or table"_s, 2},
                   {u"Server-rendered content"_s, 2}}}})
            for (const auto &[name, max] : names)
                c.unknown(group, name, max, why);
    }

    const QString llmsGroup = u"llms.txt"_s;
    if (in.pageOnly) {
        c.unknown(llmsGroup, u"llms.txt"_s, 5, savedPage);
    } else if (report.llmsPresent) {
        const LlmsTxt llms = LlmsTxt::parse(in.llms.body);
        c.graded(llmsGroup, u"llms.txt"_s, llms.wellFormed() ? Status::Pass : Status::Partial, 5, 2, llms.describe());
    } else if (in.llms.status == 0) {
        c.unknown(llmsGroup, u"llms.txt"_s, 5, u"llms.txt could not be fetched: %1"_s.arg(in.llms.error));
    } else {
        c.graded(llmsGroup, u"llms.txt"_s, Status::Fail, 5, 0, u"/llms.txt answered %1"_s.arg(in.llms.status));
    }

    const QString transport = u"Transport"_s;
    if (in.pageOnly) {
        for (const auto &[name, max] : {std::pair{u"HTTPS"_s, 5}, std::pair{u"Strict-Transport-Security"_s, 2},
                                        std::pair{u"Answered 200 in time"_s, 3}})
            c.unknown(transport, name, max, savedPage);
    } else if (!report.reachable()) {
        c.unknown(transport, u"HTTPS"_s, 5, why);
        c.unknown(transport, u"Strict-Transport-Security"_s, 2, why);
        c.unknown(transport, u"Answered 200 in time"_s, 3, why);
    } else {
        const bool https = in.page.finalUrl.scheme() == u"https"_s;
        c.graded(transport, u"HTTPS"_s, https ? Status::Pass : Status::Fail, 5, 0, in.page.finalUrl.toString());
        const bool hsts = in.page.headers.contains("strict-transport-security");
        c.graded(transport, u"Strict-Transport-Security"_s, hsts ? Status::Pass : Status::Fail, 2, 0,
                 hsts ? QString::fromLatin1(in.page.headers.value("strict-transport-security")) : u"no HSTS header"_s);
        c.graded(transport, u"Answered 200 in time"_s, in.page.status == 200 ? Status::Pass : Status::Fail, 3, 0,
                 in.page.truncated
                     ? u"HTTP %1; the page is over %2 MiB and only that much was read"_s.arg(in.page.status)
                           .arg(in.page.body.size() / (1024 * 1024))
                     : u"HTTP %1"_s.arg(in.page.status));
    }

    report.score = 0;
    for (const ReadinessCheck &check : std::as_const(report.checks))
        report.score += check.points;
}

} // namespace geo
