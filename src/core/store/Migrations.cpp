#include "Migrations.h"

#include "Connection.h"
#include "SqlDialect.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlQuery>

namespace geo::Migrations {

using namespace Qt::StringLiterals;

namespace {

QStringList files()
{
    QStringList names = QDir(u":/sql"_s).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (QString &f : names)
        f.prepend(u":/sql/"_s);
    return names;
}

// A migration's statements: they end with a semicolon at the end of a line; comment lines go.
QStringList statements(const QString &file)
{
    QFile f(file);
    f.open(QIODevice::ReadOnly);
    QStringList out;
    for (const QString &statement : QString::fromUtf8(f.readAll()).split(u";\n"_s)) {
        QString sql;
        for (const QString &line : statement.split(u'\n'))
            if (!line.trimmed().startsWith(u"--"_s))
                sql += line + u'\n';
        if (!sql.trimmed().isEmpty())
            out << sql;
    }
    return out;
}

Status migrate(QSqlQuery &q, const SqlDialect &dialect, const DatabaseTarget &target)
{
    const auto failed = [&] { return Status(Connection::explain(target, q.lastError())); };
    if (!q.exec(dialect.schema(u"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                               "applied_at TEXT NOT NULL)"_s)))
        return failed();
    if (!q.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s) || !q.next())
        return failed();
    const int current = q.value(0).toInt();
    const QStringList all = files();
    if (current > all.size()) {
        const bool file = target.backend == DatabaseTarget::Backend::SQLite;
        return Error{u"the database %1 has schema version %2, but this GEO Audit knows only up to %3; "
                     "update GEO Audit or choose another %4 with --db"_s.arg(target.display(), QString::number(current),
                                                                             QString::number(all.size()),
                                                                             file ? u"file"_s : u"database"_s)};
    }
    for (int v = current + 1; v <= all.size(); ++v) {
        for (const QString &sql : statements(all[v - 1]))
            if (!q.exec(dialect.schema(sql)))
                return failed();
        q.prepare(u"INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"_s);
        q.addBindValue(v);
        q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        if (!q.exec())
            return failed();
    }
    return ok();
}

} // namespace

int latest()
{
    return int(files().size());
}

Status apply(QSqlDatabase &db, const DatabaseTarget &target)
{
    const SqlDialect &dialect = SqlDialect::of(target.backend);
    QSqlQuery q(db);
    for (const QString &statement : dialect.beginMigration())
        if (!q.exec(statement)) {
            const Error e = Connection::explain(target, q.lastError());
            q.exec(u"ROLLBACK"_s);
            return e;
        }
    Status migrated = migrate(q, dialect, target);
    if (migrated && !q.exec(u"COMMIT"_s))
        migrated = Connection::explain(target, q.lastError());
    if (!migrated)
        q.exec(u"ROLLBACK"_s);
    return migrated;
}

} // namespace geo::Migrations
