#include "Sql.h"


#include <QSqlError>

#include <map>

namespace geo::Sql {

using namespace Qt::StringLiterals;

namespace {

// Per thread, because a connection and its queries belong to the thread that made them.
thread_local std::map<QString, std::map<QString, QSqlQuery>> statements;

} // namespace

QSqlQuery &prepared(QSqlDatabase &db, const QString &sql)
{
    auto &perConnection = statements[db.connectionName()];
    auto it = perConnection.find(sql);
    if (it == perConnection.end()) {
        QSqlQuery q(db);
        // Every result is read once, front to back; a scrollable one would keep each row
        // read so far (hundreds of megabytes for the mentions of a 100,000-answer audit).
        q.setForwardOnly(true);
        q.prepare(sql);
        it = perConnection.emplace(sql, std::move(q)).first;
    }
    return it->second;
}

void forget(const QSqlDatabase &db)
{
    statements.erase(db.connectionName());
}

Error failure(const QSqlQuery &query)
{
    return Error{u"database error: %1 (in \"%2\")"_s.arg(query.lastError().text(), query.lastQuery().simplified().left(120))};
}

Status exec(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    int i = 0;
    for (const QVariant &v : values) {
        // A null QString is text that happens to be empty, not SQL NULL; QVariant() is NULL.
        const bool emptyText = v.typeId() == QMetaType::QString && v.toString().isNull();
        query.bindValue(i++, emptyText ? QVariant(QString(u""_s)) : v);
    }
    if (!query.exec())
        return failure(query);
    return ok();
}

Status exec(QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values)
{
    return exec(prepared(db, sql), values);
}

} // namespace geo::Sql
