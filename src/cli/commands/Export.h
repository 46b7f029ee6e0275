// Writing a stored audit's tables and reports, for export and for the verbs with --out.
#pragma once

#include "Command.h"
#include "store/AuditStore.h"

namespace geo::cli {

// Writes the formats of out for the audit into out.dir, saying what it wrote and which
// audit its figures are compared with. Success or BadInput.
int exportAudit(AuditStore &store, qint64 auditId, const Output &out);

} // namespace geo::cli
