#pragma once

#include "model/AuditSpec.h"

#include <QCoreApplication>
#include <QStringList>

namespace geo {

// What the main pane says of the spec being set up: its title and what Start would run
// (prompts, engines, answers, their cost), or, while the spec has problems, why it cannot
// start yet. Worked out from the spec alone, so the window only shows it.
struct SpecSummary
{
    Q_DECLARE_TR_FUNCTIONS(SpecSummary)
public:
    QString title;
    QString text;    // rich text
    QString blocker; // the problems, for Start's tool tip; empty when it can start
    bool sampleData = false;
    qint64 answers = 0;   // what Start would ask
    double costUsd = 0.0; // their estimated cost; 0 for sample data

    // The spec as it runs: the app's analysis threads (0: the spec's own) replace the spec's.
    static AuditSpec runnable(AuditSpec spec, int analysisThreads);
    // A spec that holds, as runnable() makes it; missingKeys (EnginesModel::missingKeys) keep
    // it from starting, and are said in the text, not only in Start's tool tip.
    static SpecSummary of(const AuditSpec &spec, const QStringList &missingKeys = {});
    // A spec with problems; untouched, a new audit is not wrong yet and says how to begin.
    static SpecSummary ofProblems(const QString &name, const QStringList &problems, bool untouched);
};

} // namespace geo
