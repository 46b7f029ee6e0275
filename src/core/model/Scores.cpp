#include "Scores.h"

#include <numeric>

namespace geo {

int SourceMix::total() const
{
    return std::accumulate(citations.cbegin(), citations.cend(), 0);
}

std::optional<double> SourceMix::share(SourceType type) const
{
    const int all = total();
    return all > 0 ? std::optional<double>(double(citations.at(std::size_t(type))) / all) : std::nullopt;
}

const CutScores *AuditScores::cut(const QString &name) const
{
    for (const CutScores &c : cuts)
        if (c.cut == name)
            return &c;
    return nullptr;
}

} // namespace geo
