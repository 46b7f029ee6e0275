#include "TestDatabases.h"
#include "scoring/AuditScoring.h"
#include "store/AuditStore.h"
#include "store/DatabaseTarget.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

Status opened(const QString &location)
{
    AuditStore store(location);
    QFuture<Status> f = store.opened();
    f.waitForFinished();
    return f.result();
}

// Sets an environment variable for one scope, restoring what was there.
class ScopedEnv final
{
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name), m_had(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name))
    {
        value.isNull() ? qunsetenv(name) : qputenv(name, value);
    }
    ~ScopedEnv() { m_had ? qputenv(m_name, m_old) : qunsetenv(m_name); }
    Q_DISABLE_COPY_MOVE(ScopedEnv)

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

const QString Secret = u"pw-7f3a-don't-show"_s;

} // namespace

// Reaching a PostgreSQL database: the URL --db takes, the password libpq finds on its own,
// and what the user reads when the server, the login or the database is not there.
class TestPostgresConnection final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Neither the machine's nor the developer's: the tests' server, and no password but the one a test sets.
        qunsetenv("PGPASSWORD");
        qunsetenv("PGHOST");
        qunsetenv("PGPORT");
        qunsetenv("PGUSER");
        qputenv("PGPASSFILE", "/nonexistent/pgpass");
    }

    void parsesUrls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QStringList>("options");
        const QString t = u"connect_timeout=10"_s;
        QTest::newRow("all parts") << u"postgresql://analyst@db.example:6543/audits"_s << u"db.example"_s << 6543
                                   << u"analyst"_s << u"audits"_s << QStringList{t};
        QTest::newRow("postgres://") << u"postgres://db.example/audits"_s << u"db.example"_s << -1 << QString()
                                     << u"audits"_s << QStringList{t};
        QTest::newRow("local socket, libpq's user")
            << u"postgresql:///audits"_s << QString() << -1 << QString() << u"audits"_s << QStringList{t};
        QTest::newRow("percent-encoded") << u"postgresql://ana%40lyst@[::1]:5433/geo%20audits"_s << u"::1"_s << 5433
                                         << u"ana@lyst"_s << u"geo audits"_s << QStringList{t};
        QTest::newRow("libpq keywords") << u"postgresql://h/d?sslmode=require&connect_timeout=3&application_name=it's"_s
                                        << u"h"_s << -1 << QString() << u"d"_s
                                        << QStringList{u"sslmode='require'"_s, u"connect_timeout='3'"_s,
                                                       u"application_name='it\\'s'"_s};
        QTest::newRow("spaces around") << u"  postgresql://h/d  "_s << u"h"_s << -1 << QString() << u"d"_s
                                       << QStringList{t};
    }

    void parsesUrls()
    {
        QFETCH(QString, text);
        const Result<DatabaseTarget> target = DatabaseTarget::parse(text);
        QVERIFY2(target, qPrintable(target.ok() ? QString() : target.error()));
        QCOMPARE(target->backend, DatabaseTarget::Backend::PostgreSQL);
        QTEST(target->host, "host");
        QTEST(target->port, "port");
        QTEST(target->user, "user");
        QTEST(target->database, "database");
        QTEST(target->options, "options");
        QVERIFY(DatabaseTarget::parse(target->display())); // the display form reads back
    }

    void pathsStaySqlite_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("absolute") << u"/home/ana/audits.sqlite"_s;
        QTest::newRow("relative") << u"audits.sqlite"_s;
        QTest::newRow("a colon in a name") << u"backup:2024.sqlite"_s;
        QTest::newRow("a drive") << u"C:/audits.sqlite"_s;
    }

    void pathsStaySqlite()
    {
        QFETCH(QString, text);
        const Result<DatabaseTarget> target = DatabaseTarget::parse(text);
        QVERIFY(target);
        QCOMPARE(target->backend, DatabaseTarget::Backend::SQLite);
        QCOMPARE(target->path, text);
        QCOMPARE(target->display(), text);
    }

    void refusesBadUrls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("no database") << u"postgresql://"_s
                                     << u"names no database; write it as postgresql://user@host:port/dbname"_s;
        QTest::newRow("a host but no database") << u"postgresql://db.example:5432/"_s << u"names no database"_s;
        QTest::newRow("one slash") << u"postgresql:/audits"_s << u"lacks the //"_s;
        QTest::newRow("a bad port") << u"postgresql://h:port/d"_s << u"is malformed"_s;
        QTest::newRow("a path") << u"postgresql://h/d/e"_s << u"the database's name alone"_s;
        QTest::newRow("another scheme") << u"mysql://h/d"_s << u"neither a file nor a PostgreSQL URL"_s;
        QTest::newRow("a password") << u"postgresql://ana:%1@h/d"_s.arg(Secret) << u"PGPASSWORD or ~/.pgpass"_s;
        QTest::newRow("a password in the query")
            << u"postgresql://h/d?password=%1"_s.arg(Secret) << u"PGPASSWORD or ~/.pgpass"_s;
        QTest::newRow("not a keyword") << u"postgresql://h/d?ssl-mode=x"_s << u"no libpq keyword"_s;
        QTest::newRow("empty") << u" "_s << u"no database given"_s;
    }

    void refusesBadUrls()
    {
        QFETCH(QString, text);
        QFETCH(QString, says);
        const Result<DatabaseTarget> target = DatabaseTarget::parse(text);
        QVERIFY(!target);
        QVERIFY2(target.error().contains(says), qPrintable(target.error()));
        QVERIFY2(!target.error().contains(u"7f3a"_s), qPrintable(target.error())); // no password, not even in part
        // The store says the same, as opened() does for the app and the CLI.
        const Status s = opened(text);
        QVERIFY(!s);
        QCOMPARE(s.error(), target.error());
    }

    void reportsAServerThatIsNotThere()
    {
        QTcpServer probe; // a port nothing listens on once it is closed
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const int port = probe.serverPort();
        probe.close();
        const Status s = opened(u"postgresql://ana@127.0.0.1:%1/audits"_s.arg(port));
        QVERIFY(!s);
        QVERIFY2(s.error().contains(
                     u"cannot reach the PostgreSQL server of postgresql://ana@127.0.0.1:%1/audits"_s.arg(port)),
                 qPrintable(s.error()));
        QVERIFY2(s.error().contains(u"start the server"_s), qPrintable(s.error()));
    }

    void reportsAMissingDatabase()
    {
        TestPostgres &server = TestPostgres::instance();
        QVERIFY2(server.status(), qPrintable(server.status().ok() ? QString() : server.status().error()));
        const Status s = opened(server.url(u"no_such_db"_s));
        QVERIFY(!s);
        QVERIFY2(s.error().contains(u"has no database no_such_db"_s)
                     && s.error().contains(u"createdb -O postgres no_such_db"_s),
                 qPrintable(s.error()));
    }

    void reportsAMissingUser()
    {
        TestPostgres &server = TestPostgres::instance();
        QVERIFY2(server.status(), qPrintable(server.status().ok() ? QString() : server.status().error()));
        const Status s = opened(server.url(u"postgres"_s, u"nobody_here"_s));
        QVERIFY(!s);
        QVERIFY2(s.error().contains(u"has no user nobody_here"_s), qPrintable(s.error()));
    }

    // libpq finds the password itself, in PGPASSWORD or the password file, when the
    // connection gives none; without one the message names both.
    void takesThePasswordFromPgpasswordOrThePasswordFile()
    {
        TestPostgres &server = TestPostgres::instance();
        QVERIFY2(server.status(), qPrintable(server.status().ok() ? QString() : server.status().error()));
        QVERIFY(server.createPasswordUser(u"analyst"_s, Secret));
        const Result<QString> created = server.createDatabase();
        QVERIFY(created);
        const QString name = created->section(u'/', -1);
        QVERIFY(server.exec(u"ALTER DATABASE %1 OWNER TO analyst"_s.arg(name)));
        const QString url = server.url(name, u"analyst"_s);

        const Status refused = opened(url);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(u"refused the login of the user analyst"_s)
                     && refused.error().contains(u"PGPASSWORD"_s) && refused.error().contains(u"~/.pgpass"_s),
                 qPrintable(refused.error()));
        {
            ScopedEnv wrong("PGPASSWORD", "wrong");
            const Status s = opened(url);
            QVERIFY(!s);
            QVERIFY2(s.error().contains(u"refused the login"_s), qPrintable(s.error()));
            QVERIFY(!s.error().contains(u"wrong"_s));
        }
        {
            ScopedEnv password("PGPASSWORD", Secret.toUtf8());
            const Status s = opened(url);
            QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error()));
        }
        QTemporaryDir dir;
        QFile pgpass(dir.filePath(u"pgpass"_s));
        QVERIFY(pgpass.open(QIODevice::WriteOnly));
        QString escaped = Secret;
        pgpass.write(
            u"127.0.0.1:%1:%2:analyst:%3\n"_s.arg(QString::number(server.port()), name, escaped.replace(u':', u"\\:"_s))
                .toUtf8());
        pgpass.close();
        QVERIFY(pgpass.setPermissions(QFile::ReadOwner | QFile::WriteOwner)); // libpq ignores a file others may read
        ScopedEnv file("PGPASSFILE", QFile::encodeName(pgpass.fileName()));
        const Status s = opened(url);
        QVERIFY2(s, qPrintable(s.ok() ? QString() : s.error()));
    }

    // A server restart or a network cut drops the store's connection; the next batch
    // connects again instead of failing for the rest of the app's life.
    void aStoreConnectsAgainWhenTheServerDroppedItsConnection()
    {
        TestPostgres &server = TestPostgres::instance();
        QVERIFY2(server.status(), qPrintable(server.status().ok() ? QString() : server.status().error()));
        const Result<QString> created = server.createDatabase();
        QVERIFY(created);
        AuditStore store(created.value());
        const auto audits = [&store] {
            auto f = store.audits();
            f.waitForFinished();
            return f.result();
        };
        QVERIFY(audits()); // its statements are prepared in the first session
        QVERIFY(server.exec(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1'"_s.arg(
            created->section(u'/', -1))));
        const auto again = audits();
        QVERIFY2(again, qPrintable(again.ok() ? QString() : again.error()));
        QVERIFY(again->isEmpty());
    }

    // The user may log in but not create tables: PostgreSQL 15 gives schema public to its owner only.
    void reportsMissingRights()
    {
        TestPostgres &server = TestPostgres::instance();
        QVERIFY2(server.status(), qPrintable(server.status().ok() ? QString() : server.status().error()));
        QVERIFY(server.exec(u"CREATE ROLE visitor LOGIN"_s));
        const Result<QString> created = server.createDatabase();
        QVERIFY(created);
        const Status s = opened(server.url(created->section(u'/', -1), u"visitor"_s));
        QVERIFY(!s);
        QVERIFY2(s.error().contains(u"may not create or change GEO Audit's tables"_s)
                     && s.error().contains(u"createdb -O visitor"_s),
                 qPrintable(s.error()));
    }
};

QTEST_GUILESS_MAIN(TestPostgresConnection)
#include "tst_postgres.moc"
