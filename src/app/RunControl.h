#pragma once

#include "engines/AnswerFile.h"
#include "model/AuditSpec.h"

#include <QObject>
#include <QStringList>

namespace geo {

class AuditStore;
class RunCountersModel;
class RunnerThread;

// The runs the window starts, one at a time, on the runner's own thread: each with the
// app's settings (private hosts, the site cache, the proxy) applied first and the counters
// cleared. Answers imported from a file are read off the GUI thread. What happens is said
// in words for the status bar; the window follows runningChanged with its buttons.
class RunControl final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunControl)
public:
    explicit RunControl(AuditStore *store, QObject *parent = nullptr);

    RunnerThread *runner() const { return m_runner; }
    RunCountersModel *counters() const { return m_counters; }
    bool isRunning() const;

    void start(const AuditSpec &spec);
    void resume(qint64 auditId);
    void retryFailed(qint64 auditId);
    // Reads the answers in path, then imports them as an audit of spec's brands.
    void importAnswers(const AuditSpec &spec, const QString &path);
    // An audit whose answers the analyst captures from the browser (CapturePanel): each one
    // given to capture() is stored and analysed as it comes (AuditRunner::startCapture).
    void startCapture(const AuditSpec &spec);
    void capture(const ImportedAnswer &answer);
    void skipCapture(const ImportedAnswer &item);

signals:
    // A run asked for (true); over, refused or nothing to import (false).
    void runningChanged(bool running);
    void status(const QString &message);
    void failed(const QString &message); // for the analyst to see at once
    // Rows of an answers file that cannot be imported; the other answers are.
    void rowsLeftOut(const QString &path, const QStringList &problems, int imported);
    void importing(); // the answers read are on their way to the runner

private:
    bool begin(); // false while a run is on

    RunnerThread *m_runner;
    RunCountersModel *m_counters;
};

} // namespace geo
