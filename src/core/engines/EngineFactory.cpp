#include "EngineFactory.h"

#include "ApiEngines.h"
#include "ImportedEngine.h"
#include "RecordedEngine.h"

namespace geo {

using namespace Qt::StringLiterals;

Result<std::unique_ptr<Engine>> createEngine(const EngineSpec &spec, QNetworkAccessManager *network,
                                             const QByteArray &apiKey)
{
    if (spec.kind == u"recorded"_s) {
        auto engine = RecordedEngine::load(spec);
        if (!engine)
            return Error{engine.error()};
        return std::unique_ptr<Engine>(std::move(engine).value());
    }
    if (spec.kind == u"imported"_s)
        return std::unique_ptr<Engine>(new ImportedEngine(spec));
    if (!spec.apiKeyEnv.isEmpty() && apiKey.isEmpty())
        return Error{u"engine '%1': no API key was found for %2"_s.arg(spec.id, spec.apiKeyEnv)};
    if (spec.kind == u"openai"_s)
        return std::unique_ptr<Engine>(new OpenAiEngine(spec, network, apiKey));
    if (spec.kind == u"anthropic"_s)
        return std::unique_ptr<Engine>(new AnthropicEngine(spec, network, apiKey));
    if (spec.kind == u"gemini"_s)
        return std::unique_ptr<Engine>(new GeminiEngine(spec, network, apiKey));
    return Error{u"engine '%1': \"%2\" is not an engine kind"_s.arg(spec.id, spec.kind)};
}

} // namespace geo
