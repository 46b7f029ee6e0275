// Every figure of METRICS.md for every brand in four cuts of a hand-written audit of 30
// answers (FixtureAudit.h), run through the real ResponseAnalyzer and the Scorer, against
// values worked out by hand. The per-answer facts are noted beside each answer.
#include "FixtureAudit.h"
#include "analysis/ResponseAnalyzer.h"
#include "scoring/DiscoveredBrands.h"
#include "scoring/Figures.h"
#include "scoring/Scorer.h"

#include <QTest>

#include <cmath>
#include <optional>

using namespace geo;
using namespace Qt::StringLiterals;

namespace {

using Value = std::optional<double>;
const Value na = std::nullopt;

// VADER's normalisation of a single word's valence: x / sqrt(x² + 15).
double vader(double valence)
{
    return valence / std::sqrt(valence * valence + 15.0);
}

const double good = vader(1.9), bad = vader(-2.5), great = vader(3.1);
const double e5 = std::exp(-0.5), e1 = std::exp(-1.0), e3 = std::exp(-1.0 / 3.0), e6 = std::exp(-2.0 / 3.0);
// PAWC of the answer shapes, as noted in FixtureAudit.h.
const double D3 = 1.0 + e5 + e1;                                     // G2, C1
const double S2first = 1.0 / (1.0 + e1), S2second = e1 / (1.0 + e1); // G5, C4
const double T27 = std::exp(-2.0 / 7.0), T67 = std::exp(-6.0 / 7.0); // G6
const double WH1 = 1.0 + 5.0 * e3, WH2 = e6 + 4.0 * e1;              // G7, C11
const double H1 = WH1 / (WH1 + WH2), H2 = WH2 / (WH1 + WH2);
const double W11 = 3.0 * e3 + 3.0 * e6 + 4.0 * e1; // G11
const double W14 = 1.0 + e1 + e3 + e6;             // G14
const double W30 = 3.0 + 4.0 * e1;                 // C14

// The Wilson interval, written out here from its formula (z = 1.96).
std::pair<double, double> wilson(double k, double n)
{
    const double z = 1.96, p = k / n;
    const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    const double half = z / (1 + z * z / n) * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

struct Expected
{
    double answers, mentioned, mentions;
    Value visibility, shareOfVoice, mentionShare;
    double ranked;
    Value averageRank;
    double top3;
    Value top3Rate, averageOrder, sentimentIndex;
    double positive, neutral, negative;
    Value pawcShare;
    double citations;
    Value citationShare;
    double citing;
    Value citedRate;
};

// The visibility score by its formula with the default weights; S = 0.5 when not mentioned.
Value score(const Expected &e)
{
    if (!e.visibility || !e.shareOfVoice || !e.top3Rate)
        return na;
    const double s = e.sentimentIndex ? *e.sentimentIndex / 100.0 : 0.5;
    return 100.0 * (0.35 * *e.visibility + 0.25 * *e.shareOfVoice + 0.20 * *e.top3Rate + 0.20 * s);
}

QList<std::pair<QString, Value>> named(const Expected &e)
{
    Value low = na, high = na;
    if (e.answers > 0) {
        low = wilson(e.mentioned, e.answers).first;
        high = wilson(e.mentioned, e.answers).second;
    }
    return {{u"answers"_s, e.answers},
            {u"mentioned_answers"_s, e.mentioned},
            {u"mentions"_s, e.mentions},
            {u"visibility"_s, e.visibility},
            {u"visibility_low"_s, low},
            {u"visibility_high"_s, high},
            {u"share_of_voice"_s, e.shareOfVoice},
            {u"mention_share"_s, e.mentionShare},
            {u"ranked_answers"_s, e.ranked},
            {u"average_rank"_s, e.averageRank},
            {u"top3_answers"_s, e.top3},
            {u"top3_rate"_s, e.top3Rate},
            {u"average_order"_s, e.averageOrder},
            {u"sentiment_index"_s, e.sentimentIndex},
            {u"positive_answers"_s, e.positive},
            {u"neutral_answers"_s, e.neutral},
            {u"negative_answers"_s, e.negative},
            {u"pawc_share"_s, e.pawcShare},
            {u"citations"_s, e.citations},
            {u"citation_share"_s, e.citationShare},
            {u"citing_answers"_s, e.citing},
            {u"cited_rate"_s, e.citedRate},
            {u"visibility_score"_s, score(e)}};
}

struct BrandRow
{
    QString cut;
    int brand;
    Expected expected;
};

// Mentioned answers, orders and so on are counted from the notes in FixtureAudit.h.
QList<BrandRow> expectations()
{
    return {
        // all: 30 answers. Mentioned: A 20, B 12, C 11 (pairs 43); mentions A 22 (G14, C11
        // twice), B 14 (G7, C11), C 12 (G7) = 48. 12 citations in 9 answers: A owns 4
        // (G4, G9, C6, C8), B 2 (G8, C12), C 2 (G15, C6).
        {u"all"_s,
         0,
         {30,
          20,
          22,
          20.0 / 30,
          20.0 / 43,
          22.0 / 48,
          7,
          (2 + 3 + 1 + 1 + 3 + 2 + 1) / 7.0, // G2, G6, G11, G14, C1, C5, C11
          7,
          7.0 / 30,
          (1 + 2 + 1 + 1 + 2 + 1 + 1 + 1 + 1 + 3 + 1 + 2 + 1 + 2 + 2 + 1 + 1 + 2 + 1 + 2) / 20.0,
          50.0 * (1.0 + (3 * good + 2 * great) / 20.0),
          5,
          15,
          0, // good: G5, C2, C4; great: G9, C8
          (7 + 4 * 0.5 + S2first + S2second + (e5 + e1) / D3 + T67 / (T27 + T67) + 3 * e3 / W11 + (1 + e1) / W14 + H1
           + 4 * e1 / W30)
              / 30.0,
          4,
          4.0 / 12,
          4,
          4.0 / 9}},
        {u"all"_s,
         1,
         {30,
          12,
          14,
          12.0 / 30,
          12.0 / 43,
          14.0 / 48,
          5,
          (1 + 1 + 3 + 2 + 2) / 5.0, // G2, G7, G14, C1, C11
          5,
          5.0 / 30,
          (1 + 2 + 1 + 2 + 3 + 1 + 3 + 2 + 1 + 1 + 2 + 1) / 12.0, // G2 G5 G7 G8 G11 G13 G14 C1 C4 C7 C11 C12
          50.0 * (1.0 + 3 * bad / 12.0),
          0,
          9,
          3, // bad: G5, G13, C4
          (1 + 3 * 0.5 + S2second + S2first + H1 + H2 + (1 + e5) / D3 + 4 * e1 / W11 + e6 / W14) / 30.0,
          2,
          2.0 / 12,
          2,
          2.0 / 9}},
        {u"all"_s,
         2,
         {30,
          11,
          12,
          11.0 / 30,
          11.0 / 43,
          12.0 / 48,
          7,
          (3 + 1 + 2 + 2 + 2 + 1 + 1) / 7.0, // G2, G6, G7, G11, G14, C1, C14
          7,
          7.0 / 30,
          (3 + 1 + 2 + 1 + 2 + 2 + 1 + 1 + 1 + 1 + 1) / 11.0, // G2 G6 G7 G10 G11 G14 G15 C1 C6 C10 C14
          50.0 * (1.0 + bad / 11.0),
          0,
          10,
          1, // bad: C10
          (3 + 0.5 + (1 + e1) / D3 + T27 / (T27 + T67) + H2 + 3 * e6 / W11 + e3 / W14 + 3 / W30) / 30.0,
          2,
          2.0 / 12,
          2,
          2.0 / 9}},

        // branded: G8, G9, C4, C5, C6, C7, C12. Mentioned A 7, B 4 (G8, C4, C7, C12), C 1 (C6):
        // 12 pairs and 12 mentions. 6 citations in 4 answers (G8, G9, C6, C12).
        {u"branded"_s,
         0,
         {7,
          7,
          7,
          7.0 / 7,
          7.0 / 12,
          7.0 / 12,
          1,
          2.0,
          1,
          1.0 / 7, // ranked only in C5
          (1 + 1 + 2 + 1 + 2 + 2 + 2) / 7.0,
          50.0 * (1.0 + (great + good) / 7.0),
          2,
          5,
          0,
          (0.5 + 1 + S2second + 1 + 0.5 + 0.5 + 0.5) / 7.0,
          2,
          2.0 / 6,
          2,
          2.0 / 4}},
        {u"branded"_s,
         1,
         {7,
          4,
          4,
          4.0 / 7,
          4.0 / 12,
          4.0 / 12,
          0,
          na,
          0,
          0.0,
          (2 + 1 + 1 + 1) / 4.0,
          50.0 * (1.0 + bad / 4.0),
          0,
          3,
          1,
          (0.5 + S2first + 0.5 + 0.5) / 7.0,
          2,
          2.0 / 6,
          2,
          2.0 / 4}},
        {u"branded"_s, 2, {7,   1,    1, 1.0 / 7, 1.0 / 12, 1.0 / 12, 0, na,      0, 0.0,
                           1.0, 50.0, 0, 1,       0,        0.5 / 7,  1, 1.0 / 6, 1, 1.0 / 4}},

        // engine=claude: C1..C14. Mentioned A 11, B 5, C 4 (pairs 20); mentions A 12, B 6, C 4
        // (22). 5 citations in 3 answers (C6, C8, C12).
        {u"engine=claude"_s,
         0,
         {14,
          11,
          12,
          11.0 / 14,
          11.0 / 20,
          12.0 / 22,
          3,
          (3 + 2 + 1) / 3.0,
          3,
          3.0 / 14, // C1, C5, C11
          (3 + 1 + 2 + 1 + 2 + 2 + 1 + 1 + 2 + 1 + 2) / 11.0,
          50.0 * (1.0 + (2 * good + great) / 11.0),
          3,
          8,
          0,
          (4 + 3 * 0.5 + e1 / D3 + S2second + H1 + 4 * e1 / W30) / 14.0,
          2,
          2.0 / 5,
          2,
          2.0 / 3}},
        {u"engine=claude"_s,
         1,
         {14,
          5,
          6,
          5.0 / 14,
          5.0 / 20,
          6.0 / 22,
          2,
          (2 + 2) / 2.0,
          2,
          2.0 / 14, // C1, C11
          (2 + 1 + 1 + 2 + 1) / 5.0,
          50.0 * (1.0 + bad / 5.0),
          0,
          4,
          1,
          (e5 / D3 + S2first + 0.5 + H2 + 0.5) / 14.0,
          1,
          1.0 / 5,
          1,
          1.0 / 3}},
        {u"engine=claude"_s,
         2,
         {14,
          4,
          4,
          4.0 / 14,
          4.0 / 20,
          4.0 / 22,
          2,
          (1 + 1) / 2.0,
          2,
          2.0 / 14, // C1, C14
          (1 + 1 + 1 + 1) / 4.0,
          50.0 * (1.0 + bad / 4.0),
          0,
          3,
          1,
          (1 / D3 + 0.5 + 1 + 3 / W30) / 14.0,
          1,
          1.0 / 5,
          1,
          1.0 / 3}},

        // topic=pricing: G3, G12, C3 name no brand and cite nothing: every ratio over mentions,
        // ranks or citations is n/a, and so is the score (its share of voice is).
        {u"topic=pricing"_s, 0, {3, 0, 0, 0.0, na, na, 0, na, 0, 0.0, na, na, 0, 0, 0, 0.0, 0, na, 0, na}},
        {u"topic=pricing"_s, 1, {3, 0, 0, 0.0, na, na, 0, na, 0, 0.0, na, na, 0, 0, 0, 0.0, 0, na, 0, na}},
        {u"topic=pricing"_s, 2, {3, 0, 0, 0.0, na, na, 0, na, 0, 0.0, na, na, 0, 0, 0, 0.0, 0, na, 0, na}},
    };
}

QList<ScoredAnswer> analysed()
{
    const ResponseAnalyzer analyzer(fixture::spec());
    QList<ScoredAnswer> out;
    for (const fixture::Answer &a : fixture::answers()) {
        QList<Citation> structured;
        for (const QString &url : a.engineCitations)
            structured.append({url, {}});
        const Analysis analysis = analyzer.analyze(a.text, structured);
        out.append(
            {a.engine, a.category, a.topic, a.branded, analysis.brands, analysis.citations, {}, analysis.discovered});
    }
    return out;
}

const QList<CutScores> &scored()
{
    static const QList<CutScores> cuts
        = Scorer(3, {}, SiteReadiness{{{u"acme.example"_s, 72}}, {u"borealis.example"_s}}).score(analysed());
    return cuts;
}

const CutScores *cut(const QString &name)
{
    for (const CutScores &c : scored())
        if (c.cut == name)
            return &c;
    return nullptr;
}

} // namespace

class TestScorerFixture : public QObject
{
    Q_OBJECT

private slots:
    void fixtureHasItsShape()
    {
        QCOMPARE(fixture::answers().size(), 30);
        QStringList names;
        for (const CutScores &c : scored())
            names << c.cut;
        QCOMPARE(names,
                 (QStringList{u"all"_s, u"non-branded"_s, u"branded"_s, u"engine=gpt"_s, u"engine=claude"_s,
                              u"category=best-of"_s, u"category=compare"_s, u"topic=crm"_s, u"topic=pricing"_s}));
    }

