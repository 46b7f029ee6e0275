#include "AuditRunner.h"

#include "engines/EngineFactory.h"
#include "store/AuditStore.h"

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
    std::vector<std::unique_ptr<Engine>> engines;
    for (const EngineSpec &e : spec.engines) {
        auto engine = createEngine(e, m_network);
        if (!engine) {
            emit error(engine.error());
            return;
        }
        engines.push_back(std::move(engine).value());
    }
    m_spec = spec;
    m_plan = std::move(plan).value();
    m_engines = std::move(engines);
    for (auto &engine : m_engines)
        connect(engine.get(), &Engine::finished, this, &AuditRunner::onReply);
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
    m_pending.assign(m_engines.size(), {});
    m_inFlight.assign(m_engines.size(), 0);
    for (int i = 0; i < m_plan.items.size(); ++i) {
        m_items.append({created.itemIds[i], m_plan.items[i], 0});
        m_itemIndex.insert(created.itemIds[i], i);
        m_pending[m_plan.items[i].engine].push_back(i);
    }
    emit started(m_auditId);
    emit progress(m_stats.snapshot());
    dispatch();
    finishIfDone(); // an audit with no items ends at once
}

void AuditRunner::dispatch()
{
    if (m_cancelled)
        return;
    for (size_t e = 0; e < m_engines.size(); ++e) {
        Engine &engine = *m_engines[e];
        while (!m_pending[e].empty() && m_inFlight[e] < engine.spec().concurrency) {
            Item &item = m_items[m_pending[e].front()];
            m_pending[e].pop_front();
            ++m_inFlight[e];
            ++item.attempts;
            m_stats.asked();
            engine.ask({item.id, m_plan.prompts[item.work.prompt].text, item.work.sample});
        }
    }
    scheduleProgress();
}

void AuditRunner::onReply(const EngineReply &reply)
{
    const auto found = m_itemIndex.constFind(reply.itemId);
    if (found == m_itemIndex.cend())
        return;
    const Item &item = m_items[*found];
    --m_inFlight[item.work.engine];
    if (reply.answered()) {
        m_stats.answered(reply.latencyMs, reply.tokensIn, reply.tokensOut);
        m_store->submit([reply, attempts = item.attempts](QSqlDatabase &db) { return AuditRepository::saveAnswer(db, reply, attempts); })
            .then(this, [this](const Status &s) {
                if (!s)
                    storeFailed(s.error());
            });
        analyse(reply);
    } else {
        m_stats.failed(true);
        fail(item, u"ask"_s, reply.errorClass, reply.errorMessage);
    }
    dispatch();
    finishIfDone();
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
    for (int n : m_inFlight)
        inFlight += n;
    const RunStats s = m_stats.snapshot();
    const bool complete = s.done() == s.planned;
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
