#include "WorkPool.h"

#include <QThreadPool>

namespace geo {

namespace {

struct NamedPool : QThreadPool
{
    NamedPool() { setObjectName(QStringLiteral("work-pool")); }
};

Q_GLOBAL_STATIC(NamedPool, pool)

} // namespace

QThreadPool *workPool()
{
    return pool();
}

} // namespace geo