    void everyFigure_data()
    {
        QTest::addColumn<QString>("cut");
        QTest::addColumn<int>("brand");
        QTest::addColumn<QString>("figure");
        QTest::addColumn<bool>("applicable");
        QTest::addColumn<double>("expected");
        const QStringList brands{u"Acme"_s, u"Borealis"_s, u"Cobalt"_s};
        for (const BrandRow &row : expectations())
            for (const auto &[figure, value] : named(row.expected))
                QTest::addRow("%s %s %s", qPrintable(row.cut), qPrintable(brands[row.brand]), qPrintable(figure))
                    << row.cut << row.brand << figure << value.has_value() << value.value_or(0.0);
    }

    void everyFigure()
    {
        QFETCH(QString, cut);
        QFETCH(int, brand);
        QFETCH(QString, figure);
        QFETCH(bool, applicable);
        QFETCH(double, expected);
        const CutScores *scores = ::cut(cut);
        QVERIFY(scores);
        std::optional<double> actual;
        bool found = false;
        for (const Figure &f : figures(scores->brands.at(brand)))
            if (f.name == figure) {
                actual = f.value;
                found = true;
            }
        QVERIFY2(found, qPrintable(figure));
        if (!applicable) {
            QVERIFY2(!actual, qPrintable(u"expected n/a, got %1"_s.arg(actual.value_or(0.0), 0, 'g', 12)));
            return;
        }
        QVERIFY2(actual, "expected a value, got n/a");
        QVERIFY2(std::abs(*actual - expected) < 1e-9,
                 qPrintable(u"expected %1, got %2"_s.arg(expected, 0, 'g', 12).arg(*actual, 0, 'g', 12)));
    }

