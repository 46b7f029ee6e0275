#include "AuditStore.h"

#include "Connection.h"
#include "DatabaseTarget.h"
#include "Migrations.h"
#include "Sql.h"

#include <QDir>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <vector>

namespace geo {

using namespace Qt::StringLiterals;

class StoreWorker final : public QObject
{
public:
    explicit StoreWorker(QString location) : m_location(std::move(location)), m_connection(QUuid::createUuid().toString()) {}

    void enqueue(AuditStore::Task task)
    {
        QMutexLocker lock(&m_mutex);
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
};

AuditStore::AuditStore(const QString &location, QObject *parent)
    : QObject(parent), m_location(location), m_worker(new StoreWorker(location))
{
    m_thread.setObjectName(u"store-writer"_s);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &StoreWorker::open, Qt::QueuedConnection);
}

AuditStore::~AuditStore()
{
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

} // namespace geo
