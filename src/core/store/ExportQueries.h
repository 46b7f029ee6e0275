#pragma once

#include "AuditRecords.h"

namespace geo::ExportQueries {

// Streams the export tables of an audit to sink, on a connection of the calling thread's
// own that lives for this call.
Status run(const QString &location, qint64 auditId, RowSink &sink);

} // namespace geo::ExportQueries
