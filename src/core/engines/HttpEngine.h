#pragma once

#include "Engine.h"
#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkRequest>

class QNetworkAccessManager;
class QNetworkReply;

namespace geo {

// The HTTP part every API engine shares: one POST per ask() on the shared
// QNetworkAccessManager, a transfer timeout, and the sorting of what came back into an
// answer, a transient failure (retry) or a permanent one (do not). Subclasses build the
// request body and read the API's answer.
class HttpEngine : public Engine
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpEngine)
public:
    HttpEngine(EngineSpec spec, QNetworkAccessManager *network, QByteArray apiKey);

    const EngineSpec &spec() const override { return m_spec; }
    void ask(const EngineRequest &request) override;

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
    void finish(QNetworkReply *reply, qint64 itemId, qint64 startedMs);
    QString apiErrorMessage(const QByteArray &body) const;

    EngineSpec m_spec;
    QNetworkAccessManager *m_network;
    QByteArray m_apiKey;
};

} // namespace geo
