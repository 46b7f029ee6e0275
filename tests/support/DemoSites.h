#pragma once

#include "sites/SiteFetcher.h"
#include "sites/SiteInspector.h"

#include <QTest>

// The demo's recorded sites, as the site tests read them.
inline const QString DemoSites = QStringLiteral(GEOAUDIT_SOURCE_DIR "/resources/examples/demo-sites");

// The report of the recorded site `host`, inspected at `page` (its home page by default).
inline geo::SiteReport inspectRecorded(const QString &host, const QUrl &page = {})
{
    geo::SiteInspector inspector(std::make_unique<geo::RecordedFetcher>(DemoSites));
    QFuture<geo::SiteReport> f
        = inspector.inspect(host, page.isEmpty() ? QUrl(QStringLiteral("https://%1/").arg(host)) : page);
    if (!QTest::qWaitFor([&f] { return f.isFinished(); }, 10000) || f.resultCount() == 0)
        return {};
    return f.result();
}

// The check `name` of `group` in a report, or nullptr.
inline const geo::ReadinessCheck *findCheck(const geo::SiteReport &r, const QString &group, const QString &name)
{
    for (const geo::ReadinessCheck &c : r.checks)
        if (c.group == group && c.name == name)
            return &c;
    return nullptr;
}
