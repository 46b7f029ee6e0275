#include "AuditStore.h"

#include "Sql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <vector>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

QStringList migrationFiles()
{
    QStringList files = QDir(u":/sql"_s).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (QString &f : files)
        f.prepend(u":/sql/"_s);
    return files;
}

} // namespace

class StoreWorker final : public QObject
{
public:
    explicit StoreWorker(QString path) : m_path(std::move(path)), m_connection(QUuid::createUuid().toString()) {}

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
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        m_db.setDatabaseName(m_path);
        m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (const QString dir = QFileInfo(m_path).absolutePath(); !QDir().mkpath(dir)) {
            m_openError = u"cannot create the folder %1 for the database; choose another place with --db"_s.arg(dir);
            return;
        }
        if (!m_db.open()) {
            m_openError = u"cannot open the database %1 (%2); choose another file with --db"_s.arg(m_path, m_db.lastError().text());
            return;
        }
        if (const Status s = prepare(); !s) {
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
        if (!m_openError.isEmpty() || !m_db.isOpen()) {
            const QString failure = m_openError.isEmpty() ? u"the database is closed"_s : m_openError;
            for (auto &t : tasks)
                t.deliver(failure);
            return;
        }
        QString failure;
        QSqlQuery q(m_db);
        if (!m_db.transaction()) {
            failure = describe(m_db.lastError());
        } else {
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
    QString describe(const QSqlError &e) const
    {
        return u"the database %1 failed: %2"_s.arg(m_path, e.text());
    }

    Status prepare()
    {
        QSqlQuery q(m_db);
        const auto failed = [this](const QSqlQuery &query) {
            const QString text = query.lastError().text();
            if (text.contains(u"not a database"_s))
                return Error{u"%1 is not a GEO Audit database (%2); choose another file with --db"_s.arg(m_path, text)};
            if (text.contains(u"readonly"_s) || text.contains(u"read-only"_s))
                return Error{u"the database %1 is read-only (%2); make it writable or choose another file with --db"_s.arg(m_path, text)};
            return Error{describe(query.lastError())};
        };
        if (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.exec(u"PRAGMA foreign_keys=ON"_s)
            || !q.exec(u"PRAGMA synchronous=NORMAL"_s))
            return failed(q);
        if (!q.exec(u"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"_s))
            return failed(q);
        if (!q.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s) || !q.next())
            return failed(q);
        const int current = q.value(0).toInt();
        const QStringList files = migrationFiles();
        if (current > files.size())
            return Error{u"the database %1 has schema version %2, but this GEO Audit knows only up to %3; "
                         "update GEO Audit or choose another file with --db"_s.arg(m_path).arg(current).arg(files.size())};
        for (int v = current + 1; v <= files.size(); ++v) {
            QFile f(files[v - 1]);
            f.open(QIODevice::ReadOnly);
            const QString script = QString::fromUtf8(f.readAll());
            m_db.transaction();
            for (const QString &statement : script.split(u";\n"_s)) {
                QString sql;
                for (const QString &line : statement.split(u'\n'))
                    if (!line.trimmed().startsWith(u"--"_s))
                        sql += line + u'\n';
                if (!sql.trimmed().isEmpty() && !q.exec(sql)) {
                    const Error e = failed(q);
                    m_db.rollback();
                    return e;
                }
            }
            q.prepare(u"INSERT INTO schema_migrations (version, applied_at) VALUES (?, datetime('now'))"_s);
            q.addBindValue(v);
            if (!q.exec() || !m_db.commit()) {
                const Error e = failed(q);
                m_db.rollback();
                return e;
            }
        }
        return ok();
    }

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    QString m_openError;
    QMutex m_mutex;
    std::vector<AuditStore::Task> m_tasks;
    bool m_scheduled = false;
};

AuditStore::AuditStore(const QString &path, QObject *parent)
    : QObject(parent), m_path(path), m_worker(new StoreWorker(path))
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
    return int(migrationFiles().size());
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
