#pragma once

#include "DatabaseTarget.h"
#include "model/Result.h"

#include <QSqlDatabase>

// The schema's versions: the numbered .sql files in resources/sql, one list for both
// backends (SqlDialect translates them), applied in order and recorded in schema_migrations.
namespace geo::Migrations {

int latest(); // the newest version this build ships

// Brings db's schema up to latest() in one transaction, which other processes opening the
// same database wait for; refuses a database of a newer version.
Status apply(QSqlDatabase &db, const DatabaseTarget &target);

} // namespace geo::Migrations
