#include "HtmlFacts.h"

#include <gumbo.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>
#include <QStringDecoder>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <csetjmp>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

// The fetcher's body cap, so no fetched page is ever cut here; a caller that forgets the
// cap cannot make one parse take seconds and gigabytes.
constexpr qsizetype MaxInputBytes = 2 * 1024 * 1024;
// Gumbo 0.10.1 has no max_tree_depth: its parse is quadratic in depth (scope checks walk
// the open-element stack) and gumbo_destroy_output recurses once per level. Blink flattens
// the tree at 512 levels; tags opened deeper than this are removed before gumbo runs.
constexpr std::size_t MaxNesting = 512;
// Within that depth, many tokens still make gumbo walk the whole stack ("</p>" or "<li>"
// under 500 divs: 3 s for 2 MiB). Each tag costs the depth it is read at; past this budget
// the rest of the page is not read. The test pages need at most 360 per KiB (0.7 M for
// 2 MiB), so real pages keep a wide margin; the worst case costs gumbo about half a second.
constexpr std::size_t MaxWork = 64u * 1024 * 1024;
// Gumbo checks each attribute against all earlier ones of the tag: quadratic.
constexpr int MaxAttributesPerTag = 256;
// Formatting elements (b, i, a, font...) that stay "active" are re-created in every later
// paragraph, so a few hundred of them turn each "<p>x</p>" into hundreds of nodes. Gumbo
// keeps 3 identical ones (Noah's Ark); beyond this many different ones they are dropped,
// which loses only styling.
constexpr std::size_t MaxActiveFormatting = 16;
// Real pages need about 3-12x their size (24 MiB at most for 2 MiB of input); markup that
// gumbo amplifies further (misnested formatting re-created in every paragraph) is read
// only as far as fits.
constexpr std::size_t GumboMemoryBudget = 128u * 1024 * 1024;
constexpr qsizetype MaxHeadingChars = 1024;
constexpr int ShellMaxChars = 50;
constexpr int ShellMaxPageWords = 100;

// ---------------------------------------------------------------------------------------
// Nesting guard: a pre-pass over the bytes with a model of gumbo's stack of open elements
// and list of active formatting elements, which drops what would nest too deep and stops
// reading at the work budget. It may overestimate depth (a sloppy page then loses a few
// tags past 512 levels) but must never underestimate it, so it follows gumbo 0.10.1 where
// a misjudgement would hide depth: SVG/MathML and their integration points (a void tag
// opens an element there, "<x/>" in HTML does), the adoption agency, and the select,
// table, caption and frameset modes, which ignore or close tags. Checked against gumbo
// with random tag soup: its tree stays under about 3x the limit (implied tbody/tr/td).

bool isHtmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

enum TagFlag : unsigned {
    Void = 1u << 0,        // never has content
    RawText = 1u << 1,     // content is text up to the matching end tag (in HTML content)
    NotCounted = 1u << 2,  // never opens a level of its own (html, head, body, table parts)
    TablePart = 1u << 3,   // start or end closes what is open inside the current cell
    Special = 1u << 4,     // "special" category: stops generic end tags and list items
    Boundary = 1u << 5,    // ends an "element in scope" search
    Formatting = 1u << 6,  // handled by the adoption agency
    ClosesP = 1u << 7,     // start tag closes an open <p>
    Heading = 1u << 8,
    Breakout = 1u << 9,    // start tag leaves SVG/MathML content
    ScopedEnd = 1u << 10,  // end tag closes it if in scope (others stop at special elements)
    ImpliedEnd = 1u << 11  // closed by "generate implied end tags"
};

unsigned tagFlags(int tag)
{
    switch (tag) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_COL: case GUMBO_TAG_FRAME: case GUMBO_TAG_IMAGE: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN: case GUMBO_TAG_LINK: case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR: case GUMBO_TAG_MENUITEM: // void in gumbo 0.10.1
    case GUMBO_TAG_ISINDEX: // expands to a closed form
        return Void;
    case GUMBO_TAG_BR: case GUMBO_TAG_EMBED: case GUMBO_TAG_IMG: case GUMBO_TAG_META:
        return Void | Breakout;
    case GUMBO_TAG_HR:
        return Void | ClosesP | Breakout;
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_TEXTAREA:
        return RawText;
    case GUMBO_TAG_TITLE:
        return RawText;
    case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
        return RawText | ClosesP;
    case GUMBO_TAG_HTML:
        return NotCounted;
    case GUMBO_TAG_HEAD: case GUMBO_TAG_BODY:
        return NotCounted | Breakout;
    case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_RB: case GUMBO_TAG_RT:
    case GUMBO_TAG_RTC: case GUMBO_TAG_RP:
        return ImpliedEnd;
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_CAPTION: case GUMBO_TAG_COLGROUP:
        return NotCounted | TablePart; // ignored outside tables, and never nested inside one
    case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
        return Special | ScopedEnd | ClosesP | Breakout | ImpliedEnd;
    case GUMBO_TAG_P:
        return Special | ClosesP | Breakout | ImpliedEnd;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        return Special | ClosesP | Heading | Breakout;
    case GUMBO_TAG_DIV: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CENTER: case GUMBO_TAG_LISTING: case GUMBO_TAG_MENU:
    case GUMBO_TAG_PRE:
        return Special | ScopedEnd | ClosesP | Breakout;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
        return Special | ScopedEnd | ClosesP;
    case GUMBO_TAG_FORM: // its end tag removes only the form element
        return Special | ClosesP;
    case GUMBO_TAG_TABLE:
        return Special | Boundary | ScopedEnd | ClosesP | Breakout;
    case GUMBO_TAG_APPLET: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_TEMPLATE:
        return Special | Boundary | ScopedEnd;
    case GUMBO_TAG_BUTTON:
        return Special | ScopedEnd;
    case GUMBO_TAG_SELECT: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_FRAMESET:
        return Special;
    case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE: case GUMBO_TAG_EM: case GUMBO_TAG_I:
    case GUMBO_TAG_NOBR: case GUMBO_TAG_S: case GUMBO_TAG_SMALL: case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG: case GUMBO_TAG_TT: case GUMBO_TAG_U:
        return Formatting | Breakout;
    case GUMBO_TAG_FONT: // breaks out only with color, face or size (see breaksOut())
        return Formatting | Breakout;
    case GUMBO_TAG_A:
        return Formatting;
    case GUMBO_TAG_SPAN: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_VAR:
    case GUMBO_TAG_RUBY:
        return Breakout;
    default: // including SVG and MathML elements (see entryFlags())
        return 0;
    }
}

