#pragma once

#include "model/Answer.h"
#include "model/AuditSpec.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace geo {

// One answer engine behind one API. ask() returns at once; the reply arrives as finished(),
// on the thread the engine lives in.
class Engine : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~Engine() override = default;

    virtual const EngineSpec &spec() const = 0;
    virtual void ask(const EngineRequest &request) = 0;

signals:
    void finished(const geo::EngineReply &reply);

protected:
    // Emits finished(reply) after delayMs, on a later turn of the event loop, so that no
    // reply arrives before ask() has returned.
    void finishLater(const EngineReply &reply, int delayMs = 0)
    {
        QTimer::singleShot(delayMs, this, [this, reply] { emit finished(reply); });
    }
};

} // namespace geo
