#include "HtmlTagTable.h"

#include <gumbo.h>

namespace geo::htmlfacts {

namespace {

constexpr unsigned flagsOf(int tag)
{
    switch (tag) {
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_MENUITEM: // void in gumbo 0.10.1
    case GUMBO_TAG_ISINDEX:  // expands to a closed form
        return Void;
    case GUMBO_TAG_BR:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_META:
        return Void | Breakout;
    case GUMBO_TAG_HR:
        return Void | ClosesP | Breakout;
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_TEXTAREA:
        return RawText;
    case GUMBO_TAG_TITLE:
        return RawText;
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
        return RawText | ClosesP;
    case GUMBO_TAG_HTML:
        return NotCounted;
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_BODY:
        return NotCounted | Breakout;
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_RB:
    case GUMBO_TAG_RT:
    case GUMBO_TAG_RTC:
    case GUMBO_TAG_RP:
        return ImpliedEnd;
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_COLGROUP:
        return NotCounted | TablePart; // ignored outside tables, and never nested inside one
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
        return Special | ScopedEnd | ClosesP | Breakout | ImpliedEnd;
    case GUMBO_TAG_P:
        return Special | ClosesP | Breakout | ImpliedEnd;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
        return Special | ClosesP | Heading | Breakout;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_PRE:
        return Special | ScopedEnd | ClosesP | Breakout;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
        return Special | ScopedEnd | ClosesP;
    case GUMBO_TAG_FORM: // its end tag removes only the form element
        return Special | ClosesP;
    case GUMBO_TAG_TABLE:
        return Special | Boundary | ScopedEnd | ClosesP | Breakout;
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_MARQUEE:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_TEMPLATE:
        return Special | Boundary | ScopedEnd;
    case GUMBO_TAG_BUTTON:
        return Special | ScopedEnd;
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_FRAMESET:
        return Special;
    case GUMBO_TAG_B:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_I:
    case GUMBO_TAG_NOBR:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
        return Formatting | Breakout;
    case GUMBO_TAG_FONT: // breaks out only with color, face or size (NestingGuard::breaksOut())
        return Formatting | Breakout;
    case GUMBO_TAG_A:
        return Formatting;
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_RUBY:
        return Breakout;
    default: // including SVG and MathML elements (NestingGuard::entryFlags())
        return 0;
    }
}

constexpr std::array<unsigned, GUMBO_TAG_LAST + 1> everyTag()
{
    std::array<unsigned, GUMBO_TAG_LAST + 1> table{};
    for (int tag = 0; tag <= GUMBO_TAG_LAST; ++tag)
        table[std::size_t(tag)] = flagsOf(tag);
    return table;
}

} // namespace

constinit const std::array<unsigned, GUMBO_TAG_LAST + 1> TagFlagTable = everyTag();

} // namespace geo::htmlfacts
