#pragma once

#include "SiteFetcher.h"
#include "SiteReport.h"

#include <QCache>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPromise>

#include <memory>

namespace geo {

// Inspects each site once: however many analyses ask for a domain at the same time, one
// fetch runs and all of them get its report (an in-flight promise per domain, not only a
// cache of finished reports). Reports stay in a QCache by size, for 24 hours, failures
// for 10 minutes. Lives on the thread of its fetcher; callers on other threads get futures.
class SiteInspector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteInspector)
public:
    static constexpr qint64 DefaultCacheBytes = 64 * 1024 * 1024;
    static constexpr qint64 ReportTtlMs = 24 * 3600 * 1000;
    static constexpr qint64 FailureTtlMs = 10 * 60 * 1000;

    SiteInspector(std::unique_ptr<SiteFetcher> fetcher, qint64 cacheBytes = DefaultCacheBytes, QObject *parent = nullptr);
    ~SiteInspector() override;

    // The report of the site at `domain`, inspecting `page` (the cited URL, or the home page).
    QFuture<SiteReport> inspect(const QString &domain, const QUrl &page);

    int inspections() const { return m_inspections; } // sites actually fetched
    int cacheHits() const { return m_cacheHits; }     // asks answered without a fetch of their own

private:
    struct Pending;
    void fetchNext(const std::shared_ptr<Pending> &pending);
    void finish(const std::shared_ptr<Pending> &pending);

    std::unique_ptr<SiteFetcher> m_fetcher;
    QCache<QString, SiteReport> m_cache;
    QHash<QString, std::shared_ptr<Pending>> m_inFlight;
    int m_inspections = 0;
    int m_cacheHits = 0;
};

} // namespace geo
