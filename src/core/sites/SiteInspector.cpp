#include "SiteInspector.h"

#include "model/WhenReady.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace geo {

using namespace Qt::StringLiterals;

struct SiteInspector::Pending
{
    QString domain;
    QPromise<SiteReport> promise;
    ReadinessScorer::Inputs inputs;
    int step = 0; // page, robots.txt, llms.txt, llms-full.txt
};

SiteInspector::SiteInspector(std::unique_ptr<SiteFetcher> fetcher, Options options, QObject *parent)
    : QObject(parent), m_fetcher(std::move(fetcher)), m_options(options), m_cache(qsizetype(options.cacheBytes))
{ }

SiteInspector::~SiteInspector()
{
    for (const auto &pending : std::as_const(m_inFlight))
        pending->promise.finish(); // nobody waits forever on a report that will not come
    // Parses not yet started are dropped; m_parsing's destructor waits for those under way
    // (HtmlFacts bounds one at about half a second). They touch nothing of the inspector, and
    // their results, posted to watchers that go with it, are never delivered.
    m_parsing.clear();
}

bool SiteInspector::fresh(const SiteReport &report) const
{
    const qint64 age = report.inspectedAt.msecsTo(QDateTime::currentDateTimeUtc());
    return age >= 0 && age < (report.reachable() ? m_options.ttlMs : m_options.failureTtlMs);
}

const SiteReport *SiteInspector::cachedLocked(const QString &domain)
{
    const SiteReport *cached = m_cache.object(domain);
    if (!cached)
        return nullptr;
    if (!fresh(*cached)) {
        m_cache.remove(domain);
        return nullptr;
    }
    ++m_cacheHits;
    if (m_earlier.remove(domain))
        ++m_reused;
    return cached;
}

QFuture<SiteReport> SiteInspector::inspect(const QString &domain, const QUrl &page)
{
    QMutexLocker lock(&m_mutex);
    if (const SiteReport *cached = cachedLocked(domain))
        return QtFuture::makeReadyFuture(*cached);
    if (const auto it = m_inFlight.constFind(domain); it != m_inFlight.cend()) {
        ++m_cacheHits; // joins the fetch already under way
        return (*it)->promise.future();
    }
    auto pending = std::make_shared<Pending>();
    pending->domain = domain;
    pending->inputs.page.url = page;
    pending->promise.start();
    QFuture<SiteReport> future = pending->promise.future();
    m_inFlight.insert(domain, pending);
    if (m_awaitingEarlier) {
        m_parked.append(pending);
        return future;
    }
    ++m_inspections;
    lock.unlock();
    if (QThread::currentThread() == thread())
        fetchNext(pending);
    else
        QMetaObject::invokeMethod(
            this, [this, pending] { fetchNext(pending); }, Qt::QueuedConnection);
    return future;
}

void SiteInspector::reuse(QFuture<Result<QList<SiteReport>>> earlier)
{
    {
        QMutexLocker lock(&m_mutex);
        m_awaitingEarlier = true;
    }
    // A watcher rather than .then(this, ...): the inspector may be dropped before the store
    // answers, and a watcher lets go of the future with it.
    m_earlierWatcher.disconnect(this);
    connect(&m_earlierWatcher, &QFutureWatcherBase::finished, this, [this] {
        // Without the earlier reports (the store failed), every site is fetched.
        const auto stored = m_earlierWatcher.isCanceled() ? Result<QList<SiteReport>>(QList<SiteReport>())
                                                          : m_earlierWatcher.result();
        remember(stored ? stored.value() : QList<SiteReport>());
    });
    m_earlierWatcher.setFuture(earlier);
}

void SiteInspector::remember(const QList<SiteReport> &earlier)
{
    QList<std::pair<std::shared_ptr<Pending>, SiteReport>> answered;
    QList<std::shared_ptr<Pending>> toFetch;
    {
        QMutexLocker lock(&m_mutex);
        for (const SiteReport &report : earlier)
            if (fresh(report) && !m_cache.contains(report.domain)) {
                m_cache.insert(report.domain, new SiteReport(report), report.cost());
                m_earlier.insert(report.domain);
            }
        m_awaitingEarlier = false;
        for (const auto &pending : std::as_const(m_parked)) {
            if (const SiteReport *cached = cachedLocked(pending->domain)) {
                answered.append({pending, *cached});
                m_inFlight.remove(pending->domain);
            } else {
                ++m_inspections;
                toFetch.append(pending);
            }
        }
        m_parked.clear();
    }
    for (auto &[pending, report] : answered) {
        pending->promise.addResult(report);
        pending->promise.finish();
    }
    for (const auto &pending : std::as_const(toFetch))
        fetchNext(pending);
}

int SiteInspector::inspections() const
{
    QMutexLocker lock(&m_mutex);
    return m_inspections;
}

int SiteInspector::cacheHits() const
{
    QMutexLocker lock(&m_mutex);
    return m_cacheHits;
}

int SiteInspector::reused() const
{
    QMutexLocker lock(&m_mutex);
    return m_reused;
}

void SiteInspector::fetchNext(const std::shared_ptr<Pending> &pending)
{
    ReadinessScorer::Inputs &in = pending->inputs;
    // robots.txt and llms.txt belong to the origin the page ended up on.
    const QUrl origin = (in.page.finalUrl.isValid() && in.page.status != 0 ? in.page.finalUrl : in.page.url)
                            .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    const auto at = [&origin](const QString &path) { return origin.resolved(QUrl(path)); };
    QUrl next;
    FetchResult *target = nullptr;
    switch (pending->step++) {
    case 0:
        next = in.page.url;
        target = &in.page;
        break;
    case 1:
        next = at(u"/robots.txt"_s);
        target = &in.robots;
        break;
    case 2:
        next = at(u"/llms.txt"_s);
        target = &in.llms;
        break;
    case 3:
        if (in.llms.ok()) {
            next = at(u"/llms-full.txt"_s);
            target = &in.llmsFull;
        }
        break;
    default:
        break;
    }
    if (!target)
        return finish(pending);
    m_fetcher->fetch(next, [this, pending, target](const FetchResult &result) {
        *target = result;
        fetchNext(pending);
    });
}

// Everything is fetched: the report is made on the pool, and delivered back on this thread.
void SiteInspector::finish(const std::shared_ptr<Pending> &pending)
{
    auto score = [scoring = m_scoring, domain = pending->domain, inputs = std::move(pending->inputs)] {
        SiteReport report;
        report.domain = domain;
        report.page = inputs.page.url;
        report.inspectedAt = QDateTime::currentDateTimeUtc();
        scoring(inputs, report);
        report.pageFetch.body.clear(); // the facts are kept; the page itself is not
        return report;
    };
    whenReady(QtConcurrent::run(&m_parsing, std::move(score)), this,
              [this, pending](const SiteReport &report) { deliver(pending, report); });
}

void SiteInspector::deliver(const std::shared_ptr<Pending> &pending, const SiteReport &report)
{
    {
        QMutexLocker lock(&m_mutex);
        m_inFlight.remove(pending->domain);
        m_cache.insert(pending->domain, new SiteReport(report), report.cost());
    }
    pending->promise.addResult(report);
    pending->promise.finish();
}

} // namespace geo
