#include "MentionFinder.h"

#include <algorithm>

namespace geo {

namespace {

void appendFolded(char32_t ucs4, qsizetype origin, QString &out, QList<qsizetype> *map)
{
    if (ucs4 < 0x80) {
        out.append(QChar(char16_t(ucs4 >= 'A' && ucs4 <= 'Z' ? ucs4 + 32 : ucs4)));
        if (map)
            map->append(origin);
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
        out.append(QChar(QChar::highSurrogate(folded)));
        out.append(QChar(QChar::lowSurrogate(folded)));
        if (map)
            map->append({origin, origin});
    } else {
        out.append(QChar(char16_t(folded)));
        if (map)
            map->append(origin);
    }
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

} // namespace

QString foldForMatching(const QString &text, QList<qsizetype> *map)
{
    QString out;
    out.reserve(text.size());
    if (map) {
        map->clear();
        map->reserve(text.size() + 1);
    }
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
        map->append(text.size()); // one past the end, so a match's end maps back too
    return out;
}

MentionFinder::MentionFinder(const QList<BrandSpec> &brands) : m_brandCount(int(brands.size()))
{
    for (int b = 0; b < brands.size(); ++b)
        for (const QString &name : brands[b].names())
            if (const QString folded = foldForMatching(name.simplified()); !folded.isEmpty())
                m_needles.append({folded, b});
}

QList<BrandMention> MentionFinder::find(const QString &text) const
{
    QList<qsizetype> map;
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
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
        return a.start != b.start ? a.start < b.start : a.length > b.length;
    });
    QList<BrandMention> out;
    qsizetype coveredUntil = 0;
    for (const Hit &h : hits) {
        if (h.start < coveredUntil)
            continue; // inside a longer name that starts at or before it
        coveredUntil = h.start + h.length;
        const qsizetype begin = map[h.start];
        out.append({h.brand, begin, map[coveredUntil] - begin});
    }
    return out;
}

} // namespace geo
