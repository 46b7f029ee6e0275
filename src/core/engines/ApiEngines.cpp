#include "ApiEngines.h"

#include "Redaction.h"

#include <QJsonArray>

namespace geo {

using namespace Qt::StringLiterals;

namespace {

void addCitation(EngineReply &reply, const QJsonValue &url, const QJsonValue &title)
{
    if (url.isString() && !url.toString().isEmpty())
        reply.citations.append({url.toString(), title.toString()});
}

Error missing(const QString &path, const QString &api)
{
    return Error{u"the %1 answer has no %2; the server may not speak this API"_s.arg(api, path)};
}

} // namespace

// OpenAI-compatible ------------------------------------------------------------------------

QNetworkRequest OpenAiEngine::request() const
{
    QNetworkRequest r(endpoint(u"/chat/completions"_s));
    if (!apiKey().isEmpty())
        r.setRawHeader("Authorization", "Bearer " + apiKey());
    return r;
}

QJsonObject OpenAiEngine::body(const QString &prompt) const
{
    QJsonObject o{{u"model"_s, spec().model},
                  {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, prompt}}}}};
    if (spec().webSearch)
        o.insert(u"web_search_options"_s, QJsonObject{});
    return o;
}

Status OpenAiEngine::read(const QJsonObject &response, EngineReply &reply) const
{
    const QJsonArray choices = response.value(u"choices"_s).toArray();
    if (choices.isEmpty() || !choices[0].isObject())
        return missing(u"choices[0]"_s, u"Chat Completions"_s);
    const QJsonObject choice = choices[0].toObject();
    const QJsonObject message = choice.value(u"message"_s).toObject();
    const QJsonValue content = message.value(u"content"_s);
    if (!content.isString()) {
        if (const QString refusal = message.value(u"refusal"_s).toString(); !refusal.isEmpty())
            // Out of the key before the cut, which could leave a part of it that no longer matches.
            return Error{u"the model refused: %1"_s.arg(redactSecrets(refusal, apiKey()).left(200))};
        return missing(u"choices[0].message.content text"_s, u"Chat Completions"_s);
    }
    reply.text = content.toString();
    reply.finishReason = choice.value(u"finish_reason"_s).toString();
    reply.model = response.value(u"model"_s).toString(spec().model);
    const QJsonObject usage = response.value(u"usage"_s).toObject();
    reply.tokensIn = usage.value(u"prompt_tokens"_s).toInt();
    reply.tokensOut = usage.value(u"completion_tokens"_s).toInt();
    for (const QJsonValue &a : message.value(u"annotations"_s).toArray()) {
        const QJsonObject annotation = a.toObject();
        if (annotation.value(u"type"_s).toString() == u"url_citation"_s) {
            const QJsonObject c = annotation.value(u"url_citation"_s).toObject();
            addCitation(reply, c.value(u"url"_s), c.value(u"title"_s));
        }
    }
    // Perplexity: a list of URLs, and search results with titles.
    for (const QJsonValue &url : response.value(u"citations"_s).toArray())
        addCitation(reply, url, {});
    for (const QJsonValue &r : response.value(u"search_results"_s).toArray())
        addCitation(reply, r.toObject().value(u"url"_s), r.toObject().value(u"title"_s));
    return ok();
}

// Anthropic ----------------------------------------------------------------------------------

QNetworkRequest AnthropicEngine::request() const
{
    QNetworkRequest r(endpoint(u"/messages"_s));
    r.setRawHeader("x-api-key", apiKey());
    r.setRawHeader("anthropic-version", "2023-06-01");
    return r;
}

QJsonObject AnthropicEngine::body(const QString &prompt) const
{
    QJsonObject o{{u"model"_s, spec().model},
                  {u"max_tokens"_s, 4096},
                  {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, prompt}}}}};
    if (spec().webSearch)
        o.insert(u"tools"_s,
                 QJsonArray{QJsonObject{
                     {u"type"_s, u"web_search_20250305"_s}, {u"name"_s, u"web_search"_s}, {u"max_uses"_s, 5}}});
    return o;
}

