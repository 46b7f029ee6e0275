#include "SpecSummary.h"

#include <QTest>

using namespace geo;
using namespace Qt::StringLiterals;

// What the main pane says of the spec being set up: what Start would run, or why not yet.
class TestSpecSummary : public QObject
{
    Q_OBJECT

private:
    static AuditSpec spec()
    {
        AuditSpec s;
        s.name = u"Summary test"_s;
        s.brand = {u"Acme & Co"_s, {}, {}};
        s.competitors = {{u"Globex"_s, {}, {}}, {u"Initech"_s, {}, {}}};
        s.templates = false;
        s.prompts = {u"Best CRM?"_s, u"Which CRM?"_s, u"CRM for a team of ten?"_s};
        s.samples = 2;
        EngineSpec e;
        e.id = u"gpt"_s;
        e.kind = u"openai"_s;
        e.model = u"gpt-4o-mini"_s;
        s.engines = {e};
        return s;
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    // The app's analysis threads replace the spec's; 0 keeps the spec's own.
    void runsWithTheAppsThreads_data()
    {
        QTest::addColumn<int>("setting");
        QTest::addColumn<int>("threads");
        QTest::newRow("spec's own") << 0 << 10;
        QTest::newRow("app's") << 3 << 3;
    }

    void runsWithTheAppsThreads()
    {
        QFETCH(int, setting);
        QFETCH(int, threads);
        const AuditSpec runnable = SpecSummary::runnable(spec(), setting);
        QCOMPARE(runnable.analysis.threads, threads);
        const SpecSummary s = SpecSummary::of(runnable);
        QVERIFY2(s.text.contains(u"analysis on %1 threads"_s.arg(threads)), qPrintable(s.text));
    }

    void saysWhatStartWouldRun()
    {
        AuditSpec sample = spec();
        const SpecSummary s = SpecSummary::of(sample);
        QCOMPARE(s.title, u"Summary test"_s);
        QCOMPARE(s.answers, 6); // 3 prompts × 1 engine × 2 samples
        QVERIFY(s.blocker.isEmpty());
        QVERIFY(!s.sampleData);
        QVERIFY2(s.text.startsWith(u"<b>Acme &amp; Co</b> against Globex, Initech.<br>"
                                   u"3 prompts × 1 engine (gpt (gpt-4o-mini)) × 2 samples = <b>6 answers</b>"_s),
                 qPrintable(s.text));
        sample.sampleData = true;
        QVERIFY(SpecSummary::of(sample).text.endsWith(u"Recorded sample answers: nothing is asked or paid."_s));
        QVERIFY(SpecSummary::of(sample).sampleData);
    }

    void saysWhyItCannotStart_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("problems");
        QTest::addColumn<bool>("untouched");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("blocker");
        const QString eight = u"Fix the set-up first:\n• p1\n• p2\n• p3\n• p4\n• p5\n• p6\n• p7\n• p8"_s;
        QTest::newRow("new, untouched") << QString() << 3 << true << u"New audit"_s
                                        << u"Fill in the set-up below, or open a spec with File → Open spec…"_s
                                        << u"Fix the set-up first:\n• p1\n• p2\n• p3"_s;
        QTest::newRow("being filled in") << QString() << 1 << false << u"New audit"_s
                                         << u"1 problem(s) to fix on the Set up page before the audit can start."_s
                                         << u"Fix the set-up first:\n• p1"_s;
        QTest::newRow("named") << u"Q3"_s << 8 << true << u"Q3"_s
                               << u"8 problem(s) to fix on the Set up page before the audit can start."_s << eight;
        QTest::newRow("more than eight") << u"Q3"_s << 9 << false << u"Q3"_s
                                         << u"9 problem(s) to fix on the Set up page before the audit can start."_s
                                         << eight + u"\n…"_s;
    }

    void saysWhyItCannotStart()
    {
        QFETCH(QString, name);
        QFETCH(int, problems);
        QFETCH(bool, untouched);
        QFETCH(QString, title);
        QFETCH(QString, text);
        QFETCH(QString, blocker);
        QStringList list;
        for (int p = 1; p <= problems; ++p)
            list << u"p%1"_s.arg(p);
        const SpecSummary s = SpecSummary::ofProblems(name, list, untouched);
        QCOMPARE(s.title, title);
        QCOMPARE(s.text, text);
        QCOMPARE(s.blocker, blocker);
        QCOMPARE(s.answers, 0);
    }
};

QTEST_MAIN(TestSpecSummary)
#include "tst_specsummary.moc"
