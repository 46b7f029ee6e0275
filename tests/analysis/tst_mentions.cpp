#include "analysis/CaseMatching.h"
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
        // A host name written in the text names a site (a citation), not the brand.
        QTest::newRow("host names") << u"See hubspot.com, app.hubspot.com and Acme.io."_s << QList<int>{}
                                    << QStringList{};
        QTest::newRow("e-mail and URL") << u"Mail support@hubspot.com or open https://www.hubspot.com/pricing."_s
                                        << QList<int>{} << QStringList{};
        QTest::newRow("name beside its site")
            << u"HubSpot (hubspot.com) is fine."_s << QList<int>{1} << QStringList{u"HubSpot"_s};
        QTest::newRow("sentence end") << u"Try Acme.\nOr HubSpot. Both."_s << QList<int>{0, 1}
                                      << QStringList{u"Acme"_s, u"HubSpot"_s};
        QTest::newRow("sentences run together") << u"Try HubSpot.It works; Acme.the rest do not."_s << QList<int>{1, 0}
                                                << QStringList{u"HubSpot"_s, u"Acme"_s};
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

    void ordinaryWords_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ordinary");
        QTest::newRow("Ring") << u"Ring"_s << true;
        QTest::newRow("Nothing") << u"Nothing"_s << true;
        QTest::newRow("On") << u"On"_s << true;
        QTest::newRow("Apple, listed as a proper noun and as the fruit") << u"Apple"_s << true;
        QTest::newRow("Subway") << u"Subway"_s << true;
        QTest::newRow("Nike, listed only as a proper noun") << u"Nike"_s << false;
        QTest::newRow("several words read as a name") << u"Sales Nest"_s << false;
        QTest::newRow("Ring Video Doorbell") << u"Ring Video Doorbell"_s << false;
        // The demo audit's brands: its figures must not change.
        QTest::newRow("Brightlane") << u"Brightlane"_s << false;
        QTest::newRow("Pipewise") << u"Pipewise"_s << false;
        QTest::newRow("Clientory") << u"Clientory"_s << false;
        QTest::newRow("SalesNest") << u"SalesNest"_s << false;
        QTest::newRow("Relata") << u"Relata"_s << false;
        QTest::newRow("empty") << QString() << false;
    }

    void ordinaryWords()
    {
        QFETCH(QString, name);
        QFETCH(bool, ordinary);
        QCOMPARE(CaseMatching::isOrdinaryWord(name), ordinary);
    }

    void commonWordBrands_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("brands"); // 0 Nothing, 1 On, 2 Ring, 3 Nike
        QTest::addColumn<QList<qsizetype>>("offsets");
        QTest::addColumn<QStringList>("matched");
        QTest::newRow("ordinary words") << u"There is nothing better than this. Put it on a ring light."_s
                                        << QList<int>{} << QList<qsizetype>{} << QStringList{};
        QTest::newRow("products") << u"Nothing Phone (2a), On Cloudmonster and Ring Video Doorbell."_s
                                  << QList<int>{0, 1, 2} << QList<qsizetype>{0, 20, 40}
                                  << QStringList{u"Nothing"_s, u"On"_s, u"Ring"_s};
        QTest::newRow("capitals") << u"Buy a ring light. NOTHING beats RING."_s << QList<int>{0, 2}
                                  << QList<qsizetype>{18, 32} << QStringList{u"NOTHING"_s, u"RING"_s};
        QTest::newRow("mid-sentence capital") << u"I like Ring, but a ring light is not a doorbell."_s << QList<int>{2}
                                              << QList<qsizetype>{7} << QStringList{u"Ring"_s};
        QTest::newRow("inside other words")
            << u"Ringo, Ringer and Onward"_s << QList<int>{} << QList<qsizetype>{} << QStringList{};
        // At a sentence's start before a lower-case word, the capital may be the sentence's.
        QTest::newRow("sentence start, the word used in lower case")
            << u"Ring lights are cheap. A ring light on a stand helps."_s << QList<int>{} << QList<qsizetype>{}
            << QStringList{};
        QTest::newRow("after a full stop, the word used in lower case")
            << u"Buy a ring light. Ring lights glow."_s << QList<int>{} << QList<qsizetype>{} << QStringList{};
        QTest::newRow("preposition at the start")
            << u"On balance, go on a run."_s << QList<int>{} << QList<qsizetype>{} << QStringList{};
        QTest::newRow("sentence start, the brand named elsewhere")
            << u"Ring lights are cheap. The Ring Video Doorbell is not."_s << QList<int>{2, 2}
            << QList<qsizetype>{0, 27} << QStringList{u"Ring"_s, u"Ring"_s};
        QTest::newRow("sentence start, the word never in lower case")
            << u"Ring makes doorbells."_s << QList<int>{2} << QList<qsizetype>{0} << QStringList{u"Ring"_s};
        QTest::newRow("sentence start before a capitalised word")
            << u"Nothing Phone (2a) is good. There is nothing like it."_s << QList<int>{0} << QList<qsizetype>{0}
            << QStringList{u"Nothing"_s};
        QTest::newRow("line start before a dash") << u"Ring – video doorbells\nGet a ring light too."_s << QList<int>{2}
                                                  << QList<qsizetype>{0} << QStringList{u"Ring"_s};
        QTest::newRow("possessive at the start") << u"Ring's app is fine, unlike a ring light."_s << QList<int>{2}
                                                 << QList<qsizetype>{0} << QStringList{u"Ring"_s};
        QTest::newRow("quoted at the start") << u"\"Ring lights\" is what a ring light is called."_s << QList<int>{}
                                             << QList<qsizetype>{} << QStringList{};
        QTest::newRow("the brand's site")
            << u"Ring.com and ring.com sell doorbells."_s << QList<int>{} << QList<qsizetype>{} << QStringList{};
        QTest::newRow("not an ordinary word: any case")
            << u"nike and NIKE"_s << QList<int>{3, 3} << QList<qsizetype>{0, 9} << QStringList{u"nike"_s, u"NIKE"_s};
        // Searched in pieces of 64 Ki characters; the lower-case word in one piece still
        // decides for a doubtful mention in another.
        QTest::newRow("across pieces") << (u"Ring lights are cheap.\n"_s + QString(70000, u'x')
                                           + u"\nA ring light.\n"_s)
                                       << QList<int>{} << QList<qsizetype>{} << QStringList{};
    }

    void commonWordBrands()
    {
        QFETCH(QString, text);
        QFETCH(QList<int>, brands);
        QFETCH(QList<qsizetype>, offsets);
        QFETCH(QStringList, matched);
        const MentionFinder finder(
            {{u"Nothing"_s, {}, {}}, {u"On"_s, {}, {}}, {u"Ring"_s, {}, {}}, {u"Nike"_s, {}, {}}});
        QList<int> foundBrands;
        QList<qsizetype> foundOffsets;
        QStringList foundText;
        for (const BrandMention &m : finder.find(text)) {
            foundBrands << m.brand;
            foundOffsets << m.offset;
            foundText << text.mid(m.offset, m.length);
        }
        QCOMPARE(foundBrands, brands);
        QCOMPARE(foundOffsets, offsets);
        QCOMPARE(foundText, matched);
    }

    void matchCaseOverride_data()
    {
        QTest::addColumn<std::optional<bool>>("matchCase");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("matched");
        const QString text = u"ring, Ring, RING, zendesk, Zendesk, ZENDESK"_s;
        QTest::newRow("ordinary word, unset")
            << std::optional<bool>() << u"Ring"_s << QStringList{u"Ring"_s, u"RING"_s};
        QTest::newRow("ordinary word, false")
            << std::optional<bool>(false) << u"Ring"_s << QStringList{u"ring"_s, u"Ring"_s, u"RING"_s};
        QTest::newRow("other name, unset")
            << std::optional<bool>() << u"Zendesk"_s << QStringList{u"zendesk"_s, u"Zendesk"_s, u"ZENDESK"_s};
        QTest::newRow("other name, true")
            << std::optional<bool>(true) << u"Zendesk"_s << QStringList{u"Zendesk"_s, u"ZENDESK"_s};
    }

    void matchCaseOverride()
    {
        QFETCH(std::optional<bool>, matchCase);
        QFETCH(QString, name);
        QFETCH(QStringList, matched);
        BrandSpec brand{name, {}, {}};
        brand.matchCase = matchCase;
        const QString text = u"ring, Ring, RING, zendesk, Zendesk, ZENDESK"_s;
        QStringList found;
        for (const BrandMention &m : MentionFinder({brand}).find(text))
            found << text.mid(m.offset, m.length);
        QCOMPARE(found, matched);
    }

    // The answer as analysed: no mentions of the three brands, until their products.
    void commonWordFigures()
    {
        AuditSpec spec;
        spec.brand = {u"Nothing"_s, {}, {}};
        spec.competitors = {{u"On"_s, {}, {}}, {u"Ring"_s, {}, {}}};
        const ResponseAnalyzer analyzer(spec);
        const Analysis none = analyzer.analyze(u"There is nothing better than this. Put it on a ring light."_s, {});
        for (const BrandFigures &f : none.brands)
            QCOMPARE(f.mentions, 0);
        const QString text = u"Try **Ring Video Doorbell**, the *On Cloudmonster* and a Nothing Phone (2a)."_s;
        const Analysis named = analyzer.analyze(text, {});
        QCOMPARE(named.brands[0].mentions, 1);
        QCOMPARE(named.brands[0].firstOffset, text.indexOf(u"Nothing"_s));
        QCOMPARE(named.brands[0].order, 3);
        QCOMPARE(named.brands[1].firstOffset, text.indexOf(u"On "_s));
        QCOMPARE(named.brands[1].order, 2);
        QCOMPARE(named.brands[2].firstOffset, text.indexOf(u"Ring"_s));
        QCOMPARE(named.brands[2].order, 1);
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
