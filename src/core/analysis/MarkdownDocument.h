#pragma once

#include <QList>
#include <QString>

namespace geo {

// An answer's Markdown as parsed by md4c: the text a reader sees, where each piece came from
// in the source, the blocks that make a recommendation list, and the links.
class MarkdownDocument final
{
public:
    struct Entry
    {
        enum class Kind { ListItem, TableRow, Heading };
        Kind kind = Kind::ListItem;
        qsizetype start = 0; // in text()
        qsizetype end = 0;
        QString lead; // its leading bold text, when it starts with one
        // A table row's table header, [start, end) in text(); empty for other entries.
        qsizetype headerStart = 0;
        qsizetype headerEnd = 0;
    };

    static MarkdownDocument parse(const QString &markdown);
    // The same from the Markdown's UTF-8, as md4c reads it: a long answer need not be held
    // as UTF-16 as well. Offsets are still UTF-16 offsets of the text it encodes.
    static MarkdownDocument parseUtf8(const QByteArray &markdown);

    // The visible text: emphasis marks, link destinations and table pipes gone; every block
    // on a line of its own.
    const QString &text() const { return m_text; }
    // Where character i of text() is in the source (UTF-16 offsets); i may be text().size().
    qsizetype sourceOffset(qsizetype i) const;
    // The source's length in UTF-16 units.
    qsizetype sourceSize() const { return m_sourceEnd; }
    // Top-level list items, table body rows and headings, in document order.
    const QList<Entry> &entries() const { return m_entries; }
    // Link destinations (inline, reference and autolinks), in order.
    const QStringList &links() const { return m_links; }
    // [start, end) ranges of text() that are link text (the bare words of autolinks too).
    const QList<std::pair<qsizetype, qsizetype>> &linkRanges() const { return m_linkRanges; }
    // [start, end) ranges of text() that are one block each: paragraphs, items, cells, headings.
    const QList<std::pair<qsizetype, qsizetype>> &blocks() const { return m_blocks; }
    // [start, end) ranges of text() in bold (strong emphasis), in order.
    const QList<std::pair<qsizetype, qsizetype>> &strongRanges() const { return m_strongRanges; }
    // Where the source broke a line inside a paragraph (a space in text()), in order: text
    // copied from a browser keeps its list items apart only by these.
    const QList<qsizetype> &softBreaks() const { return m_softBreaks; }
    // [start, end) ranges of text() that are paragraphs outside lists and tables.
    const QList<std::pair<qsizetype, qsizetype>> &paragraphs() const { return m_paragraphs; }

private:
    friend struct MarkdownCollector;

    // A run of text() whose characters come from the source from `source` on (advances) or
    // all from `source` (a line break, an entity, a separator).
    struct Piece
    {
        qsizetype textStart = 0;
        qsizetype source = 0;
        bool advances = false;
    };

    QString m_text;
    // In text order; a run per piece of text, not an offset per character, which for a long
    // answer cost four times its text.
    QList<Piece> m_pieces;
    qsizetype m_sourceEnd = 0; // where text().size() is in the source
    QList<Entry> m_entries;
    QStringList m_links;
    QList<std::pair<qsizetype, qsizetype>> m_linkRanges;
    QList<std::pair<qsizetype, qsizetype>> m_blocks;
    QList<std::pair<qsizetype, qsizetype>> m_strongRanges;
    QList<std::pair<qsizetype, qsizetype>> m_paragraphs;
    QList<qsizetype> m_softBreaks;
};

} // namespace geo
