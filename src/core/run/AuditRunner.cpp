#include "AuditRunner.h"

#include "Pricing.h"
#include "WhenReady.h"
#include "engines/EngineFactory.h"
#include "engines/KeyStore.h"
#include "spec/SpecReader.h"
#include "store/AuditStore.h"

#include <QDateTime>
#include <QtConcurrent/QtConcurrentRun>

namespace geo {

using namespace Qt::StringLiterals;

namespace {
constexpr int MaxHttp1Connections = 6;
}

AuditRunner::AuditRunner(AuditStore *store, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_store(store), m_network(network)
{
    m_pool.setObjectName(u"analysis-pool"_s);
    m_heartbeat.setInterval(AuditSummary::HeartbeatIntervalMs);
    connect(&m_heartbeat, &QTimer::timeout, this,
            [this] { write([id = m_auditId](QSqlDatabase &db) { return AuditRepository::heartbeat(db, id); }); });
}

AuditRunner::~AuditRunner()
{
    // Continuations of analyses and store jobs name this runner as their context; Qt 6.4
    // asserts when that context is gone as they resolve, so they resolve while it lives.
    m_pool.waitForDone();
    m_store->flush().waitForFinished();
}

template<typename Job>
void AuditRunner::write(Job job)
{
    whenReady(m_store->submit(std::move(job)), this, [this](const Status &s) {
        if (!s)
            emit error(u"could not save to the database: %1"_s.arg(s.error()));
    });
}

void AuditRunner::withKeys(const AuditSpec &spec, std::function<void(const Keys &)> then)
{
    QStringList names;
    for (const EngineSpec &e : spec.engines)
        if (!e.apiKeyEnv.isEmpty() && e.kind != u"recorded"_s && e.kind != u"imported"_s && !names.contains(e.apiKeyEnv))
            names << e.apiKeyEnv;
    if (names.isEmpty()) {
        then({});
        return;
    }
    struct Pending
    {
        Keys keys;
        QStringList problems;
        qsizetype left;
    };
    auto pending = std::make_shared<Pending>(Pending{{}, {}, names.size()});
    for (const QString &name : names) {
        KeyStore::lookup(name, this, [this, name, pending, then, spec](const Result<QByteArray> &key) {
            if (key)
                pending->keys.insert(name, key.value());
            else
                for (const EngineSpec &e : spec.engines)
                    if (e.apiKeyEnv == name)
                        pending->problems << u"engine '%1': %2"_s.arg(e.id, key.error());
            if (--pending->left > 0)
                return;
            if (!pending->problems.isEmpty())
                emit error(pending->problems.join(u'\n'));
            else
                then(pending->keys);
        });
    }
}

bool AuditRunner::prepare(const AuditSpec &spec, Plan plan, const Keys &keys)
{
    if (m_running) {
        emit error(u"an audit is already running; wait for it or cancel it first"_s);
        return false;
    }
    std::vector<EngineState> engines;
    for (const EngineSpec &e : spec.engines) {
        auto engine = createEngine(e, m_network, keys.value(e.apiKeyEnv));
        if (!engine) {
            emit error(engine.error());
            return false;
        }
        // Qt keeps at most six HTTP/1.1 connections to a host; HTTPS servers speak HTTP/2,
        // which carries every request on one connection.
        if (e.baseUrl.scheme() == u"http"_s && e.concurrency > MaxHttp1Connections)
            emit notice(u"engine '%1': %2 is plain HTTP, where at most %3 requests to one host are in flight; "
                        "concurrency %4 acts as %3"_s.arg(e.id, e.baseUrl.host()).arg(MaxHttp1Connections).arg(e.concurrency));
        EngineState state;
        state.engine = std::move(engine).value();
        state.price = Pricing::priceFor(e);
        state.limiter = RateLimiter(e.rpm);
        // A second's worth of burst; a request larger than that waits for a full bucket.
        state.tokenLimiter = RateLimiter(e.tpm, e.tpm / 60.0);
        engines.push_back(std::move(state));
    }
    ++m_generation;
    m_spec = spec;
    m_plan = std::move(plan);
    m_engines = std::move(engines);
    for (auto &state : m_engines)
        connect(state.engine.get(), &Engine::finished, this, &AuditRunner::onReply);
    m_analyzer = std::make_shared<const ResponseAnalyzer>(m_spec);
    m_inspector.reset();
    m_sites.clear();
    m_sitesPending = 0;
    if (m_spec.analysis.inspectSites) {
        std::unique_ptr<SiteFetcher> fetcher;
        if (!m_spec.analysis.recordedSites.isEmpty())
            fetcher = std::make_unique<RecordedFetcher>(m_spec.analysis.recordedSites);
        else
            fetcher = std::make_unique<NetworkFetcher>(m_network, NetworkFetcher::Options{5000, 2 * 1024 * 1024, 6, 16, m_allowPrivateHosts});
        m_inspector = std::make_unique<SiteInspector>(std::move(fetcher), m_siteOptions);
        // Sites inspected by earlier audits within their time to live are not fetched again.
        const QDateTime since = QDateTime::currentDateTimeUtc().addMSecs(-std::max(m_siteOptions.ttlMs, m_siteOptions.failureTtlMs));
        m_inspector->reuse(m_store->submit([since](QSqlDatabase &db) { return AuditRepository::recentSiteReports(db, since); }));
    }
    m_pool.setMaxThreadCount(m_spec.analysis.threads);
    m_running = true;
    m_paused = false;
    m_auditId = 0; // until launch(): none of this run's is stored yet
    m_stopping.clear();
    m_finishing = false;
    m_analysing = 0;
    m_spentUsd = 0.0;
    m_reservedUsd = 0.0;
    m_stats.start(int(m_plan.items.size()));
    return true;
}

void AuditRunner::start(const AuditSpec &spec)
{
    if (m_running) {
        emit error(u"an audit is already running; wait for it or cancel it first"_s);
        return;
    }
    withKeys(spec, [this, spec](const Keys &keys) { startWithKeys(spec, keys); });
}

void AuditRunner::startWithKeys(const AuditSpec &spec, const Keys &keys)
{
    Result<Plan> plan = PromptPlanner::plan(spec);
    if (!plan) {
        emit error(plan.error());
        return;
    }
    if (!prepare(spec, std::move(plan).value(), keys))
        return;
    whenReady(m_store->submit([spec = m_spec, plan = m_plan](QSqlDatabase &db) { return AuditRepository::createAudit(db, spec, plan); }), this, [this](const Result<NewAudit> &created) {
        if (!created) {
            m_running = false;
            emit error(created.error());
            return;
        }
        QList<StoredAudit::Item> items;
        for (int i = 0; i < m_plan.items.size(); ++i) {
            const WorkItem &w = m_plan.items[i];
            items.append({created->itemIds[i], w.prompt, m_spec.engines[w.engine].id, w.sample, u"pending"_s, 0, {}, {}});
        }
        launch(created->id, items, 0.0);
    });
}

void AuditRunner::importAnswers(const AuditSpec &spec, const QList<ImportedAnswer> &answers)
{
    if (answers.isEmpty()) {
        emit error(u"there are no answers to import"_s);
        return;
    }
    AuditSpec imported = spec;
    imported.templates = false;
    imported.prompts.clear();
    imported.engines.clear();
    imported.samples = 1;
    imported.sampleData = false;
    for (const ImportedAnswer &a : answers) {
        if (!imported.prompts.contains(a.prompt, Qt::CaseInsensitive))
            imported.prompts << a.prompt;
        if (std::none_of(imported.engines.cbegin(), imported.engines.cend(), [&a](const EngineSpec &e) { return e.id == a.engine; })) {
            EngineSpec e;
            e.id = a.engine;
            e.kind = u"imported"_s;
            e.model = a.model;
            imported.engines << e;
        }
        imported.samples = std::max(imported.samples, a.sample);
    }
    Result<Plan> planned = PromptPlanner::plan(imported);
    if (!planned) {
        emit error(planned.error());
        return;
    }
    Plan plan = std::move(planned).value();
    plan.items.clear();
    for (const ImportedAnswer &a : answers) {
        WorkItem w{0, 0, a.sample};
        for (int p = 0; p < plan.prompts.size(); ++p)
            if (plan.prompts[p].text.compare(a.prompt, Qt::CaseInsensitive) == 0)
                w.prompt = p;
        for (int e = 0; e < imported.engines.size(); ++e)
            if (imported.engines[e].id == a.engine)
                w.engine = e;
        plan.items.append(w);
    }
    if (!prepare(imported, std::move(plan)))
        return;
    whenReady(m_store->submit([spec = m_spec, plan = m_plan, answers](QSqlDatabase &db) -> Result<NewAudit> {
               auto created = AuditRepository::createAudit(db, spec, plan);
               for (int i = 0; created && i < answers.size(); ++i) {
                   EngineReply reply;
                   reply.itemId = created->itemIds[i];
                   reply.text = answers[i].answer;
                   reply.model = answers[i].model;
                   reply.citations = answers[i].citations;
                   if (Status s = AuditRepository::saveAnswer(db, reply, 0); !s)
                       return Error{s.error()};
               }
               return created;
           }), this, [this, answers](const Result<NewAudit> &created) {
            if (!created) {
                m_running = false;
                emit error(created.error());
                return;
            }
            QList<StoredAudit::Item> items;
            for (int i = 0; i < answers.size(); ++i)
                items.append({created->itemIds[i], m_plan.items[i].prompt, answers[i].engine, answers[i].sample, u"answered"_s, 0,
                              answers[i].answer, answers[i].citations});
            launch(created->id, items, 0.0);
        });
}

void AuditRunner::resume(qint64 auditId, std::optional<double> budgetUsd)
{
    whenReady(m_store->submit([auditId](QSqlDatabase &db) { return AuditRepository::loadAudit(db, auditId); }), this, [this, budgetUsd](const Result<StoredAudit> &stored) {
        if (!stored) {
            emit error(stored.error());
            return;
        }
        if (stored->state == u"finished"_s) {
            emit error(u"audit %1 has finished; there is nothing to resume"_s.arg(stored->id));
            return;
        }
        SpecReader::Outcome read = SpecReader::parse(stored->specJson, {});
        if (!read.spec) {
            emit error(u"audit %1 cannot be resumed: its spec no longer holds (%2)"_s.arg(stored->id).arg(read.problems.join(u"; "_s)));
            return;
        }
        Plan plan{stored->prompts, {}};
        for (const auto &item : stored->items) {
            int engine = -1;
            for (int e = 0; e < read.spec->engines.size(); ++e)
                if (read.spec->engines[e].id == item.engine)
                    engine = e;
            if (engine < 0) {
                emit error(u"audit %1 cannot be resumed: its spec has no engine '%2'"_s.arg(stored->id).arg(item.engine));
                return;
            }
            plan.items.append({item.prompt, engine, item.sample});
        }
        if (budgetUsd)
            read.spec->budgetUsd = *budgetUsd;
        withKeys(*read.spec, [this, spec = *read.spec, plan, stored = stored.value()](const Keys &keys) {
            if (prepare(spec, plan, keys))
                launch(stored.id, stored.items, stored.spentUsd);
        });
    });
}

void AuditRunner::launch(qint64 auditId, const QList<StoredAudit::Item> &items, double spentUsd)
{
    m_spentUsd = spentUsd;
    m_auditId = auditId;
    m_items.clear();
    m_itemIndex.clear();
    int answered = 0, analysed = 0, failed = 0;
    for (int i = 0; i < items.size(); ++i) {
        const StoredAudit::Item &stored = items[i];
        m_items.append({stored.id, m_plan.items[i], stored.attempts, 0.0});
        m_itemIndex.insert(stored.id, i);
        if (stored.status == u"pending"_s)
            m_engines[m_plan.items[i].engine].pending.push_back(i);
        else if (stored.status == u"failed"_s)
            ++failed;
        else
            ++answered;
        if (stored.status == u"analysed"_s)
            ++analysed;
    }
    m_stats.restore(answered, analysed, failed, spentUsd);
    if (m_paused) { // paused while the audit was being stored or loaded
        write([id = m_auditId](QSqlDatabase &db) { return AuditRepository::setState(db, id, u"paused"_s); });
    } else {
        write([id = m_auditId](QSqlDatabase &db) { return AuditRepository::heartbeat(db, id); });
        m_heartbeat.start();
    }
    emit started(m_auditId);
    emit progress(m_stats.snapshot());
    const QList<BrandSpec> brands = m_spec.trackedBrands();
    for (int b = 0; b < brands.size(); ++b)
        for (const QString &domain : brands[b].domains)
            inspectSite(registrableDomain(domain), QUrl(u"https://%1/"_s.arg(domain)), b);
    // Answers stored before a restart but never analysed are analysed now, not asked again.
    for (const StoredAudit::Item &stored : items)
        if (stored.status == u"answered"_s)
            analyse(stored.id, stored.answer, stored.citations);
    dispatch();
    finishIfDone(); // an audit with nothing left ends at once
}

std::pair<int, int> AuditRunner::expectedTokens(const EngineState &state, const Item &item) const
{
    // The next answer will run to about what this engine's answers ran to so far.
    const qint64 out = state.answers > 0 ? state.tokensOut / state.answers : Pricing::EstimatedOutputTokens;
    return {Pricing::estimateInputTokens(m_plan.prompts[item.work.prompt].text), int(out)};
}

bool AuditRunner::withinBudget(EngineState &state, Item &item)
{
    if (m_spec.budgetUsd <= 0 || !state.price)
        return true;
    const auto [tokensIn, tokensOut] = expectedTokens(state, item);
    const double next = Pricing::cost(*state.price, tokensIn, tokensOut);
    if (m_spentUsd + m_reservedUsd + next > m_spec.budgetUsd) {
        m_stopping = u"budget-stopped"_s;
        emit notice(u"stopped asking: the next answer would take the cost past the budget of $%1 ($%2 spent, $%3 in flight); "
                    "raise budget_usd and resume to ask the rest"_s.arg(m_spec.budgetUsd, 0, 'f', 2)
                        .arg(m_spentUsd, 0, 'f', 4)
                        .arg(m_reservedUsd, 0, 'f', 4));
        return false;
    }
    item.reservedUsd = next;
    m_reservedUsd += next;
    return true;
}

void AuditRunner::dispatch()
{
    if (!m_stopping.isEmpty() || !m_running || m_paused)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (size_t e = 0; e < m_engines.size(); ++e) {
        EngineState &state = m_engines[e];
        while (!state.stopped && !state.pending.empty() && state.inFlight < state.engine->spec().concurrency) {
            Item &next = m_items[state.pending.front()];
            const auto [tokensIn, tokensOut] = expectedTokens(state, next);
            const int tokens = tokensIn + tokensOut;
            if (const qint64 wait = std::max(state.limiter.waitMs(now), state.tokenLimiter.waitMs(now, tokens)); wait > 0) {
                if (!state.wakeScheduled) {
                    state.wakeScheduled = true;
                    QTimer::singleShot(int(wait), this, [this, e, generation = m_generation] {
                        if (generation != m_generation)
                            return;
                        m_engines[e].wakeScheduled = false;
                        dispatch();
                    });
                }
                break;
            }
            Item &item = next;
            if (!withinBudget(state, item))
                return;
            state.limiter.take(now);
            state.tokenLimiter.take(now, tokens);
            item.reservedTokens = tokens;
            state.pending.pop_front();
            ++state.inFlight;
            ++item.attempts;
            m_stats.asked();
            state.engine->ask({item.id, m_plan.prompts[item.work.prompt].text, item.work.sample});
        }
    }
    scheduleProgress();
}

void AuditRunner::onReply(const EngineReply &reply)
{
    const auto found = m_itemIndex.constFind(reply.itemId);
    if (found == m_itemIndex.cend())
        return;
    const int index = *found;
    Item &item = m_items[index];
    EngineState &state = m_engines[item.work.engine];
    --state.inFlight;
    m_reservedUsd -= std::exchange(item.reservedUsd, 0.0);
    // Charge the tokens the answer really used instead of the estimate.
    const int reservedTokens = std::exchange(item.reservedTokens, 0);
    if (reply.answered())
        state.tokenLimiter.take(QDateTime::currentMSecsSinceEpoch(), reply.tokensIn + reply.tokensOut - reservedTokens);
    if (reply.answered()) {
        const double cost = state.price ? Pricing::cost(*state.price, reply.tokensIn, reply.tokensOut) : 0.0;
        m_spentUsd += cost;
        state.tokensOut += reply.tokensOut;
        ++state.answers;
        m_stats.answered(reply.latencyMs, reply.tokensIn, reply.tokensOut, cost);
        write([reply, attempts = item.attempts, cost](QSqlDatabase &db) { return AuditRepository::saveAnswer(db, reply, attempts, cost); });
        analyse(reply.itemId, reply.text, reply.citations);
    } else if (!state.stopped && m_stopping.isEmpty() && m_retry.shouldRetry(reply, item.attempts)) {
        retryLater(index, reply);
    } else if (!m_stopping.isEmpty() && reply.outcome == EngineReply::Outcome::TransientFailure) {
        m_stats.unasked(); // stopped while failing: it stays pending for a resume
        write([id = item.id, attempts = item.attempts](QSqlDatabase &db) { return AuditRepository::saveAttempts(db, id, attempts); });
    } else {
        m_stats.failed(true);
        fail(item, u"ask"_s, reply.errorClass, reply.errorMessage);
        if (reply.stopsEngine)
            stopEngine(state, reply.errorMessage);
    }
    dispatch();
    finishIfDone();
}

void AuditRunner::analyse(qint64 itemId, const QString &text, const QList<Citation> &citations)
{
    ++m_analysing;
    whenReady(QtConcurrent::run(&m_pool, [analyzer = m_analyzer, text, citations] { return analyzer->analyze(text, citations); }), this, [this, itemId, generation = m_generation](const Analysis &analysis) {
        if (generation != m_generation)
            return;
        --m_analysing;
        m_stats.analysed();
        write([itemId, analysis](QSqlDatabase &db) { return AuditRepository::saveAnalysis(db, itemId, analysis); });
        for (const CitationRef &c : analysis.citations)
            inspectSite(c.domain, QUrl(c.url), c.owner);
        scheduleProgress();
        finishIfDone();
    });
}

void AuditRunner::retryLater(int index, const EngineReply &reply)
{
    m_stats.retrying();
    const int delay = m_retry.delayMs(m_items[index].attempts, reply.retryAfterMs, m_random);
    QTimer::singleShot(delay, this, [this, index, generation = m_generation] {
        if (generation != m_generation || !m_running)
            return; // that audit is over; a resume asks what is left
        m_stats.retried();
        EngineState &state = m_engines[m_items[index].work.engine];
        if (state.stopped) {
            m_stats.failed(false);
            fail(m_items[index], u"ask"_s, u"engine-stopped"_s,
                 u"engine '%1' stopped before this answer could be asked again"_s.arg(state.engine->spec().id));
        } else {
            state.pending.push_front(index); // it has waited already: ask it next
        }
        dispatch();
        finishIfDone();
    });
}

void AuditRunner::inspectSite(const QString &domain, const QUrl &page, int owner)
{
    if (!m_inspector || domain.isEmpty())
        return;
    // Every citation asks the inspector (which fetches each site once and counts the rest as
    // cache hits); the first ask of a domain in this audit stores its report.
    QFuture<SiteReport> report = m_inspector->inspect(domain, page);
    m_stats.siteCache(m_inspector->cacheHits(), m_inspector->reused());
    if (m_sites.contains(domain))
        return;
    m_sites.insert(domain);
    ++m_sitesPending;
    m_stats.siteAsked();
    whenReady(report, this, [this, owner, generation = m_generation](const SiteReport &r) {
        if (generation != m_generation)
            return;
        --m_sitesPending;
        m_stats.siteInspected(r.reachable());
        m_stats.siteCache(m_inspector->cacheHits(), m_inspector->reused());
        write([id = m_auditId, r, owner](QSqlDatabase &db) { return AuditRepository::saveSiteReport(db, id, r, owner); });
        scheduleProgress();
        finishIfDone();
    });
}

void AuditRunner::stopEngine(EngineState &state, const QString &reason)
{
    state.stopped = true;
    while (!state.pending.empty()) {
        const Item &item = m_items[state.pending.front()];
        state.pending.pop_front();
        m_stats.failed(false);
        fail(item, u"ask"_s, u"engine-stopped"_s, u"not asked: %1"_s.arg(reason));
    }
}

void AuditRunner::fail(const Item &item, const QString &stage, const QString &errorClass, const QString &message)
{
    const FailureRecord failure{m_auditId, item.id, QDateTime::currentDateTimeUtc(), stage,
                                m_spec.engines[item.work.engine].id, errorClass, message, item.attempts};
    write([failure](QSqlDatabase &db) { return AuditRepository::saveFailure(db, failure); });
    emit itemFailed(failure, m_plan.prompts[item.work.prompt].text);
    scheduleProgress();
}

void AuditRunner::cancel()
{
    if (!m_running || !m_stopping.isEmpty())
        return;
    m_stopping = u"cancelled"_s;
    if (std::exchange(m_paused, false))
        emit pausedChanged(false);
    finishIfDone();
}

void AuditRunner::pause()
{
    if (!m_running || m_paused || !m_stopping.isEmpty() || m_finishing)
        return;
    m_paused = true;
    // The heartbeat would store the audit as running again.
    m_heartbeat.stop();
    if (m_auditId != 0) // else launch() stores it as paused
        write([id = m_auditId](QSqlDatabase &db) { return AuditRepository::setState(db, id, u"paused"_s); });
    emit pausedChanged(true);
    emit notice(u"paused: nothing new is asked; the answers in flight are still stored"_s);
}

void AuditRunner::unpause()
{
    if (!m_running || !m_paused)
        return;
    m_paused = false;
    if (m_auditId != 0) {
        write([id = m_auditId](QSqlDatabase &db) { return AuditRepository::heartbeat(db, id); });
        m_heartbeat.start();
    }
    emit pausedChanged(false);
    dispatch();
    finishIfDone();
}

void AuditRunner::retryFailed(qint64 auditId)
{
    if (m_running) {
        emit error(u"an audit is already running; wait for it or cancel it first"_s);
        return;
    }
    whenReady(m_store->submit([auditId](QSqlDatabase &db) { return AuditRepository::resetFailed(db, auditId); }), this, [this, auditId](const Result<int> &reset) {
        if (!reset)
            emit error(u"could not save to the database: %1"_s.arg(reset.error()));
        else if (reset.value() == 0)
            emit error(u"audit %1 has no failed answers to ask again"_s.arg(auditId));
        else
            resume(auditId);
    });
}

void AuditRunner::scheduleProgress()
{
    if (m_progressScheduled)
        return;
    m_progressScheduled = true;
    QTimer::singleShot(100, this, [this] {
        m_progressScheduled = false;
        if (m_running)
            emit progress(m_stats.snapshot());
    });
}

void AuditRunner::finishIfDone()
{
    if (!m_running || m_finishing || m_analysing > 0 || m_sitesPending > 0)
        return;
    int inFlight = 0;
    for (const EngineState &state : m_engines)
        inFlight += state.inFlight;
    // Runs after every answer and analysis: counts only, no percentiles over all latencies.
    const RunStats &s = m_stats.counts();
    const bool complete = s.done() == s.planned;
    // A stopped audit ends once nothing is in flight; what was not asked stays pending.
    if (!complete && (m_stopping.isEmpty() || inFlight > 0))
        return;
    m_finishing = true;
    m_heartbeat.stop();
    ++m_generation; // backoff and rate-limit timers of this run no longer act
    const QString state = complete ? u"finished"_s : m_stopping;
    whenReady(m_store->submit([id = m_auditId, state](QSqlDatabase &db) { return AuditRepository::setState(db, id, state); }), this, [this, state](const Status &saved) {
        if (!saved)
            emit error(u"could not save to the database: %1"_s.arg(saved.error()));
        m_running = false;
        m_stats.finish();
        const RunStats final = m_stats.snapshot();
        emit progress(final);
        emit finished(m_auditId, state, final);
    });
}

} // namespace geo
