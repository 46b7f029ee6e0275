#include "AuditRunner.h"

#include "Pricing.h"
#include "engines/CapturedEngine.h"
#include "model/WhenReady.h"
#include "store/AuditStore.h"

#include <QDateTime>
#include <QtConcurrent/QtConcurrentRun>

namespace geo {

using namespace Qt::StringLiterals;

AuditRunner::AuditRunner(AuditStore *store, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_store(store), m_network(network)
{
    m_pool.setObjectName(u"analysis-pool"_s);
    m_heartbeat.setInterval(AuditSummary::HeartbeatIntervalMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &AuditRunner::renewLease);
}

AuditRunner::~AuditRunner()
{
    if (m_stopPreparing)
        m_stopPreparing->store(true);
    // Closed mid-run (the window closed, the test ended): the audit is at once interrupted,
    // resumable by another process, rather than its lease waiting to go stale.
    if (const qint64 audit = m_running && m_auditId != 0 ? m_auditId : m_claimed; audit != 0)
        m_store->releaseLease(audit, m_holder);
    // Continuations of analyses and store jobs name this runner as their context; Qt 6.4
    // asserts when that context is gone as they resolve, so they resolve while it lives.
    m_pool.waitForDone();
    m_store->flush().waitForFinished();
}

void AuditRunner::write(const QFuture<Status> &saved)
{
    whenReady(saved, this, [this](const Status &s) {
        if (!s)
            emit error(u"could not save to the database: %1"_s.arg(s.error()));
    });
}

void AuditRunner::launch(qint64 auditId, const QList<StoredAudit::Item> &items, double spentUsd)
{
    m_spentUsd = spentUsd;
    m_auditId = auditId;
    m_claimed = 0; // held by the run now
    m_leaseWait = false;
    m_items.clear();
    m_itemIndex.clear();
    int answered = 0, analysed = 0, failed = 0;
    for (int i = 0; i < items.size(); ++i) {
        const StoredAudit::Item &stored = items[i];
        m_items.append({stored.id, m_plan.items[i], stored.attempts, 0.0});
        m_itemIndex.insert(stored.id, i);
        if (stored.status == ItemState::Pending)
            m_engines[m_plan.items[i].engine].pending.push_back(i);
        else if (stored.status == ItemState::Failed)
            ++failed;
        else
            ++answered;
        if (stored.status == ItemState::Analysed)
            ++analysed;
    }
    m_stats.restore(answered, analysed, failed, spentUsd);
    if (m_paused) { // paused while the audit was being stored or loaded
        releaseLease(m_auditId, AuditState::Paused);
    } else {
        renewLease();
        m_heartbeat.start();
    }
    emit started(m_auditId);
    emit progress(m_stats.snapshot());
    const QList<BrandSpec> brands = m_spec.trackedBrands();
    for (int b = 0; b < brands.size(); ++b)
        for (const QString &domain : brands[b].domains)
            inspectSite(registrableDomain(domain), QUrl(u"https://%1/"_s.arg(domain)), b);
    // Answers stored before a restart but never analysed are analysed now, not asked again.
    for (const StoredAudit::Item &stored : items)
        if (stored.status == ItemState::Answered)
            analyse(stored.id, stored.answer, stored.citations);
    dispatch();
    finishIfDone(); // an audit with nothing left ends at once
}

std::pair<int, int> AuditRunner::expectedTokens(const EngineState &state, const Item &item) const
{
    // The next answer will run to about what this engine's answers ran to so far.
    const qint64 out = state.answers > 0 ? state.tokensOut / state.answers : Pricing::EstimatedOutputTokens;
    return {Pricing::estimateInputTokens(m_plan.prompts[item.work.prompt].text), int(out)};
}

bool AuditRunner::withinBudget(EngineState &state, Item &item)
{
    if (m_spec.budgetUsd <= 0 || !state.price)
        return true;
    const auto [tokensIn, tokensOut] = expectedTokens(state, item);
    const double next = Pricing::cost(*state.price, tokensIn, tokensOut);
    if (m_spentUsd + m_reservedUsd + next > m_spec.budgetUsd) {
        m_stopping = AuditState::BudgetStopped;
        emit notice(
            u"stopped asking: the next answer would take the cost past the budget of $%1 ($%2 spent, $%3 in flight); "
            "raise budget_usd and resume to ask the rest"_s.arg(m_spec.budgetUsd, 0, 'f', 2)
                .arg(m_spentUsd, 0, 'f', 4)
                .arg(m_reservedUsd, 0, 'f', 4));
        return false;
    }
    item.reservedUsd = next;
    m_reservedUsd += next;
    return true;
}

void AuditRunner::dispatch()
{
    if (m_stopping.has_value() || !m_running || m_paused || m_leaseWait)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (size_t e = 0; e < m_engines.size(); ++e) {
        EngineState &state = m_engines[e];
        while (!state.stopped && !state.pending.empty() && state.inFlight < state.engine->spec().concurrency) {
            Item &next = m_items[state.pending.front()];
            const auto [tokensIn, tokensOut] = expectedTokens(state, next);
            const int tokens = tokensIn + tokensOut;
            if (const qint64 wait = std::max(state.limiter.waitMs(now), state.tokenLimiter.waitMs(now, tokens));
                wait > 0) {
                if (!state.wakeScheduled) {
                    state.wakeScheduled = true;
                    QTimer::singleShot(int(wait), this, [this, e, generation = m_generation] {
                        if (generation != m_generation)
                            return;
                        m_engines[e].wakeScheduled = false;
                        dispatch();
                    });
                }
                break;
            }
            Item &item = next;
            if (!withinBudget(state, item))
                return;
            state.limiter.take(now);
            state.tokenLimiter.take(now, tokens);
            item.reservedTokens = tokens;
            state.pending.pop_front();
            ++state.inFlight;
            ++item.attempts;
            m_stats.asked();
            state.engine->ask({item.id, m_plan.prompts[item.work.prompt].text, item.work.sample});
        }
    }
    scheduleProgress();
}

void AuditRunner::onReply(const EngineReply &reply)
{
    const auto found = m_itemIndex.constFind(reply.itemId);
    if (found == m_itemIndex.cend())
        return;
    const int index = *found;
    Item &item = m_items[index];
    EngineState &state = m_engines[item.work.engine];
    --state.inFlight;
    m_reservedUsd -= std::exchange(item.reservedUsd, 0.0);
    // Charge the tokens the answer really used instead of the estimate.
    const int reservedTokens = std::exchange(item.reservedTokens, 0);
    if (reply.answered())
        state.tokenLimiter.take(QDateTime::currentMSecsSinceEpoch(), reply.tokensIn + reply.tokensOut - reservedTokens);
    if (reply.answered()) {
        const double cost = state.price ? Pricing::cost(*state.price, reply.tokensIn, reply.tokensOut) : 0.0;
        m_spentUsd += cost;
        state.tokensOut += reply.tokensOut;
        ++state.answers;
        m_stats.answered(reply.latencyMs, reply.tokensIn, reply.tokensOut, cost);
        write(m_store->saveAnswer(reply, item.attempts, cost));
        analyse(reply.itemId, reply.text, reply.citations);
    } else if (!state.stopped && !m_stopping.has_value() && m_retry.shouldRetry(reply, item.attempts)) {
        retryLater(index, reply);
    } else if (m_stopping.has_value() && reply.outcome == EngineReply::Outcome::TransientFailure) {
        m_stats.unasked(); // stopped while failing: it stays pending for a resume
        write(m_store->saveAttempts(item.id, item.attempts));
    } else {
        m_stats.failed(true);
        fail(item, u"ask"_s, reply.errorClass, reply.errorMessage);
        if (reply.stopsEngine)
            stopEngine(state, reply.errorMessage);
    }
    dispatch();
    finishIfDone();
}

void AuditRunner::analyse(qint64 itemId, const QString &text, const QList<Citation> &citations)
{
    ++m_analysing;
    if (text.size() < LargeAnswerChars)
        return startAnalysis(
            itemId, [text, citations](const ResponseAnalyzer &analyzer) { return analyzer.analyze(text, citations); },
            false);
    m_largeWaiting.push_back({itemId, text.toUtf8(), citations});
    analyseNextLarge();
}

void AuditRunner::analyseNextLarge()
{
    if (m_largeAnalysing || m_largeWaiting.empty())
        return;
    m_largeAnalysing = true;
    WaitingAnalysis next = std::move(m_largeWaiting.front());
    m_largeWaiting.pop_front();
    startAnalysis(
        next.itemId,
        [utf8 = std::move(next.utf8), citations = std::move(next.citations)](const ResponseAnalyzer &analyzer) {
            return analyzer.analyzeUtf8(utf8, citations);
        },
        true);
}

void AuditRunner::startAnalysis(qint64 itemId, std::function<Analysis(const ResponseAnalyzer &)> work, bool large)
{
    whenReady(QtConcurrent::run(&m_pool, [analyzer = m_analyzer, work = std::move(work)] { return work(*analyzer); }),
              this, [this, itemId, large, generation = m_generation](const Analysis &analysis) {
                  if (generation != m_generation)
                      return;
                  --m_analysing;
                  m_stats.analysed();
                  write(m_store->saveAnalysis(itemId, analysis));
                  for (const CitationRef &c : analysis.citations)
                      inspectSite(c.domain, QUrl(c.url), c.owner);
                  if (large) {
                      m_largeAnalysing = false;
                      analyseNextLarge();
                  }
                  scheduleProgress();
                  finishIfDone();
              });
}

void AuditRunner::retryLater(int index, const EngineReply &reply)
{
    m_stats.retrying();
    const int delay = m_retry.delayMs(m_items[index].attempts, reply.retryAfterMs, m_random);
    QTimer::singleShot(delay, this, [this, index, generation = m_generation] {
        if (generation != m_generation || !m_running)
            return; // that audit is over; a resume asks what is left
        m_stats.retried();
        EngineState &state = m_engines[m_items[index].work.engine];
        if (state.stopped) {
            m_stats.failed(false);
            fail(m_items[index], u"ask"_s, u"engine-stopped"_s,
                 u"engine '%1' stopped before this answer could be asked again"_s.arg(state.engine->spec().id));
        } else {
            state.pending.push_front(index); // it has waited already: ask it next
        }
        dispatch();
        finishIfDone();
    });
}

void AuditRunner::inspectSite(const QString &domain, const QUrl &page, int owner)
{
    if (!m_inspector || domain.isEmpty())
        return;
    // Every citation asks the inspector (which fetches each site once and counts the rest as
    // cache hits); the first ask of a domain in this audit stores its report.
    QFuture<SiteReport> report = m_inspector->inspect(domain, page);
    m_stats.siteCache(m_inspector->cacheHits(), m_inspector->reused());
    if (m_sites.contains(domain))
        return;
    m_sites.insert(domain);
    ++m_sitesPending;
    m_stats.siteAsked();
    whenReady(report, this, [this, owner, generation = m_generation](const SiteReport &r) {
        if (generation != m_generation)
            return;
        --m_sitesPending;
        m_stats.siteInspected(r.reachable());
        m_stats.siteCache(m_inspector->cacheHits(), m_inspector->reused());
        write(m_store->saveSiteReport(m_auditId, r, owner));
        scheduleProgress();
        finishIfDone();
    });
}

void AuditRunner::stopEngine(EngineState &state, const QString &reason)
{
    state.stopped = true;
    while (!state.pending.empty()) {
        const Item &item = m_items[state.pending.front()];
        state.pending.pop_front();
        m_stats.failed(false);
        fail(item, u"ask"_s, u"engine-stopped"_s, u"not asked: %1"_s.arg(reason));
    }
}

void AuditRunner::fail(const Item &item, const QString &stage, const QString &errorClass, const QString &message)
{
    const FailureRecord failure{m_auditId,
                                item.id,
                                QDateTime::currentDateTimeUtc(),
                                stage,
                                m_spec.engines[item.work.engine].id,
                                errorClass,
                                message,
                                item.attempts};
    write(m_store->saveFailure(failure));
    emit itemFailed(failure, m_plan.prompts[item.work.prompt].text);
    scheduleProgress();
}

void AuditRunner::cancel()
{
    if (!m_running || m_stopping.has_value())
        return;
    m_stopping = AuditState::Cancelled;
    if (m_preparing) { // stops after the chunk being written; the audit stays preparing
        m_stopPreparing->store(true);
        return;
    }
    if (std::exchange(m_paused, false))
        emit pausedChanged(false);
    for (const EngineState &state : m_engines) // the answers nobody will capture now
        if (auto *captured = qobject_cast<CapturedEngine *>(state.engine.get()))
            captured->giveBack();
    finishIfDone();
}

CapturedEngine *AuditRunner::capturedEngine(const QString &id) const
{
    if (!m_running || m_stopping.has_value())
        return nullptr;
    for (const EngineState &state : m_engines)
        if (state.engine->spec().id == id)
            return qobject_cast<CapturedEngine *>(state.engine.get());
    return nullptr;
}

void AuditRunner::capture(const ImportedAnswer &answer)
{
    if (CapturedEngine *engine = capturedEngine(answer.engine))
        engine->answer(answer);
}

void AuditRunner::skipCapture(const QString &engine, const QString &prompt, int sample)
{
    if (CapturedEngine *captured = capturedEngine(engine))
        captured->skip(prompt, sample);
}

void AuditRunner::pause()
{
    if (!m_running || m_paused || m_stopping.has_value() || m_finishing)
        return;
    m_paused = true;
    // The heartbeat would store the audit as running again. Paused, it is anyone's to resume.
    m_heartbeat.stop();
    if (m_auditId != 0) // else launch() stores it as paused
        releaseLease(m_auditId, AuditState::Paused);
    emit pausedChanged(true);
    emit notice(u"paused: nothing new is asked; the answers in flight are still stored"_s);
}

void AuditRunner::unpause()
{
    if (!m_running || !m_paused)
        return;
    m_paused = false;
    emit pausedChanged(false);
    if (m_auditId == 0) // launch() goes on
        return;
    // Another process may have resumed the paused audit: nothing is asked until the lease
    // is this run's again.
    m_leaseWait = true;
    whenReady(m_store->takeLease(m_auditId, m_holder), this,
              [this, generation = m_generation](const Result<Lease> &lease) {
                  if (generation != m_generation || !m_running || !m_leaseWait)
                      return;
                  if (!lease) {
                      emit error(u"could not save to the database: %1"_s.arg(lease.error()));
                  } else if (!lease->held) {
                      loseLease(lease->refusal(m_auditId));
                      return;
                  }
                  m_leaseWait = false;
                  if (!m_paused) {
                      renewLease();
                      m_heartbeat.start();
                  }
                  dispatch();
                  finishIfDone();
              });
}

void AuditRunner::renewLease()
{
    whenReady(m_store->renewLease(m_auditId, m_holder), this,
              [this, generation = m_generation](const Result<Lease> &lease) {
                  if (generation != m_generation || !m_running)
                      return;
                  if (!lease)
                      emit error(u"could not save to the database: %1"_s.arg(lease.error()));
                  else if (!lease->held && !m_paused)
                      loseLease(lease->lost(m_auditId));
              });
}

void AuditRunner::releaseLease(qint64 auditId, std::optional<AuditState> state)
{
    whenReady(m_store->releaseLease(auditId, m_holder, state), this, [this](const Result<bool> &released) {
        if (!released)
            emit error(u"could not save to the database: %1"_s.arg(released.error()));
    });
}

void AuditRunner::loseLease(const QString &message)
{
    // Stop at once: the replies still in flight are dropped (not stored), as the process
    // that has the audit now asks those items itself.
    m_heartbeat.stop();
    ++m_generation;
    m_running = false;
    m_paused = false;
    m_leaseWait = false;
    m_itemIndex.clear();
    for (EngineState &state : m_engines)
        state.pending.clear();
    emit busy(message);
}

void AuditRunner::scheduleProgress()
{
    if (m_progressScheduled)
        return;
    m_progressScheduled = true;
    QTimer::singleShot(100, this, [this] {
        m_progressScheduled = false;
        if (m_running)
            emit progress(m_stats.snapshot());
    });
}

void AuditRunner::finishIfDone()
{
    if (!m_running || m_preparing || m_finishing || m_analysing > 0 || m_sitesPending > 0)
        return;
    int inFlight = 0;
    for (const EngineState &state : m_engines)
        inFlight += state.inFlight;
    // Runs after every answer and analysis: counts only, no percentiles over all latencies.
    const RunStats &s = m_stats.counts();
    const bool complete = s.done() == s.planned;
    // A stopped audit ends once nothing is in flight; what was not asked stays pending.
    if (!complete && (!m_stopping.has_value() || inFlight > 0))
        return;
    m_finishing = true;
    m_heartbeat.stop();
    ++m_generation; // backoff and rate-limit timers of this run no longer act
    const AuditState state = complete ? AuditState::Finished : m_stopping.value_or(AuditState::Cancelled);
    // Its state is stored as the lease is given up, unless another process runs it now.
    whenReady(m_store->releaseLease(m_auditId, m_holder, state), this, [this, state](const Result<bool> &saved) {
        if (!saved)
            emit error(u"could not save to the database: %1"_s.arg(saved.error()));
        m_running = false;
        m_stats.finish();
        const RunStats final = m_stats.snapshot();
        emit progress(final);
        emit finished(m_auditId, stateName(state), final);
    });
}

} // namespace geo
