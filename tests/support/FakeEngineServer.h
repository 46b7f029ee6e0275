#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslServer>
#include <QTcpServer>
#include <QUrl>

#include <atomic>
#include <functional>

class QTcpSocket;

// An HTTP server on 127.0.0.1 that answers like the OpenAI Chat Completions, Anthropic
// Messages and Gemini generateContent APIs (chosen by the request path), after a scripted
// latency and with scripted faults. It counts requests and the most it had in flight.
// listen() speaks HTTP/1.1; listenTls() speaks HTTPS, with HTTP/2 when the client offers it
// (as OpenAI's and the others' servers do), so one connection carries every request in
// flight. Clients must trust certificate().
class PreciseDeadlines;

class FakeEngineServer final : public QObject
{
    Q_OBJECT
public:
    enum class Fault {
        None,
        RateLimited,           // 429 without Retry-After
        RateLimitedRetryAfter, // 429 with Retry-After: 0
        RateLimitedForASecond, // 429 with Retry-After: 1
        ServerError,           // 500
        Unavailable,           // 503
        MalformedJson,         // 200 with a body that is not JSON
        Truncated,             // 200, Content-Length longer than the body, then close
        Reset,                 // the connection is closed without an answer
        Stall,                 // never answers
        Unauthorized,          // 401
        Html,                  // 200 with an HTML page
        BadRequest,            // 400
        EchoKey,               // 400 whose message repeats the request's key headers
        WrongShape,            // 200 with JSON of no API's shape
        Drip,                  // 200 headers, then a space every 100 ms for ever (HTTP/1.1 only)
        // HTTP/1.1 only, for the hostile-input tests:
        Garbage,         // 200 "application/json" with binary bytes
        Empty,           // 200 with an empty body
        Huge,            // 200 declaring and sending 200 MB, written as the client takes it
        DripAnswer,      // the whole answer, 16 bytes every 10 ms: slow, but done within a second
        EchoKeyInAnswer, // 200 whose text, model and citation hold the request's key
        EchoKeyRefusal,  // 200 whose OpenAI refusal holds the key 190 characters in
    };

    struct Request
    {
        QString api; // openai, anthropic, gemini
        QString path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QString prompt;
        QString model;
        qint64 atMs = 0; // since the server started
        Fault fault = Fault::None;
        qint64 arrivedNs = 0; // when its bytes were there to read (PreciseDeadlines::nowNs())
        QByteArray answer;    // the body of a 200, made as it arrives (Fault::None)
    };

    using FaultScript = std::function<Fault(int requestNumber, const QString &prompt)>;
    using AnswerScript = std::function<QString(const QString &prompt)>;

    explicit FakeEngineServer(QObject *parent = nullptr);

    bool listen();
    bool listenTls();
    QUrl baseUrl(const QString &path = QStringLiteral("/v1")) const;
    static QSslCertificate certificate();

    void setLatencyMs(int ms) { m_latencyMs = ms; }
    void setFaults(FaultScript script) { m_faults = std::move(script); }
    void setAnswers(AnswerScript script) { m_answers = std::move(script); }

    // Off: only counted, for runs of many thousands of requests (a benchmark's memory).
    void setKeepRequests(bool keep) { m_keepRequests = keep; }
    int requestCount() const { return m_requestCount; }
    int maxInFlight() const { return m_maxInFlight; }
    // Connections not yet closed; 0 once a killed client's last bytes have all been read.
    int openConnections() const { return m_openConnections; }
    const QList<Request> &requests() const { return m_requests; }
    // Requests whose prompt is `prompt` and that were answered (no fault).
    int answeredCount(const QString &prompt) const;

private:
    void onConnection();
    void track(QTcpSocket *socket);
    void onReadable(QTcpSocket *socket);
    void onHttp2Readable(QTcpSocket *socket);
    // Counts the request, picks its fault and calls respond after the latency.
    void accept(Request request, const QByteArray &body, const std::function<void(const Request &)> &respond);
    void respond(QTcpSocket *socket, const Request &request);
    void respondHttp2(QTcpSocket *socket, quint32 stream, const Request &request);
    QByteArray answerBody(const Request &request) const { return answerBody(request, m_answers(request.prompt)); }
    // `echo`, when given, goes into the model's name and the citation's address and title too.
    QByteArray answerBody(const Request &request, const QString &text, const QString &echo = {}) const;

    // Children, so that the server can be moved to a thread of its own.
    QTcpServer m_server{this};
    QSslServer m_tlsServer{this};
    bool m_tls = false;
    QElapsedTimer m_clock;
    int m_latencyMs = 0;
    PreciseDeadlines *m_deadlines = nullptr;
    FaultScript m_faults;
    AnswerScript m_answers;
    QList<Request> m_requests;
    bool m_keepRequests = true;
    std::atomic<int> m_requestCount = 0; // read by benchmarks from another thread
    int m_inFlight = 0;
    int m_openConnections = 0;
    std::atomic<int> m_maxInFlight = 0;
};
