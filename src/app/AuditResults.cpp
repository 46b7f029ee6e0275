#include "AuditResults.h"

#include "AnswersModel.h"
#include "CitationsModel.h"
#include "DiscoveredModel.h"
#include "FailuresModel.h"
#include "ReadinessChecksModel.h"
#include "ScoresModel.h"
#include "SitesModel.h"
#include "SourceMixModel.h"
#include "model/WhenReady.h"
#include "run/RunnerThread.h"
#include "scoring/AuditScoring.h"
#include "store/AuditStore.h"

namespace geo {

using namespace Qt::StringLiterals;

AuditResults::AuditResults(AuditStore *store, const RunnerThread *runner, QObject *parent)
    : QObject(parent), m_store(store), m_runner(runner), m_answers(new AnswersModel(this)),
      m_failures(new FailuresModel(this)), m_scores(new ScoresModel(this)), m_citations(new CitationsModel(this)),
      m_sourceMix(new SourceMixModel(this)), m_discovered(new DiscoveredModel(this)), m_sites(new SitesModel(this)),
      m_checks(new ReadinessChecksModel(this))
{
    connect(runner, &RunnerThread::itemFailed, m_failures, &FailuresModel::add);
}

void AuditResults::show(qint64 auditId)
{
    m_auditId = auditId;
    // The running audit's failures come live from the runner; the store has only some.
    const auto live = [this](qint64 id) { return m_runner->isRunning() && m_runner->auditId() == id; };
    if (!live(auditId))
        whenReady(m_store->failuresOf(auditId), this,
                  [this, auditId, live](const Result<QList<StoredFailure>> &failures) {
                      if (!failures || m_auditId != auditId || live(auditId))
                          return;
                      m_failures->clear();
                      for (const StoredFailure &f : failures.value())
                          m_failures->add(f.failure, f.prompt);
                      m_failures->flush();
                  });
    whenReady(m_store->siteReportsOf(auditId), this, [this, auditId](const Result<QList<StoredSiteReport>> &reports) {
        if (!reports || m_auditId != auditId)
            return;
        m_sites->setRows(reports.value());
        m_checks->setRows({}); // no site is selected after a reset
    });
    whenReady(m_store->answersOf(auditId), this, [this, auditId](const Result<QList<AnswerRow>> &answers) {
        if (answers && m_auditId == auditId)
            m_answers->setAnswers(answers.value());
    });
    // The scores and those of the previous audit of the series, scored off the GUI thread.
    whenReady(AuditScoring::withPrevious(m_store, auditId), this, [this, auditId](const Result<ScoredAudit> &result) {
        if (!result || m_auditId != auditId)
            return;
        m_shown = result->scores;
        m_previousId = result->previous ? result->previous->auditId : 0;
        m_changes = result->changes;
        m_discovered->setRows(m_shown->discovered);
        m_sourceMix->setCuts(m_shown->cuts);
        m_sites->setBrands(m_shown->brands); // the sites' owners are named from the scores' brands
        emit scored();
    });
}

void AuditResults::clear()
{
    m_auditId = 0;
    m_shown.reset();
    m_changes.clear();
    m_previousId = 0;
    m_scores->clear();
    m_answers->setAnswers({});
    m_failures->clear();
}

void AuditResults::showCut(const QString &name)
{
    const CutScores *cut = m_shown ? m_shown->cut(name) : nullptr;
    if (!cut)
        return;
    m_scores->setScores(m_shown->brands, *cut, m_shown->weights.formula());
    QList<BrandChange> changes;
    for (const BrandChange &c : std::as_const(m_changes))
        if (c.cut == name)
            changes << c;
    m_scores->setChanges(changes);
    m_citations->setRows(m_shown->brands, cut->domains);
    emit cutShown(name, m_shown->brands, *cut);
}

void AuditResults::showSite(int row)
{
    const SiteReport *report = m_sites->report(row);
    m_checks->setRows(report ? report->checks : QList<ReadinessCheck>{});
}

QStringList AuditResults::cuts() const
{
    QStringList names;
    if (m_shown)
        for (const CutScores &cut : m_shown->cuts)
            names << cut.cut;
    return names;
}

QString AuditResults::firstCut() const
{
    const CutScores *preferred = m_shown ? m_shown->cut(u"non-branded"_s) : nullptr;
    return preferred && preferred->brands.value(0).answers > 0 ? u"non-branded"_s : u"all"_s;
}

QString AuditResults::cutLabel(const QString &cut)
{
    if (cut == u"all"_s)
        return tr("All prompts");
    if (cut == u"non-branded"_s)
        return tr("Non-branded prompts");
    if (cut == u"branded"_s)
        return tr("Branded prompts");
    return cut.section(u'=', 0, 0) + u": "_s + cut.section(u'=', 1);
}

} // namespace geo
