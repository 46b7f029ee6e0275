#include "HtmlFacts.h"

namespace geo {

int HtmlFacts::h1Count() const
{
    return int(std::count_if(headings.begin(), headings.end(), [](const auto &h) { return h.first == 1; }));
}

bool HtmlFacts::skipsHeadingLevels() const
{
    int previous = 0;
    for (const auto &h : headings) {
        if (previous > 0 && h.first > previous + 1)
            return true;
        previous = h.first;
    }
    return false;
}

HtmlFacts HtmlFacts::parse(const QByteArray &)
{
    return {};
}

} // namespace geo
