#include "analysis/MentionFinder.h"
#include "analysis/ResponseAnalyzer.h"

#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

class TestMentions : public QObject
{
    Q_OBJECT

private:
    static QList<BrandSpec> brands()
    {
        return {{u"Acme CRM"_s, {u"Acme"_s}, {}},
                {u"HubSpot"_s, {}, {}},
                {u"Zoë Sales"_s, {}, {}},
                {u"C++ Tools"_s, {}, {}}};
    }

private slots:
    void finds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("brands");   // brand of each mention, in order
        QTest::addColumn<QStringList>("matched"); // the original text of each mention
        QTest::newRow("plain") << u"Try Acme today."_s << QList<int>{0} << QStringList{u"Acme"_s};
        QTest::newRow("longer name wins") << u"Acme CRM is good"_s << QList<int>{0} << QStringList{u"Acme CRM"_s};
        QTest::newRow("possessive") << u"Acme's pipeline"_s << QList<int>{0} << QStringList{u"Acme"_s};
        QTest::newRow("curly possessive") << u"Acme’s pipeline"_s << QList<int>{0} << QStringList{u"Acme"_s};
        QTest::newRow("hyphenated") << u"an Acme-based team"_s << QList<int>{0} << QStringList{u"Acme"_s};
        QTest::newRow("parenthesised") << u"a CRM (Acme) and (HubSpot)"_s << QList<int>{0, 1}
                                       << QStringList{u"Acme"_s, u"HubSpot"_s};
        QTest::newRow("prefix of a word") << u"Acmeville is a town"_s << QList<int>{} << QStringList{};
        QTest::newRow("suffix of a word") << u"SuperAcme"_s << QList<int>{} << QStringList{};
        QTest::newRow("case folded") << u"ACME and hubspot"_s << QList<int>{0, 1}
                                     << QStringList{u"ACME"_s, u"hubspot"_s};
        QTest::newRow("bold markdown") << u"1. **HubSpot** – CRM"_s << QList<int>{1} << QStringList{u"HubSpot"_s};
        QTest::newRow("diacritics folded")
            << u"Zoe Sales and ZOË SALES"_s << QList<int>{2, 2} << QStringList{u"Zoe Sales"_s, u"ZOË SALES"_s};
        QTest::newRow("decomposed input") << u"Zoe\u0308 Sales"_s << QList<int>{2} << QStringList{u"Zoe\u0308 Sales"_s};
        QTest::newRow("name ending in symbols")
            << u"C++ Tools, C++ Toolsmith"_s << QList<int>{3} << QStringList{u"C++ Tools"_s};
        QTest::newRow("non-latin around") << u"Лучший выбор: HubSpot."_s << QList<int>{1} << QStringList{u"HubSpot"_s};
        QTest::newRow("letter after in another script") << u"HubSpotы"_s << QList<int>{} << QStringList{};
        QTest::newRow("none") << u"No brands here."_s << QList<int>{} << QStringList{};
        // A long text is searched in pieces of whole lines, each mapped back to the text.
        QTest::newRow("across pieces of 64 Ki characters")
            << (u"Zoe\u0308 Sales "_s + QString(70000, u'x') + u" Acme\nZoë Sales "_s + QString(70000, u'y')
                + u"\nHubSpot"_s)
            << QList<int>{2, 0, 2, 1} << QStringList{u"Zoe\u0308 Sales"_s, u"Acme"_s, u"Zoë Sales"_s, u"HubSpot"_s};
    }

    void finds()
    {
        QFETCH(QString, text);
        QFETCH(QList<int>, brands);
        QFETCH(QStringList, matched);
        const MentionFinder finder(TestMentions::brands());
        const auto found = finder.find(text);
        QList<int> foundBrands;
        QStringList foundText;
        for (const auto &m : found) {
            foundBrands << m.brand;
            foundText << text.mid(m.offset, m.length);
        }
        QCOMPARE(foundBrands, brands);
        QCOMPARE(foundText, matched);
    }

    void analysisFigures()
    {
        AuditSpec spec;
        spec.brand = {u"Acme CRM"_s, {u"Acme"_s}, {}};
        spec.competitors = {{u"HubSpot"_s, {}, {}}, {u"Pipedrive"_s, {}, {}}};
        const ResponseAnalyzer analyzer(spec);
        const QString text = u"HubSpot leads. Acme CRM follows; Acme is cheaper than HubSpot."_s;
        const Analysis a = analyzer.analyze(text, {});
        QCOMPARE(a.brands.size(), 3);
        QCOMPARE(a.brands[0].mentions, 2);
        QCOMPARE(a.brands[0].firstOffset, text.indexOf(u"Acme"_s));
        QCOMPARE(a.brands[0].firstPos, double(text.indexOf(u"Acme"_s)) / text.size());
        QCOMPARE(a.brands[0].order, 2);
        QCOMPARE(a.brands[1].mentions, 2);
        QCOMPARE(a.brands[1].order, 1);
        QCOMPARE(a.brands[1].firstPos, 0.0);
        QVERIFY(!a.brands[2].mentioned());
        QCOMPARE(a.brands[2].order, 0);
    }
};

QTEST_APPLESS_MAIN(TestMentions)
#include "tst_mentions.moc"
