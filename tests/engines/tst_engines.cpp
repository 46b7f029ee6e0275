#include "FakeEngineServer.h"
#include "engines/EngineFactory.h"
#include "engines/HttpEngine.h"
#include "engines/KeyStore.h"
#include "engines/Redaction.h"

#include <QAbstractEventDispatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace geo;
using namespace Qt::StringLiterals;
using Fault = FakeEngineServer::Fault;

Q_DECLARE_METATYPE(FakeEngineServer::Fault)

class TestEngines : public QObject
{
    Q_OBJECT

private:
    static EngineSpec spec(const QString &kind, const QUrl &base)
    {
        EngineSpec e;
        e.id = u"e1"_s;
        e.kind = kind;
        e.model = u"model-x"_s;
        e.baseUrl = base;
        e.apiKeyEnv = u"GEOAUDIT_TEST_KEY"_s;
        e.timeoutMs = 1000;
        return e;
    }

    static EngineReply askOnce(Engine &engine, const QString &prompt)
    {
        QSignalSpy spy(&engine, &Engine::finished);
        engine.ask({7, prompt, 1});
        if (!spy.wait(10000))
            return {};
        return spy[0][0].value<EngineReply>();
    }

private slots:
    void initTestCase() { qputenv("GEOAUDIT_TEST_KEY", "sk-test-123"); }