class NestingGuard
{
public:
    explicit NestingGuard(const QByteArray &in) : m_in(in), m_d(in.constData()), m_n(in.size()) { }

    // The input with tags beyond MaxNesting (and MaxActiveFormatting) and attributes beyond
    // MaxAttributesPerTag removed, cut where MaxWork runs out; the input itself (shared,
    // not copied) when nothing had to go.
    QByteArray run()
    {
        qsizetype i = 0;
        while (i < m_n) {
            const void *lt = std::memchr(m_d + i, '<', std::size_t(m_n - i));
            if (!lt)
                break;
            i = static_cast<const char *>(lt) - m_d;
            if (i + 1 >= m_n)
                break;
            const char c = m_d[i + 1];
            if (c == '!') {
                i = skipMarkupDeclaration(i);
                continue;
            }
            if (c == '?') {
                i = after('>', i + 2);
                continue;
            }
            const bool isEnd = c == '/';
            const qsizetype nameStart = isEnd ? i + 2 : i + 1;
            if (nameStart >= m_n)
                break;
            if (!isAsciiAlpha(m_d[nameStart])) {
                // "</>" is dropped, "</ x>" is a bogus comment, "< x" is text.
                i = isEnd ? after('>', nameStart) : i + 1;
                continue;
            }
            const qsizetype tagStart = i;
            if (!scanTag(nameStart))
                break; // end of input inside a tag: gumbo drops it, and nothing follows
            // Raw text that gumbo may read as markup (see m_inertUntil): only framesets count.
            const bool inert = tagStart < m_inertUntil;
            // Dropped tags cost gumbo nothing; the others cost about the depth they are
            // read at.
            const bool dropped =
                !isEnd && (inert ? m_tag == GUMBO_TAG_FRAMESET && depth() >= MaxNesting : mustDrop());
            m_work += dropped ? 1 : depth() + 1;
            if (m_work > MaxWork) {
                m_truncateAt = tagStart;
                break;
            }
            i = m_tagEnd;
            if (dropped) {
                drop(tagStart, m_tagEnd);
                continue;
            }
            dropExcessAttributes();
            if (inert) {
                if (m_tag == GUMBO_TAG_FRAMESET && !isEnd)
                    ++m_framesets;
                else if (m_tag == GUMBO_TAG_FRAMESET && m_framesets > 0)
                    --m_framesets;
                continue;
            }
            if (isEnd) {
                endTag(m_tag);
            } else {
                const bool rawText = (tagFlags(m_tag) & RawText) && !startsForeign(); // SVG <title> is not
                startTag();
                if (rawText && m_framesets > 0 && m_tag != GUMBO_TAG_NOFRAMES) {
                    m_inertUntil = m_tag == GUMBO_TAG_PLAINTEXT ? m_n : rawTextEnd(nameStart, m_nameEnd - nameStart, i);
                } else if (rawText) {
                    if (m_tag == GUMBO_TAG_PLAINTEXT)
                        break;
                    i = rawTextEnd(nameStart, m_nameEnd - nameStart, i);
                }
            }
        }
        const qsizetype end = m_truncateAt >= 0 ? m_truncateAt : m_n;
        if (!m_changed)
            return end == m_n ? m_in : m_in.left(end);
        m_out.append(m_d + m_copied, end - m_copied);
        return m_out;
    }

private:
    enum class Ns : unsigned char { Html, Svg, MathMl };

    struct Open
    {
        int tag;
        Ns ns;
        bool foreignContent; // its children are SVG/MathML (not an HTML integration point)
        bool inCell;         // a table with a cell or caption open
    };

    static bool isIntegrationPoint(Ns ns, int tag)
    {
        if (ns == Ns::Svg)
            return tag == GUMBO_TAG_FOREIGNOBJECT || tag == GUMBO_TAG_DESC || tag == GUMBO_TAG_TITLE;
        if (ns == Ns::MathMl)
            return tag == GUMBO_TAG_MI || tag == GUMBO_TAG_MO || tag == GUMBO_TAG_MN || tag == GUMBO_TAG_MS
                || tag == GUMBO_TAG_MTEXT || tag == GUMBO_TAG_ANNOTATION_XML;
        return false;
    }

    // What an open element is to the tree builder: HTML elements by their tag; in SVG and
    // MathML only the integration points are special (and scope boundaries), the rest
    // nothing, whatever their name.
    static unsigned entryFlags(const Open &o)
    {
        if (o.ns == Ns::Html)
            return tagFlags(o.tag);
        return isIntegrationPoint(o.ns, o.tag) ? unsigned(Special | Boundary) : 0u;
    }

    static bool isHtml(const Open &o, int tag) { return o.tag == tag && o.ns == Ns::Html; }

    qsizetype after(char c, qsizetype from) const
    {
        if (from >= m_n)
            return m_n;
        const void *p = std::memchr(m_d + from, c, std::size_t(m_n - from));
        return p ? static_cast<const char *>(p) - m_d + 1 : m_n;
    }

    qsizetype find(QByteArrayView needle, qsizetype from) const
    {
        const qsizetype at = QByteArrayView(m_d, m_n).indexOf(needle, from);
        return at < 0 ? m_n : at;
    }

