#pragma once

#include "ReadinessScorer.h"
#include "SiteFetcher.h"
#include "SiteReport.h"
#include "model/Result.h"

#include <QCache>
#include <QFuture>
#include <QFutureWatcher>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPromise>
#include <QSet>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace geo {

// How many site reports are kept, and for how long.
struct SiteCacheOptions
{
    qint64 cacheBytes = 64 * 1024 * 1024;
    qint64 ttlMs = 24 * 3600 * 1000;      // a report of a site that answered
    qint64 failureTtlMs = 10 * 60 * 1000; // a report of a site that did not
};

// Inspects each site once: however many analyses ask for a domain at the same time, one
// fetch runs and all of them get its report (an in-flight promise per domain, not only a
// cache of finished reports). Reports stay in a QCache by size, for their time to live;
// reports of earlier audits can be handed in and are used while they are fresh.
// The fetching runs on the inspector's thread; inspect() may be called from any thread and
// never blocks on the network: callers get futures. Reading what was fetched (the page with
// gumbo, robots.txt, llms.txt) and scoring it runs on the inspector's own thread pool, since
// the inspector's thread owns the QNetworkAccessManager and may be the GUI's.
class SiteInspector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteInspector)
public:
    using Options = SiteCacheOptions;
    // Turns what was fetched into the report's checks and score; runs on the thread pool.
    using Scoring = std::function<void(const ReadinessScorer::Inputs &, SiteReport &)>;

    explicit SiteInspector(std::unique_ptr<SiteFetcher> fetcher, Options options = {}, QObject *parent = nullptr);
    ~SiteInspector() override;

    // The report of the site at `domain`, inspecting `page` (the cited URL, or the home page).
    QFuture<SiteReport> inspect(const QString &domain, const QUrl &page);

    // Reports of earlier audits, to be used instead of a fetch while within their time to
    // live. Asks made before they arrive wait for them rather than fetch what may be known.
    void reuse(QFuture<Result<QList<SiteReport>>> earlier);

    // In place of ReadinessScorer::score, e.g. to watch where it runs; before the first inspect().
    void setScoring(Scoring scoring) { m_scoring = std::move(scoring); }

    bool fresh(const SiteReport &report) const;
    int inspections() const; // sites actually fetched
    int cacheHits() const;   // asks answered without a fetch of their own
    int reused() const;      // sites answered from an earlier audit's report

private:
    struct Pending;
    void remember(const QList<SiteReport> &earlier);
    void fetchNext(const std::shared_ptr<Pending> &pending);
    void finish(const std::shared_ptr<Pending> &pending);
    void deliver(const std::shared_ptr<Pending> &pending, const SiteReport &report);
    // A fresh cached report of `domain`, counted as a hit; nullptr otherwise. Under m_mutex.
    const SiteReport *cachedLocked(const QString &domain);

    std::unique_ptr<SiteFetcher> m_fetcher;
    Options m_options;
    Scoring m_scoring = &ReadinessScorer::score;
    // Its own pool, not the global one: callers may block global threads waiting for reports
    // (a future's waitForFinished), which must not starve the parsing those reports wait for.
    QThreadPool m_parsing;
    mutable QMutex m_mutex; // guards everything below
    QCache<QString, SiteReport> m_cache;
    QHash<QString, std::shared_ptr<Pending>> m_inFlight;
    QList<std::shared_ptr<Pending>> m_parked; // asked while earlier reports were on their way
    QSet<QString> m_earlier;                  // domains whose cached report came from an earlier audit
    bool m_awaitingEarlier = false;
    QFutureWatcher<Result<QList<SiteReport>>> m_earlierWatcher;
    int m_inspections = 0;
    int m_cacheHits = 0;
    int m_reused = 0;
};

} // namespace geo
