#include "Sql.h"

#include <QSqlError>

#include <map>

namespace geo::Sql {

using namespace Qt::StringLiterals;

namespace {

struct Statement
{
    QSqlQuery query;
    bool ready = false; // prepared; a failed prepare (a lost connection) is tried again next time
};

// Per thread, because a connection and its queries belong to the thread that made them.
thread_local std::map<QString, std::map<QString, Statement>> statements;

bool isLarge(const QVariant &v)
{
    constexpr qsizetype Large = 64 * 1024;
    if (v.typeId() == QMetaType::QString)
        return static_cast<const QString *>(v.constData())->size() > Large;
    if (v.typeId() == QMetaType::QByteArray)
        return static_cast<const QByteArray *>(v.constData())->size() > Large;
    return false;
}

} // namespace

QSqlQuery &prepared(QSqlDatabase &db, const QString &sql)
{
    auto &perConnection = statements[db.connectionName()];
    auto it = perConnection.find(sql);
    if (it == perConnection.end()) {
        it = perConnection.emplace(sql, Statement{QSqlQuery(db), false}).first;
        // Every result is read once, front to back; a scrollable one would keep each row
        // read so far (hundreds of megabytes for the mentions of a 100,000-answer audit).
        it->second.query.setForwardOnly(true);
    }
    if (!it->second.ready)
        it->second.ready = it->second.query.prepare(sql);
    return it->second.query;
}

void forget(const QSqlDatabase &db)
{
    statements.erase(db.connectionName());
}

Error failure(const QSqlQuery &query)
{
    return Error{
        u"database error: %1 (in \"%2\")"_s.arg(query.lastError().text(), query.lastQuery().simplified().left(120))};
}

Status exec(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    int i = 0;
    for (const QVariant &v : values) {
        // A null QString is text that happens to be empty, not SQL NULL; QVariant() is NULL.
        const bool emptyText = v.typeId() == QMetaType::QString && v.toString().isNull();
        query.bindValue(i++, emptyText ? QVariant(QString(u""_s)) : v);
    }
    const bool done = query.exec();
    // A prepared query is kept for the next time and would hold its values until then: the
    // text of a 30 MB answer would stay in memory while the next ones arrive (issue #17).
    // Not while rows are read: SQLite may read a parameter again at each step.
    i = 0;
    for (const QVariant &v : values) {
        if (!query.isSelect() && isLarge(v))
            query.bindValue(i, QVariant());
        ++i;
    }
    if (!done)
        return failure(query);
    return ok();
}

Status exec(QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values)
{
    return exec(prepared(db, sql), values);
}

Result<qint64> insert(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    if (Status s = exec(query, values); !s)
        return Error{s.error()};
    if (!query.next())
        return failure(query);
    const qint64 id = query.value(0).toLongLong();
    // SQLite counts a statement not stepped to its end as in progress, which blocks RELEASE and COMMIT.
    query.finish();
    return id;
}

QString upsert(const QString &table, const QStringList &key, const QStringList &columns)
{
    QStringList updates;
    for (const QString &c : columns)
        updates << u"%1 = excluded.%1"_s.arg(c);
    const QStringList all = key + columns;
    return u"INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO UPDATE SET %5"_s.arg(
        table, all.join(u", "_s), QStringList(all.size(), u"?"_s).join(u", "_s), key.join(u", "_s),
        updates.join(u", "_s));
}

} // namespace geo::Sql
