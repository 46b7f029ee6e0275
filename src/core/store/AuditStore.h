#pragma once

#include "AuditRecords.h"
#include "model/Result.h"

#include <QFuture>
#include <QPromise>
#include <QString>
#include <QThread>
#include <QThreadPool>
#include <QVariantList>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QSqlDatabase;

namespace geo {

class StoreWorker;

// The audit database, SQLite or PostgreSQL. One writer thread owns the process's only connection; every read and write
// is a job run there, in submission order, and the jobs that queue up while a batch runs are performed together in one
// transaction (each in a savepoint of its own, so one failing job does not undo the others). Results come back as
// futures, so no caller waits on disk.
class AuditStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditStore)
public:
    // Opens and migrates the database at location, on the writer thread: a SQLite file
    // (created if needed) or a postgresql:// URL (DatabaseTarget). opened() tells how that
    // went, and jobs submitted meanwhile wait for it.
    explicit AuditStore(const QString &location, QObject *parent = nullptr);
    ~AuditStore() override;

    static QString defaultPath(); // in the user's data folder
    static int schemaVersion();   // the newest migration this build ships

    const QString &location() const { return m_location; }
    QFuture<Status> opened();
    // Resolves once every job submitted before it has been committed.
    QFuture<Status> flush();

    // Audits and their runs.

    // Told, on the writer thread, once each chunk of an audit's items is committed: how many
    // are written of how many. Returning false stops preparing after that chunk.
    using PrepareProgress = std::function<bool(qint64 written, qint64 total)>;
    static constexpr int PrepareChunk = 10000; // items per transaction
    // Stores a new audit and its plan's items, a chunk per transaction, so that a plan of
    // millions neither holds the writer in one transaction (other jobs run between chunks)
    // nor needs memory beyond a chunk to write. The audit is stored as preparing until its
    // last chunk, which stores it as running: a preparation cut short is never taken for a
    // whole audit, and finishPreparing() completes it. With a holder, the audit is created with
    // its lease (takeLease) in the first chunk's transaction.
    QFuture<Result<NewAudit>> createAudit(const AuditSpec &spec, const Plan &plan, const LeaseHolder &holder = {},
                                          PrepareProgress progress = {}, int chunk = PrepareChunk);
    // Writes the items of plan that a preparing audit does not have yet, as createAudit does;
    // itemIds holds only those.
    QFuture<Result<NewAudit>> finishPreparing(qint64 auditId, const AuditSpec &spec, const Plan &plan,
                                              PrepareProgress progress = {}, int chunk = PrepareChunk);
    // A new audit of answers collected by hand: the audit and its answers in one transaction.
    QFuture<Result<NewAudit>> createImportedAudit(const AuditSpec &spec, const Plan &plan,
                                                  const QList<EngineReply> &answers, const LeaseHolder &holder = {});
    QFuture<Result<QList<AuditSummary>>> audits();
    QFuture<Result<AuditSummary>> audit(qint64 auditId);
    QFuture<Result<StoredAudit>> loadAudit(qint64 auditId);
    QFuture<Result<qint64>> latestUnfinished();
    QFuture<Result<qint64>> previousInSeries(qint64 auditId);
    QFuture<Status> setState(qint64 auditId, AuditState state);
    QFuture<Status> heartbeat(qint64 auditId);
    // The lease of the process running an audit (store/AuditLease.h): taken before a run
    // asks anything, renewed as its heartbeat, released when it stops. A lease another
    // process holds comes back not held, naming that process (Lease::refusal).
    QFuture<Result<Lease>> takeLease(qint64 auditId, const LeaseHolder &holder);
    QFuture<Result<Lease>> renewLease(qint64 auditId, const LeaseHolder &holder);
    // Releases holder's lease and then, if given, sets the audit's state; false when another
    // process holds it, which is left as it is.
    QFuture<Result<bool>> releaseLease(qint64 auditId, const LeaseHolder &holder,
                                       std::optional<AuditState> state = std::nullopt);
    QFuture<Result<int>> resetFailed(qint64 auditId);
    QFuture<Status> deleteAudit(qint64 auditId);

    // What a run stores as it goes.
    QFuture<Status> saveAnswer(const EngineReply &reply, int attempts, double costUsd);
    QFuture<Status> saveAttempts(qint64 itemId, int attempts);
    QFuture<Status> saveAnalysis(qint64 itemId, const Analysis &analysis);
    QFuture<Status> saveFailure(const FailureRecord &failure);
    QFuture<Status> saveSiteReport(qint64 auditId, const SiteReport &report, int owner);
    QFuture<Result<QList<SiteReport>>> recentSiteReports(const QDateTime &since);

    // What the views and reports read.
    QFuture<Result<QList<StoredFailure>>> failuresOf(qint64 auditId);
    QFuture<Result<QList<AnswerRow>>> answersOf(qint64 auditId);
    QFuture<Result<QList<StoredSiteReport>>> siteReportsOf(qint64 auditId);
    QFuture<Result<QList<InspectedSite>>> inspectedSitesOf(qint64 auditId);
    QFuture<Result<QList<FailureGroup>>> failureGroupsOf(qint64 auditId);
    QFuture<Result<QJsonObject>> storedSpec(qint64 auditId);
    QFuture<Result<QList<PlannedPrompt>>> promptsOf(qint64 auditId);
    // Everything the scoring stage needs of an audit, read in one transaction.
    QFuture<Result<ScoringInput>> scoringInput(qint64 auditId);

    // Rescoring: an audit's stored answers to analyse again, then their new analyses, which
    // replace the old ones whole (and make spec the audit's brands and weights), or not at all.
    QFuture<Result<StoredAudit>> answeredItems(qint64 auditId);
    QFuture<Status> replaceAnalyses(qint64 auditId, const Reanalysis &reanalysis);

    // Streams an audit's export tables (docs/csv-format.md) to sink, header row first, on a
    // connection and thread of their own, in one read transaction: the writer thread goes on
    // storing a run meanwhile, and the tables agree with each other.
    QFuture<Status> exportRows(qint64 auditId, std::shared_ptr<RowSink> sink);

    // Runs work() on a thread of the store's own, for the later stages' jobs that read the
    // store and wait for its answers (scoring, rescoring, reports, exports). The store waits for
    // them before it closes, so such a job never meets a store that is gone.
    template<typename Work>
    auto background(Work work) -> QFuture<std::invoke_result_t<Work>>;

    struct Task
    {
        std::function<bool(QSqlDatabase &)> run; // false: roll this job back
        std::function<void(const QString &failure)> deliver;
    };

