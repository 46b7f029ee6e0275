#include "RecordedEngine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace geo {

using namespace Qt::StringLiterals;

QString RecordedEngine::key(const QString &prompt, int sample)
{
    return prompt.simplified() + u'\x1f' + QString::number(sample);
}

Result<std::unique_ptr<RecordedEngine>> RecordedEngine::load(const EngineSpec &spec)
{
    QFile file(spec.file);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error{
            u"engine '%1': cannot read the recorded answers %2 (%3)"_s.arg(spec.id, spec.file, file.errorString())};
    std::unique_ptr<RecordedEngine> engine(new RecordedEngine(spec));
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
        const QString prompt = o.value(u"prompt"_s).toString();
        const QJsonValue answer = o.value(u"answer"_s);
        if (error.error != QJsonParseError::NoError || prompt.isEmpty() || !answer.isString())
            return Error{u"engine '%1': %2 line %3 is not a recorded answer; each line needs "
                         "{\"prompt\": text, \"sample\": number, \"answer\": text}"_s.arg(spec.id, spec.file)
                             .arg(lineNumber)};
        EngineReply reply;
        reply.text = answer.toString();
        reply.model = o.value(u"model"_s).toString(spec.model);
        reply.finishReason = o.value(u"finish_reason"_s).toString();
        reply.tokensIn = o.value(u"tokens_in"_s).toInt();
        reply.tokensOut = o.value(u"tokens_out"_s).toInt();
        reply.latencyMs = o.value(u"latency_ms"_s).toInt();
        const QJsonArray citations = o.value(u"citations"_s).toArray();
        for (const QJsonValue &c : citations)
            if (const QString url = c.toObject().value(u"url"_s).toString(); !url.isEmpty())
                reply.citations.append({url, c.toObject().value(u"title"_s).toString()});
        engine->m_replies.insert(key(prompt, o.value(u"sample"_s).toInt(1)), reply);
    }
    return engine;
}

void RecordedEngine::ask(const EngineRequest &request)
{
    EngineReply reply = m_replies.value(key(request.prompt, request.sample));
    reply.itemId = request.itemId;
    if (!m_replies.contains(key(request.prompt, request.sample))) {
        reply.outcome = EngineReply::Outcome::PermanentFailure;
        reply.errorClass = u"not-recorded"_s;
        reply.errorMessage = u"engine '%1': no recorded answer for sample %2 of \"%3\"; record it in %4"_s.arg(
            m_spec.id, QString::number(request.sample), request.prompt.left(80), m_spec.file);
    }
    const int delay = m_spec.speed > 0 ? int(reply.latencyMs / m_spec.speed) : 0;
    finishLater(reply, delay);
}

} // namespace geo
