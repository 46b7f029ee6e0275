#include "MarkdownDocument.h"

#include <QRegularExpression>

#include <md4c.h>

namespace geo {

using namespace Qt::StringLiterals;

// Receives md4c's callbacks and builds the document's visible text as it goes.
struct MarkdownCollector
{
    MarkdownDocument &doc;
    const QByteArray &utf8;
    // The last byte offset asked for and its UTF-16 offset: md4c reports text mostly in
    // source order, so counting on from there costs little, and no table of a number per
    // byte (eight times the answer) is kept.
    qsizetype cursorByte = 0;
    qsizetype cursorUnit = 0;
    int listDepth = 0;
    bool inBody = false; // inside a table body
    int openEntry = -1;  // index of the entry still taking text
    bool entryHasText = false;
    qsizetype leadStart = -1; // where a leading bold span began
    qsizetype linkStart = -1;
    qsizetype strongStart = -1;
    qsizetype paragraphStart = -1;
    int tableDepth = 0;
    std::pair<qsizetype, qsizetype> header{0, 0}; // the current table's header row

    // UTF-16 units before the code point of each byte: a lead byte starts one, and those of
    // four bytes take two units.
    static int unitsOf(char byte)
    {
        const auto b = uchar(byte);
        return (b & 0xC0) == 0x80 ? 0 : (b >= 0xF0 ? 2 : 1);
    }

    qsizetype sourceOf(const MD_CHAR *p)
    {
        const qsizetype byte = p - utf8.constData();
        if (byte < 0 || byte > utf8.size())
            return doc.m_text.isEmpty() ? 0 : doc.sourceOffset(doc.m_text.size() - 1);
        for (; cursorByte < byte; ++cursorByte)
            cursorUnit += unitsOf(utf8[cursorByte]);
        for (; cursorByte > byte; --cursorByte)
            cursorUnit -= unitsOf(utf8[cursorByte - 1]);
        return cursorUnit;
    }

    void addPiece(qsizetype source, bool advances)
    {
        const qsizetype at = doc.m_text.size();
        if (!doc.m_pieces.isEmpty()) {
            const MarkdownDocument::Piece &last = doc.m_pieces.last();
            if (last.advances && advances && last.source + (at - last.textStart) == source)
                return; // it continues the last piece
        }
        doc.m_pieces.append({at, source, advances});
    }

    void append(const QString &s, qsizetype source, bool advances)
    {
        if (s.isEmpty())
            return;
        addPiece(source, advances);
        doc.m_text.append(s);
        if (openEntry >= 0 && !s.trimmed().isEmpty())
            entryHasText = true;
    }

    void separator(QChar c)
    {
        if (doc.m_text.isEmpty() || doc.m_text.back() == u'\n' || doc.m_text.back() == c)
            return;
        addPiece(doc.sourceOffset(doc.m_text.size() - 1) + 1, false);
        doc.m_text.append(c);
    }

    void openEntryOf(MarkdownDocument::Entry::Kind kind)
    {
        closeEntry();
        doc.m_entries.append({kind, doc.m_text.size(), doc.m_text.size(), {}});
        openEntry = int(doc.m_entries.size() - 1);
        entryHasText = false;
    }

    void closeEntry()
    {
        if (openEntry < 0)
            return;
        auto &e = doc.m_entries[openEntry];
        e.end = doc.m_text.size();
        while (e.end > e.start && doc.m_text[e.end - 1].isSpace())
            --e.end;
        openEntry = -1;
    }

    // Only enumeration ("1.", "2)") may stand before an entry's leading bold text.
    bool atEntryStart() const
    {
        if (openEntry < 0)
            return false;
        static const QRegularExpression enumeration(u"^\\s*(\\d+[.)]\\s*)?$"_s);
        return enumeration.match(QStringView(doc.m_text).mid(doc.m_entries[openEntry].start)).hasMatch();
    }

