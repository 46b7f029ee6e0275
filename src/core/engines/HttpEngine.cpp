#include "HttpEngine.h"

#include "Redaction.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <utility>

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
    : m_spec(std::move(spec)), m_networks{network}, m_apiKey(std::move(apiKey))
{
    if (m_spec.baseUrl.scheme() == u"http"_s) {
        const int managers = (std::max(1, m_spec.concurrency) + ConnectionsPerManager - 1) / ConnectionsPerManager;
        while (m_networks.size() < managers) {
            auto *own = new QNetworkAccessManager(this);
            own->setProxy(network->proxy());
            own->setRedirectPolicy(network->redirectPolicy());
            m_networks.append(own);
        }
    }
    m_inFlight = QList<int>(m_networks.size(), 0);
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
    // An API needs no cookies, and one manager's would not reach the others.
    http.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    http.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    const auto least = std::min_element(m_inFlight.cbegin(), m_inFlight.cend());
    const int manager = int(least - m_inFlight.cbegin());
    ++m_inFlight[manager];
    QNetworkReply *reply
        = m_networks[manager]->post(http, QJsonDocument(body(request.prompt)).toJson(QJsonDocument::Compact));
    const qint64 started = nowMs();
    // The transfer timeout restarts with every byte, so a body that drips never ends by it:
    // this deadline bounds the whole request (each retry has its own), ending it as cancelled.
    // A child of the reply, so that it goes with it: a QTimer::singleShot would stay
    // registered for the whole timeout after its reply had gone, and a long run would pile
    // up thousands of timers that every timer operation of the thread then walks through.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    deadline->start(m_spec.timeoutMs);
    // The body is taken as it arrives, into one array the size the server declared: Qt's
    // buffer holds only what came since, and no second whole copy is made at the end.
    auto body = std::make_shared<QByteArray>();
    connect(reply, &QIODevice::readyRead, reply, [reply, body] {
        if (!reply->isOpen())
            return; // aborted: there is nothing more to read
        if (body->isEmpty()) {
            bool declared = false;
            const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&declared);
            if (declared && length > 0 && length <= MaxResponseBytes)
                body->reserve(length);
        }
        const qint64 available = reply->bytesAvailable();
        if (body->size() + available > MaxResponseBytes) {
            *body = QByteArray();
            reply->setProperty("tooLarge", true);
            reply->abort();
            return;
        }
        const qsizetype at = body->size();
        body->resize(at + available);
        const qint64 got = reply->read(body->data() + at, available);
        body->resize(at + std::max<qint64>(got, 0));
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, body, itemId = request.itemId, started, manager] {
        finish(reply, std::exchange(*body, {}), itemId, started, manager);
    });
}

QString HttpEngine::apiErrorMessage(const QByteArray &body) const
{
    // OpenAI, Anthropic and Gemini all answer errors as {"error": {"message": ...}}.
    const QJsonValue error = QJsonDocument::fromJson(body).object().value(u"error"_s);
    const QString message = error.isObject() ? error.toObject().value(u"message"_s).toString() : error.toString();
    return redactSecrets(message, m_apiKey).left(300);
}

