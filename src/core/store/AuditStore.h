#pragma once

#include "Result.h"

#include <QFuture>
#include <QPromise>
#include <QSqlDatabase>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

namespace geo {

class StoreWorker;

// The audit database, SQLite or PostgreSQL. One writer thread owns the process's only connection; every read and write is a
// job run there, in submission order, and the jobs that queue up while a batch runs are
// performed together in one transaction (each in a savepoint of its own, so one failing
// job does not undo the others). Results come back as futures, so no caller waits on disk.
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

    // Runs job(db) on the writer thread. The job returns a Result or Status; a failed result
    // rolls back that job's writes. When the database could not be opened, or the batch's
    // commit fails, the future carries that error instead.
    template<typename Job>
    auto submit(Job job) -> QFuture<std::invoke_result_t<Job, QSqlDatabase &>>;

    // Resolves once every job submitted before it has been committed.
    QFuture<Status> flush();

    struct Task
    {
        std::function<bool(QSqlDatabase &)> run; // false: roll this job back
        std::function<void(const QString &failure)> deliver;
    };

private:
    void enqueue(Task task);

    QString m_location;
    QThread m_thread;
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

} // namespace geo
