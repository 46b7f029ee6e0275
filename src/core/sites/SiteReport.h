#pragma once

#include "HtmlFacts.h"
#include "LlmsTxt.h"
#include "RobotsTxt.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace geo {

// One resource as fetched (or as recorded): where it ended up and what came back.
struct FetchResult
{
    QUrl url;                              // as asked
    QUrl finalUrl;                         // after redirects
    int status = 0;                        // HTTP status; 0 when nothing came back
    QString error;                         // why nothing (or not all) came back
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    bool truncated = false; // the body went past the cap and the rest was not read

    bool ok() const { return status >= 200 && status < 300; }
    QByteArray contentType() const { return headers.value("content-type").split(';').front().trimmed().toLower(); }
};

// One readiness check (docs/readiness.md) with its points and the evidence in words.
struct ReadinessCheck
{
    enum class Status { Pass, Partial, Fail, Unknown };

    QString group; // AI crawler access, Structured data, Metadata, Content structure, llms.txt, Transport
    QString name;
    Status status = Status::Unknown;
    int points = 0;
    int maxPoints = 0; // 0: reported without points
    QString evidence;

    static QString statusName(Status s);
};

// Everything inspected about one site, and its score.
struct SiteReport
{
    QString domain; // registrable domain
    QUrl page;      // the cited page, or the home page of a tracked brand's domain
    FetchResult pageFetch;
    int robotsStatus = 0;
    bool llmsPresent = false;
    bool llmsFullPresent = false;
    std::optional<HtmlFacts> facts; // when the page was HTML
    QStringList sitemaps;
    QList<ReadinessCheck> checks;
    int score = 0;
    QDateTime inspectedAt;

    bool reachable() const { return pageFetch.status != 0; }
    // The report as JSON (the CLI's `inspect` output and the store's copy); fromJson reads
    // it back whole, so a stored report can stand in for a new inspection.
    QJsonObject toJson() const;
    static SiteReport fromJson(const QJsonObject &json);
    int cost() const; // bytes held, for the cache
};

} // namespace geo
