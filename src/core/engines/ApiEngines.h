#pragma once

#include "HttpEngine.h"

namespace geo {

// Chat Completions: OpenAI and every compatible server (OpenRouter, Perplexity, Groq, Mistral,
// DeepSeek, Ollama, LM Studio, vLLM, llama.cpp). Citations from message.annotations
// (url_citation) and Perplexity's citations / search_results.
class OpenAiEngine final : public HttpEngine
{
    Q_OBJECT
public:
    using HttpEngine::HttpEngine;

protected:
    QNetworkRequest request() const override;
    QJsonObject body(const QString &prompt) const override;
    Status read(const QJsonObject &response, EngineReply &reply) const override;
};

// Anthropic Messages API. Citations from text blocks and web search result blocks.
class AnthropicEngine final : public HttpEngine
{
    Q_OBJECT
public:
    using HttpEngine::HttpEngine;

protected:
    QNetworkRequest request() const override;
    QJsonObject body(const QString &prompt) const override;
    Status read(const QJsonObject &response, EngineReply &reply) const override;
};

// Gemini generateContent. Citations from groundingMetadata.groundingChunks[].web.
class GeminiEngine final : public HttpEngine
{
    Q_OBJECT
public:
    using HttpEngine::HttpEngine;

protected:
    QNetworkRequest request() const override;
    QJsonObject body(const QString &prompt) const override;
    Status read(const QJsonObject &response, EngineReply &reply) const override;
};

} // namespace geo
