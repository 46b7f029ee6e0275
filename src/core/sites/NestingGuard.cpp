#include "NestingGuard.h"

#include "HtmlTagTable.h"
#include "TagScanner.h"

#include <gumbo.h>

#include <QByteArrayView>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <vector>

namespace geo::htmlfacts {

namespace {

// Gumbo 0.10.1 has no max_tree_depth: its parse is quadratic in depth (scope checks walk
// the open-element stack) and gumbo_destroy_output recurses once per level. Blink flattens
// the tree at 512 levels; tags opened deeper than this are removed before gumbo runs.
constexpr std::size_t MaxNesting = 512;
// Within that depth, many tokens still make gumbo walk the whole stack ("</p>" or "<li>"
// under 500 divs: 3 s for 2 MiB). Each tag costs the depth it is read at; past this budget
// the rest of the page is not read. The test pages need at most 360 per KiB (0.7 M for
// 2 MiB), so real pages keep a wide margin; the worst case costs gumbo about half a second.
constexpr std::size_t MaxWork = 64u * 1024 * 1024;
// Formatting elements (b, i, a, font...) that stay "active" are re-created in every later
// paragraph, so a few hundred of them turn each "<p>x</p>" into hundreds of nodes. Gumbo
// keeps 3 identical ones (Noah's Ark); beyond this many different ones they are dropped,
// which loses only styling.
constexpr std::size_t MaxActiveFormatting = 16;

bool isAsciiAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The nesting guard: a pre-pass over the bytes with a model of gumbo's stack of open elements
// and list of active formatting elements, which drops what would nest too deep and stops
// reading at the work budget. It may overestimate depth (a sloppy page then loses a few
// tags past 512 levels) but must never underestimate it, so it follows gumbo 0.10.1 where
// a misjudgement would hide depth: SVG/MathML and their integration points (a void tag
// opens an element there, "<x/>" in HTML does), the adoption agency, and the select,
// table, caption and frameset modes, which ignore or close tags. Checked against gumbo
// with random tag soup: its tree stays under about 3x the limit (implied tbody/tr/td).
class NestingGuard
{
public:
    explicit NestingGuard(const QByteArray &in) : m_in(in), m_d(in.constData()), m_n(in.size()), m_scanner(in) { }

