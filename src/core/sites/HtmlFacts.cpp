#include "HtmlFacts.h"

#include "FactExtractor.h"
#include "GumboTree.h"
#include "HtmlCharset.h"
#include "NestingGuard.h"

#include <algorithm>
#include <optional>

// How a page becomes its facts, each step in its own file: HtmlCharset turns the bytes into
// UTF-8, NestingGuard (with HtmlTagTable) removes what would make gumbo slow or crash,
// GumboTree parses within GumboArena's memory budget, and FactExtractor (with JsonLd) walks
// the tree. Here only the order of the steps and the fallbacks between them.

namespace geo {

namespace {

// The fetcher's body cap, so no fetched page is ever cut here; a caller that forgets the
// cap cannot make one parse take seconds and gigabytes.
constexpr qsizetype MaxInputBytes = 2 * 1024 * 1024;

// Parses the UTF-8 bytes. Only pathological markup overflows gumbo's memory budget (real
// pages need a tenth of it), so the retry keeps just the first sixteenth.
HtmlFacts extract(const QByteArray &utf8, QByteArray *declaredCharset)
{
    for (qsizetype length = utf8.size();; length /= 16) {
        const QByteArray input = htmlfacts::withinNestingLimits(utf8.left(length));
        htmlfacts::GumboTree tree;
        if (tree.parse(input))
            return htmlfacts::extractFacts(tree.root(), declaredCharset);
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
    const QByteArray bytes = htmlfacts::withoutBom(html.left(MaxInputBytes));
    if (htmlfacts::isValidUtf8(bytes))
        return extract(bytes, nullptr);

    QByteArray label;
    HtmlFacts facts = extract(bytes, &label);
    if (std::optional<QByteArray> utf8 = htmlfacts::decodedAsUtf8(bytes, label))
        facts = extract(*utf8, nullptr);
    return facts;
}

} // namespace geo
