#include "ResponseAnalyzer.h"

#include "MarkdownDocument.h"
#include "Vader.h"

#include <QFile>
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

// Words that lead list items without naming anything ("**Pros:** ...").
bool isLabel(const QString &name)
{
    static const QSet<QString> labels{u"pros"_s,
                                      u"cons"_s,
                                      u"price"_s,
                                      u"pricing"_s,
                                      u"best for"_s,
                                      u"ideal for"_s,
                                      u"good for"_s,
                                      u"bottom line"_s,
                                      u"note"_s,
                                      u"tip"_s,
                                      u"tips"_s,
                                      u"features"_s,
                                      u"key features"_s,
                                      u"summary"_s,
                                      u"overview"_s,
                                      u"verdict"_s,
                                      u"why"_s,
                                      u"ease of use"_s,
                                      u"integrations"_s,
                                      u"support"_s,
                                      u"customer support"_s,
                                      u"cost"_s,
                                      u"budget"_s,
                                      u"strengths"_s,
                                      u"weaknesses"_s,
                                      u"limitations"_s,
                                      u"drawbacks"_s,
                                      u"downsides"_s,
                                      u"standout feature"_s,
                                      u"free plan"_s,
                                      u"free trial"_s,
                                      u"starting price"_s,
                                      u"reporting"_s,
                                      u"automation"_s,
                                      u"mobile app"_s,
                                      u"recommendation"_s,
                                      u"my recommendation"_s,
                                      u"conclusion"_s,
                                      u"final thoughts"_s,
                                      u"quick take"_s,
                                      u"considerations"_s,
                                      u"example"_s,
                                      u"examples"_s,
                                      u"step"_s,
                                      u"option"_s,
                                      u"alternative"_s,
                                      u"top pick"_s,
                                      u"top picks"_s,
                                      u"runner-up"_s,
                                      u"also consider"_s,
                                      u"honorable mentions"_s,
                                      u"caveat"_s,
                                      u"warning"_s};
    return labels.contains(name.toLower());
}

// Ordinary English words (Debian's word list): a single one leading an item is a topic
// ("**Migration:** ...", "| Starter | $15 |"), not a brand. Without the list, none is filtered.
bool isDictionaryWord(const QString &word)
{
    static const QSet<QString> words = [] {
        QSet<QString> out;
        QFile f(u"/usr/share/dict/words"_s);
        if (f.open(QIODevice::ReadOnly | QIODevice::Text))
            while (!f.atEnd())
                out.insert(QString::fromUtf8(f.readLine()).trimmed().toLower());
        return out;
    }();
    return words.contains(word.toLower());
}

} // namespace

ResponseAnalyzer::ResponseAnalyzer(const AuditSpec &spec) : m_brands(spec.trackedBrands()), m_finder(m_brands) { }

QString ResponseAnalyzer::candidateName(const QString &entryText, const QString &lead)
{
    QString name = lead;
    if (name.isEmpty()) {
        qsizetype cut = entryText.size();
        for (const QString &separator : {u":"_s, u" - "_s, u" – "_s, u" — "_s, u"\t"_s}) // a tab ends a table cell
            if (const qsizetype at = entryText.indexOf(separator); at > 0)
                cut = std::min(cut, at);
        if (cut == entryText.size())
            return {}; // no separator: a sentence, not a name
        name = entryText.left(cut);
    }
    // Headings and ranked items often lead with their number: "1. Name".
    qsizetype skip = 0;
    while (skip < name.size()
           && (name[skip].isDigit() || name[skip] == u'.' || name[skip] == u')' || name[skip] == u'#'))
        ++skip;
    name = name.mid(skip).trimmed();
    while (!name.isEmpty() && QStringView(u":–—-").contains(name.back()))
        name.chop(1);
    name = name.trimmed();
    const QStringList parts = name.split(u' ', Qt::SkipEmptyParts);
    if (parts.isEmpty() || parts.size() > 5 || !parts.front().front().isUpper() || isLabel(name)
        || (parts.size() == 1 && isDictionaryWord(name)))
        return {};
    // A name capitalises its words; short joiners ("of", "&") may stay lower case.
    for (const QString &p : parts)
        if (!p.front().isUpper() && !p.front().isDigit() && p.size() > 3)
            return {};
    return name;
}

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

    // The recommendation list: entries that name a tracked brand or lead with another name.
    // Mentions are in text order, so each entry looks only at those within its range (a
    // long answer has many entries and many mentions).
    const auto firstAt = [&mentions](qsizetype offset) {
        return std::lower_bound(mentions.cbegin(), mentions.cend(), offset,
                                [](const BrandMention &m, qsizetype at) { return m.offset < at; });
    };
    int place = 0;
    QSet<QString> discovered;
    for (const MarkdownDocument::Entry &e : doc.entries()) {
        QList<int> named;
        for (auto m = firstAt(e.start); m != mentions.cend() && m->offset < e.end; ++m)
            if (!named.contains(m->brand))
                named << m->brand;
        // A table whose header names brands compares them feature by feature: its rows are
        // features, not recommendations.
        const auto inHeader = firstAt(e.headerStart);
        if (inHeader != mentions.cend() && inHeader->offset < e.headerEnd)
            continue;
        QString candidate;
        if (e.kind != MarkdownDocument::Entry::Kind::Heading || named.isEmpty()) {
            candidate = candidateName(doc.text().mid(e.start, e.end - e.start), e.lead);
            if (!candidate.isEmpty() && !m_finder.find(candidate).isEmpty())
                candidate.clear(); // a tracked brand under another form, not a new one
        }
        if (named.isEmpty() && candidate.isEmpty())
            continue;
        ++place;
        for (int b : named)
            if (!a.brands[b].rank)
                a.brands[b].rank = place;
        if (named.isEmpty() && e.kind != MarkdownDocument::Entry::Kind::Heading && !discovered.contains(candidate)) {
            discovered.insert(candidate);
            a.discovered << candidate;
        }
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
