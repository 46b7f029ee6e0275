#include "TestDatabases.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QVersionNumber>

#include <algorithm>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using geo::Error;
using geo::Status;

namespace {

// Runs as the user the server runs as. Its standard input is a pipe from the test process:
// `cat` reads it until the test process closes it or ends, then the server is stopped and
// its files removed.
const char *ServerScript = R"(set -e
bindir=$1 dir=$2 port=$3
data=$dir/data
if ! "$bindir/initdb" -D "$data" -U postgres --auth=trust --no-sync --no-locale -E UTF8 >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    exit 1
fi
# Members of needs_password must give one; everyone else is trusted (this server is the tests').
{ echo 'host all +needs_password 127.0.0.1/32 scram-sha-256'; cat "$data/pg_hba.conf"; } >"$dir/hba"
mv "$dir/hba" "$data/pg_hba.conf"
# -F: no fsync; nothing here needs to survive a crash of the machine.
# TCP only (-k ''): a socket's path under a long TMPDIR could pass the 107 characters allowed.
"$bindir/postgres" -D "$data" -h 127.0.0.1 -p "$port" -k '' -F -c max_connections=50 -c shared_buffers=16MB \
    -c full_page_writes=off -c synchronous_commit=off >"$dir/server.log" 2>&1 &
pid=$!
cat >/dev/null
kill -INT "$pid" 2>/dev/null || true
wait "$pid" || true
rm -rf "$data" "$dir/initdb.log" "$dir/server.log"
)";

// The folder of initdb and postgres: Debian keeps them out of PATH, in /usr/lib/postgresql/VERSION/bin.
QString serverBinDir()
{
    QVersionNumber best;
    QString found;
    const QDir versions(u"/usr/lib/postgresql"_s);
    for (const QString &v : versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QVersionNumber number = QVersionNumber::fromString(v);
        if (QFile::exists(versions.filePath(v + u"/bin/initdb"_s)) && number > best) {
            best = number;
            found = versions.filePath(v + u"/bin"_s);
        }
    }
    if (found.isEmpty())
        if (const QString initdb = QStandardPaths::findExecutable(u"initdb"_s); !initdb.isEmpty())
            found = QFileInfo(initdb).absolutePath();
    return found;
}

int freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
}

// Whether the server logged a failure of its own. Our probes that connect while it still
// starts are turned away with "FATAL:  the database system is starting up": not one.
bool serverFailed(const QString &log)
{
    const QStringList lines = log.split(u'\n');
    return std::any_of(lines.cbegin(), lines.cend(), [](const QString &line) {
        return line.contains(u"FATAL:"_s) && !line.contains(u"the database system is starting up"_s);
    });
}

// Runs statements on a connection of its own, removed before returning: nothing of QtSql is
// left to tear down when the process ends.
Status run(const QString &host, int port, const QString &database, const QStringList &statements)
{
    static int connections = 0;
    const QString name = u"test-postgres-admin-%1"_s.arg(++connections);
    Status status = geo::ok();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(host);
        db.setPort(port);
        db.setUserName(u"postgres"_s);
        db.setDatabaseName(database);
        if (!db.open()) {
            status = Error{db.lastError().text()};
        } else {
            QSqlQuery q(db);
            for (const QString &sql : statements)
                if (!q.exec(sql)) {
                    status = Error{u"%1: %2"_s.arg(sql, q.lastError().text())};
                    break;
                }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return status;
}

} // namespace

TestPostgres &TestPostgres::instance()
{
    static TestPostgres server;
    static const bool stopsWithTheApplication = [] {
        // Stopped while the application object still lives, for QProcess's sake.
        qAddPostRoutine([] { instance().stop(); });
        return true;
    }();
    Q_UNUSED(stopsWithTheApplication);
    return server;
}

TestPostgres::TestPostgres() : m_status(start()) { }

TestPostgres::~TestPostgres()
{
    stop();
}

void TestPostgres::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel(); // the script stops the server and removes its files
    m_process.waitForFinished(30000);
}

QString TestPostgres::url(const QString &database, const QString &user) const
{
    return u"postgresql://%1@127.0.0.1:%2/%3"_s.arg(user, QString::number(m_port), database);
}

Status TestPostgres::start()
{
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s))
        return Error{u"Qt's PostgreSQL driver is not installed; install libqt6sql6-psql (tools/dev test installs "
                     "packaging/debian-packages.txt)"_s};
    const QString bindir = serverBinDir();
    if (bindir.isEmpty())
        return Error{u"PostgreSQL is not installed (no initdb in /usr/lib/postgresql/*/bin or on PATH); install the "
                     "package postgresql (tools/dev test installs packaging/debian-packages.txt)"_s};
    // A port free a moment ago may be taken by the time the server binds it: try a few.
    Status started = Error{QString()};
    for (int attempt = 0; attempt < 4 && !started; ++attempt)
        started = startOnce(bindir, freePort());
    if (!started)
        return started;
    return exec(u"CREATE ROLE needs_password NOLOGIN"_s);
}

