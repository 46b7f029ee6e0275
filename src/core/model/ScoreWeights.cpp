#include "ScoreWeights.h"

namespace geo {

using namespace Qt::StringLiterals;

const QList<std::pair<QString, double ScoreWeights::*>> &ScoreWeights::keys()
{
    static const QList<std::pair<QString, double ScoreWeights::*>> keys{
        {u"visibility"_s, &ScoreWeights::visibility},
        {u"share_of_voice"_s, &ScoreWeights::shareOfVoice},
        {u"top3_rate"_s, &ScoreWeights::top3Rate},
        {u"sentiment"_s, &ScoreWeights::sentiment}};
    return keys;
}

QJsonObject ScoreWeights::toJson() const
{
    QJsonObject out;
    for (const auto &[key, weight] : keys())
        out.insert(key, this->*weight);
    return out;
}

ScoreWeights ScoreWeights::fromJson(const QJsonObject &weights)
{
    ScoreWeights w;
    for (const auto &[key, weight] : keys())
        w.*weight = weights.value(key).toDouble(w.*weight);
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