Status AnthropicEngine::read(const QJsonObject &response, EngineReply &reply) const
{
    const QJsonValue content = response.value(u"content"_s);
    if (!content.isArray())
        return missing(u"content list"_s, u"Messages"_s);
    for (const QJsonValue &v : content.toArray()) {
        const QJsonObject block = v.toObject();
        const QString type = block.value(u"type"_s).toString();
        if (type == u"text"_s) {
            reply.text += block.value(u"text"_s).toString();
            for (const QJsonValue &c : block.value(u"citations"_s).toArray())
                addCitation(reply, c.toObject().value(u"url"_s), c.toObject().value(u"title"_s));
        } else if (type == u"web_search_tool_result"_s) {
            for (const QJsonValue &r : block.value(u"content"_s).toArray())
                addCitation(reply, r.toObject().value(u"url"_s), r.toObject().value(u"title"_s));
        }
    }
    if (reply.text.isEmpty())
        return missing(u"text block"_s, u"Messages"_s);
    reply.finishReason = response.value(u"stop_reason"_s).toString();
    reply.model = response.value(u"model"_s).toString(spec().model);
    const QJsonObject usage = response.value(u"usage"_s).toObject();
    reply.tokensIn = usage.value(u"input_tokens"_s).toInt();
    reply.tokensOut = usage.value(u"output_tokens"_s).toInt();
    return ok();
}

// Gemini -------------------------------------------------------------------------------------

QNetworkRequest GeminiEngine::request() const
{
    QNetworkRequest r(endpoint(u"/models/%1:generateContent"_s.arg(spec().model)));
    r.setRawHeader("x-goog-api-key", apiKey());
    return r;
}

QJsonObject GeminiEngine::body(const QString &prompt) const
{
    QJsonObject o{
        {u"contents"_s,
         QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"parts"_s, QJsonArray{QJsonObject{{u"text"_s, prompt}}}}}}}};
    if (spec().webSearch)
        o.insert(u"tools"_s, QJsonArray{QJsonObject{{u"google_search"_s, QJsonObject{}}}});
    return o;
}

Status GeminiEngine::read(const QJsonObject &response, EngineReply &reply) const
{
    const QJsonArray candidates = response.value(u"candidates"_s).toArray();
    if (candidates.isEmpty()) {
        const QString blocked = response.value(u"promptFeedback"_s).toObject().value(u"blockReason"_s).toString();
        if (!blocked.isEmpty())
            return Error{u"the prompt was blocked (%1)"_s.arg(blocked)};
        return missing(u"candidates[0]"_s, u"Gemini"_s);
    }
    const QJsonObject candidate = candidates[0].toObject();
    for (const QJsonValue &part : candidate.value(u"content"_s).toObject().value(u"parts"_s).toArray())
        reply.text += part.toObject().value(u"text"_s).toString();
    if (reply.text.isEmpty())
        return missing(u"candidates[0].content.parts text"_s, u"Gemini"_s);
    reply.finishReason = candidate.value(u"finishReason"_s).toString();
    reply.model = response.value(u"modelVersion"_s).toString(spec().model);
    const QJsonObject usage = response.value(u"usageMetadata"_s).toObject();
    reply.tokensIn = usage.value(u"promptTokenCount"_s).toInt();
    reply.tokensOut = usage.value(u"candidatesTokenCount"_s).toInt();
    for (const QJsonValue &chunk :
         candidate.value(u"groundingMetadata"_s).toObject().value(u"groundingChunks"_s).toArray()) {
        const QJsonObject web = chunk.toObject().value(u"web"_s).toObject();
        addCitation(reply, web.value(u"uri"_s), web.value(u"title"_s));
    }
    return ok();
}

} // namespace geo