    qsizetype skipMarkupDeclaration(qsizetype i) const
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
        if (rest.startsWith("<![CDATA[") && inForeignContent()) {
            const qsizetype end = find("]]>", i + 9);
            return end >= m_n ? m_n : end + 3;
        }
        return after('>', i + 2); // doctype or bogus comment
    }

    // Reads the tag name and attributes starting at nameStart; false at end of input.
    bool scanTag(qsizetype nameStart)
    {
        qsizetype p = nameStart;
        while (p < m_n && !isHtmlSpace(m_d[p]) && m_d[p] != '/' && m_d[p] != '>')
            ++p;
        m_nameEnd = p;
        m_tag = tagId(nameStart, p - nameStart);
        m_selfClosing = false;
        m_fontBreakout = false;
        m_htmlEncoding = false;
        m_excessFrom = -1;
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
                    m_selfClosing = true;
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
                    m_fontBreakout = true;
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
                m_htmlEncoding = value.compare("text/html", Qt::CaseInsensitive) == 0
                    || value.compare("application/xhtml+xml", Qt::CaseInsensitive) == 0;
            if (++attributes == MaxAttributesPerTag + 1)
                m_excessFrom = attributeStart;
        }
        m_closer = m_selfClosing ? p - 1 : p; // the "/>" or ">" that ends the tag
        m_tagEnd = p + 1;
        return true;
    }

    int tagId(qsizetype start, qsizetype length)
    {
        const GumboTag tag = gumbo_tagn_enum(m_d + start, unsigned(length));
        if (tag != GUMBO_TAG_UNKNOWN)
            return int(tag);
        const QByteArray name = QByteArray(m_d + start, length).toLower();
        auto it = m_unknownTags.constFind(name);
        if (it == m_unknownTags.constEnd())
            it = m_unknownTags.insert(name, int(GUMBO_TAG_LAST) + 1 + int(m_unknownTags.size()));
        return it.value();
    }

    qsizetype rawTextEnd(qsizetype nameStart, qsizetype nameLength, qsizetype from) const
    {
        for (qsizetype p = find("</", from); p < m_n; p = find("</", p + 2)) {
            const qsizetype e = p + 2 + nameLength;
            if (e <= m_n && qstrnicmp(m_d + p + 2, m_d + nameStart, std::size_t(nameLength)) == 0
                && (e == m_n || isHtmlSpace(m_d[e]) || m_d[e] == '/' || m_d[e] == '>'))
                return p;
        }
        return m_n;
    }

    bool inForeignContent() const { return !m_stack.empty() && m_stack.back().foreignContent; }

    bool breaksOut() const { return (tagFlags(m_tag) & Breakout) && (m_tag != GUMBO_TAG_FONT || m_fontBreakout); }

    // The namespace of the element the start tag just read opens.
    Ns elementNs() const
    {
        if (m_tag == GUMBO_TAG_SVG)
            return Ns::Svg;
        if (m_tag == GUMBO_TAG_MATH)
            return Ns::MathMl;
        if ((m_tag == GUMBO_TAG_MGLYPH || m_tag == GUMBO_TAG_MALIGNMARK) && !m_stack.empty()
            && m_stack.back().ns == Ns::MathMl && m_stack.back().tag != GUMBO_TAG_ANNOTATION_XML)
            return Ns::MathMl; // stay MathML even in mi, mo, mn, ms, mtext
        return inForeignContent() && !breaksOut() ? m_stack.back().ns : Ns::Html;
    }

    // Whether the element the start tag just read holds HTML (an integration point).
    bool opensHtmlInside(Ns ns) const
    {
        if (ns == Ns::MathMl && m_tag == GUMBO_TAG_ANNOTATION_XML)
            return m_htmlEncoding;
        return isIntegrationPoint(ns, m_tag);
    }

    bool startsForeign() const { return elementNs() != Ns::Html; }

    std::size_t depth() const { return m_stack.size() + m_framesets; }

    // Index of the topmost open element for which match() holds, searching down from the
    // top and giving up at the first element for which stop() holds; -1 when not found.
    template<typename Match, typename Stop>
    qsizetype findOpen(Match match, Stop stop, qsizetype from = -1) const
    {
        for (qsizetype k = from >= 0 ? from : qsizetype(m_stack.size()) - 1; k >= 0; --k) {
            if (match(m_stack[std::size_t(k)]))
                return k;
            if (stop(m_stack[std::size_t(k)]))
                return -1;
        }
        return -1;
    }

    // HTML rules only ever match HTML elements (foreign ones: see endTag()).
    qsizetype findInScope(int tag, unsigned stopFlags) const
    {
        return findOpen([tag](const Open &o) { return isHtml(o, tag); },
                        [stopFlags](const Open &o) { return (entryFlags(o) & stopFlags) != 0; });
    }

    qsizetype findTable(qsizetype from = -1) const
    {
        return findOpen([](const Open &o) { return isHtml(o, GUMBO_TAG_TABLE); },
                        [](const Open &o) { return isHtml(o, GUMBO_TAG_TEMPLATE); }, from);
    }

    void popTo(qsizetype index) { m_stack.resize(std::size_t(index)); }

    // "In select" mode: the select element whose content is being read (only option and
    // optgroup get inside it), or -1.
    qsizetype openSelect() const
    {
        for (qsizetype k = qsizetype(m_stack.size()) - 1; k >= 0 && k >= qsizetype(m_stack.size()) - 3; --k) {
            const Open &o = m_stack[std::size_t(k)];
            if (isHtml(o, GUMBO_TAG_SELECT))
                return k;
            if (!isHtml(o, GUMBO_TAG_OPTION) && !isHtml(o, GUMBO_TAG_OPTGROUP))
                return -1;
        }
        return -1;
    }

    // In select mode, what a start tag does: closes the select first (true), or is ignored
    // (false, *ignored set), or is handled as usual (option, optgroup, template, script).
    bool selectCloses(bool *ignored) const
    {
        *ignored = false;
        const qsizetype select = openSelect();
        if (select < 0 || inForeignContent())
            return false;
        switch (m_tag) {
        case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SCRIPT:
            return false;
        case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_TEXTAREA:
            return true;
        default:
            // "In select in table": table parts close the select; elsewhere all is ignored.
            if ((m_tag == GUMBO_TAG_TABLE || (tagFlags(m_tag) & TablePart)) && findTable(select - 1) >= 0)
                return true;
            *ignored = true;
            return false;
        }
    }

    void closeP()
    {
        const qsizetype p = findOpen([](const Open &o) { return isHtml(o, GUMBO_TAG_P); },
                                     [](const Open &o) { return (entryFlags(o) & Boundary) || isHtml(o, GUMBO_TAG_BUTTON); });
        if (p >= 0)
            popTo(p);
    }

    // The next cell, row or row group closes what is open inside the current cell.
    void closeCellContent(bool openingCell)
    {
        const qsizetype table = findTable();
        if (table < 0)
            return;
        popTo(table + 1);
        m_stack.back().inCell = openingCell;
    }

    // A new <li> (<dd>, <dt>) closes the open one and all it holds, unless something special
    // other than div/address/p comes first.
    void closeListItem(int tag)
    {
        const bool definition = tag != GUMBO_TAG_LI;
        const qsizetype item = findOpen(
            [definition](const Open &o) {
                return definition ? (isHtml(o, GUMBO_TAG_DD) || isHtml(o, GUMBO_TAG_DT)) : isHtml(o, GUMBO_TAG_LI);
            },
            [](const Open &o) {
                return (entryFlags(o) & Special) && !isHtml(o, GUMBO_TAG_DIV) && !isHtml(o, GUMBO_TAG_ADDRESS)
                    && !isHtml(o, GUMBO_TAG_P);
            });
        if (item >= 0)
            popTo(item);
    }

    // <rb>/<rtc> (and, sparing <rtc>, <rt>/<rp>) close the ruby parts open in a <ruby>.
    void closeRubyParts(int tag)
    {
        if (findInScope(GUMBO_TAG_RUBY, Boundary) < 0)
            return;
        const bool keepRtc = tag == GUMBO_TAG_RT || tag == GUMBO_TAG_RP;
        while (!m_stack.empty() && (entryFlags(m_stack.back()) & ImpliedEnd)
               && !(keepRtc && m_stack.back().tag == GUMBO_TAG_RTC))
            m_stack.pop_back();
    }

    // The adoption agency: with a special element (the "furthest block") above the
    // formatting element, only the formatting element closes; otherwise all above it does.
    void closeFormatting(int tag)
    {
        const qsizetype at = findInScope(tag, Boundary);
        if (at < 0)
            return;
        const bool furthestBlock = std::any_of(m_stack.begin() + at + 1, m_stack.end(),
                                               [](const Open &o) { return (entryFlags(o) & Special) != 0; });
        if (furthestBlock)
            m_stack.erase(m_stack.begin() + at);
        else
            popTo(at);
    }

    // Whether the start tag just read opens an element (one more level of nesting).
    bool opensElement() const
    {
        if (m_tag == GUMBO_TAG_FRAMESET && m_framesets > 0)
            return true; // gumbo may be in frameset mode, where nothing else opens or closes
        if (startsForeign())
            return !m_selfClosing;
        bool ignored = false;
        selectCloses(&ignored);
        if (ignored)
            return false;
        if (m_tag == GUMBO_TAG_SELECT && openSelect() >= 0)
            return false; // acts as </select>
        return !(tagFlags(m_tag) & (Void | NotCounted | RawText)); // raw text holds only text
    }

    // A start tag that would nest too deep, or one formatting element too many, is dropped
    // (with no effect on the model: gumbo never sees it). Its text stays.
    bool mustDrop() const
    {
        if (!opensElement())
            return false;
        if (depth() >= MaxNesting)
            return true;
        if (startsForeign() || !(tagFlags(m_tag) & Formatting))
            return false;
        std::size_t active = m_active.size();
        if ((m_tag == GUMBO_TAG_A || m_tag == GUMBO_TAG_NOBR) && std::find(m_active.begin(), m_active.end(), m_tag) != m_active.end())
            --active; // these first close their namesake
        return active >= MaxActiveFormatting;
    }

    void startTag()
    {
        const int tag = m_tag;
        const unsigned flags = tagFlags(tag);
        if (tag == GUMBO_TAG_FRAMESET && m_framesets > 0) {
            ++m_framesets;
            return;
        }
        if (inForeignContent() && breaksOut()) {
            while (inForeignContent())
                m_stack.pop_back();
        }
        const Ns ns = elementNs();
        const bool foreign = ns != Ns::Html;
        const bool opens = opensElement(); // before the select closes
        if (!foreign) {
            bool ignored = false;
            if (selectCloses(&ignored))
                popTo(openSelect());
            if (ignored)
                return;
            if (flags & ClosesP)
                closeP();
            if (flags & TablePart)
                closeCellContent(tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH || tag == GUMBO_TAG_CAPTION);
            if (tag == GUMBO_TAG_TABLE) {
                // Directly in a table (not in a cell or caption), a table closes the open one.
                const qsizetype table = findTable();
                if (table >= 0 && !m_stack[std::size_t(table)].inCell)
                    popTo(table);
            }
            if (tag == GUMBO_TAG_BUTTON) {
                const qsizetype button = findInScope(GUMBO_TAG_BUTTON, Boundary);
                if (button >= 0)
                    popTo(button);
            }
            if (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT)
                closeListItem(tag);
            if (tag == GUMBO_TAG_RB || tag == GUMBO_TAG_RTC || tag == GUMBO_TAG_RT || tag == GUMBO_TAG_RP)
                closeRubyParts(tag);
            if ((tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_OPTGROUP) && !m_stack.empty()
                && isHtml(m_stack.back(), GUMBO_TAG_OPTION))
                m_stack.pop_back();
            if (tag == GUMBO_TAG_OPTGROUP && openSelect() >= 0 && isHtml(m_stack.back(), GUMBO_TAG_OPTGROUP))
                m_stack.pop_back();
            if ((flags & Heading) && !m_stack.empty() && (entryFlags(m_stack.back()) & Heading))
                m_stack.pop_back();
            if (tag == GUMBO_TAG_A || tag == GUMBO_TAG_NOBR) {
                closeFormatting(tag);
                forgetActive(tag);
            }
            if (tag == GUMBO_TAG_FRAMESET && opens) {
                // Framesets live in their own insertion mode, where only they nest and the
                // other end tags are ignored: counted apart so those cannot pop them.
                ++m_framesets;
                return;
            }
        }
        if (!opens)
            return;
        // mustDrop() said there is room, and closing elements above only made more.
        m_stack.push_back({tag, ns, foreign && !opensHtmlInside(ns), false});
        if (!foreign && (flags & Formatting))
            m_active.push_back(tag);
    }

    // An end tag (or the adoption agency) takes the latest entry of that tag off the list of
    // active formatting elements. Markers (cells, captions) are not modelled: entries then
    // stay longer than in gumbo, which errs on the side of dropping.
    void forgetActive(int tag)
    {
        const auto it = std::find(m_active.rbegin(), m_active.rend(), tag);
        if (it != m_active.rend())
            m_active.erase(std::next(it).base());
    }

    void endTag(int tag)
    {
        const unsigned flags = tagFlags(tag);
        // In SVG/MathML an end tag closes the nearest foreign element of that name; HTML
        // rules apply once an HTML element is reached.
        for (qsizetype k = qsizetype(m_stack.size()) - 1; k >= 0 && inForeignContent(); --k) {
            if (m_stack[std::size_t(k)].ns == Ns::Html)
                break;
            if (m_stack[std::size_t(k)].tag == tag) {
                popTo(k);
                return;
            }
        }
        if (const qsizetype select = openSelect(); select >= 0 && !inForeignContent()) {
            // In select mode only these end tags do anything.
            if (tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_OPTGROUP) {
                if (isHtml(m_stack.back(), GUMBO_TAG_OPTION)
                    && (tag == GUMBO_TAG_OPTION || isHtml(m_stack[m_stack.size() - 2], GUMBO_TAG_OPTGROUP)))
                    m_stack.pop_back();
                if (tag == GUMBO_TAG_OPTGROUP && isHtml(m_stack.back(), GUMBO_TAG_OPTGROUP))
                    m_stack.pop_back();
                return;
            }
            const bool tablePart = tag == GUMBO_TAG_TABLE || (flags & TablePart);
            if (tag == GUMBO_TAG_SELECT || (tablePart && findTable(select - 1) >= 0))
                popTo(select);
            if (tag != GUMBO_TAG_TEMPLATE && !tablePart)
                return;
        }
        if (flags & TablePart) {
            closeCellContent(false);
        } else if (tag == GUMBO_TAG_FRAMESET) {
            if (m_framesets > 0)
                --m_framesets;
        } else if (tag == GUMBO_TAG_LI) {
            const qsizetype at = findOpen([](const Open &o) { return isHtml(o, GUMBO_TAG_LI); },
                                          [](const Open &o) {
                                              return (entryFlags(o) & Boundary) || isHtml(o, GUMBO_TAG_UL)
                                                  || isHtml(o, GUMBO_TAG_OL);
                                          });
            if (at >= 0)
                popTo(at);
        } else if (flags & Formatting) {
            closeFormatting(tag);
            forgetActive(tag);
        } else if (flags & Heading) {
            const qsizetype at = findOpen([](const Open &o) { return (entryFlags(o) & Heading) != 0; },
                                          [](const Open &o) { return (entryFlags(o) & Boundary) != 0; });
            if (at >= 0)
                popTo(at);
        } else if (tag == GUMBO_TAG_P) {
            closeP();
        } else if (tag == GUMBO_TAG_FORM) {
            const qsizetype at = findInScope(tag, Boundary);
            if (at >= 0)
                m_stack.erase(m_stack.begin() + at);
        } else if (!(flags & NotCounted)) {
            // Elements with their own end-tag rule close across anything but a scope
            // boundary; others stop at the first special element ("any other end tag").
            const qsizetype at = findInScope(tag, (flags & ScopedEnd) ? unsigned(Boundary) : unsigned(Special));
            if (at >= 0)
                popTo(at);
        }
    }

    void drop(qsizetype from, qsizetype to)
    {
        if (!m_changed) {
            m_changed = true;
            m_out.reserve(m_n);
        }
        m_out.append(m_d + m_copied, from - m_copied);
        m_copied = to;
    }

    void dropExcessAttributes()
    {
        if (m_excessFrom >= 0)
            drop(m_excessFrom, m_closer);
    }

    const QByteArray &m_in;
    const char *m_d;
    qsizetype m_n;
    QByteArray m_out;
    qsizetype m_copied = 0;
    bool m_changed = false;
    std::size_t m_work = 0;
    qsizetype m_truncateAt = -1;
    std::vector<Open> m_stack;
    std::size_t m_framesets = 0; // open <frameset>s, kept apart from m_stack
    // With framesets open gumbo may be in frameset mode, where <style>, <title>... are
    // ignored and what follows them is markup; up to here, their content is scanned for
    // framesets only, which is right whichever mode gumbo is in.
    qsizetype m_inertUntil = -1;
    std::vector<int> m_active; // formatting elements gumbo would re-create when closed early
    QHash<QByteArray, int> m_unknownTags;
    // The tag scanTag() last read.
    int m_tag = 0;
    qsizetype m_nameEnd = 0;
    qsizetype m_tagEnd = 0;
    qsizetype m_closer = 0;
    qsizetype m_excessFrom = -1;
    bool m_selfClosing = false;
    bool m_fontBreakout = false; // has color, face or size
    bool m_htmlEncoding = false; // encoding="text/html" (or XHTML)
};

