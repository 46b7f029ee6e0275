-- Version 6: a discovered name's place in its answer's recommendation list (NULL when only
-- bold or linked text names it), so that scoring can give each discovered brand its best rank.
ALTER TABLE discovered ADD COLUMN rank INTEGER;
