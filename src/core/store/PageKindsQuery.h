#pragma once

#include "model/Result.h"
#include "model/SourceType.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace geo::PageKindsQuery {

// What each site an audit inspected declares its page to be (JSON-LD @types, og:type), by
// registrable domain, read from the stored reports: a source type's evidence for scoring.
Result<QHash<QString, PageKinds>> run(QSqlDatabase &db, qint64 auditId);

} // namespace geo::PageKindsQuery
