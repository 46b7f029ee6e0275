#pragma once

#include "DatabaseTarget.h"
#include "model/Result.h"

#include <QSqlDatabase>
#include <QSqlError>

// Opening the store's connection to its database, and saying in words what went wrong with
// one: the cause and the fix, for a SQLite file and a PostgreSQL server alike.
namespace geo::Connection {

// Adds a connection called name for the calling thread, opens it and sets the session up
// (SqlDialect::sessionSetup). On failure db may be open or not; the caller removes it.
Status open(QSqlDatabase &db, const DatabaseTarget &target, const QString &name);

// Opens an added connection again, after the server dropped it (a restart, a network cut);
// the caller forgets its prepared statements first (Sql::forget).
Status reopen(QSqlDatabase &db, const DatabaseTarget &target);

// The message for an error the database gave.
Error explain(const DatabaseTarget &target, const QSqlError &error);

} // namespace geo::Connection
