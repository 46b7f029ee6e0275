#include "Scorer.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

// A figure over a denominator that may be 0: then n/a, never 0.
std::optional<double> ratio(double numerator, int denominator)
{
    return denominator > 0 ? std::optional<double>(numerator / denominator) : std::nullopt;
}

SourceType typeOf(const ScoredAnswer &a, qsizetype citation)
{
    return a.citationTypes.value(citation, SourceType::Other);
}

SourceMix sourceMix(const ScoredAnswer &a)
{
    SourceMix mix;
    for (qsizetype i = 0; i < a.citations.size(); ++i)
        ++mix.citations[std::size_t(typeOf(a, i))];
    return mix;
}

void add(SourceMix &to, const SourceMix &from)
{
    for (std::size_t t = 0; t < to.citations.size(); ++t)
        to.citations[t] += from.citations[t];
}

} // namespace

Interval wilsonInterval(int successes, int n, double z)
{
    const double p = double(successes) / n;
    const double z2 = z * z;
    const double centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    const double half = z / (1.0 + z2 / n) * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

Scorer::Scorer(int brandCount, const ScoreWeights &weights, const SiteReadiness &sites)
    : m_brandCount(brandCount), m_weights(weights), m_sites(sites)
{ }

CutScores Scorer::scoreCut(const QString &cut, const QList<const ScoredAnswer *> &answers) const
{
    CutScores out{cut, QList<BrandScore>(m_brandCount), domains(answers), {}};
    const int n = int(answers.size());
    int brandAnswerPairs = 0; // sum over answers of the brands each mentions
    int allMentions = 0;
    int allCitations = 0;
    int citingAnswers = 0; // answers with at least one citation
    QList<double> rankSum(m_brandCount), orderSum(m_brandCount), sentimentSum(m_brandCount), pawcSum(m_brandCount);
    QList<int> sentiments(m_brandCount);
    for (const ScoredAnswer *a : answers) {
        allCitations += int(a->citations.size());
        citingAnswers += a->citations.isEmpty() ? 0 : 1;
        const SourceMix mix = sourceMix(*a);
        add(out.sources, mix);
        for (int b = 0; b < m_brandCount; ++b) {
            BrandScore &s = out.brands[b];
            const BrandFigures f = a->brands.value(b);
            pawcSum[b] += f.pawc;
            const auto owned = std::count_if(a->citations.cbegin(), a->citations.cend(),
                                             [b](const CitationRef &c) { return c.owner == b; });
            s.citations += int(owned);
            s.citingAnswers += owned > 0 ? 1 : 0;
            if (f.rank) {
                ++s.rankedAnswers;
                rankSum[b] += *f.rank;
                s.top3Answers += *f.rank <= 3 ? 1 : 0;
                ++s.rankCounts[std::clamp(*f.rank, 1, 4) - 1];
            }
            if (!f.mentioned())
                continue;
            add(s.sources, mix);
            ++s.mentionedAnswers;
            s.mentions += f.mentions;
            ++brandAnswerPairs;
            allMentions += f.mentions;
            orderSum[b] += f.order;
            if (f.sentiment) {
                sentimentSum[b] += *f.sentiment;
                ++sentiments[b];
                const QString label = sentimentLabel(*f.sentiment);
                ++(label == u"positive"_s ? s.positive : label == u"negative"_s ? s.negative : s.neutral);
            }
        }
    }
    for (int b = 0; b < m_brandCount; ++b) {
        BrandScore &s = out.brands[b];
        s.answers = n;
        s.visibility = ratio(s.mentionedAnswers, n);
        if (n > 0)
            s.visibilityInterval = wilsonInterval(s.mentionedAnswers, n);
        s.shareOfVoice = ratio(s.mentionedAnswers, brandAnswerPairs);
        s.mentionShare = ratio(s.mentions, allMentions);
        s.averageRank = ratio(rankSum[b], s.rankedAnswers);
        s.top3Rate = ratio(s.top3Answers, n);
        s.averageOrder = ratio(orderSum[b], s.mentionedAnswers);
        if (const auto mean = ratio(sentimentSum[b], sentiments[b]))
            s.sentimentIndex = 50.0 * (1.0 + *mean);
        s.pawcShare = ratio(pawcSum[b], n);
        s.citationShare = ratio(s.citations, allCitations);
        s.citedRate = ratio(s.citingAnswers, citingAnswers);
        // A brand never mentioned has no sentiment; it counts as neither liked nor disliked.
        if (s.visibility && s.shareOfVoice && s.top3Rate) {
            const double sentiment = s.sentimentIndex ? *s.sentimentIndex / 100.0 : 0.5;
            s.visibilityScore = 100.0
                * (m_weights.visibility * *s.visibility + m_weights.shareOfVoice * *s.shareOfVoice
                   + m_weights.top3Rate * *s.top3Rate + m_weights.sentiment * sentiment);
        }
    }
    return out;
}

QList<DomainScore> Scorer::domains(const QList<const ScoredAnswer *> &answers) const
{
    QList<DomainScore> out;
    QList<SourceMix> types; // of each domain's citations
    QHash<QString, qsizetype> at;
    for (const ScoredAnswer *a : answers) {
        for (qsizetype i = 0; i < a->citations.size(); ++i) {
            const CitationRef &c = a->citations[i];
            auto it = at.find(c.domain);
            if (it == at.end()) {
                it = at.insert(c.domain, out.size());
                DomainScore d{c.domain,         c.owner, 0, std::nullopt, m_sites.unreachable.contains(c.domain),
                              SourceType::Other};
                if (const auto r = m_sites.scores.constFind(c.domain); r != m_sites.scores.cend())
                    d.readiness = *r;
                out << d;
                types << SourceMix{};
            }
            ++out[*it].citations;
            ++types[*it].citations[std::size_t(typeOf(*a, i))];
        }
    }
    // A domain whose pages are of several types (a blog and its docs) takes the commonest,
    // the earlier type in SourceType's order on a tie.
    for (qsizetype d = 0; d < out.size(); ++d) {
        const auto &counts = types[d].citations;
        out[d].type = SourceType(std::max_element(counts.cbegin(), counts.cend()) - counts.cbegin());
    }
    std::sort(out.begin(), out.end(), [](const DomainScore &x, const DomainScore &y) {
        return x.citations != y.citations ? x.citations > y.citations : x.domain < y.domain;
    });
    return out;
}

QList<CutScores> Scorer::score(const QList<ScoredAnswer> &answers) const
{
    const auto select = [&answers](const std::function<bool(const ScoredAnswer &)> &keep) {
        QList<const ScoredAnswer *> out;
        for (const ScoredAnswer &a : answers)
            if (keep(a))
                out << &a;
        return out;
    };
    QList<CutScores> out;
    out << scoreCut(u"all"_s, select([](const ScoredAnswer &) { return true; }));
    out << scoreCut(u"non-branded"_s, select([](const ScoredAnswer &a) { return !a.branded; }));
    out << scoreCut(u"branded"_s, select([](const ScoredAnswer &a) { return a.branded; }));
    const std::pair<QString, QString ScoredAnswer::*> dimensions[] = {{u"engine"_s, &ScoredAnswer::engine},
                                                                      {u"category"_s, &ScoredAnswer::category},
                                                                      {u"topic"_s, &ScoredAnswer::topic}};
    for (const auto &[name, field] : dimensions) {
        QStringList values;
        for (const ScoredAnswer &a : answers)
            if (!(a.*field).isEmpty() && !values.contains(a.*field))
                values << a.*field;
        for (const QString &v : values)
            out << scoreCut(name + u'=' + v, select([&](const ScoredAnswer &a) { return a.*field == v; }));
    }
    return out;
}

} // namespace geo
