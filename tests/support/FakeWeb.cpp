#include "FakeWeb.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 StreamChunk = 64 * 1024;
constexpr qint64 StreamBuffered = 1024 * 1024;

QByteArray gzip(const QByteArray &data)
{
    z_stream z{};
    if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) // 15 + 16: gzip wrapper
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}

bool compressible(const FakeWeb::Resource &r)
{
    for (const auto &[name, value] : r.headers)
        if (name.compare("content-encoding", Qt::CaseInsensitive) == 0)
            return false;
    return !r.body.isEmpty();
}

} // namespace

class FakeWeb::Server final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        // Plain TCP until a CONNECT asks for a tunnel; then the same socket speaks TLS.
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        addPendingConnection(socket);
    }
};

FakeWeb::FakeWeb(QObject *parent) : QObject(parent), m_server(new Server(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            onConnection(static_cast<QSslSocket *>(socket));
    });
}

FakeWeb::~FakeWeb() = default;

bool FakeWeb::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QNetworkProxy FakeWeb::proxy() const
{
    return QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, m_server->serverPort());
}

QSslCertificate FakeWeb::certificate()
{
    QFile f(QStringLiteral(GEOAUDIT_TESTSUPPORT_DIR "/tls/fake-web.pem"));
    return f.open(QIODevice::ReadOnly) ? QSslCertificate(f.readAll()) : QSslCertificate();
}

void FakeWeb::serve(const QString &host, const QString &path, Resource resource)
{
    m_sites[host.toLower()].insert(path, std::move(resource));
}

bool FakeWeb::serveRecorded(const QString &folder)
{
    const QDir root(folder);
    const QStringList hosts = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &host : hosts) {
        QFile manifest(root.filePath(host + u"/manifest.json"_s));
        if (!manifest.open(QIODevice::ReadOnly))
            return false;
        const QJsonObject entries = QJsonDocument::fromJson(manifest.readAll()).object();
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            const QJsonObject entry = it.value().toObject();
            Resource r;
            r.status = entry.value(u"status"_s).toInt();
            const QJsonObject headers = entry.value(u"headers"_s).toObject();
            for (auto h = headers.begin(); h != headers.end(); ++h)
                r.headers.append({h.key().toLatin1(), h.value().toString().toUtf8()});
            if (const QString file = entry.value(u"body"_s).toString(); !file.isEmpty()) {
                QFile body(root.filePath(host + u'/' + file));
                if (!body.open(QIODevice::ReadOnly))
                    return false;
                r.body = body.readAll();
            }
            serve(host, it.key(), r);
        }
    }
    return !hosts.isEmpty();
}

QHash<QString, int> FakeWeb::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int FakeWeb::requestCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_requestCount;
}

int FakeWeb::gzipResponses() const
{
    QMutexLocker lock(&m_mutex);
    return m_gzipResponses;
}

int FakeWeb::maxInFlight(const QString &host) const
{
    QMutexLocker lock(&m_mutex);
    return m_maxInFlight.value(host);
}

int FakeWeb::maxInFlight() const
{
    QMutexLocker lock(&m_mutex);
    return m_maxInFlightTotal;
}

QByteArray FakeWeb::lastUserAgent() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastUserAgent;
}

void FakeWeb::onConnection(QSslSocket *socket)
{
    m_connections.insert(socket, {});
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // a response's head and body go out at once
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
        m_connections[socket].buffer += socket->readAll();
        onReadable(socket);
    });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { stream(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        m_connections.remove(socket);
        socket->deleteLater();
    });
}

