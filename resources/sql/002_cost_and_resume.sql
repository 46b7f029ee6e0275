-- Version 2: what each answer cost, and the heartbeat of the process running an audit, so
-- an audit whose process died shows as interrupted.
ALTER TABLE items ADD COLUMN cost_usd REAL;
ALTER TABLE audits ADD COLUMN heartbeat_at TEXT;
-- The structured citations the engine returned with the answer (JSON), kept with it so an
-- answer stored before its analysis can be analysed after a restart.
ALTER TABLE items ADD COLUMN engine_citations TEXT;
