#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace geo {

struct CitationRef
{
    enum class Source { Engine, Text };

    QString url; // normalised
    QString host;
    QString domain; // registrable domain (public suffix list)
    int owner = -1; // index of the tracked brand owning the domain, -1 for a third party
    Source source = Source::Engine;
    int marker = 0; // n when the text cites it as [n] (an engine citation), else 0
};

// The project's sentiment labels (docs/sentiment.md): positive at PositiveSentiment and above,
// negative at NegativeSentiment and below, neutral between. The one place they are defined.
inline constexpr double PositiveSentiment = 0.05;
inline constexpr double NegativeSentiment = -0.05;
QString sentimentLabel(double compound);

// What one answer says about one tracked brand (docs/metrics.md, "Per answer and brand").
struct BrandFigures
{
    int mentions = 0;
    qsizetype firstOffset = -1;      // in the answer's source text
    double firstPos = 0.0;           // first offset / answer length, in [0, 1)
    int order = 0;                   // 1 + tracked brands first mentioned earlier; 0 when not mentioned
    std::optional<int> rank;         // place in the recommendation list; none when unranked
    std::optional<double> sentiment; // mean VADER compound of the sentences naming it
    double pawc = 0.0;               // position-adjusted word count share, over tracked brands

    bool mentioned() const { return mentions > 0; }
};

// A name the answer recommends that is not a tracked brand (docs/metrics.md, "Discovered brands").
struct DiscoveredName
{
    QString name;
    int rank = 0; // its place in the recommendation list; 0 when only bold or linked text names it

    bool operator==(const DiscoveredName &) const = default;
};

struct Analysis
{
    QList<BrandFigures> brands; // one per tracked brand, in AuditSpec::trackedBrands() order
    QList<CitationRef> citations;
    QList<DiscoveredName> discovered; // in the order the answer names them, each once
    int recommendations = 0;          // length of the recommendation list
    int sentences = 0;
};

} // namespace geo
