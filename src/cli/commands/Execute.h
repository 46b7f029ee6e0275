// Drives an audit runner to its end for run, resume and import, reporting on stderr.
#pragma once

#include "Command.h"
#include "run/AuditRunner.h"
#include "store/AuditStore.h"

#include <functional>
#include <optional>

namespace geo::cli {

// `begin` starts or resumes the audit. With out.dir set, the finished audit is exported.
// Success when every answer succeeded, SomeFailed when some failed or the audit stopped
// short, BadInput when it could not start, Busy when another process runs the audit,
// NeedsConfirmation when it is above limits (none: no limit) and so was not started.
int execute(AuditStore &store, const Output &out, const NetworkOptions &net, std::optional<RunLimits> limits,
            const std::function<void(AuditRunner &)> &begin);

// The limits above which run and resume want --yes: --max-answers and --max-cost, else
// GEOAUDIT_MAX_ANSWERS and GEOAUDIT_MAX_COST_USD, else RunLimits' defaults; none with --yes.
// A value that is not a number is said and gives BadInput.
int confirmLimits(const Invocation &in, std::optional<RunLimits> &limits);

} // namespace geo::cli
