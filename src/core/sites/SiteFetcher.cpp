#include "SiteFetcher.h"

#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxRedirects = 5;

void finishLater(QObject *context, SiteFetcher::Done done, FetchResult result)
{
    QTimer::singleShot(0, context, [done = std::move(done), result = std::move(result)] { done(result); });
}

QString schemeProblem(const QUrl &url)
{
    if (url.scheme() != u"http"_s && url.scheme() != u"https"_s)
        return u"only http and https addresses are fetched, not %1"_s.arg(url.scheme());
    if (url.host().isEmpty())
        return u"the address has no host"_s;
    return {};
}

} // namespace

NetworkFetcher::NetworkFetcher(QNetworkAccessManager *network, Options options, QObject *parent)
    : SiteFetcher(parent), m_network(network), m_options(options)
{
}

QByteArray NetworkFetcher::userAgent()
{
    return QByteArrayLiteral("GEOAudit/" GEOAUDIT_VERSION " (site readiness inspection)");
}

QString NetworkFetcher::forbiddenAddress(const QHostAddress &input)
{
    bool mapped = false;
    const QHostAddress v4(input.toIPv4Address(&mapped));
    const QHostAddress address = mapped ? v4 : input;
    static const QList<std::pair<QString, QString>> ranges{
        {u"0.0.0.0/8"_s, u"unspecified"_s},     {u"10.0.0.0/8"_s, u"private"_s},      {u"100.64.0.0/10"_s, u"private"_s},
        {u"127.0.0.0/8"_s, u"loopback"_s},      {u"169.254.0.0/16"_s, u"link-local"_s}, {u"172.16.0.0/12"_s, u"private"_s},
        {u"192.168.0.0/16"_s, u"private"_s},    {u"224.0.0.0/4"_s, u"multicast"_s},   {u"240.0.0.0/4"_s, u"reserved"_s},
        {u"::/128"_s, u"unspecified"_s},        {u"::1/128"_s, u"loopback"_s},        {u"fc00::/7"_s, u"private"_s},
        {u"fe80::/10"_s, u"link-local"_s},      {u"ff00::/8"_s, u"multicast"_s}};
    for (const auto &[subnet, kind] : ranges)
        if (address.isInSubnet(QHostAddress::parseSubnet(subnet)))
            return u"%1 is a %2 address"_s.arg(address.toString(), kind);
    return {};
}

void NetworkFetcher::fetch(const QUrl &url, Done done)
{
    FetchResult refused{url, url, 0, {}, {}, {}, false};
    if (const QString problem = schemeProblem(url); !problem.isEmpty()) {
        refused.error = problem;
        return finishLater(this, std::move(done), refused);
    }
    if (m_options.allowPrivateHosts)
        return start({url, std::move(done)});
    const QHostAddress literal(url.host());
    if (!literal.isNull() || url.host() == u"localhost"_s) {
        if (const QString why = forbiddenAddress(literal.isNull() ? QHostAddress(QHostAddress::LocalHost) : literal); !why.isEmpty()) {
            refused.error = why + u"; private hosts are fetched only when allowed (--allow-private-hosts)"_s;
            return finishLater(this, std::move(done), refused);
        }
        return start({url, std::move(done)});
    }
    // A name may resolve to a private address: look before fetching.
    QHostInfo::lookupHost(url.host(), this, [this, url, done = std::move(done)](const QHostInfo &info) mutable {
        for (const QHostAddress &a : info.addresses())
            if (const QString why = forbiddenAddress(a); !why.isEmpty()) {
                FetchResult result{url, url, 0, {}, {}, {}, false};
                result.error = u"%1 resolves to %2; private hosts are fetched only when allowed (--allow-private-hosts)"_s.arg(url.host(), why);
                return done(result);
            }
        start({url, std::move(done)}); // unresolved names go on: a proxy may know them
    });
}

void NetworkFetcher::start(Job job)
{
    m_waiting.push_back(std::move(job));
    admit();
}

void NetworkFetcher::admit()
{
    for (auto it = m_waiting.begin(); it != m_waiting.end() && m_inFlight < m_options.total;) {
        if (m_perHost.value(it->url.host()) >= m_options.perHost) {
            ++it;
            continue;
        }
        Job job = std::move(*it);
        it = m_waiting.erase(it);
        send(std::move(job));
    }
}

