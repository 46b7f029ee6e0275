#pragma once

#include "RateLimiter.h"
#include "RetryPolicy.h"
#include "RunStats.h"
#include "analysis/ResponseAnalyzer.h"
#include "engines/AnswerFile.h"
#include "engines/Engine.h"
#include "spec/AuditSpec.h"
#include "spec/PromptPlanner.h"
#include "sites/SiteInspector.h"
#include "store/AuditRepository.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace geo {

class AuditStore;

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
    // replaces the spec's (to ask the rest of an audit its budget stopped).
    void resume(qint64 auditId, std::optional<double> budgetUsd = std::nullopt);
    // Stores answers collected by hand as a new audit of the spec's brands, one engine per
    // engine name in the answers, and analyses them.
    void importAnswers(const AuditSpec &spec, const QList<ImportedAnswer> &answers);
    // Stops asking; what is in flight is still stored, then finished() reports "cancelled".
    void cancel();
    // Stops dispatching new asks; what is in flight finishes and is stored. The audit is
    // stored as 'paused', so that after a restart resume(auditId) continues it.
    void pause();
    // Continues a paused run where it stopped.
    void unpause();
    // Puts the failed items of a stored audit back to pending and resumes it, to ask them
    // again (after a key was fixed or an outage passed); error() says when none failed.
    void retryFailed(qint64 auditId);

    // Lets site inspection fetch loopback and private hosts (tests, intranets); off by default.
    void setAllowPrivateHosts(bool allow) { m_allowPrivateHosts = allow; }
    // The site report cache's size and times to live, for the next start or resume.
    void setSiteOptions(SiteInspector::Options options) { m_siteOptions = options; }
    // Backoff for transient failures; tests shorten it.
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }

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
        RateLimiter limiter;       // requests per minute
        RateLimiter tokenLimiter;  // tokens per minute, charged an estimate, then the truth
        bool stopped = false;       // its key was rejected: nothing more is asked of it
        bool wakeScheduled = false; // a timer will dispatch when the rate limit allows
        qint64 tokensOut = 0;       // over its answers so far, to estimate the next one
        int answers = 0;
    };

    using Keys = QHash<QString, QByteArray>; // api_key_env name -> key
    // Finds the keys the spec's engines need (KeyStore), then calls then; or reports why not.
    void withKeys(const AuditSpec &spec, std::function<void(const Keys &)> then);
    void startWithKeys(const AuditSpec &spec, const Keys &keys);
    bool prepare(const AuditSpec &spec, Plan plan, const Keys &keys = {});
    void launch(qint64 auditId, const QList<StoredAudit::Item> &items, double spentUsd);
    void dispatch();
    bool withinBudget(EngineState &state, Item &item);
    std::pair<int, int> expectedTokens(const EngineState &state, const Item &item) const; // in, out
    void onReply(const EngineReply &reply);
    void analyse(qint64 itemId, const QString &text, const QList<Citation> &citations);
    void retryLater(int index, const EngineReply &reply);
    void stopEngine(EngineState &state, const QString &reason);
    void fail(const Item &item, const QString &stage, const QString &errorClass, const QString &message);
    template<typename Job>
    void write(Job job);
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
    qint64 m_auditId = 0;
    int m_analysing = 0;
    int m_generation = 0; // tells timers of an earlier audit from this one's
    double m_spentUsd = 0.0;
    double m_reservedUsd = 0.0;
    QString m_stopping; // "cancelled" or "budget-stopped" once asking has stopped
    bool m_running = false;
    bool m_paused = false;
    bool m_progressScheduled = false;
    bool m_finishing = false;
};

} // namespace geo
