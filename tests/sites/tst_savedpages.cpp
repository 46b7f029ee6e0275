#include "ClipboardFixtures.h"
#include "sites/AnswerHtml.h"
#include "sites/SavedPages.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

namespace { } // namespace

class TestSavedPages : public QObject
{
    Q_OBJECT

private slots:
    // A folder of saved pages: prompts and engines from sidecars and from names, each page's
    // answer the same Markdown and citations as its copy on the clipboard.
    void folderOfPages()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"a-chatgpt.html"_s), clipboardFixture(u"chatgpt.html"_s)));
        QVERIFY(
            writeFile(dir.filePath(u"a-chatgpt.json"_s),
                      R"({"prompt": "What is the best budget phone?", "engine": "chatgpt-app", "model": "gpt-5"})"));
        QVERIFY(writeFile(dir.filePath(u"ai-mode__best phone under 400 dollars.html"_s),
                          clipboardFixture(u"ai-mode.html"_s)));
        QVERIFY(writeFile(dir.filePath(u"perplexity__compare battery life__2.htm"_s),
                          clipboardFixture(u"perplexity.html"_s)));
        QVERIFY(writeFile(dir.filePath(u"notes.txt"_s), "not a page"));

        const AnswerFile file = SavedPages::read(dir.path());
        QVERIFY2(file.problems.isEmpty(), qPrintable(file.problems.join(u'\n')));
        QCOMPARE(file.answers.size(), 3);
        const struct
        {
            QString prompt, engine, model, fixture;
            int sample;
        } expected[] = {
            {u"What is the best budget phone?"_s, u"chatgpt-app"_s, u"gpt-5"_s, u"chatgpt"_s, 1},
            {u"best phone under 400 dollars"_s, u"ai-mode"_s, QString(), u"ai-mode"_s, 1},
            {u"compare battery life"_s, u"perplexity"_s, QString(), u"perplexity"_s, 2},
        };
        for (int i = 0; i < 3; ++i) {
            const ImportedAnswer &a = file.answers[i];
            QCOMPARE(a.prompt, expected[i].prompt);
            QCOMPARE(a.engine, expected[i].engine);
            QCOMPARE(a.model, expected[i].model);
            QCOMPARE(a.sample, expected[i].sample);
            QCOMPARE(a.answer, QString::fromUtf8(clipboardFixture(expected[i].fixture + u".md"_s)).trimmed());
            const AnswerHtml html = AnswerHtml::fromHtml(clipboardFixture(expected[i].fixture + u".html"_s));
            QCOMPARE(a.citations.size(), html.citations.size());
            for (qsizetype c = 0; c < a.citations.size(); ++c) {
                QCOMPARE(a.citations[c].url, html.citations[c].url);
                QCOMPARE(a.citations[c].title, html.citations[c].title);
            }
        }
    }

    // A page saved in the Windows code page (no charset said) still reads as its text.
    void windows1252Page()
    {
        QTemporaryDir dir;
        const QString page = dir.filePath(u"browser__caf\u00e9 phones.html"_s);
        QVERIFY(writeFile(page, "<p>Caf\xe9 pick: <b>Lumo</b> \x96 fine</p>"));
        const AnswerFile file = SavedPages::read(page);
        QVERIFY2(file.problems.isEmpty(), qPrintable(file.problems.join(u'\n')));
        QCOMPARE(file.answers.size(), 1);
        QCOMPARE(file.answers[0].answer, u"Caf\u00e9 pick: **Lumo** \u2013 fine"_s);
        QCOMPARE(file.answers[0].prompt, u"caf\u00e9 phones"_s);
    }

    void problems_data()
    {
        QTest::addColumn<QString>("page");       // its name in the folder
        QTest::addColumn<QByteArray>("sidecar"); // none when null
        QTest::addColumn<QString>("problem");
        QTest::newRow("no sidecar, no engine in the name")
            << u"answer.html"_s << QByteArray()
            << u"answer.html: no sidecar answer.json and a name not of the form ENGINE__PROMPT.html; add the sidecar "
               "with the prompt and engine, or rename the page"_s;
        QTest::newRow("sidecar not JSON")
            << u"p.html"_s << QByteArray("{prompt: x}")
            << u"p.html: its sidecar p.json is not a JSON object (unterminated object); write "
               "{\"prompt\": \"…\", \"engine\": \"…\"}"_s;
        QTest::newRow("sidecar a list") << u"p.html"_s << QByteArray("[]")
                                        << u"p.html: its sidecar p.json is not a JSON object (a JSON value of another "
                                           "kind); write {\"prompt\": \"…\", \"engine\": \"…\"}"_s;
        QTest::newRow("unknown sidecar key")
            << u"p.html"_s << QByteArray(R"({"prompt": "x", "engine": "e", "answer": "y"})")
            << u"p.html: its sidecar has the unknown key \"answer\"; the keys are prompt, engine, sample, model"_s;
        QTest::newRow("sample not a number") << u"e__prompt__two.html"_s << QByteArray()
                                             << u"e__prompt__two.html: \"two\" after the prompt in its name is not a "
                                                "sample number"_s;
        QTest::newRow("engine not usable (checked as in answer files)")
            << u"p.html"_s << QByteArray(R"({"prompt": "x", "engine": "my engine"})")
            << u"p.html: engine \"my engine\" is not a usable name; use up to 40 letters, digits, \"-\", \"_\" or "
               "\".\", such as chatgpt-app"_s;
        QTest::newRow("empty prompt") << u"p.html"_s << QByteArray(R"({"prompt": " ", "engine": "e"})")
                                      << u"p.html: the prompt is empty"_s;
    }

    void problems()
    {
        QFETCH(QString, page);
        QFETCH(QByteArray, sidecar);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(page), "<p>An answer</p>"));
        if (!sidecar.isNull())
            QVERIFY(writeFile(dir.filePath(QFileInfo(page).completeBaseName() + u".json"_s), sidecar));
        QVERIFY(writeFile(dir.filePath(u"good__fine prompt.html"_s), "<p>Kept</p>"));
        const AnswerFile file = SavedPages::read(dir.path());
        QCOMPARE(file.problems, QStringList{problem});
        QCOMPARE(file.answers.size(), 1); // the good page is kept
        QCOMPARE(file.answers[0].answer, u"Kept"_s);
    }

    void emptyFolder()
    {
        QTemporaryDir dir;
        const AnswerFile file = SavedPages::read(dir.path());
        QCOMPARE(file.problems,
                 QStringList{u"the folder holds no .html page; save each answer's page there as .html"_s});
    }

    // Anything else is an answers file, read as before.
    void csvStillReads()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(u"a.csv"_s), "prompt,engine,answer\np,e,a\n"));
        const AnswerFile file = SavedPages::read(dir.filePath(u"a.csv"_s));
        QVERIFY(file.problems.isEmpty());
        QCOMPARE(file.answers.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSavedPages)
#include "tst_savedpages.moc"
