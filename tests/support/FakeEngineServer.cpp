#include "FakeEngineServer.h"

#include "PreciseDeadlines.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <memory>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace {

// Acknowledge at once rather than after the kernel's delayed-ACK wait (up to 40 ms): Qt's
// HTTP/2 client writes a request's HEADERS and DATA frames separately with Nagle on, so a
// delayed ACK would hold every request's body back. Linux clears the flag after each read.
void quickAck(QTcpSocket *socket)
{
    const int on = 1;
    setsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
}

enum FrameType : quint8 { Data = 0x0, Headers = 0x1, Settings = 0x4, Ping = 0x6, GoAway = 0x7, WindowUpdate = 0x8 };
constexpr quint8 EndStream = 0x1, Ack = 0x1, EndHeaders = 0x4, Padded = 0x8;
constexpr char Preface[] = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

QByteArray frame(quint8 type, quint8 flags, quint32 stream, const QByteArray &payload)
{
    QByteArray f;
    const auto length = quint32(payload.size());
    f.append(char(length >> 16)).append(char(length >> 8)).append(char(length));
    f.append(char(type)).append(char(flags));
    f.append(char(stream >> 24 & 0x7f)).append(char(stream >> 16)).append(char(stream >> 8)).append(char(stream));
    return f + payload;
}

QByteArray uint32(quint32 v)
{
    QByteArray b(4, Qt::Uninitialized);
    b[0] = char(v >> 24);
    b[1] = char(v >> 16);
    b[2] = char(v >> 8);
    b[3] = char(v);
    return b;
}

} // namespace

QSslCertificate FakeEngineServer::certificate()
{
    QFile f(QStringLiteral(GEOAUDIT_TESTSUPPORT_DIR "/tls/fake-server.pem"));
    f.open(QIODevice::ReadOnly);
    return QSslCertificate(f.readAll());
}

bool FakeEngineServer::listenTls()
{
    QFile keyFile(QStringLiteral(GEOAUDIT_TESTSUPPORT_DIR "/tls/fake-server.key"));
    if (!keyFile.open(QIODevice::ReadOnly))
        return false;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate());
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.setAllowedNextProtocols({QByteArrayLiteral("h2"), QByteArrayLiteral("http/1.1")});
    m_tlsServer.setSslConfiguration(tls);
    m_tls = true;
    m_clock.start();
    return m_tlsServer.listen(QHostAddress::LocalHost, 0);
}

FakeEngineServer::FakeEngineServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeEngineServer::onConnection);
    connect(&m_tlsServer, &QSslServer::pendingConnectionAvailable, this, [this] {
        while (auto *socket = qobject_cast<QSslSocket *>(m_tlsServer.nextPendingConnection())) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            track(socket);
            const bool http2 = socket->sslConfiguration().nextNegotiatedProtocol() == "h2";
            if (http2) {
                socket->setProperty("h2", true);
                socket->write(
                    frame(Settings, 0, 0, QByteArray("\x00\x03", 2) + uint32(1000))); // max concurrent streams
            }
            connect(socket, &QTcpSocket::readyRead, this,
                    [this, socket, http2] { http2 ? onHttp2Readable(socket) : onReadable(socket); });
            if (socket->bytesAvailable() > 0)
                http2 ? onHttp2Readable(socket) : onReadable(socket);
        }
    });
    m_answers = [](const QString &prompt) { return u"An answer to: "_s + prompt; };
}

void FakeEngineServer::track(QTcpSocket *socket)
{
    ++m_openConnections;
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        --m_openConnections;
        socket->deleteLater();
    });
}

bool FakeEngineServer::listen()
{
    m_clock.start();
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeEngineServer::baseUrl(const QString &path) const
{
    return m_tls ? QUrl(u"https://127.0.0.1:%1%2"_s.arg(m_tlsServer.serverPort()).arg(path))
                 : QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path));
}

int FakeEngineServer::answeredCount(const QString &prompt) const
{
    return int(std::count_if(m_requests.begin(), m_requests.end(),
                             [&](const Request &r) { return r.prompt == prompt && r.fault == Fault::None; }));
}

void FakeEngineServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        track(socket);
    }
}

