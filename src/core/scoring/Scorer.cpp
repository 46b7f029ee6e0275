#include "Scorer.h"


#include <cmath>
#include <functional>

namespace geo {

using namespace Qt::StringLiterals;

Interval wilsonInterval(int successes, int n, double z)
{
    const double p = double(successes) / n;
    const double z2 = z * z;
    const double centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    const double half = z / (1.0 + z2 / n) * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

CutScores Scorer::scoreCut(const QString &cut, int brandCount, const QList<const ScoredAnswer *> &answers)
{
    CutScores out{cut, QList<BrandScore>(brandCount)};
    int brandAnswerPairs = 0; // sum over answers of brands mentioned
    int allMentions = 0;
    for (const ScoredAnswer *a : answers) {
        for (int b = 0; b < brandCount; ++b) {
            const int m = a->mentions.value(b);
            out.brands[b].mentions += m;
            if (m > 0) {
                ++out.brands[b].mentionedAnswers;
                ++brandAnswerPairs;
                allMentions += m;
            }
        }
    }
    const int n = int(answers.size());
    for (BrandScore &s : out.brands) {
        s.answers = n;
        if (n > 0) {
            s.visibility = double(s.mentionedAnswers) / n;
            s.visibilityInterval = wilsonInterval(s.mentionedAnswers, n);
        }
        if (brandAnswerPairs > 0)
            s.shareOfVoice = double(s.mentionedAnswers) / brandAnswerPairs;
        if (allMentions > 0)
            s.mentionShare = double(s.mentions) / allMentions;
    }
    return out;
}

QList<CutScores> Scorer::score(int brandCount, const QList<ScoredAnswer> &answers)
{
    const auto select = [&answers](const std::function<bool(const ScoredAnswer &)> &keep) {
        QList<const ScoredAnswer *> out;
        for (const ScoredAnswer &a : answers)
            if (keep(a))
                out << &a;
        return out;
    };
    QList<CutScores> out;
    out << scoreCut(u"all"_s, brandCount, select([](const ScoredAnswer &) { return true; }));
    out << scoreCut(u"non-branded"_s, brandCount, select([](const ScoredAnswer &a) { return !a.branded; }));
    out << scoreCut(u"branded"_s, brandCount, select([](const ScoredAnswer &a) { return a.branded; }));
    const std::pair<QString, QString ScoredAnswer::*> dimensions[] = {
        {u"engine"_s, &ScoredAnswer::engine}, {u"category"_s, &ScoredAnswer::category}, {u"topic"_s, &ScoredAnswer::topic}};
    for (const auto &[name, field] : dimensions) {
        QStringList values;
        for (const ScoredAnswer &a : answers)
            if (!(a.*field).isEmpty() && !values.contains(a.*field))
                values << a.*field;
        for (const QString &v : values)
            out << scoreCut(name + u'=' + v, brandCount, select([&](const ScoredAnswer &a) { return a.*field == v; }));
    }
    return out;
}

} // namespace geo
