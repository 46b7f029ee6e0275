#include "Analysis.h"

namespace geo {

using namespace Qt::StringLiterals;

QString sentimentLabel(double compound)
{
    return compound >= PositiveSentiment ? u"positive"_s : compound <= NegativeSentiment ? u"negative"_s : u"neutral"_s;
}

} // namespace geo
