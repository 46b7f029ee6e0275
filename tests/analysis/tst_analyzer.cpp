#include "analysis/MarkdownDocument.h"
#include "analysis/ResponseAnalyzer.h"
#include "analysis/Vader.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

AuditSpec spec()
{
    AuditSpec s;
    s.brand = {u"Acme CRM"_s, {u"Acme"_s}, {u"acme.example"_s}};
    s.competitors = {{u"Beta"_s, {}, {u"beta.com"_s}}, {u"Gamma Sales"_s, {}, {}}};
    return s;
}

QString ranks(const Analysis &a)
{
    QStringList out;
    for (const BrandFigures &f : a.brands)
        out << (f.rank ? QString::number(*f.rank) : f.mentioned() ? u"-"_s : u"x"_s);
    return out.join(u' ');
}

} // namespace

class TestAnalyzer : public QObject
{
    Q_OBJECT

private slots:
    void rankAndDiscovered_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("ranks");          // per brand: rank, "-" mentioned but unranked, "x" absent
        QTest::addColumn<QStringList>("discovered"); // "name: rank", "name: unranked"
        QTest::addColumn<int>("recommendations");
        QTest::newRow("numbered list with bold names")
            << u"Here are the best:\n\n1. **Beta** – great pipeline\n2. **Acme CRM** – cheaper\n3. **Kinetiq "
               "Desk** – new\n"_s
            << u"2 1 x"_s << QStringList{u"Kinetiq Desk: 3"_s} << 3;
        QTest::newRow("nested mention is not the item's own")
            << u"- **Acme**: good, and\n  - better than Beta for teams\n- **Beta**: fine\n"_s << u"1 2 x"_s
            << QStringList{} << 2;
        QTest::newRow("table body rows, not the header")
            << u"| CRM | Best for |\n|---|---|\n| Beta | teams |\n| Orbitly Sales | agencies |\n| Acme | startups |\n"_s
            << u"3 1 x"_s << QStringList{u"Orbitly Sales: 2"_s} << 3;
        QTest::newRow("a heading per product")
            << u"## Top picks\n\n### 1. Beta\nStrong, though Acme is cheaper.\n\n### 2. Acme CRM\nGood value.\n"_s
            << u"2 1 x"_s << QStringList{} << 2;
        QTest::newRow("a linked heading names an untracked product")
            << u"### 1. [Zendora Desk 5 Wireless](https://zendora.example/desk)\nFast.\n\n### 2. Acme CRM\nCheap.\n"_s
            << u"2 x x"_s << QStringList{u"Zendora Desk 5 Wireless: 1"_s} << 2;
        QTest::newRow("a label heading before the name")
            << u"### Best Overall: Zendora X1\nFast.\n### Best Value: Beta\nCheap.\n"_s << u"x 2 x"_s
            << QStringList{u"Zendora X1: 1"_s} << 2;
        QTest::newRow("prose only") << u"Acme is good, and so is Gamma Sales."_s << u"- x -"_s << QStringList{} << 0;
        QTest::newRow("bold names in prose are discovered, unranked")
            << u"Acme is good, and so is **Zendora X1**; **Best Value** goes to Beta."_s << u"- - x"_s
            << QStringList{u"Zendora X1: unranked"_s} << 0;
        QTest::newRow("labels are not brands")
            << u"- **Pros:** fast\n- **Best for:** teams\n- **Acme** – cheap\n"_s << u"1 x x"_s << QStringList{} << 1;
        QTest::newRow("a label recurring under each product is not a brand")
            << u"### Zendora\n- **Wi-Fi Setup:** easy\n### Orbitly\n- **Wi-Fi Setup:** slow\n### Acme\n- **Wi-Fi "
               "Setup:** quick\n"_s
            << u"3 x x"_s << QStringList{u"Zendora: 1"_s, u"Orbitly: 2"_s} << 3;
        QTest::newRow("name before a colon")
            << u"- Zendora: a newcomer\n- Gamma Sales: solid\n"_s << u"x x 2"_s << QStringList{u"Zendora: 1"_s} << 2;
        QTest::newRow("flattened lead-ins")
            << u"Top Picks: Zendora X1:Considered the best.Acme CRM:If you prioritize price.Orbitly 2 – cheap, "
               "though Beta is cheaper."_s
            << u"2 - x"_s << QStringList{u"Zendora X1: 1"_s, u"Orbitly 2: 3"_s} << 3;
        QTest::newRow("copied lines are lead-ins")
            << u"The best ones\nZendora X1 – fast\nBeta – cheap\nthe rest – slow"_s << u"x 2 x"_s
            << QStringList{u"Zendora X1: 1"_s} << 2;
        QTest::newRow("a sentence is not a name")
            << u"- choose what fits your team\n- **Beta** wins\n"_s << u"x 1 x"_s << QStringList{} << 1;
        QTest::newRow("no brands at all")
            << u"It depends on your needs. Try a few.\n"_s << u"x x x"_s << QStringList{} << 0;
        QTest::newRow("non-English text") << u"1. **Acme** — лучший выбор\n2. **Бета Софт** — тоже хорошо\n"_s
                                          << u"1 x x"_s << QStringList{u"Бета Софт: 2"_s} << 2;
        QTest::newRow("a table comparing brands by feature")
            << u"| Feature | Acme | Beta |\n|---|---|---|\n| Setup | a day | a week |\n| Pricing | $12 | $19 |\n"_s
            << u"- - x"_s << QStringList{} << 0;
        const bool dictionary = QFile::exists(u"/usr/share/dict/words"_s);
        QTest::newRow("a single ordinary word leads advice, not a brand")
            << u"- **Migration:** check your data\n- **Zendora:** a newcomer\n| Plan | Price |\n|---|---|\n| "
               "Starter | $15 |\n"_s
            << u"x x x"_s
            << (dictionary ? QStringList{u"Zendora: 1"_s}
                           : QStringList{u"Migration: 1"_s, u"Zendora: 2"_s, u"Starter: 3"_s})
            << (dictionary ? 1 : 3);
        // Ordinary words in form keep their place in the list (as before), but are no brand.
        QTest::newRow("ordinary words in form take a place, not a brand")
            << u"- **Zendora X1:** fast\n- **Sound Quality:** fine\n- **Orbitly:** cheap\n"_s << u"x x x"_s
            << (dictionary ? QStringList{u"Zendora X1: 1"_s, u"Orbitly: 3"_s}
                           : QStringList{u"Zendora X1: 1"_s, u"Sound Quality: 2"_s, u"Orbitly: 3"_s})
            << 3;
        QTest::newRow("an unknown word among labels is a label")
            << u"- **Fit and comfort:** try them on\n- **Battery life:** 30 hours\n- **Multipoint:** handy\n\nSee "
               "**Multipoint** above."_s
            << u"x x x"_s << QStringList{} << 0;
        QTest::newRow("tracked brand in bold is not discovered")
            << u"1. **ACME CRM** - top\n"_s << u"1 x x"_s << QStringList{} << 1;
    }

    void rankAndDiscovered()
    {
        QFETCH(QString, answer);
        QFETCH(QString, ranks);
        QFETCH(QStringList, discovered);
        QFETCH(int, recommendations);
        const Analysis a = ResponseAnalyzer(spec()).analyze(answer, {});
        QCOMPARE(::ranks(a), ranks);
        QStringList names;
        for (const DiscoveredName &n : a.discovered)
            names << n.name + u": "_s + (n.rank > 0 ? QString::number(n.rank) : u"unranked"_s);
        QCOMPARE(names, discovered);
        QCOMPARE(a.recommendations, recommendations);
    }

    void mentionsIgnoreLinkDestinations()
    {
        const QString answer = u"See [the review](https://acme.example/review) of Beta."_s;
        const Analysis a = ResponseAnalyzer(spec()).analyze(answer, {});
        QVERIFY(!a.brands[0].mentioned()); // "acme" in a URL a reader never sees
        QCOMPARE(a.brands[1].mentions, 1);
        QCOMPARE(a.brands[1].firstOffset, answer.indexOf(u"Beta"_s)); // an offset in the source
        QCOMPARE(a.citations.size(), 1);
        QCOMPARE(a.citations[0].owner, 0);
    }

    void pawcWorkedByHand()
    {
        // Three sentences of 3, 3 and 4 words; N - 1 = 2.
        const Analysis a = ResponseAnalyzer(spec()).analyze(u"Acme is great. Beta is fine. Acme and Beta work."_s, {});
        QCOMPARE(a.sentences, 3);
        const double acme = 3 * std::exp(0.0) + 4 * std::exp(-1.0) / 2;
        const double beta = 3 * std::exp(-0.5) + 4 * std::exp(-1.0) / 2;
        QVERIFY(std::abs(a.brands[0].pawc - acme / (acme + beta)) < 1e-12);
        QVERIFY(std::abs(a.brands[1].pawc - beta / (acme + beta)) < 1e-12);
        QCOMPARE(a.brands[2].pawc, 0.0);
        const Analysis none = ResponseAnalyzer(spec()).analyze(u"Nothing to see."_s, {});
        QCOMPARE(none.brands[0].pawc, 0.0);
    }

    void sentimentIsTheMeanOfTheSentencesNamingTheBrand()
    {
        const QString first = u"Acme is excellent and reliable. "_s;
        const QString second = u"Beta is slow, and Acme is not great."_s;
        const Analysis a = ResponseAnalyzer(spec()).analyze(first + u"\n\n"_s + second, {});
        const double s1 = Vader::instance().score(first).compound;
        const double s2 = Vader::instance().score(second).compound;
        QVERIFY(a.brands[0].sentiment.has_value());
        QVERIFY(std::abs(*a.brands[0].sentiment - (s1 + s2) / 2) < 1e-12);
        QVERIFY(std::abs(*a.brands[1].sentiment - s2) < 1e-12);
        QVERIFY(!a.brands[2].sentiment.has_value());
        QCOMPARE(sentimentLabel(0.05), u"positive"_s);
        QCOMPARE(sentimentLabel(-0.05), u"negative"_s);
        QCOMPARE(sentimentLabel(0.0499), u"neutral"_s);
    }

    void citations_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QStringList>("urls");
        QTest::newRow("bare domain") << u"Compare on hubspot.com."_s << QStringList{u"https://hubspot.com/"_s};
        QTest::newRow("not e.g. or versions") << u"Tools, e.g. CRMs, v2.0 and 3.14 too."_s << QStringList{};
        QTest::newRow("not e-mail addresses") << u"Write to sales@beta.com today."_s << QStringList{};
        QTest::newRow("reserved example domains")
            << u"See clientory.example for details."_s << QStringList{u"https://clientory.example/"_s};
        QTest::newRow("autolink once") << u"Visit https://www.beta.com/pricing now."_s
                                       << QStringList{u"https://www.beta.com/pricing"_s};
        QTest::newRow("link and its text once")
            << u"[beta.com](https://beta.com/x)"_s << QStringList{u"https://beta.com/x"_s};
        QTest::newRow("reference links") << u"See [the guide][g].\n\n[g]: https://guide.example/crm?utm_source=x\n"_s
                                         << QStringList{u"https://guide.example/crm"_s};
        QTest::newRow("domains in a table")
            << u"| CRM | Site |\n|---|---|\n| Beta | beta.com |\n"_s << QStringList{u"https://beta.com/"_s};
    }

    void citations()
    {
        QFETCH(QString, answer);
        QFETCH(QStringList, urls);
        const Analysis a = ResponseAnalyzer(spec()).analyze(answer, {});
        QStringList found;
        for (const auto &c : a.citations)
            found << c.url;
        QCOMPARE(found, urls);
    }

    void numericMarkersPointAtTheEnginesCitations()
    {
        const QList<Citation> structured{
            {u"https://one.example/a"_s, {}}, {u"https://two.example/b"_s, {}}, {u"https://three.example/"_s, {}}};
        const Analysis a = ResponseAnalyzer(spec()).analyze(u"Beta leads [2]. Acme is cheaper [3][9]."_s, structured);
        QCOMPARE(a.citations.size(), 3);
        QCOMPARE(a.citations[0].marker, 0);
        QCOMPARE(a.citations[1].marker, 2);
        QCOMPARE(a.citations[2].marker, 3);
    }

    // Hostile answers end with an analysis, not a crash or a hang: 5 MiB of Markdown, NUL
    // bytes and bytes that are not UTF-8 (replaced on decoding, as the engines' JSON is).
    void hostileAnswers_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("acmeMentions");
        QByteArray big;
        while (big.size() < 5 * 1024 * 1024)
            big += "1. **Acme** is a CRM; Beta is another. Some words to fill the line out.\n";
        QTest::newRow("5 MiB") << big << int(big.count("Acme"));
        static const char nul[] = "Acme\0 is fine.\0\0 Beta \0too.";
        QTest::newRow("NUL bytes") << QByteArray(nul, sizeof nul - 1) << 1;
        QTest::newRow("invalid UTF-8") << QByteArray(
            "\xff\xfe Acme \xc3\x28 is \xed\xa0\x80 good, \xf8\x88\x80\x80\x80 Acme.")
                                       << 2;
        QTest::newRow("only garbage") << QByteArray("\xff\xfe\xfd\x00\x01\x02") << 0;
        QTest::newRow("deeply nested lists") << QByteArray("- ").repeated(20000) + "Acme" << 1;
        QTest::newRow("deeply nested quotes") << QByteArray("> ").repeated(20000) + "Acme" << 1;
    }

    void hostileAnswers()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, acmeMentions);
        const Analysis a = ResponseAnalyzer(spec()).analyze(QString::fromUtf8(bytes), {});
        QCOMPARE(a.brands[0].mentions, acmeMentions);
    }

    // 10,000 competitors: each is looked for, and the one named is found.
    void tenThousandCompetitors()
    {
        AuditSpec s = spec();
        for (int i = 0; i < 10000; ++i)
            s.competitors.append({u"Vendor%1"_s.arg(i), {}, {u"vendor%1.example"_s.arg(i)}});
        const ResponseAnalyzer analyzer(s);
        const Analysis a
            = analyzer.analyze(u"1. **Vendor9999** leads.\n2. **Acme** follows; see vendor42.example."_s, {});
        QCOMPARE(a.brands.size(), 10003);
        QCOMPARE(a.brands[10002].rank.value_or(0), 1);
        QCOMPARE(a.brands[0].rank.value_or(0), 2);
        QCOMPARE(a.citations.size(), 1);
        QCOMPARE(a.citations[0].owner, 3 + 42); // spec() tracks 3 brands before the vendors
    }

    void visibleTextAndEntries()
    {
        const MarkdownDocument doc
            = MarkdownDocument::parse(u"# Title\n\n1. **Acme** &amp; more\n   - nested\n2. Two\n"_s);
        QCOMPARE(doc.entries().size(), 3);
        QCOMPARE(doc.entries()[1].lead, u"Acme"_s);
        QCOMPARE(doc.text().mid(doc.entries()[1].start, doc.entries()[1].end - doc.entries()[1].start),
                 u"Acme & more"_s);
        QVERIFY(!doc.text().contains(u"**"_s));
        const qsizetype at = doc.text().indexOf(u"Acme"_s);
        QCOMPARE(doc.sourceOffset(at), qsizetype(14));
    }
};

QTEST_APPLESS_MAIN(TestAnalyzer)
#include "tst_analyzer.moc"