    void domainsOfACut_data()
    {
        QTest::addColumn<QString>("cut");
        QTest::addColumn<QStringList>("domains"); // "domain owner citations readiness", most cited first
        // all: acme.example G4, G9, C6, C8; review.example G9, G13, G16, C8; borealis.example G8,
        // C12; cobalt.example G15 (a subdomain), C6. acme.example was inspected, borealis.example
        // too but did not answer.
        QTest::newRow("all") << u"all"_s
                             << QStringList{u"acme.example 0 4 72"_s, u"review.example -1 4 n/a"_s,
                                            u"borealis.example 1 2 unreachable"_s, u"cobalt.example 2 2 n/a"_s};
        QTest::newRow("engine=claude") << u"engine=claude"_s
                                       << QStringList{u"acme.example 0 2 72"_s, u"borealis.example 1 1 unreachable"_s,
                                                      u"cobalt.example 2 1 n/a"_s, u"review.example -1 1 n/a"_s};
        QTest::newRow("topic=pricing") << u"topic=pricing"_s << QStringList{};
    }

    void domainsOfACut()
    {
        QFETCH(QString, cut);
        QFETCH(QStringList, domains);
        const CutScores *scores = ::cut(cut);
        QVERIFY(scores);
        QStringList actual;
        for (const DomainScore &d : scores->domains)
            actual << u"%1 %2 %3 %4"_s.arg(d.domain)
                          .arg(d.owner)
                          .arg(d.citations)
                          .arg(d.readiness         ? QString::number(*d.readiness)
                                   : d.unreachable ? u"unreachable"_s
                                                   : u"n/a"_s);
        QCOMPARE(actual, domains);
    }

