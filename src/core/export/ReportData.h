#pragma once

#include "model/Plan.h"
#include "model/Result.h"
#include "model/Scores.h"
#include "scoring/AuditScoring.h"
#include "scoring/ScoreComparison.h"
#include "store/AuditRecords.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace geo {

class AuditStore;

// A registrable domain of the audit: cited, inspected, or both.
struct ReportDomain
{
    QString domain;
    int owner = -1;                    // tracked brand index, -1 for a third party
    int citations = 0;                 // over all answers
    std::optional<InspectedSite> site; // when it was inspected
    SourceType type = SourceType::Other;
};

// Everything the reports show about one audit, read from the store once and shared by the
// JSON, HTML and PDF writers so that they cannot disagree.
struct ReportData
{
    AuditSummary audit;
    QJsonObject spec; // as stored
    QList<PlannedPrompt> prompts;
    AuditScores scores;
    std::optional<AuditScores> previous; // the previous finished audit of its series
    std::optional<AuditSummary> previousAudit;
    QList<BrandChange> changes;  // every cut and brand against previous (no previous values without one)
    QList<ReportDomain> domains; // most cited first, then inspected but not cited
    QList<FailureGroup> failures;
    QDateTime generatedAt;

    // Headline figures use non-branded prompts (docs/metrics.md), unless the audit has none.
    QString headlineCut() const;
    const CutScores &headline() const;
    // A brand's figures in a cut against the previous audit; null when there is none.
    const BrandChange *brandChange(const QString &cut, int brand) const;
    const FigureChange *change(const QString &cut, int brand, const QString &figure) const;
    QString brandRole(int brand) const; // brand, competitor or third party (-1)
    QString ownerName(int owner) const; // the brand's name or "third party"

    // Reads it all; blocks, so for worker threads. loadLater does it on the global thread pool.
    static Result<ReportData> load(AuditStore &store, qint64 auditId);
    static QFuture<Result<ReportData>> loadLater(AuditStore *store, qint64 auditId);
};

} // namespace geo
