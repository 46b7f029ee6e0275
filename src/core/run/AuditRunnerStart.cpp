// How an audit run begins: keys looked up, the plan confirmed against the limits, a new
// audit prepared (stored a chunk at a time), or a stored one claimed (its lease) and loaded.
// AuditRunner.cpp runs it from there.
#include "AuditRunner.h"

#include "Pricing.h"
#include "engines/CapturedEngine.h"
#include "engines/EngineFactory.h"
#include "engines/KeyStore.h"
#include "model/WhenReady.h"
#include "spec/SpecReader.h"
#include "store/AuditStore.h"

namespace geo {

using namespace Qt::StringLiterals;

void AuditRunner::withKeys(const AuditSpec &spec, std::function<void(const Keys &)> then)
{
    QStringList names;
    for (const EngineSpec &e : spec.engines)
        if (!e.apiKeyEnv.isEmpty() && e.kind != u"recorded"_s && e.kind != u"imported"_s
            && !names.contains(e.apiKeyEnv))
            names << e.apiKeyEnv;
    if (names.isEmpty()) {
        then({});
        return;
    }
    struct Pending
    {
        Keys keys;
        QStringList problems;
        qsizetype left;
    };
    auto pending = std::make_shared<Pending>(Pending{{}, {}, names.size()});
    for (const QString &name : names) {
        KeyStore::lookup(name, this, [this, name, pending, then, spec](const Result<QByteArray> &key) {
            if (key)
                pending->keys.insert(name, key.value());
            else
                for (const EngineSpec &e : spec.engines)
                    if (e.apiKeyEnv == name)
                        pending->problems << u"engine '%1': %2"_s.arg(e.id, key.error());
            if (--pending->left > 0)
                return;
            if (!pending->problems.isEmpty())
                failStart(pending->problems.join(u'\n'));
            else
                then(pending->keys);
        });
    }
}

bool AuditRunner::prepare(const AuditSpec &spec, Plan plan, const Keys &keys, bool capture)
{
    if (m_running) { // a start won the race with a resume: the resume's lease goes back
        failStart(u"an audit is already running; wait for it or cancel it first"_s);
        return false;
    }
    std::vector<EngineState> engines;
    for (const EngineSpec &e : spec.engines) {
        auto engine = capture && e.kind == u"imported"_s ? std::unique_ptr<Engine>(new CapturedEngine(e))
                                                         : createEngine(e, m_network, keys.value(e.apiKeyEnv));
        if (!engine) {
            failStart(engine.error());
            return false;
        }
        EngineState state;
        state.engine = std::move(engine).value();
        state.price = Pricing::priceFor(e);
        state.limiter = RateLimiter(e.rpm);
        // A second's worth of burst; a request larger than that waits for a full bucket.
        state.tokenLimiter = RateLimiter(e.tpm, e.tpm / 60.0);
        engines.push_back(std::move(state));
    }
    ++m_generation;
    m_spec = spec;
    m_plan = std::move(plan);
    m_engines = std::move(engines);
    for (auto &state : m_engines)
        connect(state.engine.get(), &Engine::finished, this, &AuditRunner::onReply);
    m_analyzer = std::make_shared<const ResponseAnalyzer>(m_spec);
    m_inspector.reset();
    m_sites.clear();
    m_sitesPending = 0;
    if (m_spec.analysis.inspectSites) {
        std::unique_ptr<SiteFetcher> fetcher;
        if (!m_spec.analysis.recordedSites.isEmpty())
            fetcher = std::make_unique<RecordedFetcher>(m_spec.analysis.recordedSites);
        else
            fetcher = std::make_unique<NetworkFetcher>(
                m_network, NetworkFetcher::Options{5000, 2 * 1024 * 1024, 6, 16, m_allowPrivateHosts});
        m_inspector = std::make_unique<SiteInspector>(std::move(fetcher), m_siteOptions);
        // Sites inspected by earlier audits within their time to live are not fetched again.
        const QDateTime since
            = QDateTime::currentDateTimeUtc().addMSecs(-std::max(m_siteOptions.ttlMs, m_siteOptions.failureTtlMs));
        m_inspector->reuse(m_store->recentSiteReports(since));
    }
    m_pool.setMaxThreadCount(m_spec.analysis.threads);
    m_running = true;
    m_paused = false;
    m_auditId = 0; // until launch(): none of this run's is stored yet
    m_stopping.reset();
    m_finishing = false;
    m_analysing = 0;
    m_largeWaiting.clear();
    m_largeAnalysing = false;
    m_spentUsd = 0.0;
    m_reservedUsd = 0.0;
    m_stats.start(int(m_plan.items.size()));
    return true;
}

void AuditRunner::start(const AuditSpec &spec)
{
    if (m_running) {
        emit error(u"an audit is already running; wait for it or cancel it first"_s);
        return;
    }
    Result<Plan> plan = PromptPlanner::plan(spec);
    if (!plan) {
        emit error(plan.error());
        return;
    }
    if (!confirmed(spec, plan.value(), plan->items.size()))
        return;
    withKeys(spec, [this, spec, plan = std::move(plan).value()](const Keys &keys) { startWithKeys(spec, plan, keys); });
}

bool AuditRunner::confirmed(const AuditSpec &spec, const Plan &plan, qint64 answers)
{
    if (!m_limits || std::exchange(m_confirmedAlready, false))
        return true;
    const qint64 planned = plan.items.size();
    const double cost = planned > 0 ? Pricing::estimate(spec, plan).costUsd * double(answers) / double(planned) : 0.0;
    if (!m_limits->exceededBy(answers, cost))
        return true;
    emit needsConfirmation(answers, cost);
    return false;
}

AuditStore::PrepareProgress AuditRunner::prepareProgress()
{
    auto stop = std::make_shared<std::atomic_bool>(false);
    m_stopPreparing = stop;
    m_preparing = true;
    // On the writer thread: the runner outlives the call, for its destructor stops preparing
    // and then waits for the store (flush), which this call is ahead of.
    return [this, stop](qint64 written, qint64 total) {
        if (stop->load())
            return false;
        QMetaObject::invokeMethod(
            this, [this, written, total] { emit preparing(written, total); }, Qt::QueuedConnection);
        return true;
    };
}

void AuditRunner::startWithKeys(const AuditSpec &spec, Plan plan, const Keys &keys, bool capture)
{
    if (!prepare(spec, std::move(plan), keys, capture))
        return;
    emit preparing(0, m_plan.items.size());
    const LeaseHolder holder = LeaseHolder::thisProcess();
    m_holder = holder;
    whenReady(
        m_store->createAudit(m_spec, m_plan, holder, prepareProgress()), this, [this](const Result<NewAudit> &created) {
            m_preparing = false;
            if (!created) {
                m_running = false;
                emit error(created.error());
                return;
            }
            if (created->stopped) { // it stays preparing, for a resume to finish
                m_auditId = created->id;
                m_running = false;
                releaseLease(created->id);
                emit notice(u"audit %1: preparing was cancelled after %2 of %3 answers; resume it to finish preparing"_s
                                .arg(created->id)
                                .arg(created->itemIds.size())
                                .arg(m_plan.items.size()));
                emit finished(created->id, stateName(AuditState::Cancelled), m_stats.snapshot());
                return;
            }
            QList<StoredAudit::Item> items;
            items.reserve(m_plan.items.size());
            for (qsizetype i = 0; i < m_plan.items.size(); ++i) {
                const WorkItem w = m_plan.items[i];
                items.append({created->itemIds[i],
                              w.prompt,
                              m_spec.engines[w.engine].id,
                              w.sample,
                              ItemState::Pending,
                              0,
                              {},
                              {}});
            }
            launch(created->id, items, 0.0);
        });
}

void AuditRunner::startCapture(const AuditSpec &spec)
{
    if (m_running) {
        emit error(u"an audit is already running; wait for it or cancel it first"_s);
        return;
    }
    AuditSpec captured = spec;
    captured.engines.clear();
    for (const EngineSpec &e : spec.engines)
        if (e.kind == u"imported"_s)
            captured.engines << e;
    if (captured.engines.isEmpty()) {
        emit error(u"the audit has no engine to capture answers for: add one of kind \"imported\""_s);
        return;
    }
    Result<Plan> plan = PromptPlanner::plan(captured);
    if (!plan) {
        emit error(plan.error());
        return;
    }
    // The items are asked at once (up to the most a spec allows, which a stored audit is read
    // back with) and wait for the analyst, who may answer them in any order.
    for (EngineSpec &e : captured.engines) {
        e.concurrency = int(std::min<qsizetype>(plan->items.size(), 100));
        e.rpm = 0;
        e.tpm = 0;
    }
    startWithKeys(captured, std::move(plan).value(), {}, true);
}

void AuditRunner::importAnswers(const AuditSpec &spec, const QList<ImportedAnswer> &answers)
{
    if (answers.isEmpty()) {
        emit error(u"there are no answers to import"_s);
        return;
    }
    AuditSpec imported = spec;
    imported.templates = false;
    imported.prompts.clear();
    imported.engines.clear();
    imported.samples = 1;
    imported.sampleData = false;
    for (const ImportedAnswer &a : answers) {
        if (!imported.prompts.contains(a.prompt, Qt::CaseInsensitive))
            imported.prompts << a.prompt;
        if (std::none_of(imported.engines.cbegin(), imported.engines.cend(),
                         [&a](const EngineSpec &e) { return e.id == a.engine; })) {
            EngineSpec e;
            e.id = a.engine;
            e.kind = u"imported"_s;
            e.model = a.model;
            imported.engines << e;
        }
        imported.samples = std::max(imported.samples, a.sample);
    }
    Result<Plan> planned = PromptPlanner::plan(imported);
    if (!planned) {
        emit error(planned.error());
        return;
    }
    Plan plan = std::move(planned).value();
    plan.items.clear();
    for (const ImportedAnswer &a : answers) {
        WorkItem w{0, 0, a.sample};
        for (int p = 0; p < plan.prompts.size(); ++p)
            if (plan.prompts[p].text.compare(a.prompt, Qt::CaseInsensitive) == 0)
                w.prompt = p;
        for (int e = 0; e < imported.engines.size(); ++e)
            if (imported.engines[e].id == a.engine)
                w.engine = e;
        plan.items.append(w);
    }
    if (!prepare(imported, std::move(plan)))
        return;
    QList<EngineReply> replies;
    for (const ImportedAnswer &a : answers) {
        EngineReply reply;
        reply.text = a.answer;
        reply.model = a.model;
        reply.citations = a.citations;
        replies.append(reply);
    }
    const LeaseHolder holder = LeaseHolder::thisProcess();
    whenReady(m_store->createImportedAudit(m_spec, m_plan, replies, holder), this,
              [this, answers, holder](const Result<NewAudit> &created) {
                  if (!created) {
                      m_running = false;
                      emit error(created.error());
                      return;
                  }
                  QList<StoredAudit::Item> items;
                  for (int i = 0; i < answers.size(); ++i)
                      items.append({created->itemIds[i], m_plan.items[i].prompt, answers[i].engine, answers[i].sample,
                                    ItemState::Answered, 0, answers[i].answer, answers[i].citations});
                  m_holder = holder;
                  launch(created->id, items, 0.0);
              });
}

void AuditRunner::resume(qint64 auditId, std::optional<double> budgetUsd)
{
    claim(auditId, budgetUsd, false);
}

void AuditRunner::claim(qint64 auditId, std::optional<double> budgetUsd, bool resetFailed)
{
    if (m_running || m_claimed != 0) {
        emit error(u"an audit is already running; wait for it or cancel it first"_s);
        return;
    }
    // The lease first, so that what is loaded is what no other process is changing.
    const LeaseHolder holder = LeaseHolder::thisProcess();
    m_claimed = auditId;
    m_holder = holder;
    whenReady(m_store->takeLease(auditId, holder), this,
              [this, auditId, budgetUsd, resetFailed](const Result<Lease> &lease) {
                  if (!lease || !lease->held) {
                      m_claimed = 0;
                      if (!lease)
                          emit error(lease.error());
                      else
                          emit busy(lease->refusal(auditId));
                      return;
                  }
                  if (!resetFailed) {
                      load(auditId, budgetUsd);
                      return;
                  }
                  whenReady(m_store->resetFailed(auditId), this, [this, auditId](const Result<int> &reset) {
                      if (!reset)
                          failStart(u"could not save to the database: %1"_s.arg(reset.error()));
                      else if (reset.value() == 0)
                          failStart(u"audit %1 has no failed answers to ask again"_s.arg(auditId));
                      else
                          load(auditId, std::nullopt);
                  });
              });
}

void AuditRunner::failStart(const QString &message)
{
    giveBackClaim();
    emit error(message);
}

void AuditRunner::giveBackClaim()
{
    if (const qint64 audit = std::exchange(m_claimed, 0); audit != 0)
        releaseLease(audit);
}

void AuditRunner::load(qint64 auditId, std::optional<double> budgetUsd)
{
    whenReady(m_store->loadAudit(auditId), this, [this, budgetUsd](const Result<StoredAudit> &stored) {
        if (!stored) {
            failStart(stored.error());
            return;
        }
        if (stored->state == AuditState::Finished) {
            failStart(u"audit %1 has finished; there is nothing to resume"_s.arg(stored->id));
            return;
        }
        SpecReader::Outcome read = SpecReader::parse(stored->specJson, {});
        if (!read.spec) {
            failStart(u"audit %1 cannot be resumed: its spec no longer holds (%2)"_s.arg(stored->id)
                          .arg(read.problems.join(u"; "_s)));
            return;
        }
        if (stored->state == AuditState::Preparing) {
            finishPreparing(stored.value(), *read.spec, budgetUsd);
            return;
        }
        Plan plan{stored->prompts, {}};
        for (const auto &item : stored->items) {
            int engine = -1;
            for (int e = 0; e < read.spec->engines.size(); ++e)
                if (read.spec->engines[e].id == item.engine)
                    engine = e;
            if (engine < 0) {
                failStart(
                    u"audit %1 cannot be resumed: its spec has no engine '%2'"_s.arg(stored->id).arg(item.engine));
                return;
            }
            plan.items.append({item.prompt, engine, item.sample});
        }
        if (budgetUsd)
            read.spec->budgetUsd = *budgetUsd;
        if (!confirmed(*read.spec, plan, pendingOf(stored.value()))) {
            giveBackClaim();
            return;
        }
        withKeys(*read.spec, [this, spec = *read.spec, plan, stored = stored.value()](const Keys &keys) {
            if (prepare(spec, plan, keys))
                launch(stored.id, stored.items, stored.spentUsd);
        });
    });
}

qint64 AuditRunner::pendingOf(const StoredAudit &stored)
{
    return std::count_if(stored.items.cbegin(), stored.items.cend(),
                         [](const StoredAudit::Item &item) { return item.status == ItemState::Pending; });
}

void AuditRunner::finishPreparing(const StoredAudit &stored, AuditSpec spec, std::optional<double> budgetUsd)
{
    const Result<Plan> planned = PromptPlanner::plan(spec);
    if (!planned) {
        failStart(planned.error());
        return;
    }
    // What is left to ask: its pending items and those not written yet.
    if (!confirmed(spec, planned.value(), pendingOf(stored) + planned->items.size() - stored.items.size())) {
        giveBackClaim();
        return;
    }
    withKeys(spec, [this, spec, plan = planned.value(), id = stored.id, budgetUsd](const Keys &keys) {
        if (!prepare(spec, plan, keys))
            return;
        emit preparing(0, m_plan.items.size());
        whenReady(m_store->finishPreparing(id, m_spec, m_plan, prepareProgress()), this,
                  [this, id, budgetUsd](const Result<NewAudit> &done) {
                      m_preparing = false;
                      m_running = false;
                      if (!done) {
                          failStart(done.error());
                      } else if (done->stopped) {
                          giveBackClaim();
                          emit finished(id, stateName(AuditState::Cancelled), m_stats.snapshot());
                      } else { // whole now: loaded as any audit (its lease still ours), not asked about again
                          m_confirmedAlready = true;
                          load(id, budgetUsd);
                      }
                  });
    });
}

void AuditRunner::retryFailed(qint64 auditId)
{
    claim(auditId, std::nullopt, true);
}

} // namespace geo
