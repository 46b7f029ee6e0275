#include "run/Proxy.h"

#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

class TestProxy : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheSetting_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<int>("type"); // QNetworkProxy::ProxyType; -1: an error
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("empty: the system's") << QString() << int(QNetworkProxy::DefaultProxy) << QString() << 0;
        QTest::newRow("none") << u"None"_s << int(QNetworkProxy::NoProxy) << QString() << 0;
        QTest::newRow("http") << u"http://proxy.corp.example:3128"_s << int(QNetworkProxy::HttpProxy)
                              << u"proxy.corp.example"_s << 3128;
        QTest::newRow("socks5") << u" socks5://127.0.0.1:1080 "_s << int(QNetworkProxy::Socks5Proxy) << u"127.0.0.1"_s
                                << 1080;
        QTest::newRow("no scheme") << u"proxy.example:3128"_s << -1 << QString() << 0;
        QTest::newRow("no port") << u"http://proxy.example"_s << -1 << QString() << 0;
        QTest::newRow("ftp") << u"ftp://proxy.example:21"_s << -1 << QString() << 0;
    }

    void parsesTheSetting()
    {
        QFETCH(QString, setting);
        QFETCH(int, type);
        QFETCH(QString, host);
        QFETCH(int, port);
        const Result<QNetworkProxy> proxy = parseProxy(setting);
        QCOMPARE(proxy.ok(), type >= 0);
        if (!proxy) {
            QVERIFY2(proxy.error().contains(u"write it like http://proxy.example:3128"_s), qPrintable(proxy.error()));
            return;
        }
        QCOMPARE(int(proxy->type()), type);
        QCOMPARE(proxy->hostName(), host);
        QCOMPARE(int(proxy->port()), port);
    }

    void keepsTheCredentials()
    {
        const Result<QNetworkProxy> proxy = parseProxy(u"http://ana:s%40cret@proxy.example:8080"_s);
        QVERIFY(proxy);
        QCOMPARE(proxy->user(), u"ana"_s);
        QCOMPARE(proxy->password(), u"s@cret"_s);
    }
};

QTEST_GUILESS_MAIN(TestProxy)
#include "tst_proxy.moc"
