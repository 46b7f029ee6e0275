#include "CapturedEngine.h"

namespace geo {

using namespace Qt::StringLiterals;

QString CapturedEngine::keyOf(const QString &prompt, int sample)
{
    return QString::number(sample) + u'\n' + prompt;
}

void CapturedEngine::ask(const EngineRequest &request)
{
    const QString key = keyOf(request.prompt, request.sample);
    if (const auto ready = m_answered.constFind(key); ready != m_answered.cend()) {
        EngineReply reply = *ready;
        m_answered.erase(ready);
        reply.itemId = request.itemId;
        finishLater(reply);
        return;
    }
    m_asked.insert(key, request);
}

void CapturedEngine::answer(const ImportedAnswer &answer)
{
    EngineReply reply;
    reply.text = answer.answer;
    reply.model = answer.model.isEmpty() ? m_spec.model : answer.model;
    reply.citations = answer.citations;
    give(keyOf(answer.prompt, answer.sample), reply);
}

void CapturedEngine::skip(const QString &prompt, int sample)
{
    EngineReply reply;
    reply.outcome = EngineReply::Outcome::PermanentFailure;
    reply.errorClass = u"skipped"_s;
    reply.errorMessage = u"skipped in the capture panel: no answer was captured for it"_s;
    give(keyOf(prompt, sample), reply);
}

void CapturedEngine::giveBack()
{
    for (const EngineRequest &request : std::as_const(m_asked)) {
        EngineReply reply;
        reply.itemId = request.itemId;
        reply.outcome = EngineReply::Outcome::TransientFailure;
        reply.errorClass = u"not-captured"_s;
        reply.errorMessage = u"the capture stopped before this answer was captured"_s;
        finishLater(reply);
    }
    m_asked.clear();
    m_answered.clear();
}

void CapturedEngine::give(const QString &key, EngineReply reply)
{
    const auto asked = m_asked.constFind(key);
    if (asked == m_asked.cend()) {
        m_answered.insert(key, reply); // a later answer to the same item replaces it
        return;
    }
    reply.itemId = asked->itemId;
    m_asked.erase(asked);
    finishLater(reply);
}

} // namespace geo
