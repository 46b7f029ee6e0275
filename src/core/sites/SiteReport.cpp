#include "SiteReport.h"

#include <QJsonArray>

namespace geo {

using namespace Qt::StringLiterals;

QJsonObject SiteReport::toJson() const
{
    QJsonArray checkArray;
    for (const ReadinessCheck &c : checks)
        checkArray.append(QJsonObject{{u"group"_s, c.group},
                                      {u"name"_s, c.name},
                                      {u"status"_s, ReadinessCheck::statusName(c.status)},
                                      {u"points"_s, c.points},
                                      {u"max_points"_s, c.maxPoints},
                                      {u"evidence"_s, c.evidence}});
    QJsonObject o{{u"domain"_s, domain},
                  {u"page"_s, page.toString()},
                  {u"final_url"_s, pageFetch.finalUrl.toString()},
                  {u"status"_s, pageFetch.status},
                  {u"truncated"_s, pageFetch.truncated},
                  {u"score"_s, score},
                  {u"checks"_s, checkArray},
                  {u"robots_status"_s, robotsStatus},
                  {u"llms_txt"_s, llmsPresent},
                  {u"llms_full_txt"_s, llmsFullPresent},
                  {u"sitemaps"_s, QJsonArray::fromStringList(sitemaps)},
                  {u"inspected_at"_s, inspectedAt.toString(Qt::ISODateWithMs)}};
    if (!pageFetch.error.isEmpty())
        o.insert(u"error"_s, pageFetch.error);
    if (facts) {
        QStringList types;
        QJsonArray blocks;
        for (const JsonLdBlock &b : facts->jsonLd) {
            types += b.types;
            blocks.append(QJsonObject{
                {u"valid"_s, b.valid}, {u"types"_s, QJsonArray::fromStringList(b.types)}, {u"error"_s, b.error}});
        }
        types.removeDuplicates();
        QJsonArray outline;
        for (const auto &[level, text] : facts->headings)
            outline.append(QJsonObject{{u"level"_s, level}, {u"text"_s, text}});
        o.insert(u"title"_s, facts->title);
        o.insert(u"og_title"_s, facts->ogTitle);
        o.insert(u"description"_s, facts->description);
        o.insert(u"og_description"_s, facts->ogDescription);
        o.insert(u"lang"_s, facts->lang);
        o.insert(u"site_name"_s, facts->ogSiteName);
        o.insert(u"canonical"_s, facts->canonical);
        if (!facts->ogType.isEmpty())
            o.insert(u"og_type"_s, facts->ogType);
        o.insert(u"jsonld_types"_s, QJsonArray::fromStringList(types));
        o.insert(u"jsonld"_s, blocks);
        o.insert(u"headings"_s, outline);
        o.insert(u"h1_count"_s, facts->h1Count());
        o.insert(u"word_count"_s, facts->wordCount);
        o.insert(u"lists"_s, facts->lists);
        o.insert(u"tables"_s, facts->tables);
        o.insert(u"app_shell"_s, facts->appShell);
    }
    return o;
}

SiteReport SiteReport::fromJson(const QJsonObject &o)
{
    SiteReport r;
    r.domain = o.value(u"domain"_s).toString();
    r.page = QUrl(o.value(u"page"_s).toString());
    r.pageFetch.url = r.page;
    r.pageFetch.finalUrl = QUrl(o.value(u"final_url"_s).toString());
    r.pageFetch.status = o.value(u"status"_s).toInt();
    r.pageFetch.truncated = o.value(u"truncated"_s).toBool();
    r.pageFetch.error = o.value(u"error"_s).toString();
    r.score = o.value(u"score"_s).toInt();
    static const QHash<QString, ReadinessCheck::Status> statuses{{u"pass"_s, ReadinessCheck::Status::Pass},
                                                                 {u"partial"_s, ReadinessCheck::Status::Partial},
                                                                 {u"fail"_s, ReadinessCheck::Status::Fail}};
    const QJsonArray checkArray = o.value(u"checks"_s).toArray();
    for (const QJsonValue &v : checkArray) {
        const QJsonObject c = v.toObject();
        r.checks.append({c.value(u"group"_s).toString(), c.value(u"name"_s).toString(),
                         statuses.value(c.value(u"status"_s).toString(), ReadinessCheck::Status::Unknown),
                         c.value(u"points"_s).toInt(), c.value(u"max_points"_s).toInt(),
                         c.value(u"evidence"_s).toString()});
    }
    r.robotsStatus = o.value(u"robots_status"_s).toInt();
    r.llmsPresent = o.value(u"llms_txt"_s).toBool();
    r.llmsFullPresent = o.value(u"llms_full_txt"_s).toBool();
    for (const QJsonValue &v : o.value(u"sitemaps"_s).toArray())
        r.sitemaps.append(v.toString());
    r.inspectedAt = QDateTime::fromString(o.value(u"inspected_at"_s).toString(), Qt::ISODateWithMs);
    if (o.contains(u"title"_s)) {
        HtmlFacts f;
        f.title = o.value(u"title"_s).toString();
        f.ogTitle = o.value(u"og_title"_s).toString();
        f.description = o.value(u"description"_s).toString();
        f.ogDescription = o.value(u"og_description"_s).toString();
        f.lang = o.value(u"lang"_s).toString();
        f.ogSiteName = o.value(u"site_name"_s).toString();
        f.canonical = o.value(u"canonical"_s).toString();
        f.ogType = o.value(u"og_type"_s).toString();
        for (const QJsonValue &v : o.value(u"jsonld"_s).toArray()) {
            const QJsonObject b = v.toObject();
            JsonLdBlock block{b.value(u"valid"_s).toBool(), {}, b.value(u"error"_s).toString()};
            for (const QJsonValue &t : b.value(u"types"_s).toArray())
                block.types.append(t.toString());
            f.jsonLd.append(block);
        }
        for (const QJsonValue &v : o.value(u"headings"_s).toArray())
            f.headings.append({v[u"level"_s].toInt(), v[u"text"_s].toString()});
        f.wordCount = o.value(u"word_count"_s).toInt();
        f.lists = o.value(u"lists"_s).toInt();
        f.tables = o.value(u"tables"_s).toInt();
        f.appShell = o.value(u"app_shell"_s).toBool();
        r.facts = f;
    }
    return r;
}

int SiteReport::cost() const
{
    int bytes = int(sizeof(SiteReport)) + int(pageFetch.body.size());
    for (const ReadinessCheck &c : checks)
        bytes += int(c.evidence.size() + c.name.size()) * 2 + 64;
    return bytes;
}

} // namespace geo
