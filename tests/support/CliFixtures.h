#pragma once

// What the tests of geoaudit-cli share: a spec asking a fake engine, and the rows of a query
// on the database a run left (a SQLite file or a postgresql:// URL, as --db takes it).

#include "store/Connection.h"
#include "store/DatabaseTarget.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QUrl>

namespace CliFixtures {

using namespace Qt::StringLiterals;

// An audit of these prompts, each asked once of one OpenAI-compatible engine at baseUrl,
// `concurrency` at a time, brand Acme, no site inspection.
inline QJsonObject fakeEngineSpec(const QString &name, const QStringList &prompts, const QUrl &baseUrl, int concurrency)
{
    return {{u"name"_s, name},
            {u"brand"_s, QJsonObject{{u"name"_s, u"Acme"_s}}},
            {u"templates"_s, false},
            {u"prompts"_s, QJsonArray::fromStringList(prompts)},
            {u"analysis"_s, QJsonObject{{u"inspect_sites"_s, false}}},
            {u"engines"_s,
             QJsonArray{QJsonObject{{u"id"_s, u"local"_s},
                                    {u"kind"_s, u"openai"_s},
                                    {u"model"_s, u"m"_s},
                                    {u"base_url"_s, baseUrl.toString()},
                                    {u"concurrency"_s, concurrency}}}}};
}

// The rows of an SQL query, each row's values joined by tabs; none when the database cannot
// be opened.
inline QStringList queryRows(const QString &location, const QString &sql)
{
    const QString connection = u"cli-fixtures"_s;
    QStringList rows;
    {
        QSqlDatabase db;
        const auto target = geo::DatabaseTarget::parse(location);
        if (target && geo::Connection::open(db, target.value(), connection)) {
            QSqlQuery q(db);
            q.exec(sql);
            while (q.next()) {
                QStringList values;
                for (int c = 0; c < q.record().count(); ++c)
                    values << q.value(c).toString();
                rows << values.join(u'\t');
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

} // namespace CliFixtures