// ---------------------------------------------------------------------------------------
// Gumbo with a memory budget. Gumbo does not check for failed allocations, so when the
// budget runs out the allocator jumps back to parse() and every block is freed here.

struct alignas(std::max_align_t) BlockHeader
{
    BlockHeader *prev;
    BlockHeader *next;
    std::size_t size;
};

struct Arena
{
    BlockHeader head{&head, &head, 0}; // circular list of live blocks
    std::size_t used = 0;
    std::jmp_buf *overflow = nullptr;

    void freeAll()
    {
        for (BlockHeader *b = head.next; b != &head;) {
            BlockHeader *next = b->next;
            std::free(b);
            b = next;
        }
        head.prev = head.next = &head;
        used = 0;
    }
};

void *arenaAllocate(void *userdata, size_t size)
{
    auto *arena = static_cast<Arena *>(userdata);
    if (size > GumboMemoryBudget - arena->used)
        std::longjmp(*arena->overflow, 1);
    auto *block = static_cast<BlockHeader *>(std::malloc(sizeof(BlockHeader) + size));
    if (!block)
        std::longjmp(*arena->overflow, 1);
    block->size = size;
    block->prev = arena->head.prev;
    block->next = &arena->head;
    arena->head.prev->next = block;
    arena->head.prev = block;
    arena->used += size;
    return block + 1;
}

