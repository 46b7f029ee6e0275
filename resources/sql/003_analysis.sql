-- Version 3: the rest of each answer's analysis (docs/metrics.md): rank in the recommendation
-- list, sentiment and PAWC per brand; [n] markers on citations; discovered brand names.
ALTER TABLE mentions ADD COLUMN rank INTEGER;
ALTER TABLE mentions ADD COLUMN sentiment REAL;
ALTER TABLE mentions ADD COLUMN pawc REAL NOT NULL DEFAULT 0;
ALTER TABLE citations ADD COLUMN marker INTEGER NOT NULL DEFAULT 0;
CREATE TABLE discovered (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (item_id, position)
);
