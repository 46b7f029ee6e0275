#include "scoring/ScoreComparison.h"
#include "scoring/Scorer.h"

#include <QTest>

#include <cmath>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

// An answer naming each brand mentions[b] times, first in the order of the list.
ScoredAnswer answer(const QString &engine, bool branded, const QList<int> &mentions)
{
    ScoredAnswer a{engine, u"custom"_s, {}, branded, QList<BrandFigures>(mentions.size()), {}, {}};
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
        QCOMPARE(names,
                 (QStringList{u"all"_s, u"non-branded"_s, u"branded"_s, u"engine=gpt"_s, u"engine=claude"_s,
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

    // Ranks 1, 3, 4, 7 and a mention outside the list: 4th and lower share a bucket, and
    // the unranked mention is in none.
    void rankDistribution()
    {
        QList<ScoredAnswer> answers;
        for (const std::optional<int> rank : {std::optional<int>(1), std::optional<int>(3), std::optional<int>(4),
                                              std::optional<int>(7), std::optional<int>()}) {
            ScoredAnswer a = answer(u"gpt"_s, false, {1});
            a.brands[0].rank = rank;
            answers << a;
        }
        answers << answer(u"gpt"_s, false, {0});
        const BrandScore s = Scorer(1).score(answers)[0].brands[0];
        QCOMPARE(s.rankCounts, (std::array<int, 4>{1, 0, 1, 2}));
        QCOMPARE(s.rankedAnswers, 4);
        QCOMPARE(s.mentionedAnswers - s.rankedAnswers, 1);
    }

    void comparisonWithThePreviousAudit_data()
    {
        QTest::addColumn<int>("before"); // mentioned answers out of 10, previous audit
        QTest::addColumn<int>("after");  // mentioned answers out of 10, this audit
        QTest::addColumn<bool>("overlap");
        // Wilson 95% of k/10: 2 -> [0.0567, 0.5098], 5 -> [0.2366, 0.7634], 9 -> [0.5958, 0.9821].
        QTest::newRow("a drop inside the noise") << 5 << 2 << true;
        QTest::newRow("a rise beyond it") << 2 << 9 << false;
        QTest::newRow("no change") << 5 << 5 << true;
    }

    void comparisonWithThePreviousAudit()
    {
        QFETCH(int, before);
        QFETCH(int, after);
        QFETCH(bool, overlap);
        const auto audit = [](qint64 id, const QStringList &brands, int acme) {
            QList<ScoredAnswer> answers;
            for (int i = 0; i < 10; ++i) {
                QList<int> mentions(brands.size(), 0);
                mentions[brands.indexOf(u"Acme"_s)] = i < acme ? 1 : 0;
                answers << answer(u"gpt"_s, false, mentions);
            }
            return AuditScores{id, brands, {}, Scorer(int(brands.size())).score(answers), {}, {}};
        };
        // The previous audit tracked Beta first and no Gamma: brands are matched by name.
        const AuditScores previous = audit(1, {u"Beta"_s, u"Acme"_s}, before);
        const AuditScores current = audit(2, {u"Acme"_s, u"Beta"_s, u"Gamma"_s}, after);
        const QList<BrandChange> changes = ScoreComparison::compare(current, &previous);
        QCOMPARE(changes.size(), current.cuts.size() * 3);
        const BrandChange &acme = changes[0];
        QCOMPARE(acme.cut, u"all"_s);
        QCOMPARE(acme.brand, 0);
        QCOMPARE(acme.intervalsOverlap, std::optional<bool>(overlap));
        const auto visibility = std::find_if(acme.figures.cbegin(), acme.figures.cend(),
                                             [](const FigureChange &f) { return f.figure == u"visibility"_s; });
        QVERIFY(visibility != acme.figures.cend());
        QCOMPARE(*visibility->previous, before / 10.0);
        QVERIFY(std::abs(*visibility->change - (after - before) / 10.0) < 1e-12);
        // Gamma is new: nothing to compare with.
        const BrandChange &gamma = changes[2];
        QVERIFY(!gamma.intervalsOverlap);
        for (const FigureChange &f : gamma.figures)
            QVERIFY(!f.previous && !f.change);
        // Without a previous audit, no figure has a previous value.
        for (const BrandChange &c : ScoreComparison::compare(current, nullptr))
            QVERIFY(!c.intervalsOverlap && !c.figures[3].previous);
    }

    void intervalsOverlap_data()
    {
        QTest::addColumn<double>("lowA");
        QTest::addColumn<double>("highA");
        QTest::addColumn<double>("lowB");
        QTest::addColumn<double>("highB");
        QTest::addColumn<bool>("overlap");
        QTest::newRow("apart") << 0.1 << 0.2 << 0.3 << 0.4 << false;
        QTest::newRow("touching") << 0.1 << 0.3 << 0.3 << 0.4 << true;
        QTest::newRow("nested") << 0.1 << 0.9 << 0.3 << 0.4 << true;
        QTest::newRow("apart, other way") << 0.5 << 0.6 << 0.1 << 0.4 << false;
    }

    void intervalsOverlap()
    {
        QFETCH(double, lowA);
        QFETCH(double, highA);
        QFETCH(double, lowB);
        QFETCH(double, highB);
        QFETCH(bool, overlap);
        QCOMPARE(ScoreComparison::overlap({lowA, highA}, {lowB, highB}), overlap);
        QCOMPARE(ScoreComparison::overlap({lowB, highB}, {lowA, highA}), overlap);
    }
};

QTEST_APPLESS_MAIN(TestScorer)
#include "tst_scorer.moc"
