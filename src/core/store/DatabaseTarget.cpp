#include "DatabaseTarget.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

const QString Form = u"postgresql://user@host:port/dbname"_s;

// A value in libpq's connection string syntax: single quotes, with \ and ' escaped.
QString quoted(QString value)
{
    value.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + value + u'\'';
}

} // namespace

Result<DatabaseTarget> DatabaseTarget::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error{u"no database given; give a SQLite file's path or %1"_s.arg(Form)};
    // A scheme is a word before a colon; one letter is a drive (C:), not a scheme.
    static const QRegularExpression schemed(u"^([A-Za-z][A-Za-z0-9+.-]+):"_s);
    const QString scheme = schemed.match(trimmed).captured(1).toLower();
    if (scheme != u"postgresql"_s && scheme != u"postgres"_s) {
        if (!scheme.isEmpty() && trimmed.mid(scheme.size() + 1).startsWith(u"//"_s))
            return Error{
                u"the database %1 is neither a file nor a PostgreSQL URL; give a SQLite file's path or %2"_s.arg(
                    trimmed, Form)};
        DatabaseTarget sqlite;
        sqlite.path = text;
        return sqlite;
    }
    if (!trimmed.mid(scheme.size() + 1).startsWith(u"//"_s))
        return Error{u"the PostgreSQL URL %1 lacks the // after %2:; write it as %3"_s.arg(trimmed, scheme, Form)};

    // Looked for before QUrl sees the text: its messages quote the whole URL, password and all.
    const QString rest = trimmed.mid(scheme.size() + 3);
    const QString authority = rest.left(rest.indexOf(QRegularExpression(u"[/?#]"_s)));
    if (const qsizetype at = authority.lastIndexOf(u'@'); at >= 0 && authority.left(at).contains(u':'))
        return Error{
            u"the PostgreSQL URL %1://%2… holds a password; leave it out and give it in PGPASSWORD or ~/.pgpass "
            "(host:port:dbname:user:password), which keeps it out of process lists and settings"_s.arg(
                scheme, authority.left(authority.indexOf(u':')) + authority.mid(at))};

    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return Error{u"the PostgreSQL URL is malformed (%1); write it as %2"_s.arg(
            url.errorString().section(u"; source was"_s, 0, 0), Form)};
    const QString shown = trimmed;
    if (url.hasFragment())
        return Error{u"the PostgreSQL URL %1 has a fragment (#…); write it as %2"_s.arg(shown, Form)};

    DatabaseTarget pg;
    pg.backend = Backend::PostgreSQL;
    pg.host = url.host(QUrl::FullyDecoded);
    pg.port = url.port(-1);
    pg.user = url.userName(QUrl::FullyDecoded);
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    pg.database = path;
    if (pg.database.isEmpty())
        return Error{u"the PostgreSQL URL %1 names no database; write it as %2"_s.arg(shown, Form)};
    if (pg.database.contains(u'/'))
        return Error{
            u"the PostgreSQL URL %1 has a path of several parts; its path is the database's name alone, as in %2"_s.arg(
                shown, Form)};
    if (url.port() == 0)
        return Error{
            u"the PostgreSQL URL %1 has port 0; leave the port out for 5432 or give the server's"_s.arg(shown)};

    static const QRegularExpression keyword(u"^[a-z_]+$"_s);
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    bool timeout = false;
    for (const auto &[key, value] : items) {
        if (key == u"password"_s)
            return Error{
                u"the PostgreSQL URL %1 holds a password; leave it out and give it in PGPASSWORD or ~/.pgpass"_s.arg(
                    url.toString(QUrl::RemoveQuery))};
        if (!keyword.match(key).hasMatch())
            return Error{
                u"the PostgreSQL URL %1 has the parameter \"%2\", which is no libpq keyword (such as sslmode)"_s.arg(
                    shown, key)};
        // QPSQL turns each ';' of the options into a space, which would change the value.
        if (value.contains(u';'))
            return Error{u"the PostgreSQL URL %1 has a ';' in the value of %2, which the driver cannot pass on"_s.arg(
                shown, key)};
        timeout = timeout || key == u"connect_timeout"_s;
        pg.options << key + u'=' + quoted(value);
    }
    // libpq waits forever on a host that drops packets; a stated timeout turns that into an error.
    if (!timeout)
        pg.options << u"connect_timeout=10"_s;
    return pg;
}

QString DatabaseTarget::display() const
{
    if (backend == Backend::SQLite)
        return path;
    // Percent-encoded as in the URL, so that the message's URL can be given back to --db.
    const auto encoded = [](const QString &part) { return QString::fromUtf8(QUrl::toPercentEncoding(part)); };
    QString url = u"postgresql://"_s;
    if (!user.isEmpty())
        url += encoded(user) + u'@';
    url += host.contains(u':') ? u'[' + host + u']' : host; // an IPv6 address
    if (port > 0)
        url += u':' + QString::number(port);
    return url + u'/' + encoded(database);
}

} // namespace geo
