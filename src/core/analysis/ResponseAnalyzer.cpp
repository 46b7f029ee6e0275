#include "ResponseAnalyzer.h"

#include "CandidateNames.h"
#include "MarkdownDocument.h"
#include "Vader.h"

#include <QHash>
#include <QSet>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <cmath>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

struct Span
{
    qsizetype start;
    qsizetype end;
};

// Sentences by Unicode's rules (UAX #29), never across blocks: a list item, cell or heading
// ends a sentence even without a full stop.
QList<Span> sentences(const MarkdownDocument &doc)
{
    QList<Span> out;
    const QString &text = doc.text();
    for (const auto &[blockStart, blockEnd] : doc.blocks()) {
        QTextBoundaryFinder finder(QTextBoundaryFinder::Sentence,
                                   QStringView(text).mid(blockStart, blockEnd - blockStart));
        qsizetype from = 0;
        for (qsizetype to = finder.toNextBoundary(); to > 0; to = finder.toNextBoundary()) {
            const QStringView s = QStringView(text).mid(blockStart + from, to - from);
            if (!s.trimmed().isEmpty())
                out.append({blockStart + from, blockStart + to});
            from = to;
        }
    }
    return out;
}

// Tokens that contain a letter or digit (docs/metrics.md, words(s)).
int words(QStringView s)
{
    int n = 0;
    bool inToken = false, counted = false;
    for (QChar c : s) {
        if (c.isSpace()) {
            inToken = counted = false;
            continue;
        }
        if (!inToken)
            inToken = true;
        if (!counted && c.isLetterOrNumber()) {
            ++n;
            counted = true;
        }
    }
    return n;
}

} // namespace

ResponseAnalyzer::ResponseAnalyzer(const AuditSpec &spec) : m_brands(spec.trackedBrands()), m_finder(m_brands) { }

Analysis ResponseAnalyzer::analyze(const QString &answer, const QList<Citation> &structured) const
{
    return analyzeDocument(MarkdownDocument::parse(answer), structured);
}

Analysis ResponseAnalyzer::analyzeUtf8(const QByteArray &answer, const QList<Citation> &structured) const
{
    return analyzeDocument(MarkdownDocument::parseUtf8(answer), structured);
}

Analysis ResponseAnalyzer::analyzeDocument(const MarkdownDocument &doc, const QList<Citation> &structured) const
{
    Analysis a;
    a.brands.resize(m_brands.size());
    const QList<BrandMention> mentions = m_finder.find(doc.text());

    for (const BrandMention &m : mentions) {
        BrandFigures &f = a.brands[m.brand];
        if (f.mentions++ == 0) {
            f.firstOffset = doc.sourceOffset(m.offset);
            f.firstPos = doc.sourceSize() == 0 ? 0.0 : double(f.firstOffset) / double(doc.sourceSize());
        }
    }
    for (BrandFigures &f : a.brands)
        if (f.mentioned())
            f.order = 1 + int(std::count_if(a.brands.cbegin(), a.brands.cend(), [&f](const BrandFigures &o) {
                          return o.mentioned() && o.firstOffset < f.firstOffset;
                      }));

    // The recommendation list: places that name a tracked brand or lead with another name.
    // Mentions are in text order, so each place looks only at those within its range (a
    // long answer has many places and many mentions).
    const auto firstAt = [&mentions](qsizetype offset) {
        return std::lower_bound(mentions.cbegin(), mentions.cend(), offset,
                                [](const BrandMention &m, qsizetype at) { return m.offset < at; });
    };
    const auto tracked = [this](const QString &name) { return !m_finder.find(name).isEmpty(); };
    const CandidateNames candidates(doc);
    struct Found
    {
        qsizetype at;
        DiscoveredName name;
    };
    QList<Found> found;
    int place = 0;
    for (const CandidateNames::Place &p : candidates.places()) {
        QList<int> named;
        for (auto m = firstAt(p.start); m != mentions.cend() && m->offset < p.namedEnd; ++m)
            if (!named.contains(m->brand))
                named << m->brand;
        // A table whose header names brands compares them feature by feature: its rows are
        // features, not recommendations.
        const auto inHeader = firstAt(p.headerStart);
        if (inHeader != mentions.cend() && inHeader->offset < p.headerEnd)
            continue;
        // A heading naming a tracked brand is that brand's place; any other place counts when it
        // leads with a name in form, a brand or not.
        const bool ownPlace = !(p.heading && !named.isEmpty());
        QString candidate = ownPlace ? p.name : QString();
        bool listed = ownPlace && p.listed;
        if (!candidate.isEmpty() && tracked(candidate)) {
            candidate.clear(); // a tracked brand under another form, not a new one
            listed = false;
        }
        if (named.isEmpty() && !listed)
            continue;
        ++place;
        for (int b : named)
            if (!a.brands[b].rank)
                a.brands[b].rank = place;
        if (named.isEmpty() && !candidate.isEmpty())
            found.append({p.start, {candidate, place}});
    }
    for (const CandidateNames::Mention &m : candidates.mentions())
        if (!tracked(m.name))
            found.append({m.at, {m.name, 0}});
    std::stable_sort(found.begin(), found.end(), [](const Found &x, const Found &y) { return x.at < y.at; });
    QHash<QString, qsizetype> seen; // lower-case name -> index in a.discovered
    for (const Found &f : found) {
        const QString key = f.name.name.toLower();
        if (const auto it = seen.constFind(key); it != seen.cend()) {
            int &rank = a.discovered[*it].rank;
            if (f.name.rank > 0 && (rank == 0 || f.name.rank < rank))
                rank = f.name.rank;
            continue;
        }
        seen.insert(key, a.discovered.size());
        a.discovered << f.name;
    }
    a.recommendations = place;

    // Sentences: sentiment of those naming a brand, and PAWC over all of them.
    const QList<Span> spans = sentences(doc);
    a.sentences = int(spans.size());
    const double last = std::max<double>(double(spans.size()) - 1.0, 1.0);
    QList<double> weight(m_brands.size(), 0.0), sentimentSum(m_brands.size(), 0.0);
    QList<int> sentimentCount(m_brands.size(), 0);
    qsizetype next = 0; // mentions are in text order, as are the sentences
    for (qsizetype i = 0; i < spans.size(); ++i) {
        QList<int> named;
        while (next < mentions.size() && mentions[next].offset < spans[i].start)
            ++next;
        for (qsizetype m = next; m < mentions.size() && mentions[m].offset < spans[i].end; ++m)
            if (!named.contains(mentions[m].brand))
                named << mentions[m].brand;
        if (named.isEmpty())
            continue;
        const QStringView sentence = QStringView(doc.text()).mid(spans[i].start, spans[i].end - spans[i].start);
        const double compound = Vader::instance().score(sentence.toString()).compound;
        const double w = words(sentence) * std::exp(-double(i) / last) / double(named.size());
        for (int b : named) {
            weight[b] += w;
            sentimentSum[b] += compound;
            ++sentimentCount[b];
        }
    }
    double total = 0.0;
    for (double w : weight)
        total += w;
    for (int b = 0; b < a.brands.size(); ++b) {
        a.brands[b].pawc = total > 0 ? weight[b] / total : 0.0;
        if (sentimentCount[b] > 0)
            a.brands[b].sentiment = sentimentSum[b] / sentimentCount[b];
    }
    a.citations = extractCitations(doc, structured, m_brands);
    return a;
}

} // namespace geo
