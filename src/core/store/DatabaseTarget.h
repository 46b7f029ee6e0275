#pragma once

#include "model/Result.h"

#include <QString>
#include <QStringList>

namespace geo {

// Where the audits are stored, as --db and the settings name it: a SQLite file, or a
// PostgreSQL database given as postgresql://[user@][host][:port]/dbname[?keyword=value&...]
// (the query's keywords are libpq's, such as sslmode). A URL never carries a password:
// libpq takes it from PGPASSWORD or ~/.pgpass, so it shows in no process list, setting or log.
struct DatabaseTarget
{
    enum class Backend { SQLite, PostgreSQL };

    Backend backend = Backend::SQLite;
    QString path; // SQLite: the file
    // PostgreSQL; an empty host or user and port -1 leave the choice to libpq (PGHOST, the
    // local socket, PGUSER or the login name, PGPORT or 5432).
    QString host;
    int port = -1;
    QString user;
    QString database;
    QStringList options; // libpq keyword=value pairs, quoted for a connection string

    // A text that is not a postgresql:// URL is a SQLite path. The error names what is
    // wrong with a URL and how to write it.
    static Result<DatabaseTarget> parse(const QString &text);

    // The target for messages: the path, or the URL as parsed (it has no password to hide).
    QString display() const;
};

} // namespace geo
