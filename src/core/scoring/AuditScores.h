#pragma once

#include "Scorer.h"
#include "ScoreWeights.h"
#include "run/RunStats.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace geo {

// A name leading list items or table rows that is not a tracked brand, counted across the
// audit; offered to the user as a brand to track, it never changes the tracked figures.
struct DiscoveredBrand
{
    QString name;
    int answers = 0; // answers naming it
    QStringList engines;
};

// Everything scored about a stored audit.
struct AuditScores
{
    qint64 auditId = 0;
    QStringList brands; // audited brand first
    ScoreWeights weights;
    QList<CutScores> cuts;
    QList<DiscoveredBrand> discovered; // most named first
    RunStats run;                      // the run figures the store keeps

    const CutScores *cut(const QString &name) const;
};

} // namespace geo