Status TestPostgres::startOnce(const QString &bindir, int port)
{
    // As root the server runs as nobody, who must reach its folder: /tmp, whatever TMPDIR says.
    const QString base = ::geteuid() == 0 ? u"/tmp"_s : QDir::tempPath();
    m_dir = std::make_unique<QTemporaryDir>(base + u"/geoaudit-pg-XXXXXX"_s);
    if (!m_dir->isValid())
        return Error{u"cannot make a temporary folder for PostgreSQL: %1"_s.arg(m_dir->errorString())};
    m_runDir = m_dir->filePath(u"run"_s);
    QDir().mkpath(m_runDir);
    QStringList command{
        u"sh"_s, u"-c"_s, QString::fromUtf8(ServerScript), u"sh"_s, bindir, m_runDir, QString::number(port)};
    // initdb and postgres refuse to run as root: as root, the server runs as nobody, in a
    // folder nobody may enter (the temporary folder itself is root's, mode 0700).
    if (::geteuid() == 0) {
        const passwd *nobody = ::getpwnam("nobody");
        if (!nobody)
            return Error{u"running as root, the tests start PostgreSQL as the user nobody, who does not exist here"_s};
        QFile::setPermissions(
            m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
        if (::chown(QFile::encodeName(m_runDir).constData(), nobody->pw_uid, nobody->pw_gid) != 0)
            return Error{u"cannot give %1 to the user nobody"_s.arg(m_runDir)};
        command = QStringList{u"runuser"_s, u"-u"_s, u"nobody"_s, u"--"_s} + command;
    }
    m_process.setProgram(command.takeFirst());
    m_process.setArguments(command);
    m_process.setProcessChannelMode(QProcess::ForwardedOutputChannel); // stderr is read below
    m_process.start();
    if (!m_process.waitForStarted())
        return Error{u"cannot start %1: %2"_s.arg(m_process.program(), m_process.errorString())};

    // initdb takes a few seconds on a busy machine; the server is up once it takes a connection.
    const QDeadlineTimer deadline(std::chrono::seconds(120));
    m_port = port;
    while (!deadline.hasExpired()) {
        if (run(u"127.0.0.1"_s, port, u"postgres"_s, {u"SELECT 1"_s}))
            return geo::ok();
        const QString log = readFile(m_runDir + u"/server.log"_s);
        if (m_process.waitForFinished(100) || serverFailed(log)) {
            const QString why = QString::fromUtf8(m_process.readAllStandardError()).trimmed() + u'\n' + log;
            m_process.closeWriteChannel();
            m_process.waitForFinished(30000);
            return Error{u"the tests' PostgreSQL server did not start on port %1: %2"_s.arg(QString::number(port),
                                                                                            why.trimmed())};
        }
    }
    m_process.closeWriteChannel();
    m_process.waitForFinished(30000);
    return Error{u"the tests' PostgreSQL server did not take connections within two minutes: %1"_s.arg(
        readFile(m_runDir + u"/server.log"_s))};
}

geo::Result<QString> TestPostgres::createDatabase()
{
    if (!m_status)
        return Error{m_status.error()};
    const QString name = u"geoaudit_%1"_s.arg(++m_databases);
    if (Status s = exec(u"CREATE DATABASE %1"_s.arg(name)); !s)
        return Error{s.error()};
    return url(name);
}

Status TestPostgres::createPasswordUser(const QString &name, const QString &password)
{
    QString quoted = password;
    quoted.replace(u'\'', u"''"_s);
    return exec(u"CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE needs_password"_s.arg(name, quoted));
}

Status TestPostgres::exec(const QString &sql, const QString &database)
{
    return run(u"127.0.0.1"_s, m_port, database, {sql});
}

TestDatabase::TestDatabase(geo::DatabaseTarget::Backend backend) : m_backend(backend)
{
    if (backend == geo::DatabaseTarget::Backend::SQLite) {
        m_location = m_dir.filePath(u"a.sqlite"_s);
        return;
    }
    TestPostgres &server = TestPostgres::instance();
    const geo::Result<QString> created = server.createDatabase();
    if (created)
        m_location = created.value();
    else
        m_error = created.error();
}

void addBackendRows()
{
    QTest::addColumn<geo::DatabaseTarget::Backend>("backend");
    QTest::newRow("sqlite") << geo::DatabaseTarget::Backend::SQLite;
    QTest::newRow("postgresql") << geo::DatabaseTarget::Backend::PostgreSQL;
}
