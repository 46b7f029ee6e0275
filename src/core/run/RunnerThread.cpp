#include "RunnerThread.h"

#include <QNetworkAccessManager>

namespace geo {

using namespace Qt::StringLiterals;

RunnerThread::RunnerThread(AuditStore *store, QObject *parent) : QObject(parent), m_store(store)
{
    m_thread.setObjectName(u"audit-runner"_s);
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    // Made on their thread, so that their timers and sockets belong to it; every later call
    // is queued behind this one.
    call([this](AuditRunner *) {
        m_network = new QNetworkAccessManager(m_context);
        m_runner = new AuditRunner(m_store, m_network, m_context);
        wire();
    });
}

RunnerThread::~RunnerThread()
{
    // The runner waits for its analyses and the store's pending writes as it goes.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            delete m_runner;
            delete m_network;
            m_runner = nullptr;
            m_network = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context;
}

template<typename F>
void RunnerThread::call(F &&f)
{
    QMetaObject::invokeMethod(
        m_context, [this, f = std::forward<F>(f)]() mutable { f(m_runner); }, Qt::QueuedConnection);
}

template<typename F>
void RunnerThread::send(F &&emitHere)
{
    const Snapshot s = snapshot(m_runner->stats());
    QMetaObject::invokeMethod(
        this,
        [this, s, emitHere = std::forward<F>(emitHere)] {
            deliverBatch(); // what was batched came first
            apply(s);
            emitHere();
        },
        Qt::QueuedConnection);
}

void RunnerThread::wire()
{
    AuditRunner *r = m_runner;
    // Direct: these run on the runner's thread as it emits, and hand over to this thread.
    connect(
        r, &AuditRunner::started, r, [this](qint64 id) { send([this, id] { emit started(id); }); },
        Qt::DirectConnection);
    connect(
        r, &AuditRunner::notice, r, [this](const QString &m) { send([this, m] { emit notice(m); }); },
        Qt::DirectConnection);
    connect(
        r, &AuditRunner::pausedChanged, r, [this](bool p) { send([this, p] { emit pausedChanged(p); }); },
        Qt::DirectConnection);
    connect(
        r, &AuditRunner::error, r, [this](const QString &m) { send([this, m] { emit error(m); }); },
        Qt::DirectConnection);
    connect(
        r, &AuditRunner::busy, r, [this](const QString &m) { send([this, m] { emit busy(m); }); },
        Qt::DirectConnection);
    connect(
        r, &AuditRunner::needsConfirmation, r,
        [this](qint64 answers, double cost) { send([this, answers, cost] { emit needsConfirmation(answers, cost); }); },
        Qt::DirectConnection);
    // A chunk of items at a time: a few dozen a second at most.
    connect(
        r, &AuditRunner::preparing, r,
        [this](qint64 written, qint64 total) { send([this, written, total] { emit preparing(written, total); }); },
        Qt::DirectConnection);
    connect(
        r, &AuditRunner::finished, r,
        [this](qint64 id, const QString &state, const RunStats &stats) {
            send([this, id, state, stats] { emit finished(id, state, stats); });
        },
        Qt::DirectConnection);
    // Progress and failures come often: batched, at most one delivery waiting at a time.
    const auto batch = [this](const std::function<void()> &add) {
        QMutexLocker lock(&m_batchMutex);
        add();
        if (std::exchange(m_batchPosted, true))
            return;
        QMetaObject::invokeMethod(this, &RunnerThread::deliverBatch, Qt::QueuedConnection);
    };
    connect(
        r, &AuditRunner::progress, r,
        [this, batch](const RunStats &stats) {
            const Snapshot s = snapshot(stats);
            batch([this, s] { m_latest = s; });
        },
        Qt::DirectConnection);
    connect(
        r, &AuditRunner::itemFailed, r,
        [this, batch](const FailureRecord &f, const QString &prompt) {
            batch([this, f, prompt] { m_failures.append({f, prompt}); });
        },
        Qt::DirectConnection);
}

void RunnerThread::deliverBatch()
{
    std::optional<Snapshot> latest;
    QList<std::pair<FailureRecord, QString>> failures;
    {
        QMutexLocker lock(&m_batchMutex);
        latest.swap(m_latest);
        failures.swap(m_failures);
        m_batchPosted = false;
    }
    for (const auto &[failure, prompt] : failures)
        emit itemFailed(failure, prompt);
    if (latest) {
        apply(*latest);
        emit progress(latest->stats);
    }
}

RunnerThread::Snapshot RunnerThread::snapshot(const RunStats &stats) const
{
    return {m_runner->isRunning(), m_runner->isPaused(), m_runner->auditId(), stats};
}

void RunnerThread::apply(const Snapshot &s)
{
    m_running = s.running;
    m_paused = s.paused;
    m_auditId = s.auditId;
    m_stats = s.stats;
}

void RunnerThread::start(const AuditSpec &spec)
{
    call([spec](AuditRunner *r) { r->start(spec); });
}

void RunnerThread::resume(qint64 auditId, std::optional<double> budgetUsd)
{
    call([auditId, budgetUsd](AuditRunner *r) { r->resume(auditId, budgetUsd); });
}

void RunnerThread::importAnswers(const AuditSpec &spec, const QList<ImportedAnswer> &answers)
{
    call([spec, answers](AuditRunner *r) { r->importAnswers(spec, answers); });
}

void RunnerThread::startCapture(const AuditSpec &spec)
{
    call([spec](AuditRunner *r) { r->startCapture(spec); });
}

void RunnerThread::capture(const ImportedAnswer &answer)
{
    call([answer](AuditRunner *r) { r->capture(answer); });
}

void RunnerThread::skipCapture(const QString &engine, const QString &prompt, int sample)
{
    call([engine, prompt, sample](AuditRunner *r) { r->skipCapture(engine, prompt, sample); });
}

void RunnerThread::cancel()
{
    call([](AuditRunner *r) { r->cancel(); });
}

void RunnerThread::pause()
{
    call([](AuditRunner *r) { r->pause(); });
}

void RunnerThread::unpause()
{
    call([](AuditRunner *r) { r->unpause(); });
}

void RunnerThread::retryFailed(qint64 auditId)
{
    call([auditId](AuditRunner *r) { r->retryFailed(auditId); });
}

void RunnerThread::setAllowPrivateHosts(bool allow)
{
    call([allow](AuditRunner *r) { r->setAllowPrivateHosts(allow); });
}

void RunnerThread::setSiteOptions(const SiteInspector::Options &options)
{
    call([options](AuditRunner *r) { r->setSiteOptions(options); });
}

void RunnerThread::setRetryPolicy(const RetryPolicy &policy)
{
    call([policy](AuditRunner *r) { r->setRetryPolicy(policy); });
}

void RunnerThread::setConfirmLimits(std::optional<RunLimits> limits)
{
    call([limits](AuditRunner *r) { r->setConfirmLimits(limits); });
}

void RunnerThread::setProxy(const QNetworkProxy &proxy)
{
    call([this, proxy](AuditRunner *) { m_network->setProxy(proxy); });
}

} // namespace geo