void arenaFree(void *userdata, void *ptr)
{
    if (!ptr)
        return;
    auto *arena = static_cast<Arena *>(userdata);
    BlockHeader *block = static_cast<BlockHeader *>(ptr) - 1;
    block->prev->next = block->next;
    block->next->prev = block->prev;
    arena->used -= block->size;
    std::free(block);
}

// One parsed document; gumbo_destroy_output runs when it goes away.
class GumboTree
{
public:
    GumboTree()
    {
        m_options = kGumboDefaultOptions;
        m_options.allocator = &arenaAllocate;
        m_options.deallocator = &arenaFree;
        m_options.userdata = &m_arena;
        m_options.max_errors = 0; // nobody reads them, and broken pages produce millions
    }
    ~GumboTree()
    {
        if (m_output)
            gumbo_destroy_output(&m_options, m_output);
        m_arena.freeAll();
    }
    GumboTree(const GumboTree &) = delete;
    GumboTree &operator=(const GumboTree &) = delete;

    // False when gumbo ran out of its memory budget; nothing is kept then.
    bool parse(const QByteArray &utf8)
    {
        m_input = utf8; // gumbo's nodes point into the buffer
        std::jmp_buf overflow;
        m_arena.overflow = &overflow;
        if (setjmp(overflow) != 0) {
            m_arena.overflow = nullptr;
            m_arena.freeAll();
            m_output = nullptr;
            return false;
        }
        m_output = gumbo_parse_with_options(&m_options, m_input.constData(), size_t(m_input.size()));
        m_arena.overflow = nullptr;
        return true;
    }

    const GumboNode *root() const { return m_output ? m_output->root : nullptr; }

private:
    Arena m_arena;
    GumboOptions m_options;
    GumboOutput *m_output = nullptr;
    QByteArray m_input;
};

// ---------------------------------------------------------------------------------------
// Text helpers.

QString collapsed(const QString &s)
{
    return s.simplified();
}

QString attribute(const GumboElement &element, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&element.attributes, name);
    return a ? QString::fromUtf8(a->value) : QString();
}