private:
    friend struct StoreTestAccess; // tests check what was stored with SQL of their own

    // Runs job(db) on the writer thread. The job returns a Result or Status; a failed result
    // rolls back that job's writes. When the database could not be opened, or the batch's
    // commit fails, the future carries that error instead.
    template<typename Job>
    auto submit(Job job) -> QFuture<std::invoke_result_t<Job, QSqlDatabase &>>;

    void enqueue(Task task);
    struct Preparation;
    static void prepareNext(AuditStore *store, std::shared_ptr<Preparation> p);

    QString m_location;
    QThread m_thread;
    QThreadPool m_readers; // exportRows, on connections of their own
    QThreadPool m_background;
    StoreWorker *m_worker = nullptr;
};

template<typename Job>
auto AuditStore::submit(Job job) -> QFuture<std::invoke_result_t<Job, QSqlDatabase &>>
{
    using R = std::invoke_result_t<Job, QSqlDatabase &>;
    auto promise = std::make_shared<QPromise<R>>();
    auto result = std::make_shared<std::optional<R>>();
    QFuture<R> future = promise->future();
    promise->start();
    enqueue({[result, job = std::move(job)](QSqlDatabase &db) mutable {
                 result->emplace(job(db));
                 return result->value().ok();
             },
             [result, promise](const QString &failure) {
                 promise->addResult(failure.isEmpty() && result->has_value() ? std::move(result->value())
                                                                             : R(Error{failure}));
                 promise->finish();
             }});
    return future;
}

template<typename Work>
auto AuditStore::background(Work work) -> QFuture<std::invoke_result_t<Work>>
{
    return QtConcurrent::run(&m_background, std::move(work));
}

} // namespace geo
