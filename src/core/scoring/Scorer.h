#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace geo {

// One answered (not failed) answer, as the scorer needs it.
struct ScoredAnswer
{
    QString engine;
    QString category;
    QString topic;
    bool branded = false;
    QList<int> mentions; // per tracked brand; 0 when not mentioned
};

struct Interval
{
    double low = 0.0;
    double high = 0.0;
};

// The Wilson score interval of successes/n at z (95%: 1.96). n must be > 0.
Interval wilsonInterval(int successes, int n, double z = 1.96);

// Per brand figures over one cut of the answers (METRICS.md). A figure whose denominator is
// 0 is std::nullopt, shown as "n/a".
struct BrandScore
{
    int answers = 0;          // |A|
    int mentionedAnswers = 0; // answers that mention the brand
    int mentions = 0;
    std::optional<double> visibility;
    std::optional<Interval> visibilityInterval;
    std::optional<double> shareOfVoice;
    std::optional<double> mentionShare;
};

struct CutScores
{
    QString cut; // "all", "non-branded", "branded", "engine=gpt", "category=best-of", "topic=..."
    QList<BrandScore> brands; // in tracked-brand order
};

class Scorer final
{
public:
    // Every cut: all, non-branded, branded, then each engine, category and topic.
    static QList<CutScores> score(int brandCount, const QList<ScoredAnswer> &answers);
    static CutScores scoreCut(const QString &cut, int brandCount, const QList<const ScoredAnswer *> &answers);
};

} // namespace geo