void FakeEngineServer::onReadable(QTcpSocket *socket)
{
    const qint64 arrivedNs = PreciseDeadlines::nowNs();
    quickAck(socket);
    // Buffer per socket until one whole request (head and Content-Length body) is in.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        socket->setProperty("buffer", buffer);
        return;
    }
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    Request request;
    request.arrivedNs = arrivedNs;
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

    accept(request, body, [this, socket = QPointer<QTcpSocket>(socket)](const Request &r) {
        if (socket)
            respond(socket, r);
    });
    if (!socket->property("buffer").toByteArray().isEmpty())
        QMetaObject::invokeMethod(
            this,
            [this, socket = QPointer<QTcpSocket>(socket)] {
                if (socket)
                    onReadable(socket);
            },
            Qt::QueuedConnection);
}

void FakeEngineServer::onHttp2Readable(QTcpSocket *socket)
{
    const qint64 arrivedNs = PreciseDeadlines::nowNs();
    quickAck(socket);
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    if (!socket->property("preface").toBool()) {
        if (buffer.size() < qsizetype(sizeof Preface - 1)) {
            socket->setProperty("buffer", buffer);
            return;
        }
        buffer.remove(0, sizeof Preface - 1);
        socket->setProperty("preface", true);
    }
    while (buffer.size() >= 9) {
        const auto *h = reinterpret_cast<const uchar *>(buffer.constData());
        const quint32 length = quint32(h[0]) << 16 | quint32(h[1]) << 8 | h[2];
        if (buffer.size() < qsizetype(9 + length))
            break;
        const quint8 type = h[3], flags = h[4];
        const quint32 stream = (quint32(h[5]) << 24 | quint32(h[6]) << 16 | quint32(h[7]) << 8 | h[8]) & 0x7fffffff;
        QByteArray payload = buffer.mid(9, length);
        buffer.remove(0, 9 + length);
        const QByteArray bodyKey = "body" + QByteArray::number(stream);
        switch (type) {
        case Settings:
            if (!(flags & Ack))
                socket->write(frame(Settings, Ack, 0, {}));
            break;
        case Ping:
            if (!(flags & Ack))
                socket->write(frame(Ping, Ack, 0, payload));
            break;
        case GoAway:
            socket->disconnectFromHost();
            return;
        case Headers: // the API is told by the body; header fields are not decoded
            if (flags & EndStream)
                socket->write(frame(Headers, EndHeaders | EndStream, stream, QByteArray("\x88", 1)));
            break;
        case Data: {
            if (flags & Padded)
                payload = payload.mid(1, payload.size() - 1 - quint8(payload.front()));
            socket->setProperty(bodyKey.constData(), socket->property(bodyKey.constData()).toByteArray() + payload);
            if (length > 0) // hand the flow-control credit back at once
                socket->write(frame(WindowUpdate, 0, 0, uint32(length))
                              + frame(WindowUpdate, 0, stream, uint32(length)));
            if (flags & EndStream) {
                const QByteArray body = socket->property(bodyKey.constData()).toByteArray();
                socket->setProperty(bodyKey.constData(), QVariant());
                Request request;
                request.arrivedNs = arrivedNs;
                request.path = u"/v1/chat/completions"_s;
                accept(request, body, [this, socket = QPointer<QTcpSocket>(socket), stream](const Request &r) {
                    if (socket)
                        respondHttp2(socket, stream, r);
                });
            }
            break;
        }
        default: // PRIORITY, RST_STREAM, WINDOW_UPDATE, CONTINUATION: nothing to do here
            break;
        }
    }
    socket->setProperty("buffer", buffer);
}

void FakeEngineServer::respondHttp2(QTcpSocket *socket, quint32 stream, const Request &request)
{
    // ":status: 200" from the static table, then content-type as a literal (RFC 7541 6.2.2).
    const QByteArray type = "application/json";
    const QByteArray fields = QByteArray("\x88\x0f\x10", 3) + char(type.size()) + type;
    const QByteArray body = request.answer.isEmpty() ? answerBody(request) : request.answer;
    QByteArray out = frame(Headers, EndHeaders, stream, fields);
    for (qsizetype at = 0;; at += 16384) {
        const bool last = at + 16384 >= body.size();
        out += frame(Data, last ? EndStream : 0, stream, body.mid(at, 16384));
        if (last)
            break;
    }
    socket->write(out); // one write: split ones wait on Nagle and delayed ACKs
}

