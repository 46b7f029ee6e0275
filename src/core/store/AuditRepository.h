#pragma once

#include "Result.h"
#include "analysis/ResponseAnalyzer.h"
#include "engines/Engine.h"
#include "scoring/AuditScores.h"
#include "sites/SiteReport.h"
#include "spec/AuditSpec.h"
#include "spec/PromptPlanner.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace geo {

struct AuditSummary
{
    // A running audit's process writes a heartbeat this often, and is presumed gone after
    // three missed beats.
    static constexpr int HeartbeatIntervalMs = 10000;
    static constexpr int HeartbeatTimeoutMs = 3 * HeartbeatIntervalMs;

    qint64 id = 0;
    QString name;
    QString state; // running, paused, finished, interrupted, cancelled, budget-stopped
    bool sampleData = false;
    QDateTime createdAt;
    QDateTime finishedAt;
    int items = 0;
    int answered = 0; // answered or analysed
    int failed = 0;
};

struct NewAudit
{
    qint64 id = 0;
    QList<qint64> itemIds; // in Plan::items order
};

// An audit as stored, for resuming it: its spec, prompts and every item's state.
struct StoredAudit
{
    struct Item
    {
        qint64 id = 0;
        int prompt = 0; // index into prompts
        QString engine;
        int sample = 1;
        QString status; // pending, answered, analysed, failed
        int attempts = 0;
        QString answer;
        QList<Citation> citations;
    };

    qint64 id = 0;
    QString state;
    QByteArray specJson;
    double spentUsd = 0.0; // the answers it has cost so far
    QList<PlannedPrompt> prompts;
    QList<Item> items;
};

struct FailureRecord
{
    qint64 auditId = 0;
    qint64 itemId = 0; // 0 when the failure is not about one item
    QDateTime at;
    QString stage; // ask, analyse, store
    QString engine;
    QString errorClass;
    QString message;
    int attempts = 0;
};

// An inspected site of an audit, as the reports show it (GEO-READINESS.md).
struct InspectedSite
{
    QString domain;
    int owner = -1; // tracked brand index, -1 for a third party
    QString page;
    bool reachable = false;
    QString error;
    int score = 0;
    // Points per group, in GEO-READINESS.md order: crawler access (of 35), structured data
    // (20), metadata (15), content structure (15), llms.txt (5), transport (10).
    QList<int> groups;
};

// Failures of an audit grouped by what failed, with one message as an example.
struct FailureGroup
{
    QString stage;
    QString engine;
    QString errorClass;
    int count = 0;
    QString example;
};

// A stored failure with the prompt it was about.
struct StoredFailure
{
    FailureRecord failure;
    QString prompt; // empty when the failure is not about one item
};

// One stored answer as the answers page lists it.
struct AnswerRow
{
    qint64 itemId = 0;
    QString prompt;
    QString engine;
    int sample = 1;
    QString answer; // Markdown, as the engine gave it
    QStringList mentioned; // tracked brands it names, in tracked order
    QStringList citations; // URLs, in answer order
};

struct StoredSiteReport
{
    SiteReport report;
    int owner = -1; // the tracked brand owning the domain, -1 for a third party
};

// The SQL of the audit store, as plain functions of a connection. They run on the store's
// writer thread (AuditStore::submit) or, for reads, on a thread's own connection.
namespace AuditRepository {

Result<NewAudit> createAudit(QSqlDatabase &db, const AuditSpec &spec, const Plan &plan);
Status saveAnswer(QSqlDatabase &db, const EngineReply &reply, int attempts, double costUsd = 0.0);
// Attempts made on an item that stays pending (asking stopped while it was failing).
Status saveAttempts(QSqlDatabase &db, qint64 itemId, int attempts);
Status saveAnalysis(QSqlDatabase &db, qint64 itemId, const Analysis &analysis);
Status saveFailure(QSqlDatabase &db, const FailureRecord &failure);
Status setState(QSqlDatabase &db, qint64 auditId, const QString &state);
// owner: the tracked brand owning the domain, -1 for a third party.
Status saveSiteReport(QSqlDatabase &db, qint64 auditId, const SiteReport &report, int owner);
// The newest stored report of each domain inspected at or after `since`, from any audit.
Result<QList<SiteReport>> recentSiteReports(QSqlDatabase &db, const QDateTime &since);
// Marks an audit as worked on by a live process; a running audit whose heartbeat stops
// is shown as interrupted.
Status heartbeat(QSqlDatabase &db, qint64 auditId);
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
// Every figure of METRICS.md for a stored audit, with the weights of its spec.
Result<AuditScores> scores(QSqlDatabase &db, qint64 auditId);
// The previous finished audit of the same name (a series), with a smaller id; 0 for none.
Result<qint64> previousInSeries(QSqlDatabase &db, qint64 auditId);
// Replaces the analyses of an audit's answers, made with spec's brands, and makes spec the
// audit's brands and score weights (its prompts and engines stay as stored). Run it as one
// store job so that it commits whole or not at all.
Status replaceAnalyses(QSqlDatabase &db, qint64 auditId, const AuditSpec &spec,
                       const QList<std::pair<qint64, Analysis>> &analyses);

} // namespace AuditRepository

} // namespace geo
Q_DECLARE_METATYPE(geo::FailureRecord)
