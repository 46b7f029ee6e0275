#pragma once

#include "SiteReport.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <deque>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace geo {

// Fetches one resource of a site; the network or a folder of recorded responses.
class SiteFetcher : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const FetchResult &)>;
    using QObject::QObject;
    ~SiteFetcher() override = default;

    virtual void fetch(const QUrl &url, Done done) = 0;
};

// The fetching rules of docs/readiness.md over the shared QNetworkAccessManager: http and https
// only; hosts that are or resolve to loopback, private, link-local, multicast or unspecified
// addresses refused unless allowed; at most 6 requests per host and 16 in all; 5 s timeout;
// 5 redirects, each checked; a 2 MiB body cap; a User-Agent naming the product.
class NetworkFetcher final : public SiteFetcher
{
    Q_OBJECT
public:
    struct Options
    {
        int timeoutMs = 5000;
        qint64 maxBodyBytes = 2 * 1024 * 1024;
        int perHost = 6;
        int total = 16;
        bool allowPrivateHosts = false;
    };

    NetworkFetcher(QNetworkAccessManager *network, Options options, QObject *parent = nullptr);
    void fetch(const QUrl &url, Done done) override;

    // Why the address may not be fetched (loopback, private, ...), or empty when it may.
    static QString forbiddenAddress(const QHostAddress &address);
    static QByteArray userAgent();

private:
    struct Job
    {
        QUrl url;         // as asked
        QUrl current;     // where the redirects have led so far
        QList<QUrl> hops; // every address asked, for loops and the redirect limit
        Done done;
    };
    void vet(Job job); // refuses what may not be fetched, queues the rest
    void refuse(Job job, const QString &why);
    void start(Job job);
    void admit();
    void send(Job job);

    QNetworkAccessManager *m_network;
    Options m_options;
    std::deque<Job> m_waiting;
    QHash<QString, int> m_perHost;
    QHash<QString, QString> m_verdicts;   // host name -> why it is refused; empty: it may be fetched
    QHash<QString, QList<Job>> m_lookups; // jobs waiting for their host name's lookup
    int m_inFlight = 0;
};

// Serves the responses recorded in a folder: <folder>/<host>/manifest.json maps a path to
// {"status", "headers", "body": file or null}; redirects are followed like the network's.
class RecordedFetcher final : public SiteFetcher
{
    Q_OBJECT
public:
    explicit RecordedFetcher(QString folder, QObject *parent = nullptr);
    void fetch(const QUrl &url, Done done) override;

    FetchResult lookup(const QUrl &url) const;

private:
    QString m_folder;
};

// Fetches through another fetcher and writes what came back into a folder in
// RecordedFetcher's format, so a site can be inspected again later, offline and
// reproducibly. A redirect is kept as a 301 from the asked path to where it ended. Only the
// headers the inspection reads are kept (no cookies).
class RecordingFetcher final : public SiteFetcher
{
    Q_OBJECT
public:
    RecordingFetcher(std::unique_ptr<SiteFetcher> inner, QString folder, QObject *parent = nullptr);
    void fetch(const QUrl &url, Done done) override;

    // Why the last write failed, or empty.
    QString error() const { return m_error; }

private:
    void record(const QUrl &url, int status, const QHash<QByteArray, QByteArray> &headers, const QByteArray *body);

    std::unique_ptr<SiteFetcher> m_inner;
    QString m_folder;
    QString m_error;
};

} // namespace geo
