#pragma once

#include "DatabaseTarget.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace geo {

// Everything the store's SQL says differently on SQLite and on PostgreSQL, in one place.
// The migrations are written once, in SQLite's words, and translated here; the queries are
// SQL both understand (RETURNING, ON CONFLICT … DO UPDATE, CAST, ? placeholders) except for
// the few expressions below.
class SqlDialect final
{
public:
    static const SqlDialect &of(DatabaseTarget::Backend backend);
    static const SqlDialect &of(const QSqlDatabase &db); // by the connection's driver

    DatabaseTarget::Backend backend() const { return m_backend; }
    QString driver() const; // the Qt SQL driver: QSQLITE or QPSQL

    // Statements run on every new connection before anything else.
    QStringList sessionSetup() const;
    // Statements that begin the transaction migrating the schema, holding every other
    // process that opens the database off until it commits.
    QStringList beginMigration() const;
    // A migration's DDL as this backend writes it.
    QString schema(const QString &sqliteDdl) const;
    // An aggregate joining the texts of expr with separator (plain text, not SQL). Joined in
    // the order of the rows it reads, as sorted by a subquery.
    QString joined(const QString &expr, const QString &separator) const;
    // The distinct texts of expr joined with commas.
    QString joinedDistinct(const QString &expr) const;
    // A placeholder for a long text (an answer) and the value to bind to it. SQLite is given
    // the text's UTF-8 to store as text: from Qt's UTF-16 it converts in a buffer of twice
    // the UTF-16's size, four times the text's UTF-8 (issue #17). PostgreSQL takes the text.
    QString longTextParameter() const;
    QVariant longTextValue(const QString &text) const;

private:
    explicit SqlDialect(DatabaseTarget::Backend backend) : m_backend(backend) { }

    DatabaseTarget::Backend m_backend;
};

} // namespace geo
