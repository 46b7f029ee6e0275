#pragma once

#include "AuditRecords.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace geo {

// The SQL of the audit store, as plain functions of a connection. They run on the store's
// writer thread (AuditStore::submit) or, for reads, on a thread's own connection.
namespace AuditRepository {

// A whole audit in one job (answers imported, tests); a planned run writes its items in
// chunks instead (AuditStore::createAudit), with the three below.
Result<NewAudit> createAudit(QSqlDatabase &db, const AuditSpec &spec, const Plan &plan);
// A new audit's row in `state`, its brands and its prompts.
Result<NewAuditRow> insertAudit(QSqlDatabase &db, const AuditSpec &spec, const QList<PlannedPrompt> &prompts,
                                AuditState state);
// Writes items [from, from + count) of the audit; their ids, in that order.
Result<QList<qint64>> insertItems(QSqlDatabase &db, const NewAuditRow &audit, const AuditSpec &spec,
                                  const WorkItems &items, qsizetype from, qsizetype count);
// An audit's prompts' ids and how many items it has so far, to go on preparing it.
Result<std::pair<NewAuditRow, qsizetype>> preparation(QSqlDatabase &db, qint64 auditId);
Status saveAnswer(QSqlDatabase &db, const EngineReply &reply, int attempts, double costUsd = 0.0);
// Attempts made on an item that stays pending (asking stopped while it was failing).
Status saveAttempts(QSqlDatabase &db, qint64 itemId, int attempts);
Status saveAnalysis(QSqlDatabase &db, qint64 itemId, const Analysis &analysis);
Status saveFailure(QSqlDatabase &db, const FailureRecord &failure);
Status setState(QSqlDatabase &db, qint64 auditId, AuditState state);
// owner: the tracked brand owning the domain, -1 for a third party.
Status saveSiteReport(QSqlDatabase &db, qint64 auditId, const SiteReport &report, int owner);
// The newest stored report of each domain inspected at or after `since`, from any audit.
Result<QList<SiteReport>> recentSiteReports(QSqlDatabase &db, const QDateTime &since);
// Marks an audit as worked on by a live process; a running audit whose heartbeat stops
// is shown as interrupted.
// A preparing audit beats too (AuditStore::createAudit), keeping its state.
Status heartbeat(QSqlDatabase &db, qint64 auditId, AuditState state = AuditState::Running);
Result<StoredAudit> loadAudit(QSqlDatabase &db, qint64 auditId);
// The newest audit that did not finish (interrupted, cancelled or stopped by its budget).
Result<qint64> latestUnfinished(QSqlDatabase &db);
// Puts an audit's failed items back to pending with no attempts, so that resuming it asks
// them again; returns how many. A finished audit with failures becomes resumable.
Result<int> resetFailed(QSqlDatabase &db, qint64 auditId);
// The failures of an audit that still stand (not those of items asked again since), oldest first.
Result<QList<StoredFailure>> failures(QSqlDatabase &db, qint64 auditId);
// The answered items of an audit with the brands they name and the URLs they cite.
Result<QList<AnswerRow>> answers(QSqlDatabase &db, qint64 auditId);
// The site reports stored for an audit, best score first.
Result<QList<StoredSiteReport>> siteReports(QSqlDatabase &db, qint64 auditId);
// Deletes an audit and everything stored of it (its rows cascade).
Status deleteAudit(QSqlDatabase &db, qint64 auditId);
Result<QList<AuditSummary>> listAudits(QSqlDatabase &db);
Result<AuditSummary> auditSummary(QSqlDatabase &db, qint64 auditId);
// The spec the audit was run with, as stored (brands and weights as last rescored).
Result<QJsonObject> storedSpec(QSqlDatabase &db, qint64 auditId);
Result<QList<PlannedPrompt>> prompts(QSqlDatabase &db, qint64 auditId);
Result<QList<InspectedSite>> inspectedSites(QSqlDatabase &db, qint64 auditId);
Result<QList<FailureGroup>> failureGroups(QSqlDatabase &db, qint64 auditId);
// The tracked brands' names, audited brand first.
Result<QStringList> brandNames(QSqlDatabase &db, qint64 auditId);
// The analysed answers of an audit with their analyses, as the scorer reads them: citations
// carry their domain and owner only.
Result<QList<ScoredAnswer>> scoredAnswers(QSqlDatabase &db, qint64 auditId, int brandCount);
// What the scoring stage needs of a stored audit, with the weights of its spec.
Result<ScoringInput> scoringInput(QSqlDatabase &db, qint64 auditId);
// The previous finished audit of the same name (a series), with a smaller id; 0 for none.
Result<qint64> previousInSeries(QSqlDatabase &db, qint64 auditId);
// Replaces an audit's analyses, its brands and weights, prompts' branded flags and sites'
// owners with those made again from re.spec. Run it as one store job: whole or not at all.
Status replaceAnalyses(QSqlDatabase &db, qint64 auditId, const Reanalysis &re);

} // namespace AuditRepository

} // namespace geo
