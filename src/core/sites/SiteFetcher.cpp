#include "SiteFetcher.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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
constexpr qint64 ReadBufferBytes = 256 * 1024;

void finishLater(QObject *context, SiteFetcher::Done done, FetchResult result)
{
    QTimer::singleShot(0, context, [done = std::move(done), result = std::move(result)] { done(result); });
}

// A fault of the connection, the proxy or the protocol; not an HTTP status such as 404,
// which Qt reports as an error too.
bool transportError(QNetworkReply::NetworkError e)
{
    return (e > QNetworkReply::NoError && e < QNetworkReply::ContentAccessDenied)
        || e == QNetworkReply::ProtocolFailure;
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
{ }

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
        {u"0.0.0.0/8"_s, u"unspecified"_s},  {u"10.0.0.0/8"_s, u"private"_s},        {u"100.64.0.0/10"_s, u"private"_s},
        {u"127.0.0.0/8"_s, u"loopback"_s},   {u"169.254.0.0/16"_s, u"link-local"_s}, {u"172.16.0.0/12"_s, u"private"_s},
        {u"192.168.0.0/16"_s, u"private"_s}, {u"224.0.0.0/4"_s, u"multicast"_s},     {u"240.0.0.0/4"_s, u"reserved"_s},
        {u"::/128"_s, u"unspecified"_s},     {u"::1/128"_s, u"loopback"_s},          {u"fc00::/7"_s, u"private"_s},
        {u"fe80::/10"_s, u"link-local"_s},   {u"ff00::/8"_s, u"multicast"_s}};
    for (const auto &[subnet, kind] : ranges)
        if (address.isInSubnet(QHostAddress::parseSubnet(subnet)))
            return u"%1 is a %2 address"_s.arg(address.toString(), kind);
    return {};
}

void NetworkFetcher::fetch(const QUrl &url, Done done)
{
    vet({url, url, {url}, std::move(done)});
}

void NetworkFetcher::refuse(Job job, const QString &why)
{
    FetchResult r{job.url, job.current, 0, {}, {}, {}, false};
    r.error = job.current == job.url ? why : u"a redirect to %1 was refused: %2"_s.arg(job.current.toString(), why);
    finishLater(this, std::move(job.done), r);
}

