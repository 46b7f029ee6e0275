#include "scoring/Scorer.h"

#include <QTest>

#include <cmath>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

// An answer naming each brand mentions[b] times, first in the order of the list.
ScoredAnswer answer(const QString &engine, bool branded, const QList<int> &mentions)
{
    ScoredAnswer a{engine, u"custom"_s, {}, branded, QList<BrandFigures>(mentions.size()), {}};
    int order = 0;
    for (int b = 0; b < mentions.size(); ++b) {
        a.brands[b].mentions = mentions[b];
        a.brands[b].order = mentions[b] > 0 ? ++order : 0;
    }
    return a;
}

} // namespace

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
            answer(u"gpt"_s, false, {2, 1, 0}),
            answer(u"gpt"_s, false, {0, 3, 0}),
            answer(u"claude"_s, true, {1, 0, 0}),
            answer(u"claude"_s, false, {0, 0, 0}),
        };
        const auto cuts = Scorer(3).score(answers);
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
        const QList<ScoredAnswer> none{answer(u"gpt"_s, false, {0, 0})};
        const auto cuts = Scorer(2).score(none);
        QVERIFY(cuts[0].brands[0].visibility.has_value());
        QVERIFY(!cuts[0].brands[0].shareOfVoice.has_value());
        QVERIFY(!cuts[0].brands[0].mentionShare.has_value());
        QCOMPARE(cuts[2].cut, u"branded"_s);
        QCOMPARE(cuts[2].brands[0].answers, 0);
        QVERIFY(!cuts[2].brands[0].visibility.has_value());
        QVERIFY(!cuts[2].brands[0].visibilityInterval.has_value());
    }

    void visibilityScoreUsesTheWeights()
    {
        // Brand 0 is named in 1 of 2 answers, at rank 1 with sentiment 0.5; brand 1 never.
        ScoredAnswer a = answer(u"gpt"_s, false, {1, 0});
        a.brands[0].rank = 1;
        a.brands[0].sentiment = 0.5;
        const QList<ScoredAnswer> answers{a, answer(u"gpt"_s, false, {0, 0})};
        const ScoreWeights weights{0.4, 0.3, 0.1, 0.2};
        const BrandScore s0 = Scorer(2, weights).score(answers)[0].brands[0];
        // V = 1/2, SoV = 1/1, R = 1/2, S = 50 · (1 + 0.5) / 100 = 0.75.
        QCOMPARE(*s0.sentimentIndex, 75.0);
        QVERIFY(std::abs(*s0.visibilityScore - 100.0 * (0.4 * 0.5 + 0.3 * 1.0 + 0.1 * 0.5 + 0.2 * 0.75)) < 1e-9);
        // Never mentioned: S is taken as 0.5, the rest are 0.
        const BrandScore s1 = Scorer(2, weights).score(answers)[0].brands[1];
        QVERIFY(!s1.sentimentIndex);
        QVERIFY(std::abs(*s1.visibilityScore - 100.0 * 0.2 * 0.5) < 1e-9);
        // The default weights: 100 · (0.35·0.5 + 0.25·1 + 0.20·0.5 + 0.20·0.75).
        QVERIFY(std::abs(*Scorer(2).score(answers)[0].brands[0].visibilityScore - 67.5) < 1e-9);
    }
};

QTEST_APPLESS_MAIN(TestScorer)
#include "tst_scorer.moc"