    // The input with tags beyond MaxNesting (and MaxActiveFormatting) and the attributes
    // TagScanner finds in excess removed, cut where MaxWork runs out; the input itself
    // (shared, not copied) when nothing had to go.
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
                i = m_scanner.skipMarkupDeclaration(i, inForeignContent());
                continue;
            }
            if (c == '?') {
                i = m_scanner.after('>', i + 2);
                continue;
            }
            const bool isEnd = c == '/';
            const qsizetype nameStart = isEnd ? i + 2 : i + 1;
            if (nameStart >= m_n)
                break;
            if (!isAsciiAlpha(m_d[nameStart])) {
                // "</>" is dropped, "</ x>" is a bogus comment, "< x" is text.
                i = isEnd ? m_scanner.after('>', nameStart) : i + 1;
                continue;
            }
            const qsizetype tagStart = i;
            if (!m_scanner.scan(nameStart, m_tag))
                break; // end of input inside a tag: gumbo drops it, and nothing follows
            // Raw text that gumbo may read as markup (see m_inertUntil): only framesets count.
            const bool inert = tagStart < m_inertUntil;
            // Dropped tags cost gumbo nothing; the others cost about the depth they are
            // read at.
            const bool dropped
                = !isEnd && (inert ? m_tag.id == GUMBO_TAG_FRAMESET && depth() >= MaxNesting : mustDrop());
            m_work += dropped ? 1 : depth() + 1;
            if (m_work > MaxWork) {
                m_truncateAt = tagStart;
                break;
            }
            i = m_tag.end;
            if (dropped) {
                drop(tagStart, m_tag.end);
                continue;
            }
            dropExcessAttributes();
            if (inert) {
                if (m_tag.id == GUMBO_TAG_FRAMESET && !isEnd)
                    ++m_framesets;
                else if (m_tag.id == GUMBO_TAG_FRAMESET && m_framesets > 0)
                    --m_framesets;
                continue;
            }
            if (isEnd) {
                endTag(m_tag.id);
            } else {
                const bool rawText = (tagFlags(m_tag.id) & RawText) && !startsForeign(); // SVG <title> is not
                startTag();
                if (rawText && m_framesets > 0 && m_tag.id != GUMBO_TAG_NOFRAMES) {
                    m_inertUntil = m_tag.id == GUMBO_TAG_PLAINTEXT ? m_n : m_scanner.rawTextEnd(m_tag, i);
                } else if (rawText) {
                    if (m_tag.id == GUMBO_TAG_PLAINTEXT)
                        break;
                    i = m_scanner.rawTextEnd(m_tag, i);
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

    bool inForeignContent() const { return !m_stack.empty() && m_stack.back().foreignContent; }

    bool breaksOut() const
    {
        return (tagFlags(m_tag.id) & Breakout) && (m_tag.id != GUMBO_TAG_FONT || m_tag.fontBreakout);
    }

    // The namespace of the element the start tag just read opens.
    Ns elementNs() const
    {
        if (m_tag.id == GUMBO_TAG_SVG)
            return Ns::Svg;
        if (m_tag.id == GUMBO_TAG_MATH)
            return Ns::MathMl;
        if ((m_tag.id == GUMBO_TAG_MGLYPH || m_tag.id == GUMBO_TAG_MALIGNMARK) && !m_stack.empty()
            && m_stack.back().ns == Ns::MathMl && m_stack.back().tag != GUMBO_TAG_ANNOTATION_XML)
            return Ns::MathMl; // stay MathML even in mi, mo, mn, ms, mtext
        return inForeignContent() && !breaksOut() ? m_stack.back().ns : Ns::Html;
    }

    // Whether the element the start tag just read holds HTML (an integration point).
    bool opensHtmlInside(Ns ns) const
    {
        if (ns == Ns::MathMl && m_tag.id == GUMBO_TAG_ANNOTATION_XML)
            return m_tag.htmlEncoding;
        return isIntegrationPoint(ns, m_tag.id);
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
        switch (m_tag.id) {
        case GUMBO_TAG_OPTION:
        case GUMBO_TAG_OPTGROUP:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_SCRIPT:
            return false;
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_KEYGEN:
        case GUMBO_TAG_TEXTAREA:
            return true;
        default:
            // "In select in table": table parts close the select; elsewhere all is ignored.
            if ((m_tag.id == GUMBO_TAG_TABLE || (tagFlags(m_tag.id) & TablePart)) && findTable(select - 1) >= 0)
                return true;
            *ignored = true;
            return false;
        }
    }

    void closeP()
    {
        const qsizetype p
            = findOpen([](const Open &o) { return isHtml(o, GUMBO_TAG_P); },
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
        if (m_tag.id == GUMBO_TAG_FRAMESET && m_framesets > 0)
            return true; // gumbo may be in frameset mode, where nothing else opens or closes
        if (startsForeign())
            return !m_tag.selfClosing;
        bool ignored = false;
        selectCloses(&ignored);
        if (ignored)
            return false;
        if (m_tag.id == GUMBO_TAG_SELECT && openSelect() >= 0)
            return false;                                             // acts as </select>
        return !(tagFlags(m_tag.id) & (Void | NotCounted | RawText)); // raw text holds only text
    }

    // A start tag that would nest too deep, or one formatting element too many, is dropped
    // (with no effect on the model: gumbo never sees it). Its text stays.
    bool mustDrop() const
    {
        if (!opensElement())
            return false;
        if (depth() >= MaxNesting)
            return true;
        if (startsForeign() || !(tagFlags(m_tag.id) & Formatting))
            return false;
        std::size_t active = m_active.size();
        if ((m_tag.id == GUMBO_TAG_A || m_tag.id == GUMBO_TAG_NOBR)
            && std::find(m_active.begin(), m_active.end(), m_tag.id) != m_active.end())
            --active; // these first close their namesake
        return active >= MaxActiveFormatting;
    }

    void startTag()
    {
        const int tag = m_tag.id;
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
            const qsizetype at
                = findOpen([](const Open &o) { return isHtml(o, GUMBO_TAG_LI); },
                           [](const Open &o) {
                               return (entryFlags(o) & Boundary) || isHtml(o, GUMBO_TAG_UL) || isHtml(o, GUMBO_TAG_OL);
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
        if (m_tag.excessFrom >= 0)
            drop(m_tag.excessFrom, m_tag.closer);
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
    TagScanner m_scanner;
    TagScanner::Tag m_tag; // the tag last read
};

} // namespace

QByteArray withinNestingLimits(const QByteArray &html)
{
    return NestingGuard(html).run();
}

} // namespace geo::htmlfacts