void FakeEngineServer::accept(Request request, const QByteArray &body,
                              const std::function<void(const Request &)> &respond)
{
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
        request.prompt = json.value(u"contents"_s)
                             .toArray()
                             .at(0)
                             .toObject()
                             .value(u"parts"_s)
                             .toArray()
                             .at(0)
                             .toObject()
                             .value(u"text"_s)
                             .toString();
        request.model = request.path.section(u'/', -1).section(u':', 0, 0);
    }
    request.atMs = m_clock.elapsed();
    request.fault = m_faults ? m_faults(m_requestCount, request.prompt) : Fault::None;
    ++m_requestCount;
    if (m_keepRequests)
        m_requests.append(request);
    m_maxInFlight = std::max(m_maxInFlight.load(), ++m_inFlight);
    if (request.fault == Fault::Stall)
        return; // never answered; it stays counted as in flight
    // The latency runs from the request's arrival to the answer's first byte, as an engine's
    // would: the answer is made now, and the time this server took to read the request, and
    // the others that came with it, counts toward the latency.
    if (request.fault == Fault::None)
        request.answer = answerBody(request);
    if (!m_deadlines)
        m_deadlines = new PreciseDeadlines(this); // on the thread the server runs on
    m_deadlines->at(request.arrivedNs + qint64(m_latencyMs) * 1'000'000, [this, request, respond] {
        --m_inFlight;
        respond(request);
    });
}

