#pragma once

#include "Analysis.h"
#include "RunStats.h"
#include "ScoreWeights.h"
#include "SourceType.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace geo {

// One answered (not failed) answer with its analysis, as the scorer needs it.
struct ScoredAnswer
{
    QString engine;
    QString category;
    QString topic;
    bool branded = false;
    QList<BrandFigures> brands;   // per tracked brand
    QList<CitationRef> citations; // url, domain and owner are what counts
    // The source type of each citation, in the same order; set by the scoring stage.
    QList<SourceType> citationTypes;
    QList<DiscoveredName> discovered;
};

// Citations counted by source type (SourceType's order), and each type's share of them.
struct SourceMix
{
    std::array<int, SourceTypeCount> citations{};

    int total() const;
    std::optional<double> share(SourceType type) const; // n/a without citations
};

struct Interval
{
    double low = 0.0;
    double high = 0.0;
};

// Per brand figures over one cut of the answers (docs/metrics.md). A figure whose denominator is
// 0 is std::nullopt, shown as "n/a"; counts are never n/a.
struct BrandScore
{
    int answers = 0;          // |A|
    int mentionedAnswers = 0; // answers that mention the brand
    int mentions = 0;
    std::optional<double> visibility;
    std::optional<Interval> visibilityInterval;
    std::optional<double> shareOfVoice;
    std::optional<double> mentionShare;
    int rankedAnswers = 0; // answers where the brand has a rank
    // Of those, the answers ranking it 1st, 2nd, 3rd, and 4th or lower: the rank distribution.
    std::array<int, 4> rankCounts{};
    std::optional<double> averageRank;
    int top3Answers = 0;
    std::optional<double> top3Rate;
    std::optional<double> averageOrder;
    std::optional<double> sentimentIndex; // 0..100
    int positive = 0;
    int neutral = 0;
    int negative = 0;
    std::optional<double> pawcShare;
    int citations = 0;     // citations of the brand's domains
    int citingAnswers = 0; // answers citing one of its domains
    std::optional<double> citationShare;
    std::optional<double> citedRate;
    // The citations of the answers that mention the brand, by source type: where the engines
    // get what they say about it.
    SourceMix sources;
    // 0..100 with the weights; n/a when visibility or share of voice is (S is 0.5 for a
    // brand never mentioned, so sentiment never makes it n/a).
    std::optional<double> visibilityScore;
};

// A registrable domain cited in a cut.
struct DomainScore
{
    QString domain;
    int owner = -1; // tracked brand index, -1 for a third party
    int citations = 0;
    std::optional<int> readiness;        // GEO readiness, when the domain was inspected and answered
    bool unreachable = false;            // inspected, but the site did not answer: no readiness
    SourceType type = SourceType::Other; // the type most of its citations have
};

// The registrable domains an audit inspected: the GEO readiness of those that answered, and
// those that did not (no figure: an unreachable site is not a site that scores 0).
struct SiteReadiness
{
    QHash<QString, int> scores;
    QSet<QString> unreachable;
};

struct CutScores
{
    QString cut;                // "all", "non-branded", "branded", "engine=gpt", "category=best-of", "topic=..."
    QList<BrandScore> brands;   // in tracked-brand order
    QList<DomainScore> domains; // most cited first, then by name
    SourceMix sources;          // every citation of the cut's answers, by source type
};

// An untracked brand the answers recommend, its product names grouped under it across the
// audit (docs/metrics.md, "Discovered brands"); offered to the user as a brand to track, it
// never changes the tracked figures.
struct DiscoveredBrand
{
    QString name;
    QStringList products; // the names seen for it other than the brand's own, sorted
    int answers = 0;      // answers naming it
    QStringList engines;  // sorted
    std::optional<int> bestRank;
    std::optional<double> mentionShare; // answers naming it / analysed answers
};

// What the scoring stage reads of a stored audit.
struct ScoringInput
{
    qint64 auditId = 0;
    QStringList brands; // audited brand first
    ScoreWeights weights;
    QList<ScoredAnswer> answers;
    SiteReadiness readiness; // of each inspected registrable domain
    RunStats run;
    SourceTypeOverrides sourceTypes; // the spec's source_types
    QHash<QString, PageKinds> pages; // what each inspected registrable domain's page declares
};

// Everything scored about a stored audit.
struct AuditScores
{
    qint64 auditId = 0;
    QStringList brands; // audited brand first
    ScoreWeights weights;
    QList<CutScores> cuts;
    QList<DiscoveredBrand> discovered; // most named first
    RunStats run;                      // the run figures the store keeps

    const CutScores *cut(const QString &name) const;
};

} // namespace geo
