#include "Connection.h"

#include "SqlDialect.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

namespace geo::Connection {

using namespace Qt::StringLiterals;

namespace {

bool containsAny(const QString &text, std::initializer_list<QString> parts)
{
    return std::any_of(parts.begin(), parts.end(),
                       [&text](const QString &p) { return text.contains(p, Qt::CaseInsensitive); });
}

Error explainSqlite(const DatabaseTarget &target, const QString &text)
{
    if (text.contains(u"not a database"_s))
        return Error{u"%1 is not a GEO Audit database (%2); choose another file with --db"_s.arg(target.path, text)};
    if (text.contains(u"readonly"_s) || text.contains(u"read-only"_s))
        return Error{u"the database %1 is read-only (%2); make it writable or choose another file with --db"_s.arg(
            target.path, text)};
    return Error{u"the database %1 failed: %2"_s.arg(target.path, text)};
}

// libpq's messages, matched by the words of PostgreSQL 12 to 17.
Error explainPostgres(const DatabaseTarget &target, const QString &text)
{
    const QString where = target.display();
    const QString user = target.user.isEmpty() ? u"(your login name)"_s : target.user;
    if (containsAny(text,
                    {u"Connection refused"_s, u"could not connect"_s, u"could not translate host name"_s,
                     u"timeout expired"_s, u"No route to host"_s, u"Network is unreachable"_s,
                     u"Is the server running"_s, u"No such file or directory"_s /* the local socket */}))
        return Error{u"cannot reach the PostgreSQL server of %1 (%2); start the server, or correct the host and port "
                     "in the URL given with --db"_s.arg(where, text)};
    if (containsAny(
            text,
            {u"password authentication failed"_s, u"no password supplied"_s, u"authentication failed"_s, u"SCRAM"_s}))
        return Error{u"the PostgreSQL server of %1 refused the login of the user %2 (%3); give the password in "
                     "PGPASSWORD or in a line of ~/.pgpass (host:port:dbname:user:password, the file in mode 0600), "
                     "or name another user in the URL"_s.arg(where, user, text)};
    if (containsAny(text, {u"no pg_hba.conf entry"_s}))
        return Error{u"the PostgreSQL server of %1 does not let the user %2 in from here (%3); ask its administrator "
                     "for a pg_hba.conf line for this host, user and database"_s.arg(where, user, text)};
    if (text.contains(u"database \""_s) && text.contains(u"does not exist"_s))
        return Error{u"the PostgreSQL server has no database %1 (%2); create it with `createdb -O %3 %1` or name "
                     "another database in the URL"_s.arg(target.database, text, user)};
    if (text.contains(u"role \""_s) && text.contains(u"does not exist"_s))
        return Error{u"the PostgreSQL server of %1 has no user %2 (%3); name another user in the URL or create it "
                     "with `createuser %2`"_s.arg(where, user, text)};
    if (text.contains(u"permission denied"_s))
        return Error{
            u"the user %1 may not create or change GEO Audit's tables in %2 (%3); use a database that user "
            "owns (`createdb -O %1 %4`) or have its owner grant the rights"_s.arg(user, where, text, target.database)};
    if (containsAny(text,
                    {u"server closed the connection"_s, u"terminating connection"_s, u"connection to server was lost"_s,
                     u"no connection to the server"_s}))
        return Error{u"the connection to the PostgreSQL server of %1 was lost (%2); check that the server is running, "
                     "then start GEO Audit again"_s.arg(where, text)};
    return Error{u"the database %1 failed: %2"_s.arg(where, text)};
}

// SQLITE_BUSY or SQLITE_LOCKED: another connection holds the lock.
bool busy(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == u"5"_s || code == u"6"_s;
}

Status setUp(QSqlDatabase &db, const DatabaseTarget &target)
{
    // Processes opening a new SQLite file together all switch it to WAL, which needs the
    // exclusive lock; SQLite answers "busy" at once rather than wait when two such requests
    // could deadlock, so a busy setup is tried again for a while.
    QDeadlineTimer patience(10'000);
    QSqlQuery q(db);
    for (const QString &statement : SqlDialect::of(target.backend).sessionSetup()) {
        while (!q.exec(statement)) {
            if (!busy(q.lastError()) || patience.hasExpired())
                return explain(target, q.lastError());
            QThread::msleep(20);
        }
    }
    return ok();
}

} // namespace

Error explain(const DatabaseTarget &target, const QSqlError &error)
{
    // libpq's messages span lines ("…failed: Connection refused\n\tIs the server running…").
    const QString text = error.text().simplified();
    return target.backend == DatabaseTarget::Backend::PostgreSQL ? explainPostgres(target, text)
                                                                 : explainSqlite(target, text);
}

Status open(QSqlDatabase &db, const DatabaseTarget &target, const QString &name)
{
    const SqlDialect &dialect = SqlDialect::of(target.backend);
    if (!QSqlDatabase::isDriverAvailable(dialect.driver())) {
        if (target.backend == DatabaseTarget::Backend::PostgreSQL)
            return Error{
                u"Qt's PostgreSQL driver (QPSQL) is not installed, so %1 cannot be opened; install the package "
                "libqt6sql6-psql, or give a SQLite file with --db"_s.arg(target.display())};
        return Error{u"Qt's SQLite driver (QSQLITE) is not installed; install the package libqt6sql6-sqlite"_s};
    }
    db = QSqlDatabase::addDatabase(dialect.driver(), name);
    if (target.backend == DatabaseTarget::Backend::SQLite) {
        db.setDatabaseName(target.path);
        // Another process's batch (or its migration on a slow disk) may hold the write lock
        // for seconds; waiting is better than failing the run.
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=30000"_s);
        if (const QString dir = QFileInfo(target.path).absolutePath(); !QDir().mkpath(dir))
            return Error{u"cannot create the folder %1 for the database; choose another place with --db"_s.arg(dir)};
        if (!db.open())
            return Error{u"cannot open the database %1 (%2); choose another file with --db"_s.arg(
                target.path, db.lastError().text())};
    } else {
        // No password: libpq reads PGPASSWORD or ~/.pgpass (PGPASSFILE) itself when none is given.
        db.setHostName(target.host);
        db.setPort(target.port);
        db.setUserName(target.user);
        db.setDatabaseName(target.database);
        db.setConnectOptions(target.options.join(u';'));
        if (!db.open())
            return explain(target, db.lastError());
    }
    return setUp(db, target);
}

Status reopen(QSqlDatabase &db, const DatabaseTarget &target)
{
    db.close();
    if (!db.open())
        return explain(target, db.lastError());
    return setUp(db, target);
}

} // namespace geo::Connection
