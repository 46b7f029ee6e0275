#include "scoring/Scorer.h"

#include <QTest>

#include <cmath>

using namespace geo;
using namespace Qt::StringLiterals;

class TestScorer : public QObject
{
    Q_OBJECT

private slots:
    void wilson_data()
    {
        QTest::addColumn<int>("successes");
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        // The Wilson formula with z = 1.96, worked independently of this code.
        QTest::newRow("half of 10") << 5 << 10 << 0.236589593615 << 0.763410406385;
        QTest::newRow("none of 10") << 0 << 10 << 0.0 << 0.277540168767;
        QTest::newRow("all of 4") << 4 << 4 << 0.510099979596 << 1.0;
        QTest::newRow("1 of 2") << 1 << 2 << 0.094528654801 << 0.905471345199;
    }

    void wilson()
    {
        QFETCH(int, successes);
        QFETCH(int, n);
        QFETCH(double, low);
        QFETCH(double, high);
        const Interval i = wilsonInterval(successes, n);
        QVERIFY2(std::abs(i.low - low) < 1e-8, qPrintable(QString::number(i.low, 'g', 12)));
        QVERIFY2(std::abs(i.high - high) < 1e-8, qPrintable(QString::number(i.high, 'g', 12)));
    }

    void visibilityAndShareOfVoice()
    {
        // brands: 0 = audited, 1, 2. Four answers.
        const QList<ScoredAnswer> answers{
            {u"gpt"_s, u"custom"_s, {}, false, {2, 1, 0}},
            {u"gpt"_s, u"custom"_s, {}, false, {0, 3, 0}},
            {u"claude"_s, u"custom"_s, {}, true, {1, 0, 0}},
            {u"claude"_s, u"custom"_s, {}, false, {0, 0, 0}},
        };
        const auto cuts = Scorer::score(3, answers);
        QCOMPARE(cuts[0].cut, u"all"_s);
        const CutScores &all = cuts[0];
        QCOMPARE(all.brands[0].answers, 4);
        QCOMPARE(all.brands[0].mentionedAnswers, 2);
        QCOMPARE(*all.brands[0].visibility, 0.5);
        QCOMPARE(*all.brands[1].visibility, 0.5);
        QCOMPARE(*all.brands[2].visibility, 0.0);
        // Brand-answer pairs: 2 + 2 + 0 = 4; mentions: 3 + 4 + 0 = 7.
        QCOMPARE(*all.brands[0].shareOfVoice, 0.5);
        QCOMPARE(*all.brands[2].shareOfVoice, 0.0);
        QCOMPARE(*all.brands[0].mentionShare, 3.0 / 7.0);
        QCOMPARE(*all.brands[1].mentionShare, 4.0 / 7.0);

        QCOMPARE(cuts[1].cut, u"non-branded"_s);
        QCOMPARE(cuts[1].brands[0].answers, 3);
        QCOMPARE(*cuts[1].brands[0].visibility, 1.0 / 3.0);
        QCOMPARE(cuts[2].cut, u"branded"_s);
        QCOMPARE(*cuts[2].brands[0].shareOfVoice, 1.0);

        QStringList names;
        for (const auto &c : cuts)
            names << c.cut;
        QCOMPARE(names, (QStringList{u"all"_s, u"non-branded"_s, u"branded"_s, u"engine=gpt"_s, u"engine=claude"_s,
                                     u"category=custom"_s}));
    }

    void notApplicableWhenDenominatorIsZero()
    {
        const QList<ScoredAnswer> none{{u"gpt"_s, u"custom"_s, {}, false, {0, 0}}};
        const auto cuts = Scorer::score(2, none);
        QVERIFY(cuts[0].brands[0].visibility.has_value());
        QVERIFY(!cuts[0].brands[0].shareOfVoice.has_value());
        QVERIFY(!cuts[0].brands[0].mentionShare.has_value());
        QCOMPARE(cuts[2].cut, u"branded"_s);
        QCOMPARE(cuts[2].brands[0].answers, 0);
        QVERIFY(!cuts[2].brands[0].visibility.has_value());
        QVERIFY(!cuts[2].brands[0].visibilityInterval.has_value());
    }
};

QTEST_APPLESS_MAIN(TestScorer)
#include "tst_scorer.moc"
