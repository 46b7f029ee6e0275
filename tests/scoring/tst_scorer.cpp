#include "scoring/AuditScoring.h"
#include "scoring/Figures.h"
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
    ScoredAnswer a{engine, u"custom"_s, {}, branded, QList<BrandFigures>(mentions.size()), {}, {}, {}};
    int order = 0;
    for (int b = 0; b < mentions.size(); ++b) {
        a.brands[b].mentions = mentions[b];
        a.brands[b].order = mentions[b] > 0 ? ++order : 0;
    }
    return a;
}

// A citation as the store gives it: its URL, registrable domain and owner.
CitationRef cited(const QString &url, const QString &domain, int owner = -1)
{
    return {url, QUrl(url).host(), domain, owner, CitationRef::Source::Text, 0};
}

// Four answers of two engines citing sources of every rule (docs/metrics.md): brand 0 Acme
// (acme.example), brand 1 Pipewise (pipewise.example).
ScoringInput sourcesAudit()
{
    ScoringInput in;
    in.brands = {u"Acme"_s, u"Pipewise"_s};
    ScoredAnswer a1 = answer(u"gpt"_s, false, {1, 0});
    a1.citations = {cited(u"https://acme.example/"_s, u"acme.example"_s, 0),                     // own
                    cited(u"https://www.reddit.com/r/crm/"_s, u"reddit.com"_s),                  // table: forum
                    cited(u"https://www.g2.com/categories/crm"_s, u"g2.com"_s),                  // table: review
                    cited(u"https://dailyplanet.example/2025/crm"_s, u"dailyplanet.example"_s)}; // page: news
    ScoredAnswer a2 = answer(u"gpt"_s, false, {0, 1});
    a2.citations = {cited(u"https://pipewise.example/pricing"_s, u"pipewise.example"_s, 1), // competitor
                    cited(u"https://old.reddit.com/r/sales/"_s, u"reddit.com"_s)};          // table: forum
    ScoredAnswer a3 = answer(u"claude"_s, false, {2, 1});
    a3.citations = {cited(u"https://www.amazon.com/dp/B01"_s, u"amazon.com"_s),             // table: marketplace
                    cited(u"https://tools.example/blog/crm"_s, u"tools.example"_s),         // shape: blog
                    cited(u"https://crm-ratings.example/top"_s, u"crm-ratings.example"_s)}; // override: review
    ScoredAnswer a4 = answer(u"claude"_s, false, {0, 0});
    a4.citations = {cited(u"https://www.reddit.com/r/crm/top"_s, u"reddit.com"_s)}; // table: forum
    in.answers = {a1, a2, a3, a4};
    in.sourceTypes = {{u"crm-ratings.example"_s, SourceType::Review}};
    in.pages = {{u"dailyplanet.example"_s, {{u"NewsArticle"_s}, {}}}};
    return in;
}

