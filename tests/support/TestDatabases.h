#pragma once

#include "model/Result.h"
#include "store/DatabaseTarget.h"

#include <QMetaType>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// Databases for running tests on both backends of the store.

// A PostgreSQL server of this test process's own: initdb in a temporary folder and postgres
// on 127.0.0.1 on a free port, so `ctest` needs no server set up beforehand. Everyone logs
// in without a password except members of the role needs_password (createPasswordUser).
// It stops, and its folder goes, when the process ends however it ends: the shell that runs
// it waits on a pipe from this process and stops the server when the pipe closes.
class TestPostgres final
{
public:
    static TestPostgres &instance(); // started on first use, once; later calls tell how that went

    geo::Status status() const { return m_status; }
    int port() const { return m_port; }
    QString url(const QString &database, const QString &user = QStringLiteral("postgres")) const;

    // A new, empty database; its URL for the superuser.
    geo::Result<QString> createDatabase();
    // A login role that must give its password (scram-sha-256).
    geo::Status createPasswordUser(const QString &name, const QString &password);
    // Runs SQL as the superuser on the database `postgres`.
    geo::Status exec(const QString &sql, const QString &database = QStringLiteral("postgres"));

    ~TestPostgres();

private:
    void stop();
    TestPostgres();
    geo::Status start();
    geo::Status startOnce(const QString &bindir, int port);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_runDir; // where the server's files go, writable by the user running it
    QProcess m_process;
    int m_port = 0;
    int m_databases = 0;
    geo::Status m_status;
};

// A fresh, empty database of the given backend for one test: a SQLite file in a temporary
// folder, or a new database on TestPostgres.
class TestDatabase final
{
public:
    explicit TestDatabase(geo::DatabaseTarget::Backend backend);

    bool isValid() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }       // why there is none: the cause and fix
    const QString &location() const { return m_location; } // for AuditStore and --db
    geo::DatabaseTarget::Backend backend() const { return m_backend; }

private:
    geo::DatabaseTarget::Backend m_backend;
    QTemporaryDir m_dir;
    QString m_location;
    QString m_error;
};

// In a test's initTestCase_data(): the global rows "sqlite" and "postgresql" of a column
// "backend", so that every test function runs on both (QFETCH_GLOBAL).
void addBackendRows();

Q_DECLARE_METATYPE(geo::DatabaseTarget::Backend)

// Declares `name`, a fresh TestDatabase of the current global row's backend (addBackendRows),
// and fails the test when there is none: a PostgreSQL that cannot start fails, never skips.
#define GEOAUDIT_FRESH_DATABASE(name)                                                                                  \
    QFETCH_GLOBAL(geo::DatabaseTarget::Backend, backend);                                                              \
    const TestDatabase name(backend);                                                                                  \
    QVERIFY2(name.isValid(), qPrintable(name.error()))
