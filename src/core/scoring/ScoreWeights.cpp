#include "ScoreWeights.h"

namespace geo {

using namespace Qt::StringLiterals;

QJsonObject ScoreWeights::toJson() const
{
    return {{u"visibility"_s, visibility}, {u"share_of_voice"_s, shareOfVoice}, {u"top3_rate"_s, top3Rate},
            {u"sentiment"_s, sentiment}};
}

ScoreWeights ScoreWeights::fromJson(const QJsonObject &weights)
{
    ScoreWeights w;
    w.visibility = weights.value(u"visibility"_s).toDouble(w.visibility);
    w.shareOfVoice = weights.value(u"share_of_voice"_s).toDouble(w.shareOfVoice);
    w.top3Rate = weights.value(u"top3_rate"_s).toDouble(w.top3Rate);
    w.sentiment = weights.value(u"sentiment"_s).toDouble(w.sentiment);
    return w;
}

QString ScoreWeights::formula() const
{
    return u"100 × (%1·V + %2·SoV + %3·R + %4·S)"_s.arg(visibility, 0, 'f', 2)
        .arg(shareOfVoice, 0, 'f', 2)
        .arg(top3Rate, 0, 'f', 2)
        .arg(sentiment, 0, 'f', 2);
}

} // namespace geo
