#pragma once

#include <QFutureWatcher>
#include <QObject>

#include <type_traits>
#include <utility>

namespace geo {

// Calls f(result) on context's thread once future has a result; never if context is gone.
// In place of future.then(context, f): with Qt 6.4, a future that finishes on another thread
// while then() attaches runs the continuation twice, the second time with a promise already
// moved away (a crash in QFutureInterfaceBase::reportStarted, seen under AddressSanitizer
// with analyses that finish in microseconds). A watcher connected before it is given the
// future has no such window. Call it on context's thread.
template<typename T, typename F>
void whenReady(const QFuture<T> &future, QObject *context, F &&f)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, f = std::forward<F>(f)]() mutable {
        watcher->deleteLater();
        if constexpr (std::is_void_v<T>)
            f();
        else
            f(watcher->result());
    });
    watcher->setFuture(future);
}

} // namespace geo