    static int enterBlock(MD_BLOCKTYPE type, void *, void *self)
    {
        auto *c = static_cast<MarkdownCollector *>(self);
        using Kind = MarkdownDocument::Entry::Kind;
        switch (type) {
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            if (c->listDepth > 0)
                c->closeEntry(); // an item's entry is its own text, not its sub-list
            ++c->listDepth;
            break;
        case MD_BLOCK_LI:
            c->separator(u'\n');
            if (c->listDepth == 1)
                c->openEntryOf(Kind::ListItem);
            break;
        case MD_BLOCK_H:
            c->separator(u'\n');
            c->openEntryOf(Kind::Heading);
            break;
        case MD_BLOCK_THEAD:
            c->separator(u'\n');
            c->header = {c->doc.m_text.size(), c->doc.m_text.size()};
            break;
        case MD_BLOCK_TBODY:
            c->inBody = true;
            break;
        case MD_BLOCK_TR:
            c->separator(u'\n');
            if (c->inBody) {
                c->openEntryOf(Kind::TableRow);
                c->doc.m_entries.last().headerStart = c->header.first;
                c->doc.m_entries.last().headerEnd = c->header.second;
            }
            break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD:
            c->separator(u'\t');
            break;
        case MD_BLOCK_TABLE:
            c->header = {0, 0};
            ++c->tableDepth;
            c->separator(u'\n');
            break;
        case MD_BLOCK_P:
            c->separator(u'\n');
            if (c->listDepth == 0 && c->tableDepth == 0)
                c->paragraphStart = c->doc.m_text.size();
            break;
        default:
            c->separator(u'\n');
            break;
        }
        return 0;
    }

    static int leaveBlock(MD_BLOCKTYPE type, void *, void *self)
    {
        auto *c = static_cast<MarkdownCollector *>(self);
        switch (type) {
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            --c->listDepth;
            break;
        case MD_BLOCK_LI:
            if (c->listDepth == 1)
                c->closeEntry();
            break;
        case MD_BLOCK_H:
        case MD_BLOCK_TR:
            c->closeEntry();
            break;
        case MD_BLOCK_TBODY:
            c->inBody = false;
            break;
        case MD_BLOCK_THEAD:
            c->header.second = c->doc.m_text.size();
            break;
        case MD_BLOCK_TABLE:
            --c->tableDepth;
            break;
        case MD_BLOCK_P:
            if (c->paragraphStart >= 0 && c->doc.m_text.size() > c->paragraphStart)
                c->doc.m_paragraphs.append({c->paragraphStart, c->doc.m_text.size()});
            c->paragraphStart = -1;
            break;
        default:
            break;
        }
        if (type != MD_BLOCK_TH && type != MD_BLOCK_TD)
            c->separator(u'\n');
        return 0;
    }

    static int enterSpan(MD_SPANTYPE type, void *detail, void *self)
    {
        auto *c = static_cast<MarkdownCollector *>(self);
        if (type == MD_SPAN_STRONG && c->leadStart < 0 && c->atEntryStart())
            c->leadStart = c->doc.m_text.size();
        if (type == MD_SPAN_STRONG && c->strongStart < 0)
            c->strongStart = c->doc.m_text.size();
        if (type == MD_SPAN_A) {
            const MD_ATTRIBUTE &href = static_cast<MD_SPAN_A_DETAIL *>(detail)->href;
            c->doc.m_links << QString::fromUtf8(href.text, href.size);
            c->linkStart = c->doc.m_text.size();
        }
        return 0;
    }

    static int leaveSpan(MD_SPANTYPE type, void *, void *self)
    {
        auto *c = static_cast<MarkdownCollector *>(self);
        if (type == MD_SPAN_STRONG && c->leadStart >= 0) {
            if (c->openEntry >= 0 && c->doc.m_entries[c->openEntry].lead.isEmpty())
                c->doc.m_entries[c->openEntry].lead = c->doc.m_text.mid(c->leadStart).trimmed();
            c->leadStart = -2; // only the first bold span of an entry leads it
        }
        if (type == MD_SPAN_STRONG && c->strongStart >= 0) {
            if (c->doc.m_text.size() > c->strongStart)
                c->doc.m_strongRanges.append({c->strongStart, c->doc.m_text.size()});
            c->strongStart = -1;
        }
        if (type == MD_SPAN_A && c->linkStart >= 0) {
            c->doc.m_linkRanges.append({c->linkStart, c->doc.m_text.size()});
            c->linkStart = -1;
        }
        return 0;
    }

