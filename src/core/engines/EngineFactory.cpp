#include "EngineFactory.h"

#include "RecordedEngine.h"

namespace geo {

using namespace Qt::StringLiterals;

Result<std::unique_ptr<Engine>> createEngine(const EngineSpec &spec, QNetworkAccessManager *network)
{
    Q_UNUSED(network)
    if (spec.kind == u"recorded"_s) {
        auto engine = RecordedEngine::load(spec);
        if (!engine)
            return Error{engine.error()};
        return std::unique_ptr<Engine>(std::move(engine).value());
    }
    return Error{u"engine '%1': this build cannot ask \"%2\" engines yet; use a \"recorded\" engine"_s.arg(spec.id, spec.kind)};
}

} // namespace geo
