#include "AuditRunner.h"

#include "engines/EngineFactory.h"
#include "store/AuditStore.h"

#include <QDateTime>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace geo {

using namespace Qt::StringLiterals;

AuditRunner::AuditRunner(AuditStore *store, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_store(store), m_network(network)
{
    m_pool.setObjectName(u"analysis-pool"_s);
}

AuditRunner::~AuditRunner()
{
    m_pool.waitForDone();
}

void AuditRunner::start(const AuditSpec &spec)
{
    if (m_running) {
        emit error(u"an audit is already running; wait for it or cancel it first"_s);
        return;
    }
    Result<Plan> plan = PromptPlanner::plan(spec);
    if (!plan) {
        emit error(plan.error());
        return;
    }
    std::vector<EngineState> engines;
    for (const EngineSpec &e : spec.engines) {
        auto engine = createEngine(e, m_network);
        if (!engine) {
            emit error(engine.error());
            return;
        }
        EngineState state;
        state.engine = std::move(engine).value();
        state.limiter = RateLimiter(e.rpm);
        engines.push_back(std::move(state));
    }
    m_spec = spec;
    m_plan = std::move(plan).value();
    m_engines = std::move(engines);
    ++m_generation;
    for (auto &state : m_engines)
        connect(state.engine.get(), &Engine::finished, this, &AuditRunner::onReply);
    m_analyzer = std::make_shared<const ResponseAnalyzer>(m_spec);
    m_pool.setMaxThreadCount(m_spec.analysis.threads);
    m_running = true;
    m_cancelled = false;
    m_finishing = false;
    m_stats.start(int(m_plan.items.size()));

    m_store->submit([spec = m_spec, plan = m_plan](QSqlDatabase &db) { return AuditRepository::createAudit(db, spec, plan); })
        .then(this, [this](const Result<NewAudit> &created) {
            if (!created) {
                m_running = false;
                emit error(created.error());
                return;
            }
            begin(created.value());
        });
}

void AuditRunner::begin(const NewAudit &created)
{
    m_auditId = created.id;
    m_items.clear();
    m_itemIndex.clear();
    for (int i = 0; i < m_plan.items.size(); ++i) {
        m_items.append({created.itemIds[i], m_plan.items[i], 0});
        m_itemIndex.insert(created.itemIds[i], i);
        m_engines[m_plan.items[i].engine].pending.push_back(i);
    }
    emit started(m_auditId);
    emit progress(m_stats.snapshot());
    dispatch();
    finishIfDone(); // an audit with no items ends at once
}

void AuditRunner::dispatch()
{
    if (m_cancelled || !m_running)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (size_t e = 0; e < m_engines.size(); ++e) {
        EngineState &state = m_engines[e];
        while (!state.stopped && !state.pending.empty() && state.inFlight < state.engine->spec().concurrency) {
            if (const qint64 wait = state.limiter.waitMs(now); wait > 0) {
                if (!state.wakeScheduled) {
                    state.wakeScheduled = true;
                    QTimer::singleShot(int(wait), this, [this, e] {
                        if (e < m_engines.size())
                            m_engines[e].wakeScheduled = false;
                        dispatch();
                    });
                }
                break;
            }
            state.limiter.take(now);
            Item &item = m_items[state.pending.front()];
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
    const Item &item = m_items[index];
    EngineState &state = m_engines[item.work.engine];
    --state.inFlight;
    if (reply.answered()) {
        m_stats.answered(reply.latencyMs, reply.tokensIn, reply.tokensOut);
        m_store->submit([reply, attempts = item.attempts](QSqlDatabase &db) { return AuditRepository::saveAnswer(db, reply, attempts); })
            .then(this, [this](const Status &s) {
                if (!s)
                    storeFailed(s.error());
            });
        analyse(reply);
    } else if (!state.stopped && !m_cancelled && m_retry.shouldRetry(reply, item.attempts)) {
        retryLater(index, reply);
    } else {
        m_stats.failed(true);
        fail(item, u"ask"_s, reply.errorClass, reply.errorMessage);
        if (reply.stopsEngine)
            stopEngine(state, reply.errorMessage);
    }
    dispatch();
    finishIfDone();
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

void AuditRunner::analyse(const EngineReply &reply)
{
    ++m_analysing;
    QtConcurrent::run(&m_pool, [analyzer = m_analyzer, text = reply.text, citations = reply.citations] {
        return analyzer->analyze(text, citations);
    }).then(this, [this, itemId = reply.itemId](const Analysis &analysis) {
        --m_analysing;
        m_stats.analysed();
        m_store->submit([itemId, analysis](QSqlDatabase &db) { return AuditRepository::saveAnalysis(db, itemId, analysis); })
            .then(this, [this](const Status &s) {
                if (!s)
                    storeFailed(s.error());
            });
        scheduleProgress();
        finishIfDone();
    });
}

void AuditRunner::fail(const Item &item, const QString &stage, const QString &errorClass, const QString &message)
{
    const FailureRecord failure{m_auditId, item.id, QDateTime::currentDateTimeUtc(), stage,
                                m_spec.engines[item.work.engine].id, errorClass, message, item.attempts};
    m_store->submit([failure](QSqlDatabase &db) { return AuditRepository::saveFailure(db, failure); })
        .then(this, [this](const Status &s) {
            if (!s)
                storeFailed(s.error());
        });
    emit itemFailed(failure, m_plan.prompts[item.work.prompt].text);
    scheduleProgress();
}

void AuditRunner::storeFailed(const QString &message)
{
    emit error(u"could not save to the database: %1"_s.arg(message));
}

void AuditRunner::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    finishIfDone();
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
    if (!m_running || m_finishing || m_analysing > 0)
        return;
    int inFlight = 0;
    for (const EngineState &state : m_engines)
        inFlight += state.inFlight;
    const RunStats s = m_stats.snapshot();
    const bool complete = s.done() == s.planned;
    // A cancelled audit ends once nothing is in flight; items waiting out a backoff stay pending.
    if (!complete && !(m_cancelled && inFlight == 0))
        return;
    m_finishing = true;
    const QString state = complete ? u"finished"_s : u"cancelled"_s;
    m_store->submit([id = m_auditId, state](QSqlDatabase &db) { return AuditRepository::setState(db, id, state); })
        .then(this, [this, state](const Status &saved) {
            if (!saved)
                storeFailed(saved.error());
            m_running = false;
            m_stats.finish();
            const RunStats final = m_stats.snapshot();
            emit progress(final);
            emit finished(m_auditId, state, final);
        });
}

} // namespace geo
