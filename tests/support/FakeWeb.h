#pragma once

#include <QHash>
#include <QList>
#include <QMutex>
#include <QNetworkProxy>
#include <QObject>
#include <QSslCertificate>
#include <QTcpServer>

class QSslSocket;

// The web, for tests and benchmarks: an HTTP proxy on 127.0.0.1 that answers for any host
// name from the sites it was given. Clients reach it as their QNetworkAccessManager's proxy:
// plain http arrives as absolute-form requests, https as CONNECT, after which it speaks TLS
// with certificate() (which names the demo's recorded sites and *.web.test). It serves
// gzip to clients that accept it, streams large bodies without holding them, and counts
// every request per host and path.
class FakeWeb final : public QObject
{
    Q_OBJECT
public:
    struct Resource
    {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        qint64 streamBytes = 0; // > 0: a body of this many bytes, generated as it is sent
        int delayMs = 0;        // before the answer starts
    };

    explicit FakeWeb(QObject *parent = nullptr);
    ~FakeWeb() override;

    bool listen();
    QNetworkProxy proxy() const;
    static QSslCertificate certificate();

    void serve(const QString &host, const QString &path, Resource resource);
    // Every <folder>/<host>/manifest.json of a recorded-sites folder (RecordedFetcher's format).
    bool serveRecorded(const QString &folder);

    // Requests seen, keyed "host/path" (path with its query), and in all.
    QHash<QString, int> requests() const;
    int requestCount() const;
    int gzipResponses() const;
    // The most requests that were waiting for their answer at once, per host and in all.
    int maxInFlight(const QString &host) const;
    int maxInFlight() const;
    QByteArray lastUserAgent() const;

private:
    class Server;
    struct Connection
    {
        QByteArray buffer;
        QString tunnelHost; // after CONNECT: the host every request on this socket is for
        bool busy = false;  // an answer is being delayed or streamed
        qint64 streamLeft = 0;
    };
    void onConnection(QSslSocket *socket);
    void onReadable(QSslSocket *socket);
    void answer(QSslSocket *socket, const QString &host, const QString &path, bool acceptsGzip);
    void stream(QSslSocket *socket);

    Server *m_server;
    QHash<QSslSocket *, Connection> m_connections;
    QHash<QString, QHash<QString, Resource>> m_sites;
    mutable QMutex m_mutex; // the counts are read from other threads by benchmarks
    QHash<QString, int> m_requests;
    int m_requestCount = 0;
    int m_gzipResponses = 0;
    QHash<QString, int> m_inFlight, m_maxInFlight;
    int m_inFlightTotal = 0, m_maxInFlightTotal = 0;
    QByteArray m_lastUserAgent;
};