void HttpEngine::finish(QNetworkReply *reply, QByteArray body, qint64 itemId, qint64 startedMs, int manager)
{
    reply->deleteLater();
    --m_inFlight[manager];
    EngineReply out;
    out.itemId = itemId;
    out.latencyMs = int(nowMs() - startedMs);
    out.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen() && reply->bytesAvailable() > 0 && !reply->property("tooLarge").toBool())
        body += reply->readAll(); // what came with the end; a reply is closed once aborted
    const auto failWith = [&](EngineReply::Outcome outcome, const QString &errorClass, const QString &message) {
        out.outcome = outcome;
        out.errorClass = errorClass;
        // Any server text in it (an error's message, a refusal) is taken out of the key here.
        out.errorMessage = redactSecrets(u"engine '%1': %2"_s.arg(m_spec.id, message), m_apiKey);
        emit finished(out);
    };
    const auto transient = EngineReply::Outcome::TransientFailure;
    const auto permanent = EngineReply::Outcome::PermanentFailure;

    if (reply->property("tooLarge").toBool())
        return failWith(permanent, u"too-large"_s, u"the answer was larger than %1 MiB"_s.arg(MaxResponseBytes >> 20));
    // Cancelled by the deadline or the transfer timeout, whichever came first: both are timeout_ms.
    if (reply->error() == QNetworkReply::OperationCanceledError) {
        const QString what = out.httpStatus == 0 ? u"no answer"_s : u"the whole answer did not arrive"_s;
        return failWith(transient, u"timeout"_s,
                        u"%1 within %2 s; raise timeout_ms if the model is slow"_s.arg(
                            what, QString::number(m_spec.timeoutMs / 1000.0)));
    }
    if (out.httpStatus == 0)
        return failWith(transient, u"connection"_s, u"%1 (%2)"_s.arg(reply->errorString(), endpoint({}).host()));
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
        return failWith(permanent, u"http-404"_s,
                        u"HTTP 404 from %1; check base_url and model \"%2\"%3"_s.arg(
                            endpoint({}).toString(), m_spec.model,
                            apiErrorMessage(body).isEmpty() ? QString() : u" ("_s + apiErrorMessage(body) + u')'));
    if (out.httpStatus >= 400)
        return failWith(
            permanent, u"http-%1"_s.arg(out.httpStatus),
            u"HTTP %1: %2"_s.arg(out.httpStatus)
                .arg(apiErrorMessage(body).isEmpty() ? u"the request was refused"_s : apiErrorMessage(body)));
    if (reply->error() != QNetworkReply::NoError)
        return failWith(transient, u"connection"_s, reply->errorString());
    // Qt does not always report a body cut short by a closed connection as an error.
    bool declared = false;
    const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&declared);
    if (declared && reply->rawHeader("Content-Encoding").isEmpty() && body.size() < length)
        return failWith(transient, u"connection"_s,
                        u"the answer was cut off after %1 of %2 bytes"_s.arg(body.size()).arg(length));

    {
        QJsonParseError parseError;
        QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            // A page of HTML is a wrong address, not a hiccup; broken JSON is usually a cut-off body.
            if (body.trimmed().startsWith('<'))
                return failWith(permanent, u"not-json"_s, u"the server sent HTML instead of JSON; check base_url"_s);
            if (body.trimmed().isEmpty()) // "illegal value at byte 0" would not say what came
                return failWith(transient, u"malformed-response"_s, u"the server sent an empty answer"_s);
            return failWith(
                transient, u"malformed-response"_s,
                u"the answer is not valid JSON (%1 at byte %2)"_s.arg(parseError.errorString()).arg(parseError.offset));
        }
        // Each copy of a large answer is let go as soon as the next is made (issue #17): the
        // body once parsed, the document once read.
        body = QByteArray();
        const QJsonObject response = std::exchange(doc, {}).object();
        if (const Status s = read(response, out); !s)
            return failWith(permanent, u"unexpected-response"_s, s.error());
    }
    // An answer may well discuss bearer tokens; only the key in use itself is taken out, of
    // everything the server wrote that is kept. The text is moved in: shared, a key found in
    // it would copy the whole of it.
    const auto scrub = [this](QString text) { return redactSecrets(std::move(text), m_apiKey, SecretShapes::KeyOnly); };
    out.text = scrub(std::move(out.text));
    out.model = scrub(out.model);
    out.finishReason = scrub(out.finishReason);
    for (Citation &c : out.citations)
        c = Citation{scrub(c.url), scrub(c.title)};
    out.outcome = EngineReply::Outcome::Answered;
    emit finished(out);
}

} // namespace geo