void FakeWeb::onReadable(QSslSocket *socket)
{
    const auto found = m_connections.find(socket);
    if (found == m_connections.end())
        return;
    Connection *connection = &*found;
    while (!connection->busy) {
        const qsizetype end = connection->buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = connection->buffer.left(end).split('\n');
        connection->buffer.remove(0, end + 4);
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        const QByteArray method = requestLine.value(0);
        const QByteArray target = requestLine.value(1);
        QHash<QByteArray, QByteArray> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        if (method == "CONNECT") {
            connection->tunnelHost = QString::fromLatin1(target.left(target.lastIndexOf(':'))).toLower();
            if (!m_sites.contains(connection->tunnelHost)) { // as a proxy says of a host it cannot reach
                socket->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
                return;
            }
            socket->write("HTTP/1.1 200 Connection established\r\n\r\n");
            QFile keyFile(QStringLiteral(GEOAUDIT_TESTSUPPORT_DIR "/tls/fake-web.key"));
            keyFile.open(QIODevice::ReadOnly);
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setLocalCertificate(certificate());
            tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
            tls.setPeerVerifyMode(QSslSocket::VerifyNone);
            tls.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
            socket->setSslConfiguration(tls);
            socket->startServerEncryption();
            return; // what follows is TLS; readyRead brings the decrypted requests
        }
        QString host = connection->tunnelHost.isEmpty()
            ? QString::fromLatin1(headers.value("host")).section(u':', 0, 0).toLower()
            : connection->tunnelHost;
        QString path = QString::fromLatin1(target);
        if (target.startsWith("http://")) {
            const QUrl url(QString::fromLatin1(target));
            host = url.host().toLower();
            path = url.path(QUrl::FullyEncoded);
        }
        if (const qsizetype query = path.indexOf(u'?'); query >= 0)
            path.truncate(query);
        if (path.isEmpty())
            path = u"/"_s;
        {
            QMutexLocker lock(&m_mutex);
            ++m_requests[host + path];
            ++m_requestCount;
            m_lastUserAgent = headers.value("user-agent");
            m_maxInFlight[host] = std::max(m_maxInFlight[host], ++m_inFlight[host]);
            m_maxInFlightTotal = std::max(m_maxInFlightTotal, ++m_inFlightTotal);
        }
        const bool acceptsGzip = headers.value("accept-encoding").contains("gzip");
        const int delay = m_sites.value(host).value(path).delayMs;
        connection->busy = true;
        if (delay > 0)
            QTimer::singleShot(delay, socket,
                               [this, socket, host, path, acceptsGzip] { answer(socket, host, path, acceptsGzip); });
        else
            answer(socket, host, path, acceptsGzip);
    }
}

void FakeWeb::answer(QSslSocket *socket, const QString &host, const QString &path, bool acceptsGzip)
{
    {
        QMutexLocker lock(&m_mutex);
        --m_inFlight[host];
        --m_inFlightTotal;
    }
    const auto found = m_connections.find(socket);
    if (found == m_connections.end())
        return;
    Connection *connection = &*found;
    Resource r;
    if (!m_sites.contains(host)) {
        r.status = 502; // as a proxy says of a host it cannot reach
        r.body = "no such host in the fake web";
    } else if (const auto it = m_sites[host].constFind(path); it != m_sites[host].cend()) {
        r = *it;
    } else {
        r.status = 404;
        r.headers = {{"Content-Type", "text/plain"}};
        r.body = "not found";
    }
    QByteArray body = r.body;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + " Fake\r\n";
    for (const auto &[name, value] : std::as_const(r.headers))
        head += name + ": " + value + "\r\n";
    if (acceptsGzip && compressible(r)) {
        body = gzip(body);
        head += "Content-Encoding: gzip\r\n";
        QMutexLocker lock(&m_mutex);
        ++m_gzipResponses;
    }
    head += "Content-Length: " + QByteArray::number(r.streamBytes > 0 ? r.streamBytes : body.size()) + "\r\n\r\n";
    socket->write(head);
    if (r.streamBytes > 0) {
        connection->streamLeft = r.streamBytes;
        return stream(socket);
    }
    socket->write(body);
    connection->busy = false;
    QTimer::singleShot(0, socket, [this, socket] { onReadable(socket); }); // a request may be waiting
}

void FakeWeb::stream(QSslSocket *socket)
{
    const auto found = m_connections.find(socket);
    if (found == m_connections.end() || found->streamLeft <= 0)
        return;
    Connection *connection = &*found;
    static const QByteArray chunk = [] {
        QByteArray text;
        while (text.size() < StreamChunk)
            text += "<p>Endless words of a page that never seems to end.</p>\n";
        return text.left(StreamChunk);
    }();
    while (connection->streamLeft > 0 && socket->bytesToWrite() < StreamBuffered
           && socket->state() == QAbstractSocket::ConnectedState) {
        const qint64 n = std::min(connection->streamLeft, StreamChunk);
        socket->write(chunk.constData(), n);
        connection->streamLeft -= n;
    }
    if (connection->streamLeft == 0) {
        connection->busy = false;
        QTimer::singleShot(0, socket, [this, socket] { onReadable(socket); });
    }
}
