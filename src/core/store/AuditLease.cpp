#include "AuditLease.h"

#include "AuditRepository.h"
#include "Sql.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSysInfo>
#include <QUuid>

#include <cerrno>
#include <csignal>

namespace geo {

using namespace Qt::StringLiterals;

LeaseHolder LeaseHolder::thisProcess()
{
    const QString program
        = QCoreApplication::instance() ? QFileInfo(QCoreApplication::applicationFilePath()).fileName() : u"geoaudit"_s;
    return {QUuid::createUuid().toString(QUuid::WithoutBraces), program, QCoreApplication::applicationPid(),
            QSysInfo::machineHostName()};
}

namespace {

QString who(const LeaseHolder &h)
{
    if (!h.isValid())
        return u"another process"_s;
    // One arg() for all: a name holding "%1" stays as it is.
    return u"%1 (pid %2 on host %3)"_s.arg(h.program.isEmpty() ? u"a program"_s : h.program, QString::number(h.pid),
                                           h.host);
}

} // namespace

QString Lease::refusal(qint64 auditId, const QDateTime &now) const
{
    QString seen;
    if (lastSeen.isValid())
        seen = u", last seen %1 s ago"_s.arg(std::max<qint64>(0, lastSeen.secsTo(now)));
    return u"audit %1 is being run by %2%3; wait for it to finish or stop it first (an audit whose process has "
           "stopped, or not been heard from for %4 s, can be resumed)"_s.arg(
               QString::number(auditId), who(holder), seen, QString::number(AuditSummary::HeartbeatTimeoutMs / 1000));
}

QString Lease::lost(qint64 auditId) const
{
    return u"audit %1 was taken over by %2; this run stopped asking, so that nothing is asked twice, and left the "
           "audit to it"_s.arg(QString::number(auditId), who(holder));
}

namespace AuditRepository {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Heartbeats are ISO 8601 UTC texts of one fixed width, so they compare as texts.
QString staleBefore()
{
    return QDateTime::currentDateTimeUtc().addMSecs(-AuditSummary::HeartbeatTimeoutMs).toString(Qt::ISODateWithMs);
}

// Whether a process of this host is still there (kill with no signal only checks).
bool processExists(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

// The lease as stored; no token when nobody holds it.
Result<Lease> readLease(QSqlDatabase &db, qint64 auditId)
{
    QSqlQuery &q = Sql::prepared(
        db, u"SELECT lease_token, lease_program, lease_pid, lease_host, heartbeat_at FROM audits WHERE id = ?"_s);
    if (Status s = Sql::exec(q, {auditId}); !s)
        return Error{s.error()};
    if (!q.next())
        return Error{u"there is no audit %1 in the database; `geoaudit-cli list` shows the audits"_s.arg(auditId)};
    Lease lease;
    lease.holder = {q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString()};
    lease.lastSeen = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
    q.finish();
    return lease;
}

// Sets holder as the audit's holder where `condition` holds; whether it did.
Result<bool> claim(QSqlDatabase &db, qint64 auditId, const LeaseHolder &holder, const QString &condition,
                   std::initializer_list<QVariant> values)
{
    QSqlQuery &q
        = Sql::prepared(db,
                        u"UPDATE audits SET lease_token = ?, lease_program = ?, lease_pid = ?, lease_host = ?, "
                        "heartbeat_at = ? WHERE id = ? AND (%1)"_s.arg(condition));
    QList<QVariant> all{holder.token, holder.program, holder.pid, holder.host, now(), auditId};
    all.append(QList<QVariant>(values));
    for (qsizetype i = 0; i < all.size(); ++i)
        q.bindValue(int(i), all[i]);
    if (!q.exec())
        return Sql::failure(q);
    const bool claimed = q.numRowsAffected() == 1;
    q.finish();
    return claimed;
}

} // namespace

bool holderIsGone(const QString &host, qint64 pid)
{
    return pid > 0 && host == QSysInfo::machineHostName() && !processExists(pid);
}

Result<Lease> takeLease(QSqlDatabase &db, qint64 auditId, const LeaseHolder &holder)
{
    // Free, already ours, or its holder silent for too long: this UPDATE alone decides, so
    // two processes asking at once cannot both get it.
    Result<bool> taken = claim(db, auditId, holder,
                               u"lease_token IS NULL OR lease_token = ? OR heartbeat_at IS NULL OR heartbeat_at < ?"_s,
                               {holder.token, staleBefore()});
    if (!taken)
        return Error{taken.error()};
    if (taken.value())
        return Lease{true, holder, QDateTime::currentDateTimeUtc()};
    Result<Lease> current = readLease(db, auditId);
    if (!current)
        return current;
    // A holder of this host that is gone (kill -9, a crash) need not be waited for; only
    // that very holder is replaced, should another have taken its place meanwhile.
    const LeaseHolder &other = current->holder;
    if (other.host == holder.host && holderIsGone(other.host, other.pid)) {
        taken = claim(db, auditId, holder, u"lease_token = ?"_s, {other.token});
        if (!taken)
            return Error{taken.error()};
        if (taken.value())
            return Lease{true, holder, QDateTime::currentDateTimeUtc()};
        current = readLease(db, auditId);
    }
    return current;
}

Result<Lease> renewLease(QSqlDatabase &db, qint64 auditId, const LeaseHolder &holder)
{
    QSqlQuery &q
        = Sql::prepared(db, u"UPDATE audits SET heartbeat_at = ?, state = ? WHERE id = ? AND lease_token = ?"_s);
    if (Status s = Sql::exec(q, {now(), stateName(AuditState::Running), auditId, holder.token}); !s)
        return Error{s.error()};
    const bool renewed = q.numRowsAffected() == 1;
    q.finish();
    if (renewed)
        return Lease{true, holder, QDateTime::currentDateTimeUtc()};
    return readLease(db, auditId);
}

Result<bool> releaseLease(QSqlDatabase &db, qint64 auditId, const LeaseHolder &holder, std::optional<AuditState> state)
{
    QSqlQuery &q = Sql::prepared(db,
                                 u"UPDATE audits SET lease_token = NULL, lease_program = NULL, lease_pid = NULL, "
                                 "lease_host = NULL, heartbeat_at = NULL "
                                 "WHERE id = ? AND (lease_token IS NULL OR lease_token = ?)"_s);
    if (Status s = Sql::exec(q, {auditId, holder.token}); !s)
        return Error{s.error()};
    const bool released = q.numRowsAffected() == 1;
    q.finish();
    if (released && state)
        if (Status s = setState(db, auditId, *state); !s)
            return Error{s.error()};
    return released;
}

} // namespace AuditRepository

} // namespace geo
