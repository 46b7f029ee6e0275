// What every verb shares to talk to the user: the exit statuses, messages on stderr and
// results on stdout, and waiting for the core's futures.
#pragma once

#include <QCoreApplication>
#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QString>

namespace geo::cli {

// Scripts tell a partial success from bad input by these.
// Busy: another process runs the audit. NeedsConfirmation: run or resume of an audit above
// the confirm limits without --yes.
enum Exit { Success = 0, SomeFailed = 1, BadInput = 2, Busy = 3, NeedsConfirmation = 4 };

// Progress, problems and notices, on stderr.
void say(const QString &text);
// Results, on stdout, flushed at once so a reader of a pipe sees each line as it comes.
void print(const QString &text);

// Waits for a future while the event loop runs; the CLI has nothing else to do meanwhile.
// The loop sleeps until an event comes (the watcher's among them), taking no CPU from the
// threads that do the work.
template<typename T>
T await(QFuture<T> future)
{
    QFutureWatcher<T> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future); // a future already finished is reported through the loop too
    loop.exec();
    return future.result();
}

// Runs the event loop until done() holds, sleeping between events.
template<typename Done>
void waitUntil(Done done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

} // namespace geo::cli
