#pragma once

#include "Citations.h"
#include "MentionFinder.h"
#include "engines/Engine.h"
#include "spec/AuditSpec.h"

#include <QList>

#include <optional>

namespace geo {

// The project's sentiment labels: positive at 0.05 and above, negative at -0.05 and below.
QString sentimentLabel(double compound);

// What one answer says about one tracked brand (METRICS.md, "Per answer a and brand b").
struct BrandFigures
{
    int mentions = 0;
    qsizetype firstOffset = -1; // in the answer's source text
    double firstPos = 0.0;      // first offset / answer length, in [0, 1)
    int order = 0;              // 1 + tracked brands first mentioned earlier; 0 when not mentioned
    std::optional<int> rank;    // place in the recommendation list; none when unranked
    std::optional<double> sentiment; // mean VADER compound of the sentences naming it
    double pawc = 0.0;          // position-adjusted word count share, over tracked brands

    bool mentioned() const { return mentions > 0; }
};

struct Analysis
{
    QList<BrandFigures> brands; // one per tracked brand, in AuditSpec::trackedBrands() order
    QList<CitationRef> citations;
    QStringList discovered;     // names leading list items or rows that are not tracked brands
    int recommendations = 0;    // length of the recommendation list
    int sentences = 0;
};

// A pure, deterministic function of (answer, spec): holds no locks and shares nothing
// mutable, so the analysis pool runs it on any thread.
class ResponseAnalyzer final
{
public:
    explicit ResponseAnalyzer(const AuditSpec &spec);

    Analysis analyze(const QString &answer, const QList<Citation> &structured) const;

    // A candidate brand name from the start of a list item or row: its leading bold text, or
    // the text before the first ":" or " - " / " – "; a capitalised name of at most five words.
    static QString candidateName(const QString &entryText, const QString &lead);

private:
    QList<BrandSpec> m_brands;
    MentionFinder m_finder;
};

} // namespace geo
