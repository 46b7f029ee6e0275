#include "Scores.h"

namespace geo {

const CutScores *AuditScores::cut(const QString &name) const
{
    for (const CutScores &c : cuts)
        if (c.cut == name)
            return &c;
    return nullptr;
}

} // namespace geo