    static int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *self)
    {
        auto *c = static_cast<MarkdownCollector *>(self);
        const qsizetype source = c->sourceOf(text);
        switch (type) {
        case MD_TEXT_NULLCHAR:
            c->append(QString(QChar::ReplacementCharacter), source, false);
            break;
        case MD_TEXT_BR:
            c->append(u"\n"_s, source, false);
            break;
        case MD_TEXT_SOFTBR:
            c->doc.m_softBreaks.append(c->doc.m_text.size());
            c->append(u" "_s, source, false);
            break;
        case MD_TEXT_ENTITY:
            c->append(decodeEntity(QString::fromUtf8(text, size)), source, false);
            break;
        case MD_TEXT_HTML:
            break; // raw HTML tags are not text a reader sees
        default:
            c->append(QString::fromUtf8(text, size), source, true);
            break;
        }
        return 0;
    }

    static QString decodeEntity(const QString &entity)
    {
        static const QHash<QString, QString> named{
            {u"&amp;"_s, u"&"_s},   {u"&lt;"_s, u"<"_s},    {u"&gt;"_s, u">"_s},
            {u"&quot;"_s, u"\""_s}, {u"&apos;"_s, u"'"_s},  {u"&nbsp;"_s, u" "_s},
            {u"&ndash;"_s, u"–"_s}, {u"&mdash;"_s, u"—"_s}, {u"&hellip;"_s, u"…"_s}};
        if (entity.startsWith(u"&#"_s)) {
            bool ok = false;
            const bool hex = entity.size() > 2 && (entity[2] == u'x' || entity[2] == u'X');
            const uint code = entity.mid(hex ? 3 : 2, entity.size() - (hex ? 4 : 3)).toUInt(&ok, hex ? 16 : 10);
            if (ok && code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF)) {
                const char32_t c32 = code;
                return QString::fromUcs4(&c32, 1);
            }
            return QString(QChar::ReplacementCharacter);
        }
        return named.value(entity, entity);
    }
};

MarkdownDocument MarkdownDocument::parse(const QString &markdown)
{
    return parseUtf8(markdown.toUtf8());
}

MarkdownDocument MarkdownDocument::parseUtf8(const QByteArray &utf8)
{
    MarkdownDocument doc;
    MarkdownCollector collector{doc, utf8};
    for (const char byte : utf8)
        doc.m_sourceEnd += MarkdownCollector::unitsOf(byte);
    doc.m_text.reserve(doc.m_sourceEnd); // the visible text is at most the source

    MD_PARSER parser{};
    parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTMLBLOCKS;
    parser.enter_block = MarkdownCollector::enterBlock;
    parser.leave_block = MarkdownCollector::leaveBlock;
    parser.enter_span = MarkdownCollector::enterSpan;
    parser.leave_span = MarkdownCollector::leaveSpan;
    parser.text = MarkdownCollector::text;
    md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &collector);
    collector.closeEntry();

    qsizetype start = 0;
    for (qsizetype i = 0; i <= doc.m_text.size(); ++i) {
        if (i == doc.m_text.size() || doc.m_text[i] == u'\n' || doc.m_text[i] == u'\t') {
            if (i > start)
                doc.m_blocks.append({start, i});
            start = i + 1;
        }
    }
    return doc;
}

qsizetype MarkdownDocument::sourceOffset(qsizetype i) const
{
    if (i >= m_text.size())
        return m_sourceEnd;
    i = std::max<qsizetype>(i, 0);
    const auto after = std::upper_bound(m_pieces.cbegin(), m_pieces.cend(), i,
                                        [](qsizetype at, const Piece &p) { return at < p.textStart; });
    if (after == m_pieces.cbegin())
        return 0;
    const Piece &p = *(after - 1);
    return p.advances ? p.source + (i - p.textStart) : p.source;
}

} // namespace geo
