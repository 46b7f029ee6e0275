-- Version 5: the lease on a running audit, so that two processes never ask the same items.
-- The process running an audit writes its run's random token, program, pid and host here
-- (with heartbeat_at, renewed while it runs); another may take the audit over only when
-- there is no holder, its heartbeat is stale, or it is a process of the same host that is gone.
ALTER TABLE audits ADD COLUMN lease_token TEXT;
ALTER TABLE audits ADD COLUMN lease_program TEXT;
ALTER TABLE audits ADD COLUMN lease_pid INTEGER;
ALTER TABLE audits ADD COLUMN lease_host TEXT;
