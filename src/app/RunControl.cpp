#include "RunControl.h"

#include "AppSettings.h"
#include "RunCountersModel.h"
#include "engines/AnswerFile.h"
#include "model/WhenReady.h"
#include "model/WorkPool.h"
#include "run/Proxy.h"
#include "run/RunnerThread.h"
#include "sites/SavedPages.h"

#include <QDir>
#include <QtConcurrent/QtConcurrentRun>

namespace geo {

using namespace Qt::StringLiterals;

RunControl::RunControl(AuditStore *store, QObject *parent)
    : QObject(parent), m_runner(new RunnerThread(store, this)), m_counters(new RunCountersModel(this))
{
    connect(m_runner, &RunnerThread::progress, m_counters, &RunCountersModel::setStats);
    connect(m_runner, &RunnerThread::notice, this, &RunControl::status);
    connect(m_runner, &RunnerThread::started, this, [this](qint64 id) { emit status(tr("Audit %1 running").arg(id)); });
    connect(m_runner, &RunnerThread::pausedChanged, this, [this](bool paused) {
        if (!paused && m_runner->isRunning())
            emit status(tr("Audit %1 running").arg(m_runner->auditId()));
    });
    connect(m_runner, &RunnerThread::finished, this, [this](qint64 id, const QString &state) {
        emit runningChanged(false);
        const RunStats s = m_runner->stats();
        emit status(tr("Audit %1 %2: %3 answered, %4 failed").arg(id).arg(state).arg(s.answered).arg(s.failed));
    });
    const auto refused = [this](const QString &message) {
        if (!m_runner->isRunning()) // a run that could not start, or was taken over
            emit runningChanged(false);
        emit status(message);
        emit failed(message);
    };
    connect(m_runner, &RunnerThread::error, this, refused);
    // Another process runs the audit: said as the CLI says it, naming that process.
    connect(m_runner, &RunnerThread::busy, this, refused);
}

bool RunControl::isRunning() const
{
    return m_runner->isRunning();
}

bool RunControl::begin()
{
    if (m_runner->isRunning())
        return false;
    const AppSettings settings;
    m_runner->setAllowPrivateHosts(settings.allowPrivateHosts());
    m_runner->setSiteOptions(settings.siteCache());
    // Empty: the system's proxy (useSystemProxy() in main).
    if (const Result<QNetworkProxy> proxy = parseProxy(settings.proxy()); proxy)
        m_runner->setProxy(proxy.value());
    else
        emit status(u"Settings: "_s + proxy.error());
    m_counters->clear();
    emit runningChanged(true);
    return true;
}

void RunControl::start(const AuditSpec &spec)
{
    if (begin())
        m_runner->start(spec);
}

void RunControl::resume(qint64 auditId)
{
    if (begin())
        m_runner->resume(auditId);
}

void RunControl::retryFailed(qint64 auditId)
{
    if (begin())
        m_runner->retryFailed(auditId);
}

void RunControl::importAnswers(const AuditSpec &spec, const QString &path)
{
    if (!begin())
        return;
    emit status(tr("Reading %1…").arg(QDir::toNativeSeparators(path)));
    whenReady(QtConcurrent::run(workPool(), [path] { return SavedPages::read(path); }), this,
              [this, spec, path](const AnswerFile &file) {
                  if (!file.problems.isEmpty())
                      emit rowsLeftOut(path, file.problems, int(file.answers.size()));
                  if (file.answers.isEmpty()) {
                      emit runningChanged(false);
                      emit status(tr("Nothing imported from %1").arg(QDir::toNativeSeparators(path)));
                      return;
                  }
                  emit importing();
                  m_runner->importAnswers(spec, file.answers);
              });
}

void RunControl::startCapture(const AuditSpec &spec)
{
    if (!begin())
        return;
    emit status(tr("Capturing answers from the browser…"));
    m_runner->startCapture(spec);
}

void RunControl::capture(const ImportedAnswer &answer)
{
    m_runner->capture(answer);
}

void RunControl::skipCapture(const ImportedAnswer &item)
{
    m_runner->skipCapture(item.engine, item.prompt, item.sample);
}

} // namespace geo
