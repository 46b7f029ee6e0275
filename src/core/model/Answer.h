#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace geo {

// A source an engine returned with its answer (e.g. an OpenAI url_citation).
struct Citation
{
    QString url;
    QString title;
};

struct EngineRequest
{
    qint64 itemId = 0;
    QString prompt;
    int sample = 1;
};

// What an engine said, or why it could not.
struct EngineReply
{
    enum class Outcome { Answered, TransientFailure, PermanentFailure };

    qint64 itemId = 0;
    Outcome outcome = Outcome::Answered;
    QString text;
    QString model;
    QString finishReason;
    QList<Citation> citations;
    int tokensIn = 0;
    int tokensOut = 0;
    int latencyMs = 0;
    QString errorClass; // e.g. "http-429", "timeout", "not-recorded"
    QString errorMessage;
    int httpStatus = 0;
    int retryAfterMs = -1;    // the server's Retry-After, when it sent one
    bool stopsEngine = false; // the engine cannot work at all (its key was rejected)

    bool answered() const { return outcome == Outcome::Answered; }
};

} // namespace geo

Q_DECLARE_METATYPE(geo::EngineReply)