// Each type's citations in a mix, by name, the types with none left out.
QMap<QString, int> counts(const SourceMix &mix)
{
    QMap<QString, int> out;
    for (int t = 0; t < SourceTypeCount; ++t)
        if (mix.citations[t] > 0)
            out.insert(sourceTypeName(SourceType(t)), mix.citations[t]);
    return out;
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

    // Shares of citations by source type, worked by hand from sourcesAudit()'s ten citations.
    void sourceTypeShares()
    {
        const AuditScores scores = AuditScoring::score(sourcesAudit());
        const CutScores &all = *scores.cut(u"all"_s);
        QCOMPARE(all.sources.total(), 10);
        QCOMPARE(counts(all.sources),
                 (QMap<QString, int>{{u"own"_s, 1},
                                     {u"competitor"_s, 1},
                                     {u"review"_s, 2},
                                     {u"forum"_s, 3},
                                     {u"news"_s, 1},
                                     {u"marketplace"_s, 1},
                                     {u"blog"_s, 1}}));
        QCOMPARE(*all.sources.share(SourceType::Forum), 0.3);
        QCOMPARE(*all.sources.share(SourceType::Review), 0.2);
        QCOMPARE(*all.sources.share(SourceType::Video), 0.0);

        // One engine leans on forums, the other on a retailer, a blog and a review site.
        const CutScores &gpt = *scores.cut(u"engine=gpt"_s);
        QCOMPARE(gpt.sources.total(), 6);
        QCOMPARE(*gpt.sources.share(SourceType::Forum), 2.0 / 6.0);
        QCOMPARE(*gpt.sources.share(SourceType::Own), 1.0 / 6.0);
        QCOMPARE(*gpt.sources.share(SourceType::Marketplace), 0.0);
        const CutScores &claude = *scores.cut(u"engine=claude"_s);
        QCOMPARE(claude.sources.total(), 4);
        QCOMPARE(*claude.sources.share(SourceType::Forum), 0.25);
        QCOMPARE(*claude.sources.share(SourceType::Marketplace), 0.25);

        // Per brand: the citations of the answers that mention it (Acme: answers 1 and 3,
        // 4 + 3 citations; Pipewise: answers 2 and 3, 2 + 3).
        const SourceMix &acme = all.brands[0].sources;
        QCOMPARE(acme.total(), 7);
        QCOMPARE(*acme.share(SourceType::Review), 2.0 / 7.0);
        QCOMPARE(*acme.share(SourceType::Forum), 1.0 / 7.0);
        QCOMPARE(*acme.share(SourceType::Competitor), 0.0);
        const SourceMix &pipewise = all.brands[1].sources;
        QCOMPARE(pipewise.total(), 5);
        QCOMPARE(counts(pipewise),
                 (QMap<QString, int>{
                     {u"competitor"_s, 1}, {u"review"_s, 1}, {u"forum"_s, 1}, {u"marketplace"_s, 1}, {u"blog"_s, 1}}));
        // A brand no answer of the cut mentions has no citations to share: n/a, not 0.
        QCOMPARE(scores.cut(u"engine=gpt"_s)->brands[1].sources.total(), 2);
        QCOMPARE(scores.cut(u"engine=claude"_s)->brands[0].sources.total(), 3);
        const SourceMix none;
        QCOMPARE(none.share(SourceType::Forum), std::nullopt);

        // Each domain has the type of its citations.
        QHash<QString, SourceType> domainTypes;
        for (const DomainScore &d : all.domains)
            domainTypes.insert(d.domain, d.type);
        QCOMPARE(domainTypes.value(u"reddit.com"_s), SourceType::Forum);
        QCOMPARE(domainTypes.value(u"acme.example"_s), SourceType::Own);
        QCOMPARE(domainTypes.value(u"crm-ratings.example"_s), SourceType::Review);
        QCOMPARE(domainTypes.value(u"dailyplanet.example"_s), SourceType::News);
        QCOMPARE(all.domains.front().domain, u"reddit.com"_s);

        // The exported figures of a brand end with its source mix.
        const QList<Figure> figures = geo::figures(all.brands[0]);
        QCOMPARE(figures.size(), 27 + 1 + SourceTypeCount);
        QCOMPARE(figures[27].name, u"mentioning_answer_citations"_s);
        QCOMPARE(*figures[27].value, 7.0);
        QCOMPARE(figures[28].name, u"source_share_own"_s);
        QCOMPARE(*figures[28].value, 1.0 / 7.0);
        QCOMPARE(figures.back().name, u"source_share_other"_s);
        QCOMPARE(*figures.back().value, 0.0);
    }

    // A domain cited as a blog twice and as documentation once is a blog; a tie goes to the
    // type first in the documented order.
    void domainTypeIsItsCommonest()
    {
        ScoringInput in;
        in.brands = {u"Acme"_s};
        ScoredAnswer a = answer(u"gpt"_s, false, {1});
        a.citations = {cited(u"https://tools.example/blog/a"_s, u"tools.example"_s),
                       cited(u"https://tools.example/docs/b"_s, u"tools.example"_s),
                       cited(u"https://tools.example/blog/c"_s, u"tools.example"_s),
                       cited(u"https://other.example/docs/x"_s, u"other.example"_s),
                       cited(u"https://other.example/blog/y"_s, u"other.example"_s)};
        in.answers = {a};
        const AuditScores scores = AuditScoring::score(in); // held: cut() points into it
        const CutScores &all = *scores.cut(u"all"_s);
        QCOMPARE(all.domains.size(), 2);
        QCOMPARE(all.domains[0].domain, u"tools.example"_s);
        QCOMPARE(all.domains[0].type, SourceType::Blog);
        QCOMPARE(all.domains[1].type, SourceType::Blog); // blog comes before documentation
    }
};

QTEST_GUILESS_MAIN(TestScorer)
#include "tst_scorer.moc"
