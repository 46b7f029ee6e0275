#pragma once

#include "Citations.h"
#include "MentionFinder.h"
#include "engines/Engine.h"
#include "spec/AuditSpec.h"

#include <QList>

namespace geo {

// What one answer says about one tracked brand (METRICS.md, "Per answer a and brand b").
struct BrandFigures
{
    int mentions = 0;
    qsizetype firstOffset = -1;
    double firstPos = 0.0; // first offset / answer length, in [0, 1)
    int order = 0;         // 1 + tracked brands first mentioned earlier; 0 when not mentioned

    bool mentioned() const { return mentions > 0; }
};

struct Analysis
{
    QList<BrandFigures> brands; // one per tracked brand, in AuditSpec::trackedBrands() order
    QList<CitationRef> citations;
};

// A pure, deterministic function of (answer, spec): holds no locks and shares nothing
// mutable, so the analysis pool runs it on any thread.
class ResponseAnalyzer final
{
public:
    explicit ResponseAnalyzer(const AuditSpec &spec);

    Analysis analyze(const QString &answer, const QList<Citation> &structured) const;

private:
    QList<BrandSpec> m_brands;
    MentionFinder m_finder;
};

} // namespace geo
