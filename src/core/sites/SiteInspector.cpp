#include "SiteInspector.h"

#include "ReadinessScorer.h"

namespace geo {

using namespace Qt::StringLiterals;

struct SiteInspector::Pending
{
    QString domain;
    QPromise<SiteReport> promise;
    ReadinessScorer::Inputs inputs;
    int step = 0; // page, robots.txt, llms.txt, llms-full.txt
};

SiteInspector::SiteInspector(std::unique_ptr<SiteFetcher> fetcher, qint64 cacheBytes, QObject *parent)
    : QObject(parent), m_fetcher(std::move(fetcher)), m_cache(qsizetype(cacheBytes))
{
}

SiteInspector::~SiteInspector()
{
    for (const auto &pending : std::as_const(m_inFlight))
        pending->promise.finish(); // nobody waits forever on a report that will not come
}

QFuture<SiteReport> SiteInspector::inspect(const QString &domain, const QUrl &page)
{
    if (const SiteReport *cached = m_cache.object(domain)) {
        const qint64 age = cached->inspectedAt.msecsTo(QDateTime::currentDateTimeUtc());
        if (age < (cached->reachable() ? ReportTtlMs : FailureTtlMs)) {
            ++m_cacheHits;
            return QtFuture::makeReadyFuture(*cached);
        }
        m_cache.remove(domain);
    }
    if (const auto it = m_inFlight.constFind(domain); it != m_inFlight.cend()) {
        ++m_cacheHits; // joins the fetch already under way
        return (*it)->promise.future();
    }
    auto pending = std::make_shared<Pending>();
    pending->domain = domain;
    pending->inputs.page.url = page;
    pending->promise.start();
    m_inFlight.insert(domain, pending);
    ++m_inspections;
    fetchNext(pending);
    return pending->promise.future();
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
    case 0: next = in.page.url; target = &in.page; break;
    case 1: next = at(u"/robots.txt"_s); target = &in.robots; break;
    case 2: next = at(u"/llms.txt"_s); target = &in.llms; break;
    case 3:
        if (in.llms.ok()) {
            next = at(u"/llms-full.txt"_s);
            target = &in.llmsFull;
        }
        break;
    default: break;
    }
    if (!target)
        return finish(pending);
    m_fetcher->fetch(next, [this, pending, target](const FetchResult &result) {
        *target = result;
        fetchNext(pending);
    });
}

void SiteInspector::finish(const std::shared_ptr<Pending> &pending)
{
    SiteReport report;
    report.domain = pending->domain;
    report.page = pending->inputs.page.url;
    report.inspectedAt = QDateTime::currentDateTimeUtc();
    ReadinessScorer::score(pending->inputs, report);
    report.pageFetch.body.clear(); // the facts are kept; the page itself is not
    m_inFlight.remove(pending->domain);
    m_cache.insert(pending->domain, new SiteReport(report), report.cost());
    pending->promise.addResult(report);
    pending->promise.finish();
}

} // namespace geo
