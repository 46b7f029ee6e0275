#pragma once

#include "model/Answer.h"
#include "model/AuditSpec.h"

#include <QList>
#include <QObject>
#include <QString>

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
};

} // namespace geo
