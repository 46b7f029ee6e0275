#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>

namespace geo::htmlfacts {

// The nesting guard's tokenizer: reads tags, comments and raw text in a page's bytes as
// gumbo 0.10.1's tokenizer does where that matters for nesting, so the guard's model of the
// tree builder (NestingGuard.cpp) sees the tags gumbo will see. It only reads; positions
// are offsets into the bytes, which must outlive it.
class TagScanner
{
public:
    // A start or end tag, as scan() read it.
    struct Tag
    {
        int id = 0; // a GumboTag, or an id above GUMBO_TAG_LAST for each unknown name
        qsizetype nameStart = 0;
        qsizetype nameEnd = 0;
        qsizetype closer = 0; // the "/>" or ">" that ends the tag
        qsizetype end = 0;    // just after it
        // The first attribute gumbo should not see (its check of each attribute against all
        // earlier ones is quadratic), or -1.
        qsizetype excessFrom = -1;
        bool selfClosing = false;
        bool fontBreakout = false; // has color, face or size
        bool htmlEncoding = false; // encoding="text/html" (or XHTML)
    };

    explicit TagScanner(QByteArrayView bytes) : m_d(bytes.data()), m_n(bytes.size()) { }

    // Just after the next `c` from `from`; the end of the bytes when there is none.
    qsizetype after(char c, qsizetype from) const;
    // Just after the comment, doctype or bogus comment starting at i ("<!"); a CDATA section
    // is one only in SVG/MathML content.
    qsizetype skipMarkupDeclaration(qsizetype i, bool foreignContent) const;
    // Reads the name and attributes of the tag whose name starts at nameStart; false when the
    // bytes end inside it (gumbo then drops it, and nothing follows).
    bool scan(qsizetype nameStart, Tag &tag);
    // Where the raw text that follows `tag` (script, style, title...) ends: at its end tag,
    // or the end of the bytes.
    qsizetype rawTextEnd(const Tag &tag, qsizetype from) const;

private:
    qsizetype find(QByteArrayView needle, qsizetype from) const;
    int tagId(qsizetype start, qsizetype length);

    const char *m_d;
    qsizetype m_n;
    QHash<QByteArray, int> m_unknownTags;
};

} // namespace geo::htmlfacts
