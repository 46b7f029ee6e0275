#pragma once

#include "model/Scores.h"
#include "scoring/ScoreComparison.h"

#include <QObject>
#include <QStringList>

#include <optional>

namespace geo {

class AnswersModel;
class AuditStore;
class CitationsModel;
class DiscoveredModel;
class FailuresModel;
class ReadinessChecksModel;
class RunnerThread;
class ScoresModel;
class SitesModel;
class SourceMixModel;

// The results of the audit on show, fetched with the store's typed operations and fed in a
// batch each to the models the result pages view: answers, failures, the scores of one cut
// with the domains it cites, discovered brands, inspected sites and one site's checks.
// Replies for an audit no longer on show (the analyst moved on) are dropped. The running
// audit's failures come live from the runner instead of the store.
class AuditResults final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditResults)
public:
    AuditResults(AuditStore *store, const RunnerThread *runner, QObject *parent = nullptr);

    AnswersModel *answers() const { return m_answers; }
    FailuresModel *failures() const { return m_failures; }
    ScoresModel *scores() const { return m_scores; }
    CitationsModel *citations() const { return m_citations; }
    SourceMixModel *sourceMix() const { return m_sourceMix; }
    DiscoveredModel *discovered() const { return m_discovered; }
    SitesModel *sites() const { return m_sites; }
    ReadinessChecksModel *checks() const { return m_checks; }

    // Fetches everything shown of the audit; scored() follows once its scores are in.
    void show(qint64 auditId);
    // Nothing on show: a run about to start, the audit deleted.
    void clear();
    // The cut's figures, and the domains it cites; cutShown() follows. Does nothing before
    // the scores are in or for a cut they do not have.
    void showCut(const QString &cut);
    // The checks of the site in that row of sites(); none for -1.
    void showSite(int row);

    qint64 auditId() const { return m_auditId; }
    // The cuts of the scores on show, by name ("all", "engine=gpt", ...), in their order.
    QStringList cuts() const;
    // The cut to show first: the non-branded prompts when the audit has any, else all.
    QString firstCut() const;
    // The earlier audit of the series the changes are against; 0 for none.
    qint64 previousAuditId() const { return m_previousId; }
    // A cut's name for the analyst: "Non-branded prompts", "engine: gpt".
    static QString cutLabel(const QString &cut);

signals:
    void scored();
    void cutShown(const QString &cut, const QStringList &brands, const geo::CutScores &scores);

private:
    AuditStore *m_store;
    const RunnerThread *m_runner;
    AnswersModel *m_answers;
    FailuresModel *m_failures;
    ScoresModel *m_scores;
    CitationsModel *m_citations;
    SourceMixModel *m_sourceMix;
    DiscoveredModel *m_discovered;
    SitesModel *m_sites;
    ReadinessChecksModel *m_checks;
    qint64 m_auditId = 0;
    std::optional<AuditScores> m_shown;
    QList<BrandChange> m_changes; // since the previous audit of the series
    qint64 m_previousId = 0;
};

} // namespace geo
