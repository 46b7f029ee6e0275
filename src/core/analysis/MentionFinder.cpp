#include "MentionFinder.h"

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
        for (const QString &name : brands[b].names())
            if (const QString folded = foldForMatching(name.simplified()); !folded.isEmpty())
                m_needles.append({folded, b});
}

void MentionFinder::findInLines(QStringView text, qsizetype offset, QList<BrandMention> &out) const
{
    FoldMap map;
    const QString folded = foldForMatching(text, &map);
    struct Hit
    {
        qsizetype start;
        qsizetype length;
        int brand;
    };
    QList<Hit> hits;
    for (const Needle &n : m_needles) {
        const bool wordStart = isWordChar(n.folded.front());
        const bool wordEnd = isWordChar(n.folded.back());
        for (qsizetype at = folded.indexOf(n.folded); at >= 0; at = folded.indexOf(n.folded, at + 1)) {
            const qsizetype end = at + n.folded.size();
            if (wordStart && at > 0 && isWordChar(folded[at - 1]))
                continue;
            if (wordEnd && end < folded.size() && isWordChar(folded[end]))
                continue;
            hits.append({at, n.folded.size(), n.brand});
        }
    }
    std::sort(hits.begin(), hits.end(),
              [](const Hit &a, const Hit &b) { return a.start != b.start ? a.start < b.start : a.length > b.length; });
    qsizetype coveredUntil = 0;
    for (const Hit &h : hits) {
        if (h.start < coveredUntil)
            continue; // inside a longer name that starts at or before it
        coveredUntil = h.start + h.length;
        const qsizetype begin = map[h.start];
        out.append({h.brand, offset + begin, map[coveredUntil] - begin});
    }
}

QList<BrandMention> MentionFinder::find(const QString &text) const
{
    // In pieces of whole lines: no name holds a line break (names are simplified), and so
    // only a folded copy of a piece is held, not of the whole of a long answer (issue #17).
    // Pieces of some 64 Ki characters, not single lines: each piece is searched for every
    // name, and an audit may track 10,000 brands.
    constexpr qsizetype PieceChars = 64 * 1024;
    QList<BrandMention> out;
    for (qsizetype start = 0; start < text.size();) {
        qsizetype end = start + PieceChars < text.size() ? text.indexOf(u'\n', start + PieceChars) : -1;
        if (end < 0)
            end = text.size();
        findInLines(QStringView(text).mid(start, end - start), start, out);
        start = end + 1;
    }
    return out;
}

} // namespace geo