void NetworkFetcher::vet(Job job)
{
    const QUrl &url = job.current;
    if (const QString problem = schemeProblem(url); !problem.isEmpty())
        return refuse(std::move(job), problem);
    if (m_options.allowPrivateHosts)
        return start(std::move(job));
    const QString allowHint = u"; private hosts are fetched only when allowed (--allow-private-hosts)"_s;
    const QHostAddress literal(url.host());
    if (!literal.isNull() || url.host() == u"localhost"_s) {
        if (const QString why = forbiddenAddress(literal.isNull() ? QHostAddress(QHostAddress::LocalHost) : literal);
            !why.isEmpty())
            return refuse(std::move(job), why + allowHint);
        return start(std::move(job));
    }
    // A name may resolve to a private address: look before fetching, once per host (the
    // page, robots.txt and llms.txt of a site wait for the same lookup).
    const QString host = url.host();
    if (const auto verdict = m_verdicts.constFind(host); verdict != m_verdicts.cend())
        return verdict->isEmpty() ? start(std::move(job)) : refuse(std::move(job), *verdict);
    QList<Job> &waiting = m_lookups[host];
    waiting.append(std::move(job));
    if (waiting.size() > 1)
        return;
    QHostInfo::lookupHost(host, this, [this, host, allowHint](const QHostInfo &info) {
        QString why;
        for (const QHostAddress &a : info.addresses())
            if (const QString kind = forbiddenAddress(a); !kind.isEmpty()) {
                why = u"%1 resolves to %2"_s.arg(host, kind) + allowHint;
                break;
            }
        m_verdicts.insert(host, why); // unresolved names go on: a proxy may know them
        const QList<Job> jobs = m_lookups.take(host);
        for (const Job &j : jobs)
            why.isEmpty() ? start(j) : refuse(j, why);
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
        if (m_perHost.value(it->current.host()) >= m_options.perHost) {
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
    ++m_perHost[job.current.host()];
    QNetworkRequest request(job.current);
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setTransferTimeout(m_options.timeoutMs);
    // Redirects are followed here, each hop vetted like the first request.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // The body cap below bounds what is read, so Qt's own guard against highly compressed
    // bodies (which would refuse a 10 MiB robots.txt of comments outright) is not needed.
    request.setDecompressedSafetyCheckThreshold(-1);
    QNetworkReply *reply = m_network->get(request);
    reply->setReadBufferSize(ReadBufferBytes); // nothing is decompressed far beyond what is read
    auto body = std::make_shared<QByteArray>();
    auto truncated = std::make_shared<bool>(false);
    connect(reply, &QIODevice::readyRead, reply, [this, reply, body, truncated] {
        if (!reply->isOpen())
            return; // aborted: reading would only warn that the device is not open
        body->append(reply->read(m_options.maxBodyBytes + 1 - body->size()));
        if (body->size() > m_options.maxBodyBytes) {
            body->truncate(m_options.maxBodyBytes);
            *truncated = true;
            reply->abort(); // the rest is not read
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, job = std::move(job), body, truncated]() mutable {
        reply->deleteLater();
        --m_inFlight;
        --m_perHost[job.current.host()];
        admit();
        FetchResult r{job.url, job.current, reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), {}, {},
                      {},      *truncated};
        for (const auto &[name, value] : reply->rawHeaderPairs())
            r.headers.insert(name.toLower(), value);
        if (!*truncated && reply->isOpen())
            body->append(reply->readAll().left(m_options.maxBodyBytes - body->size()));
        r.body = *body;
        const QByteArray location = r.headers.value("location");
        if (r.status >= 300 && r.status < 400 && !location.isEmpty()) {
            const QUrl next = job.current.resolved(QUrl::fromEncoded(location));
            if (job.hops.contains(next))
                return refuse(std::move(job), u"a redirect loop leads back to %1"_s.arg(next.toString()));
            if (job.hops.size() > MaxRedirects)
                return refuse(std::move(job), u"more than %1 redirects"_s.arg(MaxRedirects));
            job.current = next;
            job.hops.append(next);
            return vet(std::move(job));
        }
        if (reply->error() == QNetworkReply::OperationCanceledError && !*truncated) {
            r.status = 0;
            r.error = u"no answer within %1 s"_s.arg(m_options.timeoutMs / 1000.0);
        } else if (r.status > 0 && r.status < 200) {
            r.status = 0;
            r.error = u"no final answer, only HTTP %1"_s.arg(
                reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        } else if (transportError(reply->error()) && !*truncated) {
            r.error = reply->errorString(); // with a status: the body was cut short
        }
        job.done(r);
    });
}

RecordedFetcher::RecordedFetcher(QString folder, QObject *parent) : SiteFetcher(parent), m_folder(std::move(folder)) { }

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

RecordingFetcher::RecordingFetcher(std::unique_ptr<SiteFetcher> inner, QString folder, QObject *parent)
    : SiteFetcher(parent), m_inner(std::move(inner)), m_folder(std::move(folder))
{ }

void RecordingFetcher::fetch(const QUrl &url, Done done)
{
    m_inner->fetch(url, [this, url, done = std::move(done)](const FetchResult &r) {
        if (r.status != 0) {
            if (r.finalUrl.isValid() && r.finalUrl != url)
                record(url, 301, {{"location", r.finalUrl.toEncoded()}}, nullptr);
            record(r.finalUrl.isValid() ? r.finalUrl : url, r.status, r.headers, &r.body);
        }
        done(r);
    });
}

void RecordingFetcher::record(const QUrl &url, int status, const QHash<QByteArray, QByteArray> &headers,
                              const QByteArray *body)
{
    const QDir site(QDir(m_folder).filePath(url.host()));
    if (!site.mkpath(u"."_s)) {
        m_error = u"cannot create %1"_s.arg(site.path());
        return;
    }
    const QString path = url.path().isEmpty() ? u"/"_s : url.path();
    QJsonObject entry{{u"status"_s, status}};
    QJsonObject kept;
    for (const char *name : {"content-type", "strict-transport-security", "location"})
        if (headers.contains(name))
            kept.insert(QString::fromLatin1(name), QString::fromUtf8(headers.value(name)));
    entry.insert(u"headers"_s, kept);
    if (body && !body->isEmpty()) {
        // A file name from the path: "/" is index, "/a/b.txt" is a_b.txt; letters, digits, . _ - only.
        QString name = path.mid(1);
        for (QChar &ch : name)
            if (!ch.isLetterOrNumber() && ch != u'.' && ch != u'-' && ch != u'_')
                ch = u'_';
        if (name.isEmpty() || name.startsWith(u'.'))
            name.prepend(u"index"_s);
        if (name != path.mid(1)) // two paths may sanitise alike; their hashes differ
            name += u'-'
                + QString::fromLatin1(
                        QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
        QFile file(site.filePath(name + u".body"_s));
        if (!file.open(QIODevice::WriteOnly) || file.write(*body) != body->size()) {
            m_error = u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString());
            return;
        }
        entry.insert(u"body"_s, QFileInfo(file).fileName());
    }
    QFile manifestFile(site.filePath(u"manifest.json"_s));
    QJsonObject manifest;
    if (manifestFile.open(QIODevice::ReadOnly))
        manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
    manifestFile.close();
    manifest.insert(path, entry);
    if (!manifestFile.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || manifestFile.write(QJsonDocument(manifest).toJson(QJsonDocument::Indented)) < 0)
        m_error = u"cannot write %1: %2"_s.arg(manifestFile.fileName(), manifestFile.errorString());
}

} // namespace geo
