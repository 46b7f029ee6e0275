#include "ResponseAnalyzer.h"

#include <algorithm>

namespace geo {

ResponseAnalyzer::ResponseAnalyzer(const AuditSpec &spec)
    : m_brands(spec.trackedBrands()), m_finder(m_brands)
{
}

Analysis ResponseAnalyzer::analyze(const QString &answer, const QList<Citation> &structured) const
{
    Analysis a;
    a.brands.resize(m_brands.size());
    for (const BrandMention &m : m_finder.find(answer)) {
        BrandFigures &f = a.brands[m.brand];
        if (f.mentions++ == 0) {
            f.firstOffset = m.offset;
            f.firstPos = double(m.offset) / double(answer.size());
        }
    }
    for (BrandFigures &f : a.brands) {
        if (!f.mentioned())
            continue;
        f.order = 1 + int(std::count_if(a.brands.cbegin(), a.brands.cend(), [&f](const BrandFigures &o) {
                      return o.mentioned() && o.firstOffset < f.firstOffset;
                  }));
    }
    a.citations = extractCitations(answer, structured, m_brands);
    return a;
}

} // namespace geo
