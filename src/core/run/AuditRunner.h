#pragma once

#include "RateLimiter.h"
#include "RetryPolicy.h"
#include "RunLimits.h"
#include "RunStatsTracker.h"
#include "analysis/ResponseAnalyzer.h"
#include "engines/AnswerFile.h"
#include "engines/Engine.h"
#include "model/AuditSpec.h"
#include "sites/SiteInspector.h"
#include "spec/PromptPlanner.h"
#include "store/AuditStore.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace geo {

class AuditStore;
class CapturedEngine;

// Runs one audit: asks each engine at most `concurrency` at a time within its rpm limit,
// retries transient failures, stores every answer the moment it arrives, analyses it on a
// pool of its own and stores the analysis. Owns the state of every item (pending -> asked
// -> answered -> analysed, or failed) and reports progress at most ten times a second.
// Lives on the GUI or CLI thread and never blocks it: engines are asynchronous, the pool
// and the store answer by futures.
class AuditRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditRunner)
public:
    AuditRunner(AuditStore *store, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AuditRunner() override;

    // Plans and stores a new audit, then runs it; started() or error() follows.
    void start(const AuditSpec &spec);
    // Continues a stored audit: asks only what was never answered and analyses what was
    // answered but not analysed. Nothing answered is asked again. A budget given here
    // replaces the spec's (to ask the rest of an audit its budget stopped). An audit another
    // process is running (its lease, AuditStore::takeLease) is refused with busy().
    void resume(qint64 auditId, std::optional<double> budgetUsd = std::nullopt);
    // Stores answers collected by hand as a new audit of the spec's brands, one engine per
    // engine name in the answers, and analyses them.
    void importAnswers(const AuditSpec &spec, const QList<ImportedAnswer> &answers);
    // Starts an audit whose engines without an API (`imported`) are answered by hand while it
    // runs (CapturedEngine, the app's capture panel): each answer given to capture() is stored
    // and analysed at once, skipCapture() fails its item as skipped, and cancel() leaves what
    // was not captured unasked. Engines with an API are not asked.
    void startCapture(const AuditSpec &spec);
    void capture(const ImportedAnswer &answer);
    void skipCapture(const QString &engine, const QString &prompt, int sample);
    // Stops asking; what is in flight is still stored, then finished() reports "cancelled".
    void cancel();
    // Stops dispatching new asks; what is in flight finishes and is stored. The audit is
    // stored as 'paused', so that after a restart resume(auditId) continues it.
    void pause();
    // Continues a paused run where it stopped.
    void unpause();
    // Puts the failed items of a stored audit back to pending and resumes it, to ask them
    // again (after a key was fixed or an outage passed); error() says when none failed, and
    // busy() when another process runs it.
    void retryFailed(qint64 auditId);

    // Lets site inspection fetch loopback and private hosts (tests, intranets); off by default.
    void setAllowPrivateHosts(bool allow) { m_allowPrivateHosts = allow; }
    // The site report cache's size and times to live, for the next start or resume.
    void setSiteOptions(SiteInspector::Options options) { m_siteOptions = options; }
    // Backoff for transient failures; tests shorten it.
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    // How often the lease is renewed (AuditSummary::HeartbeatIntervalMs); tests shorten it.
    void setHeartbeatIntervalMs(int ms) { m_heartbeat.setInterval(ms); }
    // With limits, start() and resume() of an audit above them ask nothing and store nothing:
    // they emit needsConfirmation() instead. Without (the default), every audit just runs.
    void setConfirmLimits(std::optional<RunLimits> limits) { m_limits = limits; }

    bool isRunning() const { return m_running; }
    bool isPaused() const { return m_paused; }
    qint64 auditId() const { return m_auditId; }
    RunStats stats() const { return m_stats.snapshot(); }

signals:
    void started(qint64 auditId);
    void progress(const geo::RunStats &stats);
    void itemFailed(const geo::FailureRecord &failure, const QString &prompt);
    void notice(const QString &message); // e.g. the budget stopped the asking
    void pausedChanged(bool paused);
    void finished(qint64 auditId, const QString &state, const geo::RunStats &stats);
    void error(const QString &message); // the audit could not start or the store failed
    // Another process runs the audit: it was not started, or (taken over from this run
    // when its heartbeat had stopped for too long) this run stopped asking. The message
    // names that process.
    void busy(const QString &message);
    // The audit would ask more answers, or cost more, than the confirm limits allow; nothing
    // was started. answers: those left to ask; costUsd: their estimated cost.
    void needsConfirmation(qint64 answers, double costUsd);
    // Its items are being stored, a chunk at a time: written of total so far.
    void preparing(qint64 written, qint64 total);

private:
    struct Item
    {
        qint64 id = 0;
        WorkItem work;
        int attempts = 0;
        double reservedUsd = 0.0; // the budget held for it while in flight
        int reservedTokens = 0;   // the tokens per minute charged for it while in flight
    };

    struct EngineState
    {
        std::unique_ptr<Engine> engine;
        std::optional<Price> price;
        std::deque<int> pending; // indices into m_items, in asking order
        int inFlight = 0;
        RateLimiter limiter;        // requests per minute
        RateLimiter tokenLimiter;   // tokens per minute, charged an estimate, then the truth
        bool stopped = false;       // its key was rejected: nothing more is asked of it
        bool wakeScheduled = false; // a timer will dispatch when the rate limit allows
        qint64 tokensOut = 0;       // over its answers so far, to estimate the next one
        int answers = 0;
    };

    using Keys = QHash<QString, QByteArray>; // api_key_env name -> key
    // Finds the keys the spec's engines need (KeyStore), then calls then; or reports why not.
    void withKeys(const AuditSpec &spec, std::function<void(const Keys &)> then);
    // capture: the spec's `imported` engines are CapturedEngines.
    void startWithKeys(const AuditSpec &spec, Plan plan, const Keys &keys, bool capture = false);
    // Writes the items a preparing audit lacks, then resumes it.
    void finishPreparing(const StoredAudit &stored, AuditSpec spec, std::optional<double> budgetUsd);
    static qint64 pendingOf(const StoredAudit &stored);
    bool confirmed(const AuditSpec &spec, const Plan &plan, qint64 answers);
    AuditStore::PrepareProgress prepareProgress(); // reports preparing() until cancel()
    bool prepare(const AuditSpec &spec, Plan plan, const Keys &keys = {}, bool capture = false);
    CapturedEngine *capturedEngine(const QString &id) const; // of the audit being captured
    // Takes the lease on a stored audit, then (after putting its failed items back to
    // pending, for retryFailed) loads and launches it.
    void claim(qint64 auditId, std::optional<double> budgetUsd, bool resetFailed);
    void load(qint64 auditId, std::optional<double> budgetUsd);
    void failStart(const QString &message); // gives back the lease claimed, then error()
    void loseLease(const QString &message); // another process runs the audit now
    void renewLease();
    void releaseLease(qint64 auditId, std::optional<AuditState> state = std::nullopt);
    void giveBackClaim(); // the lease taken for a resume that does not launch
    void launch(qint64 auditId, const QList<StoredAudit::Item> &items, double spentUsd);
    void dispatch();
    bool withinBudget(EngineState &state, Item &item);
    std::pair<int, int> expectedTokens(const EngineState &state, const Item &item) const; // in, out
    void onReply(const EngineReply &reply);
    void analyse(qint64 itemId, const QString &text, const QList<Citation> &citations);
    // Runs work (the analysis of an answer) on the pool and stores what it finds.
    void startAnalysis(qint64 itemId, std::function<Analysis(const ResponseAnalyzer &)> work, bool large);
    void analyseNextLarge();
    void retryLater(int index, const EngineReply &reply);
    void stopEngine(EngineState &state, const QString &reason);
    void fail(const Item &item, const QString &stage, const QString &errorClass, const QString &message);
    void write(const QFuture<Status> &saved); // reports a failure to save as error()
    void inspectSite(const QString &domain, const QUrl &page, int owner);
    void scheduleProgress();
    void finishIfDone();

    AuditStore *m_store;
    QNetworkAccessManager *m_network;
    AuditSpec m_spec;
    Plan m_plan;
    std::vector<EngineState> m_engines; // in spec order
    QList<Item> m_items;
    QHash<qint64, int> m_itemIndex; // item id -> index into m_items
    std::shared_ptr<const ResponseAnalyzer> m_analyzer;
    QThreadPool m_pool;
    std::unique_ptr<SiteInspector> m_inspector; // none when the spec turns inspection off
    QSet<QString> m_sites;                      // domains asked for in this run
    int m_sitesPending = 0;
    bool m_allowPrivateHosts = false;
    SiteInspector::Options m_siteOptions;
    RetryPolicy m_retry;
    QRandomGenerator m_random{QRandomGenerator::securelySeeded()};
    RunStatsTracker m_stats;
    QTimer m_heartbeat;
    LeaseHolder m_holder;     // this run's, while it holds (or has claimed) the audit's lease
    qint64 m_claimed = 0;     // the audit whose lease was taken before it was launched
    bool m_leaseWait = false; // unpaused: nothing is asked until the lease is taken again
    qint64 m_auditId = 0;
    int m_analysing = 0;
    // An analysis takes a few times its answer's text: answers of at least LargeAnswerChars
    // are analysed one at a time, so that many large ones at once do not take that many
    // times over (issue #17); the rest wait here, as UTF-8 (half their UTF-16, and what the
    // analysis reads).
    static constexpr qsizetype LargeAnswerChars = 1024 * 1024;
    struct WaitingAnalysis
    {
        qint64 itemId = 0;
        QByteArray utf8;
        QList<Citation> citations;
    };
    std::deque<WaitingAnalysis> m_largeWaiting;
    bool m_largeAnalysing = false;
    int m_generation = 0; // tells timers of an earlier audit from this one's
    double m_spentUsd = 0.0;
    double m_reservedUsd = 0.0;
    std::optional<AuditState> m_stopping; // Cancelled or BudgetStopped once asking has stopped
    std::optional<RunLimits> m_limits;
    std::shared_ptr<std::atomic_bool> m_stopPreparing; // read on the store's writer thread
    bool m_preparing = false;                          // the audit's items are being stored
    bool m_confirmedAlready = false;                   // the next confirmed() passes: the user was asked
    bool m_running = false;
    bool m_paused = false;
    bool m_progressScheduled = false;
    bool m_finishing = false;
};

} // namespace geo
