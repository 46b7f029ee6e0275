#include "PipeWriter.h"
#include "engines/AnswerFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace geo;
using namespace Qt::StringLiterals;

class TestAnswerFile : public QObject
{
    Q_OBJECT

private slots:
    void csv_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QStringList>("prompts");  // of the kept answers, in order
        QTest::addColumn<QStringList>("problems"); // each the start of one problem, in order
        const QByteArray header = "prompt,engine,answer\n";
        QTest::newRow("good rows") << header + "p1,chatgpt-app,a1\np2,chatgpt-app,\"a, 2\"\n"
                                   << QStringList{u"p1"_s, u"p2"_s} << QStringList{};
        QTest::newRow("multi-line answer keeps line numbers")
            << header + "p1,e,\"line one\nline two\"\n,e,x\n"
            << QStringList{u"p1"_s} << QStringList{u"line 4: the prompt is empty"_s};
        QTest::newRow("broken quoting") << header + "p1,e,a\n\"p\"2\",e,a\np3,e,a\n"
                                        << QStringList{u"p1"_s, u"p3"_s} << QStringList{u"line 3: broken quoting"_s};
        QTest::newRow("unclosed quote at the end")
            << header + "p1,e,a\np2,e,\"never closed\n"
            << QStringList{u"p1"_s} << QStringList{u"line 3: a quoted field is never closed"_s};
        QTest::newRow("wrong field count")
            << header + "p1,e\np2,e,a,extra\np3,e,a\n"
            << QStringList{u"p3"_s}
            << QStringList{u"line 2: 2 fields where the header has 3"_s, u"line 3: 4 fields where the header has 3"_s};
        QTest::newRow("wrong columns") << QByteArray("question,bot,text\nq,e,a\n") << QStringList{}
                                       << QStringList{u"line 1: the header has no prompt, engine, answer column"_s};
        QTest::newRow("columns in any order and case")
            << QByteArray("Answer,Prompt,ENGINE,Sample\na,p1,e,2\n") << QStringList{u"p1"_s} << QStringList{};
        QTest::newRow("bad sample") << QByteArray("prompt,engine,answer,sample\np1,e,a,two\n") << QStringList{}
                                    << QStringList{u"line 2: sample \"two\" is not a whole number"_s};
        QTest::newRow("duplicate sample")
            << QByteArray("prompt,engine,answer,sample\np1,e,a,1\np1,e,b,1\n") << QStringList{u"p1"_s}
            << QStringList{u"line 3: sample 1 of this prompt on engine e is already on line 2"_s};
        QTest::newRow("bad citation") << QByteArray("prompt,engine,answer,citations\np1,e,a,ftp://x\n") << QStringList{}
                                      << QStringList{u"line 2: citation \"ftp://x\" is not an http(s) address"_s};
        QTest::newRow("bad engine name") << header + "p1,my engine,a\n"
                                         << QStringList{} << QStringList{u"line 2: engine \"my engine\""_s};
        QTest::newRow("empty") << QByteArray() << QStringList{} << QStringList{u"the file is empty"_s};
        static const char withNul[] = "p1,e,\"bad \xff\xfe bytes \0 here\"\n";
        QTest::newRow("invalid utf-8 and nul")
            << header + QByteArray(withNul, sizeof withNul - 1) << QStringList{u"p1"_s} << QStringList{};
    }

    void csv()
    {
        QFETCH(QByteArray, data);
        QFETCH(QStringList, prompts);
        QFETCH(QStringList, problems);
        const AnswerFile file = AnswerFile::parseCsv(data);
        QStringList kept;
        for (const auto &a : file.answers)
            kept << a.prompt;
        QCOMPARE(kept, prompts);
        QCOMPARE(file.problems.size(), problems.size());
        for (int i = 0; i < problems.size(); ++i)
            QVERIFY2(file.problems[i].startsWith(problems[i]), qPrintable(file.problems[i]));
    }

    void csvFields()
    {
        const AnswerFile file
            = AnswerFile::parseCsv("prompt,engine,answer,model,citations\n"
                                   "\"Best  CRM?\",chatgpt-app,\"1. **Acme**, then "
                                   "\"\"Beta\"\"\",gpt-5,\"https://a.example/x https://b.example/y\"\n"
                                   "\"Best CRM?\",chatgpt-app,second,,\n");
        QVERIFY2(file.problems.isEmpty(), qPrintable(file.problems.join(u'\n')));
        QCOMPARE(file.answers.size(), 2);
        const ImportedAnswer &a = file.answers[0];
        QCOMPARE(a.line, 2);
        QCOMPARE(a.prompt, u"Best CRM?"_s);
        QCOMPARE(a.answer, u"1. **Acme**, then \"Beta\""_s);
        QCOMPARE(a.model, u"gpt-5"_s);
        QCOMPARE(a.sample, 1);
        QCOMPARE(a.citations.size(), 2);
        QCOMPARE(a.citations[1].url, u"https://b.example/y"_s);
        QCOMPARE(file.answers[1].sample, 2); // the next free sample of the same prompt and engine
    }

    void jsonLines()
    {
        const AnswerFile file = AnswerFile::parseJsonLines(
            R"({"prompt": "p1", "engine": "ai-overviews", "answer": "a", "citations": ["https://a.example/"]})"
            "\n"
            "\n"
            "not json\n"
            R"({"prompt": "p2", "engine": "e", "answer": "b", "colour": 1})"
            "\n"
            R"({"prompt": "p3", "engine": "e", "answer": "c", "sample": 3, "citations": [{"url": )"
            R"("https://c.example/", "title": "C"}]})"
            "\n"
            R"({"prompt": "p4", "engine": "e", "answer": ""})"
            "\n"
            R"([1, 2])"
            "\n");
        QStringList kept;
        for (const auto &a : file.answers)
            kept << a.prompt;
        QCOMPARE(kept, (QStringList{u"p1"_s, u"p3"_s}));
        QCOMPARE(file.answers[1].sample, 3);
        QCOMPARE(file.answers[1].citations[0].title, u"C"_s);
        QCOMPARE(file.problems.size(), 4);
        QVERIFY(file.problems[0].startsWith(u"line 3: not a JSON object"_s));
        QVERIFY(file.problems[1].startsWith(u"line 4: unknown key(s) colour"_s));
        QVERIFY(file.problems[2].startsWith(u"line 6: the answer is empty"_s));
        QVERIFY(file.problems[3].startsWith(u"line 7: not a JSON object"_s));
    }

    // A value of the wrong JSON type refuses its line, named by line, key, what it is and
    // what it should be; a line may have several.
    void jsonLinesTypes_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QStringList>("prompts"); // of the kept answers, in order
        QTest::addColumn<QStringList>("problems");
        const auto line = [](const QByteArray &fields) {
            return R"({"prompt": "p1", "engine": "e", "answer": "a", )" + fields + "}\n";
        };
        const auto row = [](const char *name, const QByteArray &data, const QString &problem) {
            QTest::newRow(name) << data << QStringList() << QStringList{u"line 1: "_s + problem};
        };
        row("prompt a number", R"({"prompt": 5, "engine": "e", "answer": "a"})",
            u"\"prompt\" is a number; expected text"_s);
        row("engine a list", R"({"prompt": "p1", "engine": ["e"], "answer": "a"})",
            u"\"engine\" is a list; expected text"_s);
        row("answer an object", R"({"prompt": "p1", "engine": "e", "answer": {"text": "a"}})",
            u"\"answer\" is an object; expected text"_s);
        row("model a boolean", line(R"("model": true)"), u"\"model\" is a boolean; expected text"_s);
        row("model null", line(R"("model": null)"), u"\"model\" is null; expected text"_s);
        row("sample text", line(R"("sample": "2")"), u"\"sample\" is text; expected a whole number of 1 or more"_s);
        // moc takes a // in a raw string for a comment: these are written with escapes.
        row("citations text", line("\"citations\": \"http://x.com\""),
            u"\"citations\" is text; expected a list of addresses or {\"url\", \"title\"} objects"_s);
        row("a citation a number", line("\"citations\": [\"https://a.example/\", 7]"),
            u"\"citations\"[1] is a number; expected an address or a {\"url\", \"title\"} object"_s);
        row("a citation's url a number", line(R"("citations": [{"url": 1}])"),
            u"\"citations\"[0].url is a number; expected text"_s);
        row("a citation's title a list", line("\"citations\": [{\"url\": \"https://a.example/\", \"title\": [\"A\"]}]"),
            u"\"citations\"[0].title is a list; expected text"_s);
        QTest::newRow("two on one line, then a good line")
            << QByteArray("{\"prompt\": 5, \"engine\": \"e\", \"answer\": \"a\", \"citations\": \"http://x.com\"}\n"
                          R"({"prompt": "p2", "engine": "e", "answer": "b"})")
            << QStringList{u"p2"_s}
            << QStringList{u"line 1: \"prompt\" is a number; expected text"_s,
                           u"line 1: \"citations\" is text; expected a list of addresses or {\"url\", \"title\"} "
                           "objects"_s};
    }

    void jsonLinesTypes()
    {
        QFETCH(QByteArray, data);
        QFETCH(QStringList, prompts);
        QFETCH(QStringList, problems);
        const AnswerFile file = AnswerFile::parseJsonLines(data);
        QStringList kept;
        for (const auto &a : file.answers)
            kept << a.prompt;
        QCOMPARE(kept, prompts);
        QCOMPARE(file.problems, problems);
    }

    // A control character in the prompt, engine or model refuses the row, named by line and
    // column; a prompt's tabs and line breaks become spaces; an answer loses its NUL bytes.
    void refusesControlCharacters_data()
    {
        QTest::addColumn<bool>("csv"); // else JSON lines
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QStringList>("prompts"); // of the kept answers, in order
        QTest::addColumn<QStringList>("problems");
        const QByteArray header = "prompt,engine,answer,model\n";
        const auto nul = [](const char *text) { return QByteArray(text).replace('~', '\0'); };
        QTest::newRow("csv: NUL in a prompt")
            << true << header + nul("p1,e,a,m\nBest~ CRM,e,a,m\n") << QStringList{u"p1"_s}
            << QStringList{u"line 3: prompt holds the control character U+0000 at character 5; remove it"_s};
        QTest::newRow("csv: NUL in an engine")
            << true << header + nul("p1,e~,a,m\n") << QStringList()
            << QStringList{u"line 2: engine holds the control character U+0000 at character 2; remove it"_s};
        QTest::newRow("csv: NUL in a model")
            << true << header + nul("p1,e,a,~gpt\n") << QStringList()
            << QStringList{u"line 2: model holds the control character U+0000 at character 1; remove it"_s};
        QTest::newRow("csv: tab and line break in a prompt") << true << header + "\"Best\tCRM\nfor me\",e,a,m\n"
                                                             << QStringList{u"Best CRM for me"_s} << QStringList();
        QTest::newRow("csv: NUL in an answer")
            << true << header + nul("p1,e,a~b,m\n") << QStringList{u"p1"_s} << QStringList();
        QTest::newRow("jsonl: escaped NUL in a prompt")
            << false << QByteArray(R"({"prompt": "Best\u0000 CRM", "engine": "e", "answer": "a"})") << QStringList()
            << QStringList{u"line 1: prompt holds the control character U+0000 at character 5; remove it"_s};
        QTest::newRow("jsonl: raw NUL in a model")
            << false << nul(R"({"prompt": "p1", "engine": "e", "answer": "a", "model": "gpt~"})") << QStringList()
            << QStringList{u"line 1: model holds the control character U+0000 at character 4; remove it"_s};
        QTest::newRow("jsonl: escape in an engine")
            << false << QByteArray(R"({"prompt": "p1", "engine": "\u001be", "answer": "a"})") << QStringList()
            << QStringList{u"line 1: engine holds the control character U+001B at character 1; remove it"_s};
    }

    void refusesControlCharacters()
    {
        QFETCH(bool, csv);
        QFETCH(QByteArray, data);
        QFETCH(QStringList, prompts);
        QFETCH(QStringList, problems);
        const AnswerFile file = csv ? AnswerFile::parseCsv(data) : AnswerFile::parseJsonLines(data);
        QStringList kept;
        for (const auto &a : file.answers)
            kept << a.prompt;
        QCOMPARE(kept, prompts);
        QCOMPARE(file.problems, problems);
    }

    // The size a file reports is not trusted: /dev/zero and named pipes report 0 and may never
    // end. Such a file is read to the cap and a byte, then refused; a pipe that ends is read.
    // A name that is no answer file is refused before anything is read.
    void readsEndlessFilesOnlyToTheCap_data()
    {
        QTest::addColumn<QString>("file");   // absolute: read as it is; relative: made in a folder
        QTest::addColumn<QString>("linkTo"); // the relative file links here; empty: it is a pipe
        QTest::addColumn<QByteArray>("fed"); // what the pipe's writer sends first
        QTest::addColumn<bool>("endless");   // then spaces, until the reader closes
        QTest::addColumn<QStringList>("prompts");
        QTest::addColumn<QString>("problem"); // the only problem (its reader names the file); empty when read
        const QString tooLarge = u"the file is over 512 MiB; split it"_s;
        QTest::newRow("/dev/zero") << u"/dev/zero"_s << QString() << QByteArray() << false << QStringList()
                                   << u"not a .csv or .jsonl file; save the answers as CSV with a header row, or "
                                      "as JSON lines"_s;
        QTest::newRow("/dev/zero as .jsonl")
            << u"zero.jsonl"_s << u"/dev/zero"_s << QByteArray() << false << QStringList() << tooLarge;
        QTest::newRow("endless pipe") << u"answers.jsonl"_s << QString() << QByteArray() << true << QStringList()
                                      << tooLarge;
        QTest::newRow("pipe that ends") << u"answers.csv"_s << QString() << QByteArray("prompt,engine,answer\np1,e,a\n")
                                        << false << QStringList{u"p1"_s} << QString();
    }

    void readsEndlessFilesOnlyToTheCap()
    {
        QFETCH(QString, file);
        QFETCH(QString, linkTo);
        QFETCH(QByteArray, fed);
        QFETCH(bool, endless);
        QFETCH(QStringList, prompts);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        const QString path = QDir::isAbsolutePath(file) ? file : dir.filePath(file);
        std::optional<PipeWriter> writer;
        if (!linkTo.isEmpty()) {
            QVERIFY(QFile::link(linkTo, path));
        } else if (path != file) {
            writer.emplace(path, fed, endless);
            QVERIFY(writer->made());
        }
        const AnswerFile read = AnswerFile::read(path);
        QCOMPARE(read.problems, problem.isEmpty() ? QStringList() : QStringList{problem});
        QStringList kept;
        for (const auto &a : read.answers)
            kept << a.prompt;
        QCOMPARE(kept, prompts);
    }
};

QTEST_APPLESS_MAIN(TestAnswerFile)
#include "tst_answerfile.moc"
