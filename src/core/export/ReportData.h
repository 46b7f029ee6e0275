#pragma once

#include "Result.h"
#include "scoring/AuditScores.h"
#include "scoring/ScoreComparison.h"
#include "spec/PromptPlanner.h"
#include "store/AuditRepository.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace geo {

// A registrable domain of the audit: cited, inspected, or both.
struct ReportDomain
{
    QString domain;
    int owner = -1; // tracked brand index, -1 for a third party
    int citations = 0; // over all answers
    std::optional<InspectedSite> site; // when it was inspected
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
    QList<BrandChange> changes; // every cut and brand against previous (no previous values without one)
    QList<ReportDomain> domains; // most cited first, then inspected but not cited
    QList<FailureGroup> failures;
    QDateTime generatedAt;

    // Headline figures use non-branded prompts (METRICS.md), unless the audit has none.
    QString headlineCut() const;
    const CutScores &headline() const;
    // A brand's figures in a cut against the previous audit; null when there is none.
    const BrandChange *brandChange(const QString &cut, int brand) const;
    const FigureChange *change(const QString &cut, int brand, const QString &figure) const;
    QString brandRole(int brand) const; // brand, competitor or third party (-1)
    QString ownerName(int owner) const;  // the brand's name or "third party"

    static Result<ReportData> load(QSqlDatabase &db, qint64 auditId);
};

// The scores of the previous finished audit of an audit's series, if there is one: what
// scores.csv and the reports compare with.
Result<std::optional<AuditScores>> previousScores(QSqlDatabase &db, qint64 auditId);

} // namespace geo
