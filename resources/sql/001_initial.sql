-- GEO Audit schema, version 1. Statements end with a semicolon at the end of a line.
CREATE TABLE audits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    spec_json TEXT NOT NULL,
    state TEXT NOT NULL,
    sample_data INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    finished_at TEXT
);

-- The tracked brands of an audit; brand_index 0 is the audited brand.
CREATE TABLE brands (
    audit_id INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
    brand_index INTEGER NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,
    domains TEXT NOT NULL,
    PRIMARY KEY (audit_id, brand_index)
);

CREATE TABLE prompts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    audit_id INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    category TEXT NOT NULL,
    topic TEXT NOT NULL,
    branded INTEGER NOT NULL
);
CREATE INDEX prompts_audit ON prompts(audit_id);

-- One row per work item (prompt x engine x sample); the answer is stored on it when it arrives.
CREATE TABLE items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    audit_id INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
    prompt_id INTEGER NOT NULL REFERENCES prompts(id) ON DELETE CASCADE,
    engine TEXT NOT NULL,
    sample INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    model TEXT,
    finish_reason TEXT,
    answer TEXT,
    latency_ms INTEGER,
    tokens_in INTEGER,
    tokens_out INTEGER,
    answered_at TEXT,
    UNIQUE (audit_id, prompt_id, engine, sample)
);
CREATE INDEX items_audit ON items(audit_id, status);

-- Tracked brands an answer mentions (brands it does not mention have no row).
CREATE TABLE mentions (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    brand_index INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    first_offset INTEGER NOT NULL,
    first_pos REAL NOT NULL,
    mention_order INTEGER NOT NULL,
    PRIMARY KEY (item_id, brand_index)
);

CREATE TABLE citations (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    host TEXT NOT NULL,
    domain TEXT NOT NULL,
    owner_index INTEGER NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (item_id, position)
);
CREATE INDEX citations_domain ON citations(domain);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    audit_id INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    stage TEXT NOT NULL,
    engine TEXT NOT NULL,
    error_class TEXT NOT NULL,
    message TEXT NOT NULL,
    attempts INTEGER NOT NULL
);
CREATE INDEX failures_audit ON failures(audit_id);
