#pragma once

#include "Engine.h"
#include "model/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkRequest>

class QNetworkAccessManager;
class QNetworkReply;

namespace geo {

// The HTTP part every API engine shares: one POST per ask(), a deadline on the whole of it
// and a transfer timeout (both timeout_ms), and the sorting of what came back into an
// answer, a transient failure (retry) or a permanent one (do not). Subclasses build the
// request body and read the API's answer.
//
// Over HTTPS the servers speak HTTP/2, which carries every request in flight on one
// connection of the shared QNetworkAccessManager. Over plain HTTP/1.1 (local servers: Ollama,
// vLLM, llama.cpp, LM Studio, a proxy) one request takes one connection, and Qt 6.4 keeps at
// most six per host and manager; so an engine whose concurrency asks for more spreads its
// requests over managers of its own, six connections each, each request on the least busy.
// They share the shared one's proxy and send and keep no cookies.
class HttpEngine : public Engine
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpEngine)
public:
    HttpEngine(EngineSpec spec, QNetworkAccessManager *network, QByteArray apiKey);

    const EngineSpec &spec() const override { return m_spec; }
    void ask(const EngineRequest &request) override;

    // Qt's HTTP/1.1 connections per host and QNetworkAccessManager.
    static constexpr int ConnectionsPerManager = 6;
    // The managers a plain-HTTP engine of this concurrency spreads over (1 for HTTPS).
    int managerCount() const { return int(m_networks.size()); }

    // Retry-After in seconds or as an HTTP date, in milliseconds from now; -1 when absent.
    static int parseRetryAfter(const QByteArray &value, const QDateTime &now);

protected:
    virtual QNetworkRequest request() const = 0;
    virtual QJsonObject body(const QString &prompt) const = 0;
    // Fills text, model, finish reason, usage and citations; an Error names what was missing.
    virtual Status read(const QJsonObject &response, EngineReply &reply) const = 0;

    QUrl endpoint(const QString &path) const;
    const QByteArray &apiKey() const { return m_apiKey; }

private:
    void finish(QNetworkReply *reply, QByteArray body, qint64 itemId, qint64 startedMs, int manager);
    QString apiErrorMessage(const QByteArray &body) const;

    EngineSpec m_spec;
    QList<QNetworkAccessManager *> m_networks; // the shared one first, then the engine's own
    QList<int> m_inFlight;                     // per manager
    QByteArray m_apiKey;
};

} // namespace geo
