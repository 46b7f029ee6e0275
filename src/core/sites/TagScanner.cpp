#include "TagScanner.h"

#include "HtmlTagTable.h"

#include <gumbo.h>

#include <cstring>

namespace geo::htmlfacts {

namespace {

// Gumbo checks each attribute against all earlier ones of the tag: quadratic.
constexpr int MaxAttributesPerTag = 256;

} // namespace

qsizetype TagScanner::after(char c, qsizetype from) const
{
    if (from >= m_n)
        return m_n;
    const void *p = std::memchr(m_d + from, c, std::size_t(m_n - from));
    return p ? static_cast<const char *>(p) - m_d + 1 : m_n;
}

qsizetype TagScanner::find(QByteArrayView needle, qsizetype from) const
{
    const qsizetype at = QByteArrayView(m_d, m_n).indexOf(needle, from);
    return at < 0 ? m_n : at;
}

qsizetype TagScanner::skipMarkupDeclaration(qsizetype i, bool foreignContent) const
{
    const QByteArrayView rest(m_d + i, m_n - i);
    if (rest.startsWith("<!--")) {
        if (rest.startsWith("<!-->"))
            return i + 5;
        if (rest.startsWith("<!--->"))
            return i + 6;
        const qsizetype end = find("-->", i + 4);
        return end >= m_n ? m_n : end + 3;
    }
    if (rest.startsWith("<![CDATA[") && foreignContent) {
        const qsizetype end = find("]]>", i + 9);
        return end >= m_n ? m_n : end + 3;
    }
    return after('>', i + 2); // doctype or bogus comment
}

bool TagScanner::scan(qsizetype nameStart, Tag &tag)
{
    qsizetype p = nameStart;
    while (p < m_n && !isHtmlSpace(m_d[p]) && m_d[p] != '/' && m_d[p] != '>')
        ++p;
    tag.nameStart = nameStart;
    tag.nameEnd = p;
    tag.id = tagId(nameStart, p - nameStart);
    tag.selfClosing = false;
    tag.fontBreakout = false;
    tag.htmlEncoding = false;
    tag.excessFrom = -1;
    int attributes = 0;
    while (true) {
        while (p < m_n && isHtmlSpace(m_d[p]))
            ++p;
        if (p >= m_n)
            return false;
        if (m_d[p] == '>')
            break;
        if (m_d[p] == '/') {
            ++p;
            if (p < m_n && m_d[p] == '>') {
                tag.selfClosing = true;
                break;
            }
            continue;
        }
        const qsizetype attributeStart = p;
        ++p; // a leading '=' belongs to the name
        while (p < m_n && !isHtmlSpace(m_d[p]) && m_d[p] != '/' && m_d[p] != '>' && m_d[p] != '=')
            ++p;
        const QByteArrayView attributeName(m_d + attributeStart, p - attributeStart);
        for (const char *fontAttribute : {"color", "face", "size"}) {
            if (attributeName.compare(fontAttribute, Qt::CaseInsensitive) == 0)
                tag.fontBreakout = true;
        }
        QByteArrayView value;
        qsizetype q = p;
        while (q < m_n && isHtmlSpace(m_d[q]))
            ++q;
        if (q < m_n && m_d[q] == '=') {
            p = q + 1;
            while (p < m_n && isHtmlSpace(m_d[p]))
                ++p;
            if (p < m_n && (m_d[p] == '"' || m_d[p] == '\'')) {
                const void *close = std::memchr(m_d + p + 1, m_d[p], std::size_t(m_n - p - 1));
                if (!close)
                    return false;
                const qsizetype end = static_cast<const char *>(close) - m_d;
                value = QByteArrayView(m_d + p + 1, end - p - 1);
                p = end + 1;
            } else {
                const qsizetype start = p;
                while (p < m_n && !isHtmlSpace(m_d[p]) && m_d[p] != '>')
                    ++p;
                value = QByteArrayView(m_d + start, p - start);
            }
        }
        if (attributeName.compare("encoding", Qt::CaseInsensitive) == 0)
            tag.htmlEncoding = value.compare("text/html", Qt::CaseInsensitive) == 0
                || value.compare("application/xhtml+xml", Qt::CaseInsensitive) == 0;
        if (++attributes == MaxAttributesPerTag + 1)
            tag.excessFrom = attributeStart;
    }
    tag.closer = tag.selfClosing ? p - 1 : p;
    tag.end = p + 1;
    return true;
}

int TagScanner::tagId(qsizetype start, qsizetype length)
{
    const GumboTag known = gumbo_tagn_enum(m_d + start, unsigned(length));
    if (known != GUMBO_TAG_UNKNOWN)
        return int(known);
    const QByteArray name = QByteArray(m_d + start, length).toLower();
    auto it = m_unknownTags.constFind(name);
    if (it == m_unknownTags.constEnd())
        it = m_unknownTags.insert(name, int(GUMBO_TAG_LAST) + 1 + int(m_unknownTags.size()));
    return it.value();
}

qsizetype TagScanner::rawTextEnd(const Tag &tag, qsizetype from) const
{
    const qsizetype nameLength = tag.nameEnd - tag.nameStart;
    for (qsizetype p = find("</", from); p < m_n; p = find("</", p + 2)) {
        const qsizetype e = p + 2 + nameLength;
        if (e <= m_n && qstrnicmp(m_d + p + 2, m_d + tag.nameStart, std::size_t(nameLength)) == 0
            && (e == m_n || isHtmlSpace(m_d[e]) || m_d[e] == '/' || m_d[e] == '>'))
            return p;
    }
    return m_n;
}

} // namespace geo::htmlfacts
