#include "analysis/Citations.h"
#include "analysis/MarkdownDocument.h"

#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

class TestCitations : public QObject
{
    Q_OBJECT

private slots:
    void normalises_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("host case") << u"https://WWW.Example.COM/Path"_s << u"https://www.example.com/Path"_s;
        QTest::newRow("fragment") << u"https://example.com/a#b"_s << u"https://example.com/a"_s;
        QTest::newRow("utm") << u"https://example.com/a?utm_source=x&id=3&utm_medium=y"_s
                             << u"https://example.com/a?id=3"_s;
        QTest::newRow("only tracking") << u"https://example.com/?gclid=1&fbclid=2"_s << u"https://example.com/"_s;
        QTest::newRow("default port") << u"http://example.com:80/a"_s << u"http://example.com/a"_s;
        QTest::newRow("empty path") << u"https://example.com"_s << u"https://example.com/"_s;
        QTest::newRow("not http") << u"mailto:a@example.com"_s << QString();
        QTest::newRow("relative") << u"/just/a/path"_s << QString();
    }

    void normalises()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(normaliseCitationUrl(QUrl(input)).toString(QUrl::FullyEncoded), expected);
    }

    void registrableDomains_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("domain");
        QTest::newRow("com") << u"www.hubspot.com"_s << u"hubspot.com"_s;
        QTest::newRow("co.uk") << u"blog.example.co.uk"_s << u"example.co.uk"_s;
        QTest::newRow("private suffix") << u"acme.github.io"_s << u"acme.github.io"_s;
        QTest::newRow("unknown tld") << u"docs.brightlane.example"_s << u"brightlane.example"_s;
        // An IP address is its own site; by the suffix list both of the first two were "0.1".
        QTest::newRow("IPv4 loopback") << u"127.0.0.1"_s << u"127.0.0.1"_s;
        QTest::newRow("IPv4 private") << u"10.0.0.1"_s << u"10.0.0.1"_s;
        QTest::newRow("IPv4 public") << u"93.184.216.34"_s << u"93.184.216.34"_s;
        QTest::newRow("IPv6") << u"::1"_s << u"::1"_s;
        QTest::newRow("IPv6 bracketed") << u"[2001:DB8::1]"_s << u"2001:db8::1"_s;
        QTest::newRow("IPv6 holding IPv4") << u"::ffff:10.0.0.1"_s << u"::ffff:10.0.0.1"_s;
    }

    void registrableDomains()
    {
        QFETCH(QString, host);
        QFETCH(QString, domain);
        QCOMPARE(registrableDomain(host), domain);
    }

    void extractsInOrderWithOwners()
    {
        const QList<BrandSpec> brands{{u"Acme CRM"_s, {}, {u"acme-crm.example"_s}},
                                      {u"HubSpot"_s, {}, {u"hubspot.com"_s}}};
        const QString text = u"See [Acme](https://www.acme-crm.example/pricing?utm_source=chatgpt.com) and "
                             "<https://reviews.example.org/crm>, or https://www.hubspot.com/products. "
                             "Again: [dup](https://hubspot.com/blog#x)."_s;
        const QList<Citation> structured{{u"https://hubspot.com/blog"_s, u"Blog"_s}};
        const auto refs = extractCitations(MarkdownDocument::parse(text), structured, brands);
        QStringList urls;
        for (const auto &r : refs)
            urls << r.url;
        QCOMPARE(urls,
                 (QStringList{u"https://hubspot.com/blog"_s, u"https://www.acme-crm.example/pricing"_s,
                              u"https://reviews.example.org/crm"_s, u"https://www.hubspot.com/products"_s}));
        QCOMPARE(refs[0].source, CitationRef::Source::Engine);
        QCOMPARE(refs[0].owner, 1);
        QCOMPARE(refs[1].source, CitationRef::Source::Text);
        QCOMPARE(refs[1].owner, 0);
        QCOMPARE(refs[1].domain, u"acme-crm.example"_s);
        QCOMPARE(refs[2].owner, -1);
        QCOMPARE(refs[2].domain, u"example.org"_s);
        QCOMPARE(refs[3].owner, 1);
    }

    // Cited addresses are sites of their own, owned by no brand, however they are written.
    void citedAddressesAreSitesOfTheirOwn_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QStringList>("hosts");
        QTest::addColumn<QStringList>("domains");
        QTest::addColumn<QList<int>>("owners");
        QTest::newRow("two IPv4 addresses") << u"[a](http://127.0.0.1:8080/a) and [b](http://10.0.0.1/b)"_s
                                            << QStringList{u"127.0.0.1"_s, u"10.0.0.1"_s}
                                            << QStringList{u"127.0.0.1"_s, u"10.0.0.1"_s} << QList<int>{-1, -1};
        QTest::newRow("IPv6 beside a brand's domain")
            << u"[a](http://[2001:db8::1]/x), [b](https://www.acme-crm.example/) and [c](http://[2001:db8::2]/)"_s
            << QStringList{u"2001:db8::1"_s, u"www.acme-crm.example"_s, u"2001:db8::2"_s}
            << QStringList{u"2001:db8::1"_s, u"acme-crm.example"_s, u"2001:db8::2"_s} << QList<int>{-1, 0, -1};
    }

    void citedAddressesAreSitesOfTheirOwn()
    {
        QFETCH(QString, markdown);
        QFETCH(QStringList, hosts);
        QFETCH(QStringList, domains);
        QFETCH(QList<int>, owners);
        const QList<BrandSpec> brands{{u"Acme CRM"_s, {}, {u"acme-crm.example"_s}}};
        QStringList gotHosts, gotDomains;
        QList<int> gotOwners;
        for (const CitationRef &r : extractCitations(MarkdownDocument::parse(markdown), {}, brands)) {
            gotHosts << r.host;
            gotDomains << r.domain;
            gotOwners << r.owner;
        }
        QCOMPARE(gotHosts, hosts);
        QCOMPARE(gotDomains, domains);
        QCOMPARE(gotOwners, owners);
    }
};

QTEST_APPLESS_MAIN(TestCitations)
#include "tst_citations.moc"
