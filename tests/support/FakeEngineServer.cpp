#include "FakeEngineServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

FakeEngineServer::FakeEngineServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeEngineServer::onConnection);
    m_answers = [](const QString &prompt) { return u"An answer to: "_s + prompt; };
}

bool FakeEngineServer::listen()
{
    m_clock.start();
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeEngineServer::baseUrl(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path));
}

int FakeEngineServer::answeredCount(const QString &prompt) const
{
    return int(std::count_if(m_requests.begin(), m_requests.end(),
                             [&](const Request &r) { return r.prompt == prompt && r.fault == Fault::None; }));
}

void FakeEngineServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FakeEngineServer::onReadable(QTcpSocket *socket)
{
    // Buffer per socket until one whole request (head and Content-Length body) is in.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        socket->setProperty("buffer", buffer);
        return;
    }
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    Request request;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.path = QString::fromLatin1(requestLine.value(1));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length").toLongLong();
    if (buffer.size() < headEnd + 4 + length) {
        socket->setProperty("buffer", buffer);
        return;
    }
    const QByteArray body = buffer.mid(headEnd + 4, length);
    socket->setProperty("buffer", buffer.mid(headEnd + 4 + length));

    const QJsonObject json = QJsonDocument::fromJson(body).object();
    if (request.path.endsWith(u"/chat/completions"_s)) {
        request.api = u"openai"_s;
        request.prompt = json.value(u"messages"_s).toArray().at(0).toObject().value(u"content"_s).toString();
        request.model = json.value(u"model"_s).toString();
    } else if (request.path.endsWith(u"/messages"_s)) {
        request.api = u"anthropic"_s;
        request.prompt = json.value(u"messages"_s).toArray().at(0).toObject().value(u"content"_s).toString();
        request.model = json.value(u"model"_s).toString();
    } else if (request.path.contains(u":generateContent"_s)) {
        request.api = u"gemini"_s;
        request.prompt = json.value(u"contents"_s).toArray().at(0).toObject().value(u"parts"_s).toArray().at(0).toObject()
                             .value(u"text"_s).toString();
        request.model = request.path.section(u'/', -1).section(u':', 0, 0);
    }
    request.atMs = m_clock.elapsed();
    request.fault = m_faults ? m_faults(int(m_requests.size()), request.prompt) : Fault::None;
    m_requests.append(request);
    m_maxInFlight = std::max(m_maxInFlight, ++m_inFlight);
    if (request.fault == Fault::Stall) {
        connect(socket, &QTcpSocket::disconnected, this, [this] { --m_inFlight; });
        return;
    }
    QTimer::singleShot(m_latencyMs, this, [this, socket = QPointer<QTcpSocket>(socket), request] {
        --m_inFlight;
        if (socket)
            respond(socket, request);
    });
}

QByteArray FakeEngineServer::answerBody(const Request &request) const
{
    const QString text = m_answers(request.prompt);
    const QJsonObject citation{{u"url"_s, u"https://reviews.example.org/crm?utm_source=fake"_s}, {u"title"_s, u"CRM reviews"_s}};
    QJsonObject o;
    if (request.api == u"anthropic"_s) {
        o = {{u"id"_s, u"msg_1"_s}, {u"type"_s, u"message"_s}, {u"role"_s, u"assistant"_s}, {u"model"_s, request.model + u"-20250101"_s},
             {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text},
                                                   {u"citations"_s, QJsonArray{QJsonObject{{u"type"_s, u"web_search_result_location"_s},
                                                                                           {u"url"_s, citation[u"url"_s]},
                                                                                           {u"title"_s, citation[u"title"_s]}}}}}}},
             {u"stop_reason"_s, u"end_turn"_s},
             {u"usage"_s, QJsonObject{{u"input_tokens"_s, 12}, {u"output_tokens"_s, 34}}}};
    } else if (request.api == u"gemini"_s) {
        o = {{u"candidates"_s,
              QJsonArray{QJsonObject{{u"content"_s, QJsonObject{{u"role"_s, u"model"_s}, {u"parts"_s, QJsonArray{QJsonObject{{u"text"_s, text}}}}}},
                                     {u"finishReason"_s, u"STOP"_s},
                                     {u"groundingMetadata"_s,
                                      QJsonObject{{u"groundingChunks"_s,
                                                   QJsonArray{QJsonObject{{u"web"_s, QJsonObject{{u"uri"_s, citation[u"url"_s]},
                                                                                                {u"title"_s, citation[u"title"_s]}}}}}}}}}}},
             {u"usageMetadata"_s, QJsonObject{{u"promptTokenCount"_s, 12}, {u"candidatesTokenCount"_s, 34}}},
             {u"modelVersion"_s, request.model + u"-001"_s}};
    } else {
        o = {{u"id"_s, u"chatcmpl-1"_s}, {u"object"_s, u"chat.completion"_s}, {u"model"_s, request.model + u"-2025-01-01"_s},
             {u"choices"_s,
              QJsonArray{QJsonObject{{u"index"_s, 0},
                                     {u"message"_s, QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, text},
                                                                {u"annotations"_s, QJsonArray{QJsonObject{{u"type"_s, u"url_citation"_s},
                                                                                                          {u"url_citation"_s, citation}}}}}},
                                     {u"finish_reason"_s, u"stop"_s}}}},
             {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, 12}, {u"completion_tokens"_s, 34}, {u"total_tokens"_s, 46}}}};
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void FakeEngineServer::respond(QTcpSocket *socket, const Request &request)
{
    const auto send = [socket](int status, const QByteArray &reason, const QByteArray &type, const QByteArray &body,
                               const QByteArray &extraHeaders = {}, qsizetype declaredLength = -1) {
        socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type
                      + "\r\nContent-Length: " + QByteArray::number(declaredLength >= 0 ? declaredLength : body.size())
                      + "\r\n" + extraHeaders + "\r\n" + body);
    };
    const QByteArray error = R"({"error": {"message": "scripted fault", "type": "fake"}})";
    switch (request.fault) {
    case Fault::None: return send(200, "OK", "application/json", answerBody(request));
    case Fault::RateLimited: return send(429, "Too Many Requests", "application/json", error);
    case Fault::RateLimitedRetryAfter: return send(429, "Too Many Requests", "application/json", error, "Retry-After: 0\r\n");
    case Fault::ServerError: return send(500, "Internal Server Error", "application/json", error);
    case Fault::Unavailable: return send(503, "Service Unavailable", "application/json", error);
    case Fault::Unauthorized: return send(401, "Unauthorized", "application/json", R"({"error": {"message": "Incorrect API key provided"}})");
    case Fault::BadRequest: return send(400, "Bad Request", "application/json", error);
    case Fault::MalformedJson: return send(200, "OK", "application/json", "{\"choices\": [");
    case Fault::WrongShape: return send(200, "OK", "application/json", R"({"object": "unexpected", "choices": "none"})");
    case Fault::Html: return send(200, "OK", "text/html", "<!doctype html><html><body>Welcome</body></html>");
    case Fault::Truncated: {
        const QByteArray body = answerBody(request);
        send(200, "OK", "application/json", body.left(body.size() / 2), {}, body.size());
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    case Fault::Reset: socket->abort(); return;
    case Fault::Stall: return;
    }
}
