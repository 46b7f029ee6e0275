#pragma once

#include <QString>

#include <optional>

namespace geo {

// Where an audit stands. Stored as its name (stateName); the one place that maps the two.
// Preparing: its items are still being written, a chunk per transaction; until the last
// chunk it is not a whole audit, and resuming it writes the rest first.
enum class AuditState { Running, Paused, Finished, Interrupted, Cancelled, BudgetStopped, Preparing };

// Where one item (a prompt asked of an engine once) stands.
enum class ItemState { Pending, Answered, Analysed, Failed };

// "running", "paused", "finished", "interrupted", "cancelled", "budget-stopped", "preparing".
QString stateName(AuditState state);
std::optional<AuditState> auditStateFromName(const QString &name);
// "pending", "answered", "analysed", "failed".
QString stateName(ItemState state);
std::optional<ItemState> itemStateFromName(const QString &name);

} // namespace geo