void NetworkFetcher::send(Job job)
{
    ++m_inFlight;
    ++m_perHost[job.url.host()];
    QNetworkRequest request(job.url);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setTransferTimeout(m_options.timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(MaxRedirects);
    QNetworkReply *reply = m_network->get(request);
    auto body = std::make_shared<QByteArray>();
    auto refusal = std::make_shared<QString>();
    auto truncated = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::redirected, reply, [this, reply, refusal](const QUrl &to) {
        QString why = schemeProblem(to);
        const QHostAddress literal(to.host());
        if (why.isEmpty() && !m_options.allowPrivateHosts && (!literal.isNull() || to.host() == u"localhost"_s))
            why = forbiddenAddress(literal.isNull() ? QHostAddress(QHostAddress::LocalHost) : literal);
        if (why.isEmpty()) {
            emit reply->redirectAllowed();
            return;
        }
        *refusal = u"a redirect to %1 was refused: %2"_s.arg(to.toString(), why);
        reply->abort();
    });
    connect(reply, &QIODevice::readyRead, reply, [this, reply, body, truncated] {
        body->append(reply->read(m_options.maxBodyBytes + 1 - body->size()));
        if (body->size() > m_options.maxBodyBytes) {
            body->truncate(m_options.maxBodyBytes);
            *truncated = true;
            reply->abort(); // the rest is not read
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, job = std::move(job), body, refusal, truncated] {
        reply->deleteLater();
        --m_inFlight;
        --m_perHost[job.url.host()];
        FetchResult r{job.url, reply->url(), reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), {}, {}, {}, *truncated};
        for (const auto &[name, value] : reply->rawHeaderPairs())
            r.headers.insert(name.toLower(), value);
        if (!*truncated)
            body->append(reply->readAll().left(m_options.maxBodyBytes - body->size()));
        r.body = *body;
        if (!refusal->isEmpty()) {
            r.status = 0;
            r.error = *refusal;
        } else if (reply->error() == QNetworkReply::TooManyRedirectsError) {
            r.status = 0;
            r.error = u"more than %1 redirects"_s.arg(MaxRedirects);
        } else if (reply->error() == QNetworkReply::OperationCanceledError && !*truncated) {
            r.status = 0;
            r.error = u"no answer within %1 s"_s.arg(m_options.timeoutMs / 1000.0);
        } else if (r.status == 0) {
            r.error = reply->errorString();
        }
        job.done(r);
        admit();
    });
}

RecordedFetcher::RecordedFetcher(QString folder, QObject *parent) : SiteFetcher(parent), m_folder(std::move(folder))
{
}

FetchResult RecordedFetcher::lookup(const QUrl &start) const
{
    FetchResult r{start, start, 0, {}, {}, {}, false};
    QUrl url = start;
    for (int hop = 0; hop <= MaxRedirects; ++hop) {
        QFile manifest(QDir(m_folder).filePath(url.host() + u"/manifest.json"_s));
        if (!manifest.open(QIODevice::ReadOnly)) {
            r.error = u"%1 is not among the recorded sites"_s.arg(url.host());
            return r;
        }
        const QJsonObject entries = QJsonDocument::fromJson(manifest.readAll()).object();
        const QString path = url.path().isEmpty() ? u"/"_s : url.path();
        r.finalUrl = url;
        if (!entries.contains(path)) {
            r.status = 404;
            r.headers.clear();
            r.body.clear();
            return r;
        }
        const QJsonObject entry = entries.value(path).toObject();
        r.status = entry.value(u"status"_s).toInt();
        r.headers.clear();
        const QJsonObject headers = entry.value(u"headers"_s).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it)
            r.headers.insert(it.key().toLower().toLatin1(), it.value().toString().toUtf8());
        r.body.clear();
        if (const QString file = entry.value(u"body"_s).toString(); !file.isEmpty()) {
            QFile body(QDir(m_folder).filePath(url.host() + u'/' + file));
            if (body.open(QIODevice::ReadOnly))
                r.body = body.read(2 * 1024 * 1024);
        }
        if (r.status < 300 || r.status >= 400 || !r.headers.contains("location"))
            return r;
        url = url.resolved(QUrl(QString::fromUtf8(r.headers.value("location"))));
    }
    r.status = 0;
    r.error = u"more than %1 redirects"_s.arg(MaxRedirects);
    return r;
}

void RecordedFetcher::fetch(const QUrl &url, Done done)
{
    finishLater(this, std::move(done), lookup(url));
}

} // namespace geo
