#include "HttpEngine.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MaxResponseBytes = 32 * 1024 * 1024;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool isTransientStatus(int status)
{
    return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

} // namespace

HttpEngine::HttpEngine(EngineSpec spec, QNetworkAccessManager *network, QByteArray apiKey)
    : m_spec(std::move(spec)), m_network(network), m_apiKey(std::move(apiKey))
{
}

QUrl HttpEngine::endpoint(const QString &path) const
{
    QUrl url = m_spec.baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

int HttpEngine::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool isNumber = false;
    const double seconds = v.toDouble(&isNumber);
    if (isNumber)
        return seconds < 0 ? -1 : int(std::min(seconds, 3600.0) * 1000);
    // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT" (RFC 9110 IMF-fixdate).
    QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(v), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    if (!at.isValid())
        return -1;
    at.setTimeSpec(Qt::UTC);
    return int(std::clamp<qint64>(now.msecsTo(at), 0, 3600 * 1000));
}

void HttpEngine::ask(const EngineRequest &request)
{
    QNetworkRequest http = this->request();
    http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    http.setTransferTimeout(m_spec.timeoutMs);
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->post(http, QJsonDocument(body(request.prompt)).toJson(QJsonDocument::Compact));
    const qint64 started = nowMs();
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > MaxResponseBytes) {
            reply->setProperty("tooLarge", true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, itemId = request.itemId, started] { finish(reply, itemId, started); });
}

QString HttpEngine::apiErrorMessage(const QByteArray &body) const
{
    // OpenAI, Anthropic and Gemini all answer errors as {"error": {"message": ...}}.
    const QJsonValue error = QJsonDocument::fromJson(body).object().value(u"error"_s);
    const QString message = error.isObject() ? error.toObject().value(u"message"_s).toString() : error.toString();
    return message.left(300);
}

void HttpEngine::finish(QNetworkReply *reply, qint64 itemId, qint64 startedMs)
{
    reply->deleteLater();
    EngineReply out;
    out.itemId = itemId;
    out.latencyMs = int(nowMs() - startedMs);
    out.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const auto failWith = [&](EngineReply::Outcome outcome, const QString &errorClass, const QString &message) {
        out.outcome = outcome;
        out.errorClass = errorClass;
        out.errorMessage = u"engine '%1': %2"_s.arg(m_spec.id, message);
        emit finished(out);
    };
    const auto transient = EngineReply::Outcome::TransientFailure;
    const auto permanent = EngineReply::Outcome::PermanentFailure;

    if (reply->property("tooLarge").toBool())
        return failWith(permanent, u"too-large"_s, u"the answer was larger than %1 MiB"_s.arg(MaxResponseBytes >> 20));
    if (out.httpStatus == 0) {
        if (reply->error() == QNetworkReply::OperationCanceledError)
            return failWith(transient, u"timeout"_s, u"no answer within %1 s; raise timeout_ms if the model is slow"_s
                                                         .arg(m_spec.timeoutMs / 1000.0));
        return failWith(transient, u"connection"_s, u"%1 (%2)"_s.arg(reply->errorString(), endpoint({}).host()));
    }
    if (out.httpStatus == 401 || out.httpStatus == 403) {
        out.stopsEngine = true;
        const QString fix = m_spec.apiKeyEnv.isEmpty() ? u"give the key's variable in api_key_env"_s
                                                       : u"set %1"_s.arg(m_spec.apiKeyEnv);
        return failWith(permanent, u"auth"_s, u"the API key was rejected (%1); %2"_s.arg(out.httpStatus).arg(fix));
    }
    if (isTransientStatus(out.httpStatus)) {
        out.retryAfterMs = parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
        const QString detail = apiErrorMessage(body);
        return failWith(transient, u"http-%1"_s.arg(out.httpStatus),
                        u"HTTP %1%2"_s.arg(out.httpStatus).arg(detail.isEmpty() ? QString() : u": "_s + detail));
    }
    if (out.httpStatus == 404)
        return failWith(permanent, u"http-404"_s, u"HTTP 404 from %1; check base_url and model \"%2\"%3"_s.arg(
            endpoint({}).toString(), m_spec.model, apiErrorMessage(body).isEmpty() ? QString() : u" ("_s + apiErrorMessage(body) + u')'));
    if (out.httpStatus >= 400)
        return failWith(permanent, u"http-%1"_s.arg(out.httpStatus),
                        u"HTTP %1: %2"_s.arg(out.httpStatus).arg(apiErrorMessage(body).isEmpty() ? u"the request was refused"_s
                                                                                                  : apiErrorMessage(body)));
    if (reply->error() != QNetworkReply::NoError)
        return failWith(transient, u"connection"_s, reply->errorString());
    // Qt does not always report a body cut short by a closed connection as an error.
    bool declared = false;
    const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&declared);
    if (declared && reply->rawHeader("Content-Encoding").isEmpty() && body.size() < length)
        return failWith(transient, u"connection"_s, u"the answer was cut off after %1 of %2 bytes"_s.arg(body.size()).arg(length));

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        // A page of HTML is a wrong address, not a hiccup; broken JSON is usually a cut-off body.
        if (body.trimmed().startsWith('<'))
            return failWith(permanent, u"not-json"_s, u"the server sent HTML instead of JSON; check base_url"_s);
        return failWith(transient, u"malformed-response"_s,
                        u"the answer is not valid JSON (%1 at byte %2)"_s.arg(parseError.errorString()).arg(parseError.offset));
    }
    if (const Status s = read(doc.object(), out); !s)
        return failWith(permanent, u"unexpected-response"_s, s.error());
    out.outcome = EngineReply::Outcome::Answered;
    emit finished(out);
}

} // namespace geo
