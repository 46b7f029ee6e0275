#pragma once

#include "ReportData.h"

#include <QJsonObject>

namespace geo {

// The whole audit as one JSON document (keys in docs/reports.md): what was asked, the run,
// every cut's per-brand figures with n/a as null, the change since the previous audit of the
// series, the domains with owner and readiness, discovered brands and failures.
class JsonReport final
{
public:
    static QJsonObject render(const ReportData &data);
};

} // namespace geo