bool hasAttribute(const GumboElement &element, const char *name)
{
    return gumbo_get_attribute(&element.attributes, name) != nullptr;
}

const GumboVector *childrenOf(const GumboNode *node)
{
    switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
        return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
        return &node->v.element.children;
    default:
        return nullptr;
    }
}

// The text directly inside an element that holds only text (title, script).
QByteArray directText(const GumboNode *node)
{
    QByteArray text;
    const GumboVector *children = childrenOf(node);
    for (unsigned i = 0; children && i < children->length; ++i) {
        const auto *child = static_cast<const GumboNode *>(children->data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_CDATA)
            text += child->v.text.text;
    }
    return text;
}

bool isLetterOrNumberAt(const QString &text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
        return QChar::isLetterOrNumber(QChar::surrogateToUcs4(c, text.at(i + 1)));
    return c.isLetterOrNumber();
}

// UAX #29 words: "don't" is one word, each Han character is one, punctuation is none.
int countWords(const QString &text)
{
    if (text.isEmpty())
        return 0;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, text);
    int words = 0;
    qsizetype start = 0;
    for (qsizetype end = finder.toNextBoundary(); end > 0; end = finder.toNextBoundary()) {
        if (end > start && isLetterOrNumberAt(text, start))
            ++words;
        start = end;
    }
    return words;
}

int countNonSpace(const QString &text)
{
    return int(std::count_if(text.cbegin(), text.cend(), [](QChar c) { return !c.isSpace() && !c.isLowSurrogate(); }));
}

// Text gathered across nodes; element boundaries become spaces so "<p>a</p><p>b</p>" is
// two words while "a<b>b</b>" stays one.
struct TextSink
{
    QString text;
    bool pendingSpace = false;

    void boundary() { pendingSpace = true; }
    void add(const QString &s)
    {
        if (pendingSpace && !text.isEmpty() && !text.back().isSpace())
            text += u' ';
        pendingSpace = false;
        text += s;
    }
};

// Elements that render inline by default, so they do not separate words.
bool isInline(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_ACRONYM: case GUMBO_TAG_B:
    case GUMBO_TAG_BDI: case GUMBO_TAG_BDO: case GUMBO_TAG_BIG: case GUMBO_TAG_BLINK:
    case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA: case GUMBO_TAG_DEL:
    case GUMBO_TAG_DFN: case GUMBO_TAG_EM: case GUMBO_TAG_FONT: case GUMBO_TAG_I:
    case GUMBO_TAG_INS: case GUMBO_TAG_KBD: case GUMBO_TAG_LABEL: case GUMBO_TAG_MARK:
    case GUMBO_TAG_NOBR: case GUMBO_TAG_Q: case GUMBO_TAG_S: case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN: case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TIME: case GUMBO_TAG_TT:
    case GUMBO_TAG_U: case GUMBO_TAG_VAR: case GUMBO_TAG_WBR:
    case GUMBO_TAG_UNKNOWN: // custom elements are inline unless styled
        return true;
    default:
        return false;
    }
}

bool isShellId(const GumboElement &element)
{
    const GumboAttribute *id = gumbo_get_attribute(&element.attributes, "id");
    if (!id)
        return false;
    const char *v = id->value;
    return std::strcmp(v, "root") == 0 || std::strcmp(v, "app") == 0 || std::strcmp(v, "__next") == 0
        || std::strcmp(v, "__nuxt") == 0;
}

// The charset named in "text/html; charset=..." (the spec's algorithm, simplified).
QByteArray charsetFromContentType(const QString &content)
{
    const QByteArray c = content.toLatin1().toLower();
    qsizetype at = c.indexOf("charset");
    while (at >= 0) {
        qsizetype p = at + 7;
        while (p < c.size() && isHtmlSpace(c.at(p)))
            ++p;
        if (p < c.size() && c.at(p) == '=') {
            ++p;
            while (p < c.size() && isHtmlSpace(c.at(p)))
                ++p;
            if (p < c.size() && (c.at(p) == '"' || c.at(p) == '\'')) {
                const qsizetype close = c.indexOf(c.at(p), p + 1);
                return close < 0 ? QByteArray() : c.mid(p + 1, close - p - 1);
            }
            qsizetype e = p;
            while (e < c.size() && !isHtmlSpace(c.at(e)) && c.at(e) != ';')
                ++e;
            return c.mid(p, e - p);
        }
        at = c.indexOf("charset", p);
    }
    return {};
}

// A decoder for a declared charset, or none when the page is to be read as UTF-8.
// Labels follow the WHATWG Encoding Standard where it differs from ICU's names.
std::optional<QStringDecoder> decoderFor(QByteArray label)
{
    label = label.trimmed().toLower();
    if (label.isEmpty() || label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8"
        || label.startsWith("utf-16")) // a meta tag naming UTF-16 means UTF-8 (spec)
        return std::nullopt;
    static const QByteArrayList windows1252 = {"latin1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1",
                                               "ascii", "us-ascii", "cp1252", "cp819", "x-cp1252",
                                               "windows-1252", "ansi_x3.4-1968", "iso-ir-100", "ibm819"};
    if (windows1252.contains(label))
        label = "windows-1252";
    else if (label == "gb2312" || label == "gb_2312" || label == "gb_2312-80" || label == "x-gbk" || label == "chinese")
        label = "gbk";
    QStringDecoder decoder(label.constData());
    if (!decoder.isValid())
        return std::nullopt;
    return decoder;
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes); // decode() is lazy until converted
    return !decoder.hasError();
}

// ---------------------------------------------------------------------------------------
// The walk over gumbo's tree: iterative, so its depth costs heap, never stack.

class Extractor
{
public:
    explicit Extractor(HtmlFacts &facts) : m_facts(facts) { }

    QByteArray declaredCharset; // the first <meta> charset declaration

