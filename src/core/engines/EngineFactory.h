#pragma once

#include "Engine.h"
#include "Result.h"

#include <memory>

class QNetworkAccessManager;

namespace geo {

// Makes the engine a spec names; network engines share the one QNetworkAccessManager.
Result<std::unique_ptr<Engine>> createEngine(const EngineSpec &spec, QNetworkAccessManager *network);

} // namespace geo
