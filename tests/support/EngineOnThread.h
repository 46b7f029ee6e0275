#pragma once

#include "FakeEngineServer.h"

#include <QThread>

namespace geo {

// A fake engine on a thread of its own, as a remote one would be: what runs on the caller's
// thread (and what a probe measures there) is the app's work, not the fake server's.
// Configure `server` first, then listen(); its counters are safe to read from here.
struct EngineOnThread
{
    QThread thread;
    FakeEngineServer *server = new FakeEngineServer;

    bool listen(bool https = false)
    {
        server->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, server, &QObject::deleteLater);
        thread.start();
        bool listening = false;
        QMetaObject::invokeMethod(
            server, [&] { listening = https ? server->listenTls() : server->listen(); }, Qt::BlockingQueuedConnection);
        return listening;
    }

    ~EngineOnThread()
    {
        if (!thread.isRunning()) {
            delete server; // never listened: still on the caller's thread
            return;
        }
        thread.quit(); // the thread deletes the server as it finishes
        thread.wait();
    }
};

} // namespace geo
