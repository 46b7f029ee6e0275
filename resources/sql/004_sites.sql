-- Version 4: site readiness reports (docs/readiness.md), per audit and registrable domain,
-- with each group's points for the tables and the whole report as JSON.
CREATE TABLE site_reports (
    audit_id INTEGER NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
    domain TEXT NOT NULL,
    owner_index INTEGER NOT NULL,
    page TEXT NOT NULL,
    inspected_at TEXT NOT NULL,
    reachable INTEGER NOT NULL,
    error TEXT,
    score INTEGER NOT NULL,
    crawler_access INTEGER NOT NULL,
    structured_data INTEGER NOT NULL,
    metadata INTEGER NOT NULL,
    content_structure INTEGER NOT NULL,
    llms_txt INTEGER NOT NULL,
    transport INTEGER NOT NULL,
    report_json TEXT NOT NULL,
    PRIMARY KEY (audit_id, domain)
);
