#include "SiteReport.h"

#include <QJsonArray>

namespace geo {

using namespace Qt::StringLiterals;

QJsonObject SiteReport::toJson() const
{
    QJsonArray checkArray;
    for (const ReadinessCheck &c : checks)
        checkArray.append(QJsonObject{{u"group"_s, c.group}, {u"name"_s, c.name},
                                      {u"status"_s, ReadinessCheck::statusName(c.status)}, {u"points"_s, c.points},
                                      {u"max_points"_s, c.maxPoints}, {u"evidence"_s, c.evidence}});
    QJsonObject o{{u"domain"_s, domain},
                  {u"page"_s, page.toString()},
                  {u"final_url"_s, pageFetch.finalUrl.toString()},
                  {u"status"_s, pageFetch.status},
                  {u"score"_s, score},
                  {u"checks"_s, checkArray},
                  {u"robots_status"_s, robotsStatus},
                  {u"llms_txt"_s, llmsPresent},
                  {u"llms_full_txt"_s, llmsFullPresent},
                  {u"sitemaps"_s, QJsonArray::fromStringList(sitemaps)},
                  {u"inspected_at"_s, inspectedAt.toString(Qt::ISODate)}};
    if (!pageFetch.error.isEmpty())
        o.insert(u"error"_s, pageFetch.error);
    if (facts) {
        QStringList types;
        for (const JsonLdBlock &b : facts->jsonLd)
            types += b.types;
        types.removeDuplicates();
        o.insert(u"title"_s, facts->title);
        o.insert(u"og_title"_s, facts->ogTitle);
        o.insert(u"description"_s, facts->description);
        o.insert(u"og_description"_s, facts->ogDescription);
        o.insert(u"lang"_s, facts->lang);
        o.insert(u"site_name"_s, facts->ogSiteName);
        o.insert(u"canonical"_s, facts->canonical);
        o.insert(u"jsonld_types"_s, QJsonArray::fromStringList(types));
        o.insert(u"h1_count"_s, facts->h1Count());
        o.insert(u"word_count"_s, facts->wordCount);
        o.insert(u"app_shell"_s, facts->appShell);
    }
    return o;
}

int SiteReport::cost() const
{
    int bytes = int(sizeof(SiteReport)) + int(pageFetch.body.size());
    for (const ReadinessCheck &c : checks)
        bytes += int(c.evidence.size() + c.name.size()) * 2 + 64;
    return bytes;
}

} // namespace geo
