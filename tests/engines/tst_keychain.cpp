#include "FakeEngineServer.h"
#include "engines/KeyStore.h"
#include "run/AuditRunner.h"
#include "store/AuditStore.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace geo;
using namespace Qt::StringLiterals;

// Runs inside a D-Bus session with an unlocked gnome-keyring (keychain-session.sh, which ctest
// runs it through); without one it fails, saying so: dbus and gnome-keyring are among the
// test packages of packaging/debian-packages.txt.
class TestKeychain : public QObject
{
    Q_OBJECT

private:
    static Status saved(const QString &name, const QByteArray &key)
    {
        QObject context;
        std::optional<Status> done;
        KeyStore::save(name, key, &context, [&](const Status &s) { done = s; });
        if (!QTest::qWaitFor([&] { return done.has_value(); }, 20000))
            return Error{u"the keychain did not answer"_s};
        return *done;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run through tests/engines/keychain-session.sh (with dbus-run-session and "
                 "gnome-keyring-daemon installed)");
        const Status probe = saved(u"GEOAUDIT_PROBE"_s, "probe");
        QVERIFY2(probe, qPrintable(u"no usable keychain here: "_s + (probe ? QString() : probe.error())));
        qunsetenv("GEOAUDIT_KEYCHAIN_TEST_KEY");
    }

    void anEngineGetsItsKeyFromTheKeychain()
    {
        QVERIFY(saved(u"GEOAUDIT_KEYCHAIN_TEST_KEY"_s, "sk-from-keychain"));
        FakeEngineServer server;
        QVERIFY(server.listen());
        AuditSpec spec;
        spec.name = u"keychain"_s;
        spec.brand = {u"Acme"_s, {}, {}};
        spec.templates = false;
        spec.prompts = {u"Best CRM?"_s};
        EngineSpec e;
        e.id = u"gpt"_s;
        e.kind = u"openai"_s;
        e.model = u"gpt-4o-mini"_s;
        e.baseUrl = server.baseUrl();
        e.apiKeyEnv = u"GEOAUDIT_KEYCHAIN_TEST_KEY"_s;
        spec.engines = {e};
        QTemporaryDir dir;
        AuditStore store(dir.filePath(u"a.sqlite"_s));
        QNetworkAccessManager network;
        AuditRunner runner(&store, &network);
        QSignalSpy finished(&runner, &AuditRunner::finished);
        runner.start(spec);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(server.requests().at(0).headers.value("authorization"), QByteArray("Bearer sk-from-keychain"));

        QObject context;
        std::optional<Status> removed;
        KeyStore::remove(u"GEOAUDIT_KEYCHAIN_TEST_KEY"_s, &context, [&](const Status &s) { removed = s; });
        QTRY_VERIFY(removed.has_value() && removed->ok());
        std::optional<Result<QByteArray>> found;
        KeyStore::lookup(u"GEOAUDIT_KEYCHAIN_TEST_KEY"_s, &context,
                         [&](const Result<QByteArray> &key) { found = key; });
        QTRY_VERIFY(found.has_value());
        QVERIFY(!found->ok());
        QVERIFY2(found->error().contains(u"the keychain has no key under that name"_s), qPrintable(found->error()));
    }

    // Views say where a key is, never what it is: the environment first, then the keychain.
    void locateSaysWhereTheKeyIs()
    {
        using Source = std::optional<KeyStore::Source>;
        const auto locate = [](const QString &name) {
            QObject context;
            Source source;
            KeyStore::locate(name, &context, [&](KeyStore::Source s) { source = s; });
            (void)QTest::qWaitFor([&] { return source.has_value(); }, 20000); // none compares unequal
            return source;
        };
        const QString name = u"GEOAUDIT_KEYCHAIN_LOCATE_KEY"_s;
        QCOMPARE(locate(name), Source(KeyStore::Source::Missing));
        QVERIFY(saved(name, "sk-locate"));
        QCOMPARE(locate(name), Source(KeyStore::Source::Keychain));
        qputenv(name.toLatin1().constData(), "sk-env");
        QCOMPARE(locate(name), Source(KeyStore::Source::Environment));
        qputenv(name.toLatin1().constData(), "   "); // blank is no key: lookup would go on to the keychain
        QCOMPARE(locate(name), Source(KeyStore::Source::Keychain));
        qunsetenv(name.toLatin1().constData());
        QObject context;
        std::optional<Status> removed;
        KeyStore::remove(name, &context, [&](const Status &s) { removed = s; });
        QTRY_VERIFY(removed.has_value() && removed->ok());
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