QByteArray FakeEngineServer::answerBody(const Request &request, const QString &text, const QString &echo) const
{
    const QJsonObject citation{{u"url"_s,
                                echo.isEmpty() ? u"https://reviews.example.org/crm?utm_source=fake"_s
                                               : u"https://reviews.example.org/crm/"_s + echo},
                               {u"title"_s, u"CRM reviews"_s + echo}};
    QJsonObject o;
    if (request.api == u"anthropic"_s) {
        o = {{u"id"_s, u"msg_1"_s},
             {u"type"_s, u"message"_s},
             {u"role"_s, u"assistant"_s},
             {u"model"_s, request.model + u"-20250101"_s + echo},
             {u"content"_s,
              QJsonArray{QJsonObject{{u"type"_s, u"text"_s},
                                     {u"text"_s, text},
                                     {u"citations"_s,
                                      QJsonArray{QJsonObject{{u"type"_s, u"web_search_result_location"_s},
                                                             {u"url"_s, citation[u"url"_s]},
                                                             {u"title"_s, citation[u"title"_s]}}}}}}},
             {u"stop_reason"_s, u"end_turn"_s},
             {u"usage"_s, QJsonObject{{u"input_tokens"_s, 12}, {u"output_tokens"_s, 34}}}};
    } else if (request.api == u"gemini"_s) {
        o = {{u"candidates"_s,
              QJsonArray{QJsonObject{
                  {u"content"_s,
                   QJsonObject{{u"role"_s, u"model"_s}, {u"parts"_s, QJsonArray{QJsonObject{{u"text"_s, text}}}}}},
                  {u"finishReason"_s, u"STOP"_s},
                  {u"groundingMetadata"_s,
                   QJsonObject{{u"groundingChunks"_s,
                                QJsonArray{QJsonObject{{u"web"_s,
                                                        QJsonObject{{u"uri"_s, citation[u"url"_s]},
                                                                    {u"title"_s, citation[u"title"_s]}}}}}}}}}}},
             {u"usageMetadata"_s, QJsonObject{{u"promptTokenCount"_s, 12}, {u"candidatesTokenCount"_s, 34}}},
             {u"modelVersion"_s, request.model + u"-001"_s + echo}};
    } else {
        o = {
            {u"id"_s, u"chatcmpl-1"_s},
            {u"object"_s, u"chat.completion"_s},
            {u"model"_s, request.model + u"-2025-01-01"_s + echo},
            {u"choices"_s,
             QJsonArray{QJsonObject{{u"index"_s, 0},
                                    {u"message"_s,
                                     QJsonObject{{u"role"_s, u"assistant"_s},
                                                 {u"content"_s, text},
                                                 {u"annotations"_s,
                                                  QJsonArray{QJsonObject{{u"type"_s, u"url_citation"_s},
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
    case Fault::None:
        return send(200, "OK", "application/json", request.answer);
    case Fault::RateLimited:
        return send(429, "Too Many Requests", "application/json", error);
    case Fault::RateLimitedRetryAfter:
        return send(429, "Too Many Requests", "application/json", error, "Retry-After: 0\r\n");
    case Fault::RateLimitedForASecond:
        return send(429, "Too Many Requests", "application/json", error, "Retry-After: 1\r\n");
    case Fault::ServerError:
        return send(500, "Internal Server Error", "application/json", error);
    case Fault::Unavailable:
        return send(503, "Service Unavailable", "application/json", error);
    case Fault::Unauthorized:
        return send(401, "Unauthorized", "application/json", R"({"error": {"message": "Incorrect API key provided"}})");
    case Fault::BadRequest:
        return send(400, "Bad Request", "application/json", error);
    case Fault::EchoKey: // as careless proxies do
        return send(400, "Bad Request", "application/json",
                    R"({"error": {"message": "Invalid request; your headers were Authorization: )"
                        + request.headers.value("authorization") + " x-api-key: " + request.headers.value("x-api-key")
                        + R"("}})");
    case Fault::MalformedJson:
        return send(200, "OK", "application/json", "{\"choices\": [");
    case Fault::WrongShape:
        return send(200, "OK", "application/json", R"({"object": "unexpected", "choices": "none"})");
    case Fault::Html:
        return send(200, "OK", "text/html", "<!doctype html><html><body>Welcome</body></html>");
    case Fault::Truncated: {
        const QByteArray body = answerBody(request);
        send(200, "OK", "application/json", body.left(body.size() / 2), {}, body.size());
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    case Fault::Drip: {
        // Every byte restarts a transfer timeout, so only a deadline on the whole request ends this.
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n");
        auto *drip = new QTimer(socket);
        connect(drip, &QTimer::timeout, socket, [socket] { socket->write(" "); });
        drip->start(100);
        return;
    }
    case Fault::Garbage:
        return send(200, "OK", "application/json", QByteArray::fromHex("00fffe1b5b324a89504e470d0a1a0ac328"));
    case Fault::Empty:
        return send(200, "OK", "application/json", {});
    case Fault::Huge: {
        // Written as the client takes it, so that the server holds one chunk, never 200 MB.
        constexpr qint64 total = 200'000'000;
        const QByteArray start = R"({"choices": [{"message": {"content": ")";
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                      + QByteArray::number(total) + "\r\n\r\n" + start);
        auto sent = std::make_shared<qint64>(start.size());
        const auto more = [socket, sent] {
            const QByteArray chunk(64 * 1024, 'a');
            while (*sent < total && socket->bytesToWrite() < 16 * chunk.size()) {
                socket->write(chunk.left(std::min<qint64>(chunk.size(), total - *sent)));
                *sent += chunk.size();
            }
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, more);
        more();
        return;
    }
    case Fault::DripAnswer: {
        const QByteArray body = answerBody(request);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n");
        auto *drip = new QTimer(socket);
        auto at = std::make_shared<qsizetype>(0);
        connect(drip, &QTimer::timeout, socket, [socket, drip, body, at] {
            socket->write(body.mid(*at, 16));
            *at += 16;
            if (*at >= body.size())
                drip->stop();
        });
        drip->start(10);
        return;
    }
    case Fault::EchoKeyInAnswer: { // a server that repeats what it was sent, key and all
        QByteArray key = request.headers.value("x-api-key") + request.headers.value("x-goog-api-key");
        if (key.isEmpty())
            key = request.headers.value("authorization").mid(7); // after "Bearer "
        return send(200, "OK", "application/json",
                    answerBody(request, u"Acme is best. You sent the key %1 with it."_s.arg(QString::fromLatin1(key)),
                               QString::fromLatin1(key)));
    }
    case Fault::EchoKeyRefusal: { // the key where a 200-character cut would split it
        const QByteArray key = request.headers.value("authorization").mid(7);
        const QJsonObject message{{u"role"_s, u"assistant"_s},
                                  {u"content"_s, QJsonValue::Null},
                                  {u"refusal"_s, QString(190, u'.') + QString::fromLatin1(key)}};
        return send(200, "OK", "application/json",
                    QJsonDocument(QJsonObject{{u"choices"_s, QJsonArray{QJsonObject{{u"message"_s, message}}}}})
                        .toJson(QJsonDocument::Compact));
    }
    case Fault::Reset:
        socket->abort();
        return;
    case Fault::Stall:
        return;
    }
}