    void run(const GumboNode *root)
    {
        if (!root)
            return;
        struct Frame
        {
            const GumboNode *node;
            unsigned next;
        };
        std::vector<Frame> stack;
        if (enter(root))
            stack.push_back({root, 0});
        while (!stack.empty()) {
            Frame &top = stack.back();
            const GumboVector *children = childrenOf(top.node);
            if (children && top.next < children->length) {
                const auto *child = static_cast<const GumboNode *>(children->data[top.next++]);
                if (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE) {
                    if (enter(child))
                        stack.push_back({child, 0}); // invalidates top
                } else if (child->type != GUMBO_NODE_COMMENT) {
                    text(QString::fromUtf8(child->v.text.text));
                }
            } else {
                leave(top.node);
                stack.pop_back();
            }
        }
        finish();
    }

private:
    // False to skip the element's subtree (and its leave()).
    bool enter(const GumboNode *node)
    {
        const GumboElement &element = node->v.element;
        const GumboTag tag = element.tag;
        if (node->type == GUMBO_NODE_TEMPLATE || tag == GUMBO_TAG_TEMPLATE)
            return false; // inert content
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) {
            if (tag == GUMBO_TAG_SCRIPT && element.tag_namespace == GUMBO_NAMESPACE_HTML)
                script(node);
            return false;
        }
        if (element.tag_namespace == GUMBO_NAMESPACE_HTML) {
            switch (tag) {
            case GUMBO_TAG_HTML:
                if (!m_seenHtml) {
                    m_seenHtml = true;
                    m_facts.lang = collapsed(attribute(element, "lang"));
                }
                break;
            case GUMBO_TAG_TITLE:
                if (!m_seenTitle) {
                    m_seenTitle = true;
                    m_facts.title = collapsed(QString::fromUtf8(directText(node)));
                }
                return false;
            case GUMBO_TAG_META:
                meta(element);
                break;
            case GUMBO_TAG_LINK:
                link(element);
                break;
            case GUMBO_TAG_BODY:
                ++m_body;
                break;
            case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
            case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
                m_facts.headings.append({int(tag - GUMBO_TAG_H1) + 1, QString()});
                m_openHeadings.push_back({m_facts.headings.size() - 1, m_headingText.text.size()});
                break;
            case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
                if (m_body > 0)
                    ++m_facts.lists;
                break;
            case GUMBO_TAG_TABLE:
                if (m_body > 0)
                    ++m_facts.tables;
                break;
            case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
                ++m_unrendered; // shown only without scripts or frames; iframe text is markup
                break;
            case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
                ++m_chrome;
                break;
            case GUMBO_TAG_MAIN:
                ++m_main;
                m_hasMain = true;
                break;
            case GUMBO_TAG_ARTICLE:
                ++m_article;
                m_hasArticle = true;
                break;
            default:
                break;
            }
        }
        if (isShellId(element))
            m_shellStarts.push_back(m_shellChars);
        if (element.tag_namespace != GUMBO_NAMESPACE_HTML || !isInline(tag))
            boundary();
        return true;
    }

    void leave(const GumboNode *node)
    {
        if (node->type == GUMBO_NODE_DOCUMENT)
            return;
        const GumboElement &element = node->v.element;
        const GumboTag tag = element.tag;
        if (element.tag_namespace != GUMBO_NAMESPACE_HTML || !isInline(tag))
            boundary();
        if (isShellId(element)) {
            if (m_shellChars - m_shellStarts.back() < ShellMaxChars)
                m_shellFound = true;
            m_shellStarts.pop_back();
        }
        if (element.tag_namespace != GUMBO_NAMESPACE_HTML)
            return;
        switch (tag) {
        case GUMBO_TAG_BODY:
            --m_body;
            break;
        case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
        case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: {
            const OpenHeading open = m_openHeadings.back();
            m_openHeadings.pop_back();
            // Bounded, so headings nested in headings cannot cost quadratic time.
            const QString text = collapsed(m_headingText.text.mid(open.start, 4 * MaxHeadingChars));
            m_facts.headings[open.index].second = text.left(MaxHeadingChars);
            if (m_openHeadings.empty())
                m_headingText = {};
            break;
        }
        case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
            --m_unrendered;
            break;
        case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
            --m_chrome;
            break;
        case GUMBO_TAG_MAIN:
            --m_main;
            break;
        case GUMBO_TAG_ARTICLE:
            --m_article;
            break;
        default:
            break;
        }
    }

    void text(const QString &s)
    {
        if (m_unrendered > 0)
            return;
        if (!m_openHeadings.empty())
            m_headingText.add(s);
        if (m_body == 0)
            return;
        m_page.add(s);
        m_shellChars += countNonSpace(s);
        if (m_chrome > 0)
            return;
        m_content.add(s);
        if (m_main > 0)
            m_mainText.add(s);
        if (m_article > 0)
            m_articleText.add(s);
    }

    void boundary()
    {
        m_page.boundary();
        m_content.boundary();
        m_mainText.boundary();
        m_articleText.boundary();
        m_headingText.boundary();
    }

    static void setFirst(QString &field, const QString &value)
    {
        if (field.isEmpty())
            field = collapsed(value);
    }

    void meta(const GumboElement &element)
    {
        const QString name = attribute(element, "name").trimmed();
        const QString property = attribute(element, "property").trimmed();
        auto is = [&](QLatin1StringView key) {
            return name.compare(key, Qt::CaseInsensitive) == 0 || property.compare(key, Qt::CaseInsensitive) == 0;
        };
        const QString content = attribute(element, "content");
        if (name.compare("description"_L1, Qt::CaseInsensitive) == 0)
            setFirst(m_facts.description, content);
        else if (is("og:title"_L1))
            setFirst(m_facts.ogTitle, content);
        else if (is("og:description"_L1))
            setFirst(m_facts.ogDescription, content);
        else if (is("og:site_name"_L1))
            setFirst(m_facts.ogSiteName, content);

        if (declaredCharset.isEmpty()) {
            if (hasAttribute(element, "charset"))
                declaredCharset = attribute(element, "charset").trimmed().toLatin1();
            else if (attribute(element, "http-equiv").trimmed().compare("content-type"_L1, Qt::CaseInsensitive) == 0)
                declaredCharset = charsetFromContentType(content);
        }
    }

    void link(const GumboElement &element)
    {
        if (!m_facts.canonical.isEmpty())
            return;
        const QStringList rel = attribute(element, "rel").simplified().split(u' ', Qt::SkipEmptyParts);
        if (rel.contains("canonical"_L1, Qt::CaseInsensitive))
            setFirst(m_facts.canonical, attribute(element, "href"));
    }

    void script(const GumboNode *node)
    {
        const QString type = attribute(node->v.element, "type").section(u';', 0, 0).trimmed();
        if (type.compare("application/ld+json"_L1, Qt::CaseInsensitive) != 0)
            return;
        m_facts.jsonLd.append(jsonLdBlock(directText(node)));
    }

    // Drops token from the front (or back) of v, ignoring white space around it.
    static bool consume(QByteArrayView &v, QByteArrayView token)
    {
        const QByteArrayView t = v.trimmed();
        if (!t.startsWith(token))
            return false;
        v = t.sliced(token.size());
        return true;
    }
    static bool consumeBack(QByteArrayView &v, QByteArrayView token)
    {
        const QByteArrayView t = v.trimmed();
        if (!t.endsWith(token))
            return false;
        v = t.chopped(token.size());
        return true;
    }

    // "<![CDATA[ ... ]]>", "//<![CDATA[ ... //]]>" or "/*<![CDATA[*/ ... /*]]>*/".
    static bool unwrapCdata(QByteArrayView &json)
    {
        QByteArrayView v = json;
        const bool lineComment = consume(v, "//");
        const bool blockComment = !lineComment && consume(v, "/*");
        if (!consume(v, "<![CDATA[") || (blockComment && !consume(v, "*/")))
            return false;
        consumeBack(v, "*/");
        if (!consumeBack(v, "]]>"))
            return false;
        if (!consumeBack(v, "//"))
            consumeBack(v, "/*");
        json = v;
        return true;
    }

    static bool unwrapComment(QByteArrayView &json)
    {
        QByteArrayView v = json;
        if (!consume(v, "<!--") || !consumeBack(v, "-->"))
            return false;
        json = v;
        return true;
    }

    // The block without an envelope around all of it (HTML comment, CDATA section, or both).
    // XHTML-era templates still emit them and extractors unwrap them; the JSON inside is
    // still parsed strictly.
    static QByteArray unwrapped(QByteArrayView json)
    {
        for (int round = 0; round < 3 && (unwrapComment(json) || unwrapCdata(json)); ++round) { }
        return json.trimmed().toByteArray();
    }

    static JsonLdBlock jsonLdBlock(const QByteArray &raw)
    {
        JsonLdBlock block;
        const QByteArray json = unwrapped(raw);
        if (json.isEmpty()) {
            block.error = u"empty block"_s;
            return block;
        }
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError) {
            block.error = u"%1 at offset %2"_s.arg(error.errorString()).arg(error.offset);
            return block;
        }
        if (!doc.isObject() && !doc.isArray()) {
            block.error = u"not a JSON object or array"_s;
            return block;
        }
        block.valid = true;
        block.types = typesIn(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
        return block;
    }

    // Every @type anywhere in the value; iterative, in document order.
    static QStringList typesIn(const QJsonValue &root)
    {
        QStringList types;
        QSet<QString> seen;
        auto add = [&](const QJsonValue &v) {
            const QString t = v.toString().trimmed();
            if (!t.isEmpty() && !seen.contains(t)) {
                seen.insert(t);
                types.append(t);
            }
        };
        std::vector<QJsonValue> stack{root};
        while (!stack.empty()) {
            const QJsonValue value = stack.back();
            stack.pop_back();
            std::vector<QJsonValue> children;
            if (value.isObject()) {
                const QJsonObject object = value.toObject();
                // In a value object ({"@value": ..., "@type": "xsd:date"}) @type is a datatype.
                const QJsonValue type = object.contains("@value"_L1) ? QJsonValue() : object.value("@type"_L1);
                if (type.isString()) {
                    add(type);
                } else if (type.isArray()) {
                    const QJsonArray array = type.toArray();
                    for (const QJsonValue &t : array)
                        add(t);
                }
                for (auto it = object.begin(); it != object.end(); ++it) {
                    // @context term definitions use @type for coercion ("@type": "@id").
                    if (it.key() != "@context"_L1 && (it.value().isObject() || it.value().isArray()))
                        children.push_back(it.value());
                }
            } else if (value.isArray()) {
                const QJsonArray array = value.toArray();
                for (const QJsonValue &v : array) {
                    if (v.isObject() || v.isArray())
                        children.push_back(v);
                }
            }
            stack.insert(stack.end(), children.rbegin(), children.rend());
        }
        return types;
    }

    void finish()
    {
        const QString &mainText = m_hasMain ? m_mainText.text : m_hasArticle ? m_articleText.text : m_content.text;
        m_facts.wordCount = countWords(mainText);
        m_facts.appShell = m_shellFound && countWords(m_page.text) < ShellMaxPageWords;
    }

    struct OpenHeading
    {
        qsizetype index;
        qsizetype start;
    };

    HtmlFacts &m_facts;
    bool m_seenHtml = false;
    bool m_seenTitle = false;
    int m_body = 0;
    int m_unrendered = 0;
    int m_chrome = 0;
    int m_main = 0;
    int m_article = 0;
    bool m_hasMain = false;
    bool m_hasArticle = false;
    TextSink m_page;        // all rendered body text
    TextSink m_content;     // without nav, header, footer, aside
    TextSink m_mainText;    // ... inside <main>
    TextSink m_articleText; // ... inside <article>
    TextSink m_headingText; // text of the open headings
    std::vector<OpenHeading> m_openHeadings;
    // Non-space characters of rendered body text so far; an app-shell candidate's text is
    // the difference between its leave and its enter, so nesting costs nothing.
    qsizetype m_shellChars = 0;
    std::vector<qsizetype> m_shellStarts;
    bool m_shellFound = false;
};

