#pragma once

#include "AuditRecords.h"

#include <QSqlDatabase>

#include <optional>

namespace geo::AuditRepository {

// The lease on a running audit (resources/sql/005_lease.sql), so that two processes never
// run one audit at once. Each is one store job; the taking is a conditional UPDATE, which
// both backends perform atomically, so of two processes asking at once one gets it.

// Whether the holder of a lease is a process of this host that no longer exists (killed,
// crashed): its audit is interrupted, whatever its last heartbeat says.
bool holderIsGone(const QString &host, qint64 pid);

// Takes the lease for holder when nobody holds it, holder itself does, its holder's
// heartbeat is stale (AuditSummary::HeartbeatTimeoutMs), or its holder is a process of this
// host that no longer exists (killed): then the heartbeat is renewed too. Otherwise it is
// refused, naming who holds it.
Result<Lease> takeLease(QSqlDatabase &db, qint64 auditId, const LeaseHolder &holder);
// Writes holder's heartbeat (the audit is running), if holder still has the lease.
Result<Lease> renewLease(QSqlDatabase &db, qint64 auditId, const LeaseHolder &holder);
// Gives up holder's lease, also when nobody holds it, and then sets the audit's state if
// one is given; false when another process holds it (nothing is changed then). A running
// audit left with no holder and no heartbeat lists as interrupted.
Result<bool> releaseLease(QSqlDatabase &db, qint64 auditId, const LeaseHolder &holder, std::optional<AuditState> state);

} // namespace geo::AuditRepository
