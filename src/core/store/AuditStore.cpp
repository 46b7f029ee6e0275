#include "AuditStore.h"

#include "AuditLease.h"
#include "AuditRepository.h"
#include "Connection.h"
#include "DatabaseTarget.h"
#include "ExportQueries.h"
#include "Migrations.h"
#include "Sql.h"

#include <QSqlDatabase>

#include <QDir>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <tuple>
#include <vector>

namespace geo {

using namespace Qt::StringLiterals;

class StoreWorker final : public QObject
{
public:
    explicit StoreWorker(QString location)
        : m_location(std::move(location)), m_connection(QUuid::createUuid().toString())
    { }

    void enqueue(AuditStore::Task task)
    {
        QMutexLocker lock(&m_mutex);
        if (m_closed) {
            lock.unlock();
            task.deliver(u"The audit database %1 is closed."_s.arg(m_location));
            return;
        }
        m_tasks.push_back(std::move(task));
        if (m_scheduled)
            return;
        m_scheduled = true;
        QMetaObject::invokeMethod(this, &StoreWorker::drain, Qt::QueuedConnection);
    }

    void open()
    {
        Result<DatabaseTarget> target = DatabaseTarget::parse(m_location);
        if (!target) {
            m_openError = target.error();
            return;
        }
        m_target = target.value();
        Status s = Connection::open(m_db, m_target, m_connection);
        if (s)
            s = Migrations::apply(m_db, m_target);
        if (!s) {
            m_openError = s.error();
            m_db.close();
        }
    }

    void drain()
    {
        std::vector<AuditStore::Task> tasks;
        {
            QMutexLocker lock(&m_mutex);
            tasks.swap(m_tasks);
            m_scheduled = false;
        }
        if (!m_openError.isEmpty()) {
            for (auto &t : tasks)
                t.deliver(m_openError);
            return;
        }
        QString failure;
        if (!begin()) {
            failure = describe(m_db.lastError());
        } else {
            QSqlQuery q(m_db);
            for (auto &t : tasks) {
                q.exec(u"SAVEPOINT job"_s);
                q.exec(t.run(m_db) ? u"RELEASE job"_s : u"ROLLBACK TO job"_s);
                // The job goes, and what it holds (an answer's text) with it, not at the end
                // of the batch, while the later jobs run (issue #17).
                t.run = nullptr;
            }
            if (!m_db.commit()) {
                failure = describe(m_db.lastError());
                m_db.rollback();
            }
        }
        for (auto &t : tasks)
            t.deliver(failure);
    }

    void close()
    {
        {
            QMutexLocker lock(&m_mutex);
            m_closed = true; // later jobs get an error at once instead of waiting for ever
        }
        drain();
        Sql::forget(m_db);
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }

    Status openStatus() const { return m_openError.isEmpty() ? ok() : Status(Error{m_openError}); }

private:
    QString describe(const QSqlError &e) const { return Connection::explain(m_target, e).message; }

    // Begins a batch's transaction. A PostgreSQL server may have dropped the connection since
    // the last batch (a restart, a network cut): then one new connection is tried.
    bool begin()
    {
        if (m_db.isOpen() && m_db.transaction())
            return true;
        if (m_target.backend != DatabaseTarget::Backend::PostgreSQL)
            return false;
        Sql::forget(m_db); // its statements were prepared in the old session
        return Connection::reopen(m_db, m_target) && m_db.transaction();
    }

    QString m_location;
    QString m_connection;
    DatabaseTarget m_target;
    QSqlDatabase m_db;
    QString m_openError;
    QMutex m_mutex;
    std::vector<AuditStore::Task> m_tasks;
    bool m_scheduled = false;
    bool m_closed = false;
};

AuditStore::AuditStore(const QString &location, QObject *parent)
    : QObject(parent), m_location(location), m_worker(new StoreWorker(location))
{
    m_thread.setObjectName(u"store-writer"_s);
    m_readers.setMaxThreadCount(1);
    m_background.setObjectName(u"store-background"_s);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &StoreWorker::open, Qt::QueuedConnection);
}