// Parses the UTF-8 bytes. Only pathological markup overflows gumbo's memory budget (real
// pages need a tenth of it), so the retry keeps just the first sixteenth.
HtmlFacts extract(const QByteArray &utf8, QByteArray *declaredCharset)
{
    for (qsizetype length = utf8.size();; length /= 16) {
        const QByteArray input = NestingGuard(utf8.left(length)).run();
        GumboTree tree;
        if (tree.parse(input)) {
            HtmlFacts facts;
            Extractor extractor(facts);
            extractor.run(tree.root());
            if (declaredCharset)
                *declaredCharset = extractor.declaredCharset;
            return facts;
        }
        if (length == 0)
            return {};
    }
}

} // namespace

int HtmlFacts::h1Count() const
{
    return int(std::count_if(headings.cbegin(), headings.cend(), [](const auto &h) { return h.first == 1; }));
}

bool HtmlFacts::skipsHeadingLevels() const
{
    for (qsizetype i = 1; i < headings.size(); ++i) {
        if (headings.at(i).first > headings.at(i - 1).first + 1)
            return true;
    }
    return false;
}

HtmlFacts HtmlFacts::parse(const QByteArray &html)
{
    QByteArray bytes = html.left(MaxInputBytes);
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bytes.remove(0, 3);
    } else if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        QStringDecoder utf16(bytes.startsWith("\xFF\xFE") ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        bytes = QString(utf16.decode(QByteArrayView(bytes).sliced(2))).toUtf8();
    }
    if (isValidUtf8(bytes))
        return extract(bytes, nullptr);

    QByteArray label;
    HtmlFacts facts = extract(bytes, &label);
    if (std::optional<QStringDecoder> decoder = decoderFor(label))
        facts = extract(QString(decoder->decode(bytes)).toUtf8(), nullptr);
    return facts;
}

} // namespace geo
