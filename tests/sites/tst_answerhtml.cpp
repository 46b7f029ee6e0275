#include "ClipboardFixtures.h"
#include "analysis/ResponseAnalyzer.h"
#include "sites/AnswerHtml.h"

#include <QFile>
#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

// The phones the fixtures talk about: the audited brand first, then its competitors.
AuditSpec phones()
{
    AuditSpec s;
    s.brand = {u"Lumo"_s, {}, {u"lumophones.com"_s}};
    s.competitors = {{u"Vexa"_s, {}, {u"vexa.com"_s}}, {u"Orbi"_s, {}, {}}, {u"Nexo"_s, {}, {u"nexo.example"_s}}};
    return s;
}

// Each tracked brand's rank, "-" when mentioned without one, "x" when not mentioned.
QString ranks(const Analysis &a)
{
    QStringList out;
    for (const BrandFigures &f : a.brands)
        out << (f.rank ? QString::number(*f.rank) : f.mentioned() ? u"-"_s : u"x"_s);
    return out.join(u' ');
}

QStringList urls(const QList<Citation> &citations)
{
    QStringList out;
    for (const Citation &c : citations)
        out << c.url;
    return out;
}

} // namespace

class TestAnswerHtml : public QObject
{
    Q_OBJECT

private slots:
    void pages_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("citations");
        QTest::addColumn<QString>("titleOfFirst");
        QTest::addColumn<QString>("ranks"); // Lumo Vexa Orbi Nexo
        QTest::addColumn<int>("recommendations");
        QTest::addColumn<QStringList>("citedDomains");
        QTest::newRow("ChatGPT: linked headings, source chips, a table")
            << u"chatgpt"_s
            << QStringList{u"https://www.lumophones.com/phone-9a"_s,
                           u"https://www.rtings.com/phone/reviews/best/budget"_s, u"https://vexa.com/13r"_s,
                           u"https://www.gsmarena.com/vexa_13r-review-2790.php"_s}
            << u"Lumo Phone 9a"_s << u"1 2 3 x"_s << 6 // three headings, then the table's rows
            << QStringList{u"lumophones.com"_s, u"rtings.com"_s, u"vexa.com"_s, u"gsmarena.com"_s};
        QTest::newRow("Google AI Mode: role headings, cards through /url?q=")
            << u"ai-mode"_s
            << QStringList{u"https://www.rtings.com/phone/reviews/best/budget"_s,
                           u"https://www.theverge.com/budget-phones"_s}
            << u"The 5 Best Budget Phones of 2026 - RTINGS.com RTINGS.com"_s << u"2 1 x 3"_s << 3
            << QStringList{u"rtings.com"_s, u"theverge.com"_s};
        QTest::newRow("Google AI Overview: ordered list, text fragments, source list")
            << u"ai-overview"_s
            << QStringList{u"https://www.dxomark.com/smartphones/budget-ranking/"_s,
                           u"https://www.gsmarena.com/orbi_a5-review-2801.php"_s,
                           u"https://www.lumophones.com/phone-9a/camera"_s}
            << u"DXOMARK budget ranking"_s << u"2 3 1 x"_s << 5 // the list, then the sources naming brands
            << QStringList{u"dxomark.com"_s, u"gsmarena.com"_s, u"lumophones.com"_s};
        QTest::newRow("Perplexity: numbered citations, a sources list")
            << u"perplexity"_s
            << QStringList{u"https://www.gsmarena.com/battery-test.php3"_s,
                           u"https://www.phonearena.com/news/lumo-9a-battery_id1552"_s,
                           u"https://www.nexo.example/lite/specs"_s}
            << u"1"_s << u"2 1 x 3"_s << 3 << QStringList{u"gsmarena.com"_s, u"phonearena.com"_s, u"nexo.example"_s};
    }

    void pages()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, citations);
        QFETCH(QString, titleOfFirst);
        QFETCH(QString, ranks);
        QFETCH(int, recommendations);
        QFETCH(QStringList, citedDomains);
        const AnswerHtml answer = AnswerHtml::fromHtml(clipboardFixture(name + u".html"_s));
        const QString expected = QString::fromUtf8(clipboardFixture(name + u".md"_s)).trimmed();
        if (answer.markdown != expected)
            qWarning().noquote() << "actual Markdown:\n" << answer.markdown;
        QCOMPARE(answer.markdown, expected);
        QCOMPARE(urls(answer.citations), citations);
        QCOMPARE(answer.citations.front().title, titleOfFirst);

        const Analysis analysis = ResponseAnalyzer(phones()).analyze(answer.markdown, answer.citations);
        QCOMPARE(::ranks(analysis), ranks);
        QCOMPARE(analysis.recommendations, recommendations);
        QStringList domains;
        for (const CitationRef &c : analysis.citations)
            if (!domains.contains(c.domain))
                domains << c.domain;
        QCOMPARE(domains, citedDomains);
    }

    void unwrapLink_data()
    {
        QTest::addColumn<QString>("href");
        QTest::addColumn<QString>("url");
        QTest::newRow("plain") << u"https://a.example/x?id=3"_s << u"https://a.example/x?id=3"_s;
        QTest::newRow("utm parameters go, others stay")
            << u"https://a.example/x?utm_source=chatgpt.com&id=3&UTM_medium=m"_s << u"https://a.example/x?id=3"_s;
        QTest::newRow("only utm: no query left")
            << u"https://a.example/x?utm_source=chatgpt.com"_s << u"https://a.example/x"_s;
        QTest::newRow("google /url?q=") << u"https://www.google.com/url?q=https://b.example/p%3Fk%3Dv&sa=U&ved=x"_s
                                        << u"https://b.example/p?k=v"_s;
        QTest::newRow("google.co.uk /url?url=")
            << u"https://www.google.co.uk/url?url=https://b.example/&sa=t"_s << u"https://b.example/"_s;
        QTest::newRow("relative /url?q=") << u"/url?q=https://b.example/p&sa=U"_s << u"https://b.example/p"_s;
        QTest::newRow("text fragment") << u"https://b.example/p#:~:text=Lumo"_s << u"https://b.example/p"_s;
        QTest::newRow("ordinary fragment stays") << u"https://b.example/p#specs"_s << u"https://b.example/p#specs"_s;
        QTest::newRow("google shopping srsltid")
            << u"https://shop.example/9a?srsltid=AfmBOo"_s << u"https://shop.example/9a"_s;
        QTest::newRow("not http") << u"javascript:void(0)"_s << QString();
        QTest::newRow("mailto") << u"mailto:a@b.example"_s << QString();
        QTest::newRow("relative") << u"/search?q=phones"_s << QString();
        QTest::newRow("google url without target") << u"https://www.google.com/url?sa=U"_s << QString();
    }

    void unwrapLink()
    {
        QFETCH(QString, href);
        QFETCH(QString, url);
        QCOMPARE(AnswerHtml::unwrapLink(QUrl(href)).toString(QUrl::FullyEncoded), url);
    }

    void shapes_data()
    {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<int>("citations");
        QTest::newRow("empty") << QByteArray() << QString() << 0;
        QTest::newRow("plain text") << QByteArray("just   some\n text") << u"just some text"_s << 0;
        QTest::newRow("ordered list with start")
            << QByteArray("<ol start=\"4\"><li>Four</li><li>Five</li></ol>") << u"4. Four\n5. Five"_s << 0;
        QTest::newRow("nested lists indent by their marker")
            << QByteArray("<ol><li><p>One</p><ul><li>a</li><li>b</li></ul></li><li>Two</li></ol>")
            << u"1. One\n   - a\n   - b\n2. Two"_s << 0;
        QTest::newRow("table without thead, short row padded")
            << QByteArray("<table><tr><td>A</td><td>B</td></tr><tr><td>1</td></tr></table>")
            << u"| A | B |\n| --- | --- |\n| 1 |  |"_s << 0;
        QTest::newRow("markdown characters in text are escaped")
            << QByteArray("<p>5 * 3 [sic] `x`</p>") << u"5 \\* 3 \\[sic\\] \\`x\\`"_s << 0;
        QTest::newRow("bold keeps its spaces outside")
            << QByteArray("<p>a<b> bold </b>b</p>") << u"a **bold** b"_s << 0;
        QTest::newRow("scripts, styles, buttons, nav and images are left out")
            << QByteArray("<nav>Menu</nav><script>var x=1;</script><style>p{}</style><p>Kept<button>Copy</button>"
                          "<img src=x alt=pic></p>")
            << u"Kept"_s << 0;
        QTest::newRow("main only when there is one")
            << QByteArray("<body><div>Sidebar</div><main><h1>Answer</h1></main></body>") << u"# Answer"_s << 0;
        QTest::newRow("the same link twice is one citation")
            << QByteArray(
                   "<p><a href='https://a.example/?utm_source=x'>A</a> <a href='https://a.example/'>again</a></p>")
            << u"[A](https://a.example/) [again](https://a.example/)"_s << 1;
        QTest::newRow("a link that is not http is its text")
            << QByteArray("<p><a href='javascript:go()'>Go</a></p>") << u"Go"_s << 0;
        QTest::newRow("blockquote, pre and br")
            << QByteArray("<blockquote><p>Quoted</p></blockquote><pre>a\n  b</pre><p>x<br>y</p>")
            << u"> Quoted\n\n```\na\n  b\n```\n\nx\ny"_s << 0;
    }

    void shapes()
    {
        QFETCH(QByteArray, html);
        QFETCH(QString, markdown);
        QFETCH(int, citations);
        const AnswerHtml answer = AnswerHtml::fromHtml(html);
        QCOMPARE(answer.markdown, markdown);
        QCOMPARE(answer.citations.size(), citations);
    }

    // Markup nested a hundred thousand deep (gumbo alone would crash) is cut by the nesting
    // guard and still gives its text.
    void deepNesting()
    {
        const QByteArray html = QByteArray("<div>").repeated(100000) + "deep" + QByteArray("</div>").repeated(100000);
        const AnswerHtml answer = AnswerHtml::fromHtml(html);
        QCOMPARE(answer.markdown, u"deep"_s);
    }
};

QTEST_GUILESS_MAIN(TestAnswerHtml)
#include "tst_answerhtml.moc"
