#include "MentionFinder.h"

#include "CaseMatching.h"
#include "Citations.h"

#include <algorithm>

namespace geo {

namespace {

void appendFolded(char32_t ucs4, qsizetype origin, QString &out, FoldMap *map)
{
    if (ucs4 < 0x80) {
        if (map)
            map->add(out.size(), origin);
        out.append(QChar(char16_t(ucs4 >= 'A' && ucs4 <= 'Z' ? ucs4 + 32 : ucs4)));
        return;
    }
    const QString decomposition = QChar::decomposition(ucs4);
    if (!decomposition.isEmpty()) {
        for (char32_t part : decomposition.toUcs4())
            appendFolded(part, origin, out, map);
        return;
    }
    if (QChar::category(ucs4) == QChar::Mark_NonSpacing)
        return;
    const char32_t folded = QChar::toCaseFolded(ucs4);
    if (QChar::requiresSurrogates(folded)) {
        if (map) {
            map->add(out.size(), origin);
            map->add(out.size() + 1, origin);
        }
        out.append(QChar(QChar::highSurrogate(folded)));
        out.append(QChar(QChar::lowSurrogate(folded)));
    } else {
        if (map)
            map->add(out.size(), origin);
        out.append(QChar(char16_t(folded)));
    }
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

} // namespace

qsizetype FoldMap::operator[](qsizetype folded) const
{
    const auto after = std::upper_bound(m_points.cbegin(), m_points.cend(), folded,
                                        [](qsizetype at, const auto &point) { return at < point.first; });
    if (after == m_points.cbegin())
        return folded;
    const auto &[from, origin] = *(after - 1);
    return origin + (folded - from);
}

void FoldMap::add(qsizetype folded, qsizetype origin)
{
    // Added in folded order, so the last point is the one that maps this character.
    const qsizetype expected = m_points.isEmpty() ? folded : m_points.last().second + (folded - m_points.last().first);
    if (origin != expected)
        m_points.append({folded, origin});
}

QString foldForMatching(QStringView text, FoldMap *map)
{
    QString out;
    out.reserve(text.size());
    if (map)
        map->clear();
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t ucs4 = text[i].unicode();
        const qsizetype origin = i;
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ucs4 = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        appendFolded(ucs4, origin, out, map);
    }
    if (map)
        map->add(out.size(), text.size()); // one past the end, so a match's end maps back too
    return out;
}

MentionFinder::MentionFinder(const QList<BrandSpec> &brands) : m_brandCount(int(brands.size()))
{
    for (int b = 0; b < brands.size(); ++b)
        for (const QString &raw : brands[b].names()) {
            const QString name = raw.simplified();
            if (name.isEmpty())
                continue;
            if (CaseMatching::matchedAsWritten(brands[b], name)) {
                const QString lower = name.toLower();
                const bool sentenceCase = name.front().isUpper() && name.mid(1) == lower.mid(1);
                m_written.append({name, name.toUpper(), sentenceCase ? lower : QString(), b});
            } else if (const QString folded = foldForMatching(name); !folded.isEmpty()) {
                m_needles.append({folded, b});
            }
        }
}

namespace {

bool wholeWord(QStringView text, qsizetype at, qsizetype end, QStringView needle)
{
    if (isWordChar(needle.front()) && at > 0 && isWordChar(text[at - 1]))
        return false;
    return !(isWordChar(needle.back()) && end < text.size() && isWordChar(text[end]));
}

// Whether `at` starts a sentence: nothing but spaces, opening quotes or brackets between it
// and the start of its line or a full stop, question or exclamation mark or colon.
bool startsSentence(QStringView text, qsizetype at)
{
    qsizetype i = at - 1;
    while (i >= 0 && (text[i] == u' ' || text[i] == u'\t' || QStringView(u"\"'\u201C\u2018([*_").contains(text[i])))
        --i;
    return i < 0 || QStringView(u"\n.!?:\u2026").contains(text[i]);
}

// Whether the name at [start, end) is a label of a host name written in the text: "bear.com",
// "app.bear.com", "support@bear.com" or "https://bear.com/pricing" name a site, not the brand
// (the site counts as a citation). The labels after the name are in lower case, as hosts are
// written, so "Bear.It works" flattened from two sentences stays a mention.
bool partOfHostName(QStringView text, qsizetype start, qsizetype end)
{
    const bool dotAfter = end + 1 < text.size() && text[end] == u'.' && text[end + 1].isLetterOrNumber();
    const bool dotBefore = start > 1 && text[start - 1] == u'.' && text[start - 2].isLetterOrNumber();
    if (!dotAfter && !dotBefore)
        return false;
    qsizetype from = start;
    while (from > 0 && isHostNameChar(text[from - 1]))
        --from;
    qsizetype to = end;
    while (to < text.size() && isHostNameChar(text[to]))
        ++to;
    while (to > end && (text[to - 1] == u'.' || text[to - 1] == u'-'))
        --to;
    const QStringView after = text.mid(end, to - end);
    if (std::any_of(after.begin(), after.end(), [](QChar c) { return c.toLower() != c; }))
        return false;
    return isCitableDomain(text.mid(from, to - from).toString().toLower());
}

bool followedByLowerCaseWord(QStringView text, qsizetype end)
{
    while (end < text.size() && (text[end] == u' ' || text[end] == u'\t'))
        ++end;
    return end < text.size() && text[end].isLower();
}

} // namespace

void MentionFinder::findInLines(QStringView text, qsizetype offset, QList<Hit> &hits, QList<bool> &usedAsWord) const
{
    FoldMap map;
    const QString folded = foldForMatching(text, &map);
    for (const Needle &n : m_needles)
        for (qsizetype at = folded.indexOf(n.folded); at >= 0; at = folded.indexOf(n.folded, at + 1))
            if (const qsizetype end = at + n.folded.size(); wholeWord(folded, at, end, n.folded))
                hits.append({offset + map[at], offset + map[end], n.brand});
    for (int w = 0; w < m_written.size(); ++w) {
        const WrittenNeedle &n = m_written[w];
        for (const bool asGiven : {true, false}) {
            if (!asGiven && n.upper == n.name)
                break;
            const QString &form = asGiven ? n.name : n.upper;
            for (qsizetype at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
                const qsizetype end = at + form.size();
                if (!wholeWord(text, at, end, form))
                    continue;
                // Only a name whose one capital is its first letter reads as the word at a
                // sentence's start; "RING" and "Sales Nest" do not.
                const bool doubtful
                    = asGiven && !n.lower.isEmpty() && startsSentence(text, at) && followedByLowerCaseWord(text, end);
                hits.append({offset + at, offset + end, n.brand, w, doubtful});
            }
        }
        if (!n.lower.isEmpty() && !usedAsWord[w])
            for (qsizetype at = text.indexOf(n.lower); at >= 0 && !usedAsWord[w]; at = text.indexOf(n.lower, at + 1))
                usedAsWord[w] = wholeWord(text, at, at + n.lower.size(), n.lower);
    }
}

QList<BrandMention> MentionFinder::find(const QString &text) const
{
    // In pieces of whole lines: no name holds a line break (names are simplified), and so
    // only a folded copy of a piece is held, not of the whole of a long answer (issue #17).
    // Pieces of some 64 Ki characters, not single lines: each piece is searched for every
    // name, and an audit may track 10,000 brands.
    constexpr qsizetype PieceChars = 64 * 1024;
    QList<Hit> hits;
    QList<bool> usedAsWord(m_written.size(), false);
    for (qsizetype start = 0; start < text.size();) {
        qsizetype end = start + PieceChars < text.size() ? text.indexOf(u'\n', start + PieceChars) : -1;
        if (end < 0)
            end = text.size();
        findInLines(QStringView(text).mid(start, end - start), start, hits, usedAsWord);
        start = end + 1;
    }
    hits.removeIf([&](const Hit &h) { return partOfHostName(text, h.start, h.end); });
    // A doubtful hit is read as the word when the text uses the word and names the brand
    // nowhere beyond doubt: "Ring lights are cheap. A ring light ..." names no brand.
    QList<bool> named(m_brandCount, false);
    for (const Hit &h : hits)
        if (!h.doubtful)
            named[h.brand] = true;
    hits.removeIf([&](const Hit &h) { return h.doubtful && !named[h.brand] && usedAsWord[h.written]; });

    std::sort(hits.begin(), hits.end(),
              [](const Hit &a, const Hit &b) { return a.start != b.start ? a.start < b.start : a.end > b.end; });
    QList<BrandMention> out;
    qsizetype coveredUntil = 0;
    for (const Hit &h : hits) {
        if (h.start < coveredUntil)
            continue; // inside a longer name that starts at or before it
        coveredUntil = h.end;
        out.append({h.brand, h.start, h.end - h.start});
    }
    return out;
}

} // namespace geo
