#include "engines/CapturedEngine.h"

#include <QSignalSpy>
#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

// Asks and answers meet on prompt and sample, in whichever order they come.
class TestCapturedEngine : public QObject
{
    Q_OBJECT

private slots:
    void repliesWhenBothAskAndAnswerAreThere_data()
    {
        // Steps, each "ask N", "answer N", "skip N" or "give back", where N is the item whose
        // prompt is "pN" at sample 1; the replies as "item outcome text-or-class".
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QStringList>("replies");
        QTest::newRow("asked, then answered")
            << QStringList{u"ask 1"_s, u"answer 1"_s} << QStringList{u"1 answered a1"_s};
        QTest::newRow("answered before the ask")
            << QStringList{u"answer 2"_s, u"ask 1"_s, u"ask 2"_s} << QStringList{u"2 answered a2"_s};
        QTest::newRow("out of order") << QStringList{u"ask 1"_s, u"ask 2"_s, u"ask 3"_s, u"answer 3"_s, u"answer 1"_s}
                                      << QStringList{u"3 answered a3"_s, u"1 answered a1"_s};
        QTest::newRow("skipped") << QStringList{u"ask 1"_s, u"skip 1"_s} << QStringList{u"1 permanent skipped"_s};
        QTest::newRow("skipped before the ask")
            << QStringList{u"skip 1"_s, u"ask 1"_s} << QStringList{u"1 permanent skipped"_s};
        QTest::newRow("given back: what waits stays unasked")
            << QStringList{u"ask 1"_s, u"ask 2"_s, u"answer 1"_s, u"give back"_s}
            << QStringList{u"1 answered a1"_s, u"2 transient not-captured"_s};
        QTest::newRow("an answer for no item is not kept after giving back")
            << QStringList{u"answer 4"_s, u"give back"_s, u"ask 4"_s} << QStringList{};
        QTest::newRow("a second answer before the ask replaces the first")
            << QStringList{u"answer 1"_s, u"answer 1 again"_s, u"ask 1"_s} << QStringList{u"1 answered a1 again"_s};
    }

    void repliesWhenBothAskAndAnswerAreThere()
    {
        QFETCH(QStringList, steps);
        QFETCH(QStringList, replies);
        EngineSpec spec;
        spec.id = u"chatgpt-app"_s;
        spec.kind = u"imported"_s;
        spec.model = u"gpt-app"_s;
        CapturedEngine engine(spec);
        QStringList got;
        connect(&engine, &Engine::finished, this, [&got](const EngineReply &r) {
            const QString outcome = r.answered()                      ? u"answered"_s
                : r.outcome == EngineReply::Outcome::PermanentFailure ? u"permanent"_s
                                                                      : u"transient"_s;
            got << u"%1 %2 %3"_s.arg(r.itemId).arg(outcome, r.answered() ? r.text : r.errorClass);
            if (r.answered())
                QCOMPARE(r.model, u"gpt-app"_s); // the engine's model when the capture names none
        });
        for (const QString &step : std::as_const(steps)) {
            const QStringList words = step.split(u' ');
            const QString prompt = u"p"_s + words.value(1);
            if (words[0] == u"ask"_s) {
                engine.ask({words[1].toLongLong(), prompt, 1});
            } else if (words[0] == u"answer"_s) {
                ImportedAnswer a;
                a.prompt = prompt;
                a.engine = spec.id;
                a.sample = 1;
                a.answer = u"a"_s + words.mid(1).join(u' ');
                engine.answer(a);
            } else if (words[0] == u"skip"_s) {
                engine.skip(prompt, 1);
            } else {
                engine.giveBack();
            }
            QCoreApplication::processEvents(); // replies come on the next turn of the loop
        }
        QCoreApplication::processEvents();
        QCOMPARE(got, replies);
    }
};

QTEST_GUILESS_MAIN(TestCapturedEngine)
#include "tst_capturedengine.moc"
