#pragma once

#include "store/AuditStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace geo {

// Tests check what the store wrote with SQL of their own, on its writer thread.
struct StoreTestAccess
{
    template<typename Job>
    static auto submit(AuditStore &store, Job job)
    {
        return store.submit(std::move(job));
    }
};

} // namespace geo

template<typename Job>
auto submitTo(geo::AuditStore &store, Job job)
{
    return geo::StoreTestAccess::submit(store, std::move(job));
}

// The first value of an SQL query run on the store's writer thread, for checking what a
// test stored; -1 when the query fails.
inline qint64 queryNumber(geo::AuditStore &store, const QString &sql)
{
    auto f = submitTo(store, [sql](QSqlDatabase &db) -> geo::Result<qint64> {
        QSqlQuery q(db);
        if (!q.exec(sql) || !q.next())
            return geo::Error{QStringLiteral("query failed")};
        return q.value(0).toLongLong();
    });
    f.waitForFinished();
    return f.result().ok() ? f.result().value() : -1;
}

// Runs a statement on the store's writer thread, to set up what a test needs; false when it fails.
inline bool execSql(geo::AuditStore &store, const QString &sql)
{
    auto f = submitTo(store, [sql](QSqlDatabase &db) -> geo::Result<bool> {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return geo::Error{QStringLiteral("statement failed")};
        return true;
    });
    f.waitForFinished();
    return f.result().ok();
}