    void discoveredBrandsDoNotChangeTrackedFigures()
    {
        // Zendora leads a table row in G6 and a list item in C5: discovered, and it takes a
        // place in the recommendation list (Acme ranks 3 and 2 there, as counted above).
        const ResponseAnalyzer analyzer(fixture::spec());
        QCOMPARE(analyzer.analyze(fixture::answers()[5].text, {}).discovered,
                 (QList<DiscoveredName>{{u"Zendora"_s, 2}}));
        QCOMPARE(analyzer.analyze(fixture::answers()[20].text, {}).discovered,
                 (QList<DiscoveredName>{{u"Zendora"_s, 1}}));
        // Across the audit: one brand, named by a gpt and a claude answer of the 30, best 1st.
        QCOMPARE(fixture::answers().size(), 30);
        const QList<DiscoveredBrand> brands
            = DiscoveredBrands::group(analysed(), {u"Acme"_s, u"Borealis"_s, u"Cobalt"_s});
        QCOMPARE(brands.size(), 1);
        QCOMPARE(brands[0].name, u"Zendora"_s);
        QCOMPARE(brands[0].products, QStringList{});
        QCOMPARE(brands[0].answers, 2);
        QCOMPARE(brands[0].engines, (QStringList{u"claude"_s, u"gpt"_s}));
        QCOMPARE(brands[0].bestRank, std::optional<int>(1));
        QCOMPARE(brands[0].mentionShare, std::optional<double>(2.0 / 30.0));
    }
};

QTEST_APPLESS_MAIN(TestScorerFixture)
#include "tst_scorer_fixture.moc"
