#pragma once

#include "model/Analysis.h"
#include "model/Answer.h"
#include "model/AuditSpec.h"
#include "model/Plan.h"
#include "model/Result.h"
#include "model/Scores.h"
#include "model/States.h"
#include "sites/SiteReport.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantList>

// The plain types the audit store takes and gives.
namespace geo {

struct AuditSummary
{
    // A running audit's process writes a heartbeat this often, and is presumed gone after
    // three missed beats.
    static constexpr int HeartbeatIntervalMs = 10000;
    static constexpr int HeartbeatTimeoutMs = 3 * HeartbeatIntervalMs;

    qint64 id = 0;
    QString name;
    AuditState state = AuditState::Running;
    bool sampleData = false;
    QDateTime createdAt;
    QDateTime finishedAt;
    int items = 0;
    int answered = 0; // answered or analysed
    int failed = 0;
};

// Who runs an audit: one run of one process, told apart from any other by a random token.
// Stored with the audit while it runs (its lease), so that a second process does not ask
// the same items; see AuditStore::takeLease.
struct LeaseHolder
{
    QString token;   // random, new for every run
    QString program; // e.g. geoaudit-cli
    qint64 pid = 0;
    QString host;

    static LeaseHolder thisProcess(); // a new holder for a run of this process
    bool isValid() const { return !token.isEmpty(); }
};

// What asking for an audit's lease (or renewing it) gave.
struct Lease
{
    bool held = false;  // by the asker
    LeaseHolder holder; // when not: who holds it (no token when nobody does)
    QDateTime lastSeen; // that holder's last heartbeat

    // The words for a resume refused because another process runs the audit, naming it.
    QString refusal(qint64 auditId, const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // The words for a run that found its audit taken over by another process.
    QString lost(qint64 auditId) const;
};

struct NewAudit
{
    qint64 id = 0;
    QList<qint64> itemIds; // in Plan::items order
    // Preparing was stopped (AuditStore::PrepareProgress said so): the audit is stored as
    // preparing with part of its items, and resuming it writes the rest.
    bool stopped = false;
};

// An audit's row and its prompts' ids (in plan order), which its items refer to.
struct NewAuditRow
{
    qint64 id = 0;
    QList<qint64> promptIds;
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
        ItemState status = ItemState::Pending;
        int attempts = 0;
        QString answer;
        QList<Citation> citations;
    };

    qint64 id = 0;
    AuditState state = AuditState::Running;
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

// An inspected site of an audit, as the reports show it (docs/readiness.md).
struct InspectedSite
{
    QString domain;
    int owner = -1; // tracked brand index, -1 for a third party
    QString page;
    bool reachable = false;
    QString error;
    int score = 0;
    // Points per group, in the order of docs/readiness.md: crawler access (of 35), structured data
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
    QString answer;        // Markdown, as the engine gave it
    QStringList mentioned; // tracked brands it names, in tracked order
    QStringList citations; // URLs, in answer order
};

struct StoredSiteReport
{
    SiteReport report;
    int owner = -1; // the tracked brand owning the domain, -1 for a third party
};

// An audit analysed again with another spec's brands (a rescore): what replaces the stored.
struct Reanalysis
{
    AuditSpec spec;
    QList<std::pair<qint64, Analysis>> analyses; // by item id
    QList<bool> branded;                         // per prompt, in the audit's prompt order
    QHash<QString, int> siteOwners;              // inspected domain -> tracked brand, -1 for none
};

// The tables an audit exports, in this order (docs/csv-format.md).
// discovered.csv is not a table of the store's: scoring groups its names into brands.
enum class ExportTable { Answers, Mentions, Citations, Sites, Failures };

// Receives the rows of AuditStore::exportRows, on the store's reader thread: per table,
// begin(), the header and each row as row(), then end(). An error from any stops the export.
class RowSink
{
public:
    virtual ~RowSink() = default;
    virtual Status begin(ExportTable table) = 0;
    virtual Status row(const QVariantList &values) = 0;
    virtual Status end(ExportTable table) = 0;
};

} // namespace geo

Q_DECLARE_METATYPE(geo::FailureRecord)
