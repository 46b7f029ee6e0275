#include "engines/AnswerFile.h"

#include <QTest>

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
            << header + "p1,e,\"line one\nline two\"\n,e,x\n" << QStringList{u"p1"_s} << QStringList{u"line 4: the prompt is empty"_s};
        QTest::newRow("broken quoting") << header + "p1,e,a\n\"p\"2\",e,a\np3,e,a\n" << QStringList{u"p1"_s, u"p3"_s}
                                        << QStringList{u"line 3: broken quoting"_s};
        QTest::newRow("unclosed quote at the end") << header + "p1,e,a\np2,e,\"never closed\n" << QStringList{u"p1"_s}
                                                   << QStringList{u"line 3: a quoted field is never closed"_s};
        QTest::newRow("wrong field count") << header + "p1,e\np2,e,a,extra\np3,e,a\n" << QStringList{u"p3"_s}
                                           << QStringList{u"line 2: 2 fields where the header has 3"_s,
                                                          u"line 3: 4 fields where the header has 3"_s};
        QTest::newRow("wrong columns") << QByteArray("question,bot,text\nq,e,a\n") << QStringList{}
                                       << QStringList{u"line 1: the header has no prompt, engine, answer column"_s};
        QTest::newRow("columns in any order and case") << QByteArray("Answer,Prompt,ENGINE,Sample\na,p1,e,2\n") << QStringList{u"p1"_s}
                                                       << QStringList{};
        QTest::newRow("bad sample") << QByteArray("prompt,engine,answer,sample\np1,e,a,two\n") << QStringList{}
                                    << QStringList{u"line 2: sample \"two\" is not a whole number"_s};
        QTest::newRow("duplicate sample") << QByteArray("prompt,engine,answer,sample\np1,e,a,1\np1,e,b,1\n") << QStringList{u"p1"_s}
                                          << QStringList{u"line 3: sample 1 of this prompt on engine e is already on line 2"_s};
        QTest::newRow("bad citation") << QByteArray("prompt,engine,answer,citations\np1,e,a,ftp://x\n") << QStringList{}
                                      << QStringList{u"line 2: citation \"ftp://x\" is not an http(s) address"_s};
        QTest::newRow("bad engine name") << header + "p1,my engine,a\n" << QStringList{} << QStringList{u"line 2: engine \"my engine\""_s};
        QTest::newRow("empty") << QByteArray() << QStringList{} << QStringList{u"the file is empty"_s};
        static const char withNul[] = "p1,e,\"bad \xff\xfe bytes \0 here\"\n";
        QTest::newRow("invalid utf-8 and nul") << header + QByteArray(withNul, sizeof withNul - 1) << QStringList{u"p1"_s} << QStringList{};
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
        const AnswerFile file = AnswerFile::parseCsv(
            "prompt,engine,answer,model,citations\n"
            "\"Best  CRM?\",chatgpt-app,\"1. **Acme**, then \"\"Beta\"\"\",gpt-5,\"https://a.example/x https://b.example/y\"\n"
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
            R"({"prompt": "p1", "engine": "ai-overviews", "answer": "a", "citations": ["https://a.example/"]})" "\n"
            "\n"
            "not json\n"
            R"({"prompt": "p2", "engine": "e", "answer": "b", "colour": 1})" "\n"
            R"({"prompt": "p3", "engine": "e", "answer": "c", "sample": 3, "citations": [{"url": "https://c.example/", "title": "C"}]})" "\n"
            R"({"prompt": "p4", "engine": "e", "answer": ""})" "\n"
            R"([1, 2])" "\n");
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
};

QTEST_APPLESS_MAIN(TestAnswerFile)
#include "tst_answerfile.moc"
