#pragma once

#include "Engine.h"
#include "model/Result.h"

#include <memory>

class QNetworkAccessManager;

namespace geo {

// Makes the engine a spec names; network engines share the one QNetworkAccessManager and
// send apiKey (from KeyStore; empty for servers that need none).
Result<std::unique_ptr<Engine>> createEngine(const EngineSpec &spec, QNetworkAccessManager *network,
                                             const QByteArray &apiKey = {});

} // namespace geo
