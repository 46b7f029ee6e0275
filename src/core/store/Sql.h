#pragma once

#include "model/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
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

// Runs an INSERT … RETURNING id and gives the id the database chose for the new row.
Result<qint64> insert(QSqlQuery &query, std::initializer_list<QVariant> values);

// INSERT INTO table (key…, columns…) VALUES (?…) that replaces the row of the same key in
// place (ON CONFLICT … DO UPDATE, which SQLite and PostgreSQL both read).
QString upsert(const QString &table, const QStringList &key, const QStringList &columns);

Error failure(const QSqlQuery &query);

} // namespace geo::Sql