AuditStore::~AuditStore()
{
    m_background.waitForDone(); // its jobs wait for the readers and the writer
    m_readers.waitForDone();
    QMetaObject::invokeMethod(m_worker, &StoreWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

QString AuditStore::defaultPath()
{
    // <XDG data>/geoaudit, i.e. ~/.local/share/geoaudit. Not AppDataLocation: with the
    // organization set (QSettings needs one) that would be ~/.local/share/geoaudit/geoaudit.
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/geoaudit"_s;
    return QDir(folder).filePath(u"audits.sqlite"_s);
}

int AuditStore::schemaVersion()
{
    return Migrations::latest();
}

QFuture<Status> AuditStore::opened()
{
    return submit([](QSqlDatabase &) { return ok(); });
}

QFuture<Status> AuditStore::flush()
{
    return opened();
}

void AuditStore::enqueue(Task task)
{
    m_worker->enqueue(std::move(task));
}

namespace R = AuditRepository;

// A new audit, leased to holder if there is one.
static Result<NewAudit> createLeased(QSqlDatabase &db, const AuditSpec &spec, const Plan &plan,
                                     const LeaseHolder &holder)
{
    auto created = R::createAudit(db, spec, plan);
    if (!created || !holder.isValid())
        return created;
    if (const Result<Lease> lease = R::takeLease(db, created->id, holder); !lease)
        return Error{lease.error()};
    return created;
}

// An audit being prepared: written a chunk per job, each job submitted once the one before is
// committed (jobs queued together would share one transaction).
struct AuditStore::Preparation
{
    AuditSpec spec;
    Plan plan;
    LeaseHolder holder; // a new audit is created with its lease, in its first chunk's job
    PrepareProgress progress;
    int chunk = PrepareChunk;
    NewAuditRow audit;   // id 0 until the first job has stored it
    bool loaded = false; // the audit row and its prompts are stored
    qsizetype written = 0;
    NewAudit result;
    QPromise<Result<NewAudit>> promise;
};

void AuditStore::prepareNext(AuditStore *store, std::shared_ptr<Preparation> p)
{
    // What a job wrote counts only once its transaction has committed: kept aside till then.
    struct Chunk
    {
        NewAuditRow audit;
        qsizetype from = 0;
        QList<qint64> ids;
        QString error;
    };
    auto chunk = std::make_shared<Chunk>();
    store->enqueue(
        {[p, chunk](QSqlDatabase &db) {
             chunk->audit = p->audit;
             chunk->from = p->written;
             if (!p->loaded && p->audit.id == 0) {
                 const auto stored = R::insertAudit(db, p->spec, p->plan.prompts, AuditState::Preparing);
                 if (!stored) {
                     chunk->error = stored.error();
                     return false;
                 }
                 chunk->audit = stored.value();
                 if (p->holder.isValid())
                     if (const Result<Lease> lease = R::takeLease(db, chunk->audit.id, p->holder); !lease) {
                         chunk->error = lease.error();
                         return false;
                     }
             } else if (!p->loaded) { // going on with a stored audit: from the items it has
                 const auto stored = R::preparation(db, p->audit.id);
                 if (!stored) {
                     chunk->error = stored.error();
                     return false;
                 }
                 std::tie(chunk->audit, chunk->from) = stored.value();
             }
             if (chunk->audit.promptIds.size() != p->plan.prompts.size()) {
                 chunk->error = u"audit %1 has %2 prompts stored where its spec plans %3; run the spec as a new audit"_s
                                    .arg(chunk->audit.id)
                                    .arg(chunk->audit.promptIds.size())
                                    .arg(p->plan.prompts.size());
                 return false;
             }
             const qsizetype total = p->plan.items.size();
             const qsizetype count = std::clamp<qsizetype>(total - chunk->from, 0, p->chunk);
             auto ids = R::insertItems(db, chunk->audit, p->spec, p->plan.items, chunk->from, count);
             if (!ids) {
                 chunk->error = ids.error();
                 return false;
             }
             chunk->ids = std::move(ids).value();
             // The last chunk and the audit's becoming whole commit together.
             const Status s = chunk->from + count == total ? R::setState(db, chunk->audit.id, AuditState::Running)
                                                           : R::heartbeat(db, chunk->audit.id, AuditState::Preparing);
             chunk->error = s ? QString() : s.error();
             return bool(s);
         },
         [store, p, chunk](const QString &failure) {
             if (!failure.isEmpty() || !chunk->error.isEmpty()) {
                 p->promise.addResult(Error{failure.isEmpty() ? chunk->error : failure});
                 p->promise.finish();
                 return;
             }
             p->audit = chunk->audit;
             p->loaded = true;
             p->written = chunk->from + chunk->ids.size();
             p->result.id = p->audit.id;
             p->result.itemIds += chunk->ids;
             const qsizetype total = p->plan.items.size();
             const bool goOn = !p->progress || p->progress(p->written, total);
             if (p->written < total && goOn) {
                 prepareNext(store, p);
                 return;
             }
             p->result.stopped = p->written < total;
             p->promise.addResult(p->result);
             p->promise.finish();
         }});
}

QFuture<Result<NewAudit>> AuditStore::createAudit(const AuditSpec &spec, const Plan &plan, const LeaseHolder &holder,
                                                  PrepareProgress progress, int chunk)
{
    auto p = std::make_shared<Preparation>();
    p->spec = spec;
    p->plan = plan;
    p->holder = holder;
    p->progress = std::move(progress);
    p->chunk = std::max(chunk, 1);
    p->promise.start();
    QFuture<Result<NewAudit>> future = p->promise.future();
    prepareNext(this, p);
    return future;
}

QFuture<Result<NewAudit>> AuditStore::finishPreparing(qint64 auditId, const AuditSpec &spec, const Plan &plan,
                                                      PrepareProgress progress, int chunk)
{
    auto p = std::make_shared<Preparation>();
    p->spec = spec;
    p->plan = plan;
    p->progress = std::move(progress);
    p->chunk = std::max(chunk, 1);
    p->audit.id = auditId;
    p->promise.start();
    QFuture<Result<NewAudit>> future = p->promise.future();
    prepareNext(this, p);
    return future;
}

QFuture<Result<NewAudit>> AuditStore::createImportedAudit(const AuditSpec &spec, const Plan &plan,
                                                          const QList<EngineReply> &answers, const LeaseHolder &holder)
{
    return submit([spec, plan, answers, holder](QSqlDatabase &db) -> Result<NewAudit> {
        auto created = createLeased(db, spec, plan, holder);
        if (!created)
            return created;
        for (qsizetype i = 0; i < answers.size(); ++i) {
            EngineReply reply = answers[i];
            reply.itemId = created->itemIds[i];
            if (Status s = R::saveAnswer(db, reply, 0); !s)
                return Error{s.error()};
        }
        return created;
    });
}

QFuture<Result<QList<AuditSummary>>> AuditStore::audits()
{
    return submit([](QSqlDatabase &db) { return R::listAudits(db); });
}

QFuture<Result<AuditSummary>> AuditStore::audit(qint64 auditId)
{
    return submit([auditId](QSqlDatabase &db) { return R::auditSummary(db, auditId); });
}

QFuture<Result<StoredAudit>> AuditStore::loadAudit(qint64 auditId)
{
    return submit([auditId](QSqlDatabase &db) { return R::loadAudit(db, auditId); });
}

QFuture<Result<qint64>> AuditStore::latestUnfinished()
{
    return submit([](QSqlDatabase &db) { return R::latestUnfinished(db); });
}

QFuture<Result<qint64>> AuditStore::previousInSeries(qint64 auditId)
{
    return submit([auditId](QSqlDatabase &db) { return R::previousInSeries(db, auditId); });
}

QFuture<Status> AuditStore::setState(qint64 auditId, AuditState state)
{
    return submit([auditId, state](QSqlDatabase &db) { return R::setState(db, auditId, state); });
}

QFuture<Status> AuditStore::heartbeat(qint64 auditId)
{
    return submit([auditId](QSqlDatabase &db) { return R::heartbeat(db, auditId); });
}

QFuture<Result<Lease>> AuditStore::takeLease(qint64 auditId, const LeaseHolder &holder)
{
    return submit([auditId, holder](QSqlDatabase &db) { return R::takeLease(db, auditId, holder); });
}

QFuture<Result<Lease>> AuditStore::renewLease(qint64 auditId, const LeaseHolder &holder)
{
    return submit([auditId, holder](QSqlDatabase &db) { return R::renewLease(db, auditId, holder); });
}

QFuture<Result<bool>> AuditStore::releaseLease(qint64 auditId, const LeaseHolder &holder,
                                               std::optional<AuditState> state)
{
    return submit([auditId, holder, state](QSqlDatabase &db) { return R::releaseLease(db, auditId, holder, state); });
}

QFuture<Result<int>> AuditStore::resetFailed(qint64 auditId)
{
    return submit([auditId](QSqlDatabase &db) { return R::resetFailed(db, auditId); });
}

QFuture<Status> AuditStore::deleteAudit(qint64 auditId)
{
    return submit([auditId](QSqlDatabase &db) { return R::deleteAudit(db, auditId); });
}

QFuture<Status> AuditStore::saveAnswer(const EngineReply &reply, int attempts, double costUsd)
{
    return submit([reply, attempts, costUsd](QSqlDatabase &db) { return R::saveAnswer(db, reply, attempts, costUsd); });
}

QFuture<Status> AuditStore::saveAttempts(qint64 itemId, int attempts)
{
    return submit([itemId, attempts](QSqlDatabase &db) { return R::saveAttempts(db, itemId, attempts); });
}

QFuture<Status> AuditStore::saveAnalysis(qint64 itemId, const Analysis &analysis)
{
    return submit([itemId, analysis](QSqlDatabase &db) { return R::saveAnalysis(db, itemId, analysis); });
}

QFuture<Status> AuditStore::saveFailure(const FailureRecord &failure)
{
    return submit([failure](QSqlDatabase &db) { return R::saveFailure(db, failure); });
}

QFuture<Status> AuditStore::saveSiteReport(qint64 auditId, const SiteReport &report, int owner)
{
    return submit([auditId, report, owner](QSqlDatabase &db) { return R::saveSiteReport(db, auditId, report, owner); });
}

QFuture<Result<QList<SiteReport>>> AuditStore::recentSiteReports(const QDateTime &since)
{
    return submit([since](QSqlDatabase &db) { return R::recentSiteReports(db, since); });
}

QFuture<Result<QList<StoredFailure>>> AuditStore::failuresOf(qint64 auditId)
{
    return submit([auditId](QSqlDatabase &db) { return R::failures(db, auditId); });
}

QFuture<Result<QList<AnswerRow>>> AuditStore::answersOf(qint64 auditId)
{
    return submit([auditId](QSqlDatabase &db) { return R::answers(db, auditId); });
}

QFuture<Result<QList<StoredSiteReport>>> AuditStore::siteReportsOf(qint64 auditId)
{
    return submit([auditId](QSqlDatabase &db) { return R::siteReports(db, auditId); });
}

QFuture<Result<QList<InspectedSite>>> AuditStore::inspectedSitesOf(qint64 auditId)
{
    return submit([auditId](QSqlDatabase &db) { return R::inspectedSites(db, auditId); });
}

QFuture<Result<QList<FailureGroup>>> AuditStore::failureGroupsOf(qint64 auditId)
{
    return submit([auditId](QSqlDatabase &db) { return R::failureGroups(db, auditId); });
}

QFuture<Result<QJsonObject>> AuditStore::storedSpec(qint64 auditId)
{
    return submit([auditId](QSqlDatabase &db) { return R::storedSpec(db, auditId); });
}

QFuture<Result<QList<PlannedPrompt>>> AuditStore::promptsOf(qint64 auditId)
{
    return submit([auditId](QSqlDatabase &db) { return R::prompts(db, auditId); });
}

QFuture<Result<ScoringInput>> AuditStore::scoringInput(qint64 auditId)
{
    return submit([auditId](QSqlDatabase &db) { return R::scoringInput(db, auditId); });
}

// Rescoring refuses a running audit: its live run would keep saving analyses made with the
// old brands. Checked on reading and again in the job that replaces the analyses.
static Status notRunning(QSqlDatabase &db, qint64 auditId)
{
    if (const Result<AuditSummary> summary = R::auditSummary(db, auditId);
        summary && (summary->state == AuditState::Running || summary->state == AuditState::Preparing))
        return Error{u"audit %1 is running; rescore it once it has finished"_s.arg(auditId)};
    return ok();
}

QFuture<Result<StoredAudit>> AuditStore::answeredItems(qint64 auditId)
{
    return submit([auditId](QSqlDatabase &db) -> Result<StoredAudit> {
        Result<StoredAudit> stored = R::loadAudit(db, auditId);
        if (!stored)
            return stored;
        if (Status idle = notRunning(db, auditId); !idle)
            return Error{idle.error()};
        QList<StoredAudit::Item> answered;
        for (const StoredAudit::Item &item : stored->items)
            if (item.status == ItemState::Answered || item.status == ItemState::Analysed)
                answered.append(item);
        stored->items = answered;
        return stored;
    });
}

QFuture<Status> AuditStore::replaceAnalyses(qint64 auditId, const Reanalysis &reanalysis)
{
    return submit([auditId, reanalysis](QSqlDatabase &db) -> Status {
        if (Status idle = notRunning(db, auditId); !idle)
            return idle;
        return R::replaceAnalyses(db, auditId, reanalysis);
    });
}

QFuture<Status> AuditStore::exportRows(qint64 auditId, std::shared_ptr<RowSink> sink)
{
    return QtConcurrent::run(&m_readers, [location = m_location, auditId, sink = std::move(sink)] {
        return ExportQueries::run(location, auditId, *sink);
    });
}

} // namespace geo
