#include "Figures.h"

namespace geo {

using namespace Qt::StringLiterals;

QList<Figure> sourceFigures(const SourceMix &mix, const QString &total)
{
    QList<Figure> out{{total, mix.total()}};
    for (int t = 0; t < SourceTypeCount; ++t)
        out.append({u"source_share_"_s + sourceTypeName(SourceType(t)), mix.share(SourceType(t))});
    return out;
}

QList<Figure> figures(const BrandScore &s)
{
    const auto low = s.visibilityInterval ? std::optional<double>(s.visibilityInterval->low) : std::nullopt;
    const auto high = s.visibilityInterval ? std::optional<double>(s.visibilityInterval->high) : std::nullopt;
    QList<Figure> out{{u"answers"_s, s.answers},
                      {u"mentioned_answers"_s, s.mentionedAnswers},
                      {u"mentions"_s, s.mentions},
                      {u"visibility"_s, s.visibility},
                      {u"visibility_low"_s, low},
                      {u"visibility_high"_s, high},
                      {u"share_of_voice"_s, s.shareOfVoice},
                      {u"mention_share"_s, s.mentionShare},
                      {u"ranked_answers"_s, s.rankedAnswers},
                      {u"rank_1_answers"_s, s.rankCounts[0]},
                      {u"rank_2_answers"_s, s.rankCounts[1]},
                      {u"rank_3_answers"_s, s.rankCounts[2]},
                      {u"rank_4plus_answers"_s, s.rankCounts[3]},
                      {u"average_rank"_s, s.averageRank},
                      {u"top3_answers"_s, s.top3Answers},
                      {u"top3_rate"_s, s.top3Rate},
                      {u"average_order"_s, s.averageOrder},
                      {u"sentiment_index"_s, s.sentimentIndex},
                      {u"positive_answers"_s, s.positive},
                      {u"neutral_answers"_s, s.neutral},
                      {u"negative_answers"_s, s.negative},
                      {u"pawc_share"_s, s.pawcShare},
                      {u"citations"_s, s.citations},
                      {u"citation_share"_s, s.citationShare},
                      {u"citing_answers"_s, s.citingAnswers},
                      {u"cited_rate"_s, s.citedRate},
                      {u"visibility_score"_s, s.visibilityScore}};
    return out + sourceFigures(s.sources, u"mentioning_answer_citations"_s);
}

} // namespace geo
