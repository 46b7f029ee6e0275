#pragma once

#include "Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>

namespace geo::Sql {

// A statement prepared once per connection and reused: the writer's hot path binds and runs.
QSqlQuery &prepared(QSqlDatabase &db, const QString &sql);
// Forgets the statements of a connection before it is removed.
void forget(const QSqlDatabase &db);

// Binds values in order and runs a prepared statement; the error names the statement.
Status exec(QSqlQuery &query, std::initializer_list<QVariant> values);
Status exec(QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values = {});

Error failure(const QSqlQuery &query);

} // namespace geo::Sql
