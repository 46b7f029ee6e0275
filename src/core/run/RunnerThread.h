#pragma once

#include "AuditRunner.h"

#include <QMutex>
#include <QNetworkProxy>
#include <QObject>
#include <QThread>

#include <optional>

class QNetworkAccessManager;

namespace geo {

class AuditStore;

// Runs audits on a thread of their own: an AuditRunner, its engines and the network access
// they use live there, so no reply, retry, rate-limit timer or analysis result is handled on
// the caller's (the GUI's) thread. It offers AuditRunner's calls and signals. Calls cross as
// queued invocations, in order; signals come back queued, carrying the runner's state as it
// was when they were sent, which isRunning(), isPaused(), auditId() and stats() then read.
// Failures cross in batches, and progress as its latest figures only: at most one of each
// is waiting for the caller at any time, however fast answers arrive.
class RunnerThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunnerThread)
public:
    explicit RunnerThread(AuditStore *store, QObject *parent = nullptr);
    ~RunnerThread() override;

    void start(const AuditSpec &spec);
    void resume(qint64 auditId, std::optional<double> budgetUsd = std::nullopt);
    void importAnswers(const AuditSpec &spec, const QList<ImportedAnswer> &answers);
    void startCapture(const AuditSpec &spec);
    void capture(const ImportedAnswer &answer);
    void skipCapture(const QString &engine, const QString &prompt, int sample);
    void cancel();
    void pause();
    void unpause();
    void retryFailed(qint64 auditId);

    void setAllowPrivateHosts(bool allow);
    void setSiteOptions(const SiteInspector::Options &options);
    void setRetryPolicy(const RetryPolicy &policy);
    void setProxy(const QNetworkProxy &proxy); // for engines and sites
    void setConfirmLimits(std::optional<RunLimits> limits);

    bool isRunning() const { return m_running; }
    bool isPaused() const { return m_paused; }
    qint64 auditId() const { return m_auditId; }
    RunStats stats() const { return m_stats; }

signals:
    void started(qint64 auditId);
    void progress(const geo::RunStats &stats);
    void itemFailed(const geo::FailureRecord &failure, const QString &prompt);
    void notice(const QString &message);
    void pausedChanged(bool paused);
    void finished(qint64 auditId, const QString &state, const geo::RunStats &stats);
    void error(const QString &message);
    void busy(const QString &message); // another process runs the audit (AuditRunner::busy)
    void needsConfirmation(qint64 answers, double costUsd);
    void preparing(qint64 written, qint64 total);

private:
    // The runner's state as a signal left it, read on the runner's thread.
    struct Snapshot
    {
        bool running = false;
        bool paused = false;
        qint64 auditId = 0;
        RunStats stats;
    };

    // Calls f(runner) on the runner's thread, after every call made before it.
    template<typename F>
    void call(F &&f);
    void wire(); // on the runner's thread, once the runner exists
    // On the runner's thread: sends emitHere to this thread with the runner's state.
    template<typename F>
    void send(F &&emitHere);
    Snapshot snapshot(const RunStats &stats) const; // on the runner's thread
    void apply(const Snapshot &s);
    void deliverBatch();

    AuditStore *m_store;
    QThread m_thread;
    QObject *m_context = nullptr;    // lives on m_thread: runner and network are its children
    AuditRunner *m_runner = nullptr; // used on m_thread only
    QNetworkAccessManager *m_network = nullptr;

    // The batch waiting for this thread: filled on the runner's thread, emptied here.
    QMutex m_batchMutex;
    std::optional<Snapshot> m_latest; // progress: only the newest figures count
    QList<std::pair<FailureRecord, QString>> m_failures;
    bool m_batchPosted = false;

    bool m_running = false;
    bool m_paused = false;
    qint64 m_auditId = 0;
    RunStats m_stats;
};

} // namespace geo
