#pragma once

#include "store/AuditStore.h"

#include <QSqlQuery>
#include <QString>

// The first value of an SQL query run on the store's writer thread, for checking what a
// test stored; -1 when the query fails.
inline qint64 queryNumber(geo::AuditStore &store, const QString &sql)
{
    auto f = store.submit([sql](QSqlDatabase &db) -> geo::Result<qint64> {
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
    auto f = store.submit([sql](QSqlDatabase &db) -> geo::Result<bool> {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return geo::Error{QStringLiteral("statement failed")};
        return true;
    });
    f.waitForFinished();
    return f.result().ok();
}
