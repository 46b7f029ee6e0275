#include "HtmlFacts.h"

namespace geo {

HtmlFacts HtmlFacts::parse(const QByteArray &)
{
    return {};
}

} // namespace geo