    void answersInEachApisShape_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("keyHeader");
        QTest::addColumn<QString>("keyValue");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("finish");
        QTest::newRow("openai") << u"openai"_s << u"authorization"_s << u"Bearer sk-test-123"_s
                                << u"model-x-2025-01-01"_s << u"stop"_s;
        QTest::newRow("anthropic") << u"anthropic"_s << u"x-api-key"_s << u"sk-test-123"_s << u"model-x-20250101"_s
                                   << u"end_turn"_s;
        QTest::newRow("gemini") << u"gemini"_s << u"x-goog-api-key"_s << u"sk-test-123"_s << u"model-x-001"_s
                                << u"STOP"_s;
    }

    void answersInEachApisShape()
    {
        QFETCH(QString, kind);
        QFETCH(QString, keyHeader);
        QFETCH(QString, keyValue);
        QFETCH(QString, model);
        QFETCH(QString, finish);
        FakeEngineServer server;
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        auto engine = createEngine(spec(kind, server.baseUrl(kind == u"gemini"_s ? u"/v1beta"_s : u"/v1"_s)), &network,
                                   "sk-test-123");
        QVERIFY(engine);
        const EngineReply reply = askOnce(*engine.value(), u"Best CRM?"_s);
        QVERIFY2(reply.answered(), qPrintable(reply.errorMessage));
        QCOMPARE(reply.itemId, 7);
        QCOMPARE(reply.text, u"An answer to: Best CRM?"_s);
        QCOMPARE(reply.model, model);
        QCOMPARE(reply.finishReason, finish);
        QCOMPARE(reply.tokensIn, 12);
        QCOMPARE(reply.tokensOut, 34);
        QCOMPARE(reply.citations.size(), 1);
        QCOMPARE(reply.citations[0].title, u"CRM reviews"_s);
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.requests()[0].api, kind);
        QCOMPARE(server.requests()[0].prompt, u"Best CRM?"_s);
        QCOMPARE(server.requests()[0].model, u"model-x"_s);
        QCOMPARE(QString::fromUtf8(server.requests()[0].headers.value(keyHeader.toUtf8())), keyValue);
    }

    void redactsSecrets_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("keyOnly");
        QTest::addColumn<QString>("redacted");
        QTest::newRow("the key") << u"key k-123456789 was refused"_s << false << u"key [redacted] was refused"_s;
        QTest::newRow("bearer") << u"Authorization: Bearer abcdefgh12345"_s << false
                                << u"Authorization: Bearer [redacted]"_s;
        QTest::newRow("openai-like") << u"bad key sk-proj-AbC123xyz_99 given"_s << false
                                     << u"bad key [redacted] given"_s;
        QTest::newRow("gemini-like") << u"key=AIzaSyA1234567890abcdefghijk"_s << false << u"key=[redacted]"_s;
        QTest::newRow("error text: a bearer-like word too")
            << u"Bearer authentication, sk-ills"_s << false << u"Bearer [redacted], sk-ills"_s;
        QTest::newRow("answer: key only")
            << u"Use Bearer abcdefgh12345 or k-123456789"_s << true << u"Use Bearer abcdefgh12345 or [redacted]"_s;
    }

    void redactsSecrets()
    {
        QFETCH(QString, text);
        QFETCH(bool, keyOnly);
        QFETCH(QString, redacted);
        QCOMPARE(redactSecrets(text, "k-123456789", keyOnly ? SecretShapes::KeyOnly : SecretShapes::KeyAndBearerLike),
                 redacted);
    }

    void sortsFaults_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("errorClass");
        QTest::addColumn<int>("retryAfter");
        QTest::addColumn<QString>("message");
        const int transient = int(EngineReply::Outcome::TransientFailure);
        const int permanent = int(EngineReply::Outcome::PermanentFailure);
        QTest::newRow("429") << Fault::RateLimited << transient << u"http-429"_s << -1 << u"HTTP 429: scripted fault"_s;
        QTest::newRow("429 retry-after") << Fault::RateLimitedRetryAfter << transient << u"http-429"_s << 0
                                         << u"HTTP 429"_s;
        QTest::newRow("500") << Fault::ServerError << transient << u"http-500"_s << -1 << u"HTTP 500"_s;
        QTest::newRow("503") << Fault::Unavailable << transient << u"http-503"_s << -1 << u"HTTP 503"_s;
        QTest::newRow("malformed json") << Fault::MalformedJson << transient << u"malformed-response"_s << -1
                                        << u"not valid JSON"_s;
        QTest::newRow("truncated") << Fault::Truncated << transient << u"connection"_s << -1 << u"engine 'e1'"_s;
        QTest::newRow("reset") << Fault::Reset << transient << u"connection"_s << -1 << u"engine 'e1'"_s;
        QTest::newRow("stall") << Fault::Stall << transient << u"timeout"_s << -1 << u"no answer within 1 s"_s;
        QTest::newRow("401") << Fault::Unauthorized << permanent << u"auth"_s << -1
                             << u"engine 'e1': the API key was rejected (401); set GEOAUDIT_TEST_KEY"_s;
        QTest::newRow("400") << Fault::BadRequest << permanent << u"http-400"_s << -1 << u"HTTP 400: scripted fault"_s;
        QTest::newRow("400 echoing the key")
            << Fault::EchoKey << permanent << u"http-400"_s << -1
            << u"engine 'e1': HTTP 400: Invalid request; your headers were Authorization: Bearer [redacted] x-api-key: "_s;
        QTest::newRow("html") << Fault::Html << permanent << u"not-json"_s << -1
                              << u"HTML instead of JSON; check base_url"_s;
        QTest::newRow("garbage") << Fault::Garbage << transient << u"malformed-response"_s << -1
                                 << u"engine 'e1': the answer is not valid JSON (illegal value at byte 1)"_s;
        QTest::newRow("empty") << Fault::Empty << transient << u"malformed-response"_s << -1
                               << u"engine 'e1': the server sent an empty answer"_s;
        // The key 190 characters in, where the cut to 200 would split it.
        QTest::newRow("refusal echoing the key")
            << Fault::EchoKeyRefusal << permanent << u"unexpected-response"_s << -1
            << u"engine 'e1': the model refused: "_s + QString(190, u'.') + u"[redacted]"_s;
    }

    void sortsFaults()
    {
        QFETCH(Fault, fault);
        QFETCH(int, outcome);
        QFETCH(QString, errorClass);
        QFETCH(int, retryAfter);
        QFETCH(QString, message);
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setFaults([fault](int, const QString &) { return fault; });
        QNetworkAccessManager network;
        auto engine = createEngine(spec(u"openai"_s, server.baseUrl()), &network, "sk-test-123");
        QVERIFY(engine);
        const EngineReply reply = askOnce(*engine.value(), u"Best CRM?"_s);
        QCOMPARE(int(reply.outcome), outcome);
        QCOMPARE(reply.errorClass, errorClass);
        QCOMPARE(reply.retryAfterMs, retryAfter);
        QCOMPARE(reply.stopsEngine, fault == Fault::Unauthorized);
        QVERIFY2(reply.errorMessage.contains(message), qPrintable(reply.errorMessage));
        QVERIFY(!reply.errorMessage.contains(u"sk-test-123"_s)); // the key never appears in errors
    }

    // A server that repeats the key in its answer: of all that is kept (text, model, finish
    // reason, citations) the key in use is taken out, whatever its shape.
    void anAnswerEchoingTheKeyKeepsNoKey_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("openai") << u"openai"_s;
        QTest::newRow("anthropic") << u"anthropic"_s;
        QTest::newRow("gemini") << u"gemini"_s;
    }

    void anAnswerEchoingTheKeyKeepsNoKey()
    {
        QFETCH(QString, kind);
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setFaults([](int, const QString &) { return Fault::EchoKeyInAnswer; });
        QNetworkAccessManager network;
        auto engine = createEngine(spec(kind, server.baseUrl()), &network, "plain0key0of0no0shape");
        QVERIFY(engine);
        const EngineReply reply = askOnce(*engine.value(), u"Best CRM?"_s);
        QCOMPARE(reply.outcome, EngineReply::Outcome::Answered);
        QCOMPARE(reply.text, u"Acme is best. You sent the key [redacted] with it."_s);
        QVERIFY2(reply.model.endsWith(u"[redacted]"_s), qPrintable(reply.model));
        QCOMPARE(reply.citations.size(), 1);
        QCOMPARE(reply.citations[0].url, u"https://reviews.example.org/crm/[redacted]"_s);
        QCOMPARE(reply.citations[0].title, u"CRM reviews[redacted]"_s);
    }

    // A request's deadline goes with its reply: a long run must not pile up a timer per
    // answer for timeout_ms (Qt's single-shot timers stay, as children of the thread's event
    // dispatcher, until they fire), which made a 100,000-answer run twice as slow per answer.
    void aFinishedRequestLeavesNoTimerBehind()
    {
        FakeEngineServer server;
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        EngineSpec e = spec(u"openai"_s, server.baseUrl());
        e.timeoutMs = 60000;
        auto engine = createEngine(e, &network, "sk-test-123");
        QVERIFY(engine);
        askOnce(*engine.value(), u"warm-up"_s); // the network's own timers and objects exist now
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        const qsizetype before = QAbstractEventDispatcher::instance()->children().size();
        for (int i = 0; i < 20; ++i)
            QCOMPARE(int(askOnce(*engine.value(), u"Best CRM?"_s).outcome), int(EngineReply::Outcome::Answered));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCOMPARE(QAbstractEventDispatcher::instance()->children().size(), before);
    }

    // A body that drips a byte every 100 ms restarts a transfer timeout for ever; the request's
    // deadline ends it after timeout_ms all the same, as a timeout to retry.
    void aDrippingAnswerTimesOutAsAWhole_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<QString>("message");
        const QString message = u"engine 'e1': the whole answer did not arrive within %1 s; raise timeout_ms if the "
                                "model is slow"_s;
        QTest::newRow("openai, 1 s") << u"openai"_s << 1000 << message.arg(1);
        QTest::newRow("anthropic, 1 s") << u"anthropic"_s << 1000 << message.arg(1);
        QTest::newRow("gemini, 1.5 s") << u"gemini"_s << 1500 << message.arg(1.5);
    }

    void aDrippingAnswerTimesOutAsAWhole()
    {
        QFETCH(QString, kind);
        QFETCH(int, timeoutMs);
        QFETCH(QString, message);
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setFaults([](int, const QString &) { return Fault::Drip; });
        QNetworkAccessManager network;
        EngineSpec dripping = spec(kind, server.baseUrl());
        dripping.timeoutMs = timeoutMs;
        auto engine = createEngine(dripping, &network, "sk-test-123");
        QVERIFY(engine);
        QSignalSpy finished(engine.value().get(), &Engine::finished);
        engine.value()->ask({7, u"Best CRM?"_s, 1});
        // About timeout_ms; four times that leaves room for a loaded machine.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 4 * timeoutMs);
        const auto reply = finished[0][0].value<EngineReply>();
        QCOMPARE(reply.outcome, EngineReply::Outcome::TransientFailure);
        QCOMPARE(reply.errorClass, u"timeout"_s);
        QCOMPARE(reply.errorMessage, message);
        QCOMPARE(reply.httpStatus, 200); // the headers came: the body dripped, it did not stall
    }

    void unexpectedShapesAreClearFailures_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("answer");
        QTest::newRow("openai") << u"openai"_s << u"choices[0]"_s;
        QTest::newRow("anthropic") << u"anthropic"_s << u"content list"_s;
        QTest::newRow("gemini") << u"gemini"_s << u"candidates[0]"_s;
    }

    void unexpectedShapesAreClearFailures()
    {
        QFETCH(QString, kind);
        QFETCH(QString, answer);
        FakeEngineServer server;
        QVERIFY(server.listen());
        server.setFaults([](int, const QString &) { return Fault::WrongShape; });
        QNetworkAccessManager network;
        auto engine = createEngine(spec(kind, server.baseUrl()), &network, "sk-test-123");
        QVERIFY(engine);
        const EngineReply reply = askOnce(*engine.value(), u"x"_s);
        QCOMPARE(reply.outcome, EngineReply::Outcome::PermanentFailure);
        QCOMPARE(reply.errorClass, u"unexpected-response"_s);
        QVERIFY2(reply.errorMessage.contains(answer), qPrintable(reply.errorMessage));
    }

    void keysComeFromTheEnvironmentFirst()
    {
        QObject context;
        std::optional<Result<QByteArray>> found;
        KeyStore::lookup(u"GEOAUDIT_TEST_KEY"_s, &context, [&](const Result<QByteArray> &key) { found = key; });
        QTRY_VERIFY(found.has_value());
        QVERIFY(found->ok());
        QCOMPARE(found->value(), QByteArray("sk-test-123"));
    }

    void aMissingKeySaysHowToProvideIt()
    {
        // No such variable, and no such entry in the keychain (or no keychain at all here).
        QObject context;
        std::optional<Result<QByteArray>> found;
        KeyStore::lookup(u"GEOAUDIT_TEST_UNSET_KEY"_s, &context, [&](const Result<QByteArray> &key) { found = key; });
        QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 30000);
        QVERIFY(!found->ok());
        QVERIFY2(found->error().startsWith(u"GEOAUDIT_TEST_UNSET_KEY is not set and the keychain"_s),
                 qPrintable(found->error()));
        QVERIFY(found->error().contains(u"export GEOAUDIT_TEST_UNSET_KEY=..."_s));

        QNetworkAccessManager network;
        EngineSpec e = spec(u"openai"_s, QUrl(u"http://127.0.0.1:9/v1"_s));
        QVERIFY(!createEngine(e, &network)); // a key is named but none was found
        e.apiKeyEnv.clear();                 // a local server needs none
        QVERIFY(createEngine(e, &network));
    }

    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("ms");
        QTest::newRow("seconds") << QByteArray("5") << 5000;
        QTest::newRow("zero") << QByteArray("0") << 0;
        QTest::newRow("fraction") << QByteArray("1.5") << 1500;
        QTest::newRow("http date") << QByteArray("Wed, 21 Oct 2015 07:28:30 GMT") << 30000;
        QTest::newRow("past date") << QByteArray("Wed, 21 Oct 2015 07:27:00 GMT") << 0;
        QTest::newRow("absent") << QByteArray() << -1;
        QTest::newRow("garbage") << QByteArray("soon") << -1;
        QTest::newRow("negative") << QByteArray("-3") << -1;
    }

    void retryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, ms);
        const QDateTime now(QDate(2015, 10, 21), QTime(7, 28, 0), Qt::UTC);
        QCOMPARE(HttpEngine::parseRetryAfter(value, now), ms);
    }
};

QTEST_GUILESS_MAIN(TestEngines)
#include "tst_engines.moc"
