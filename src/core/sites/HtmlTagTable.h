#pragma once

// What gumbo 0.10.1's tree builder does with each tag, as far as the nesting guard must know to
// follow its stack of open elements (see NestingGuard.h). Kept apart so the table can be read
// against gumbo's parser.c in one place.

#include <gumbo.h>

#include <array>
#include <cstddef>

namespace geo::htmlfacts {

// The tokenizer's white space: what separates tag names, attributes and values.
inline bool isHtmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

enum TagFlag : unsigned {
    Void = 1u << 0,       // never has content
    RawText = 1u << 1,    // content is text up to the matching end tag (in HTML content)
    NotCounted = 1u << 2, // never opens a level of its own (html, head, body, table parts)
    TablePart = 1u << 3,  // start or end closes what is open inside the current cell
    Special = 1u << 4,    // "special" category: stops generic end tags and list items
    Boundary = 1u << 5,   // ends an "element in scope" search
    Formatting = 1u << 6, // handled by the adoption agency
    ClosesP = 1u << 7,    // start tag closes an open <p>
    Heading = 1u << 8,
    Breakout = 1u << 9,   // start tag leaves SVG/MathML content
    ScopedEnd = 1u << 10, // end tag closes it if in scope (others stop at special elements)
    ImpliedEnd = 1u << 11 // closed by "generate implied end tags"
};

// The flags of every GumboTag, from the switch in HtmlTagTable.cpp, computed at compile time.
extern const std::array<unsigned, GUMBO_TAG_LAST + 1> TagFlagTable;

// The flags of a GumboTag; 0 for the ids given to unknown tag names (above GUMBO_TAG_LAST).
// Inline, since the nesting guard asks for the flags of every element of the stack it walks.
inline unsigned tagFlags(int tag)
{
    return tag >= 0 && tag <= GUMBO_TAG_LAST ? TagFlagTable[std::size_t(tag)] : 0u;
}

} // namespace geo::htmlfacts
