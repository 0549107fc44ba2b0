-- "What's on" as one tight indexed read (issue 14).
-- One-off events by start, carrying everything the answer filters on (end,
-- channel), so a window and its "… and N more" count are read from the
-- index alone, however many years of events the table holds.
CREATE INDEX submissions_calendar ON submissions (kind, status, starts_at, visible_until, platform, conversation_id) WHERE repeats = 0;
DROP INDEX submissions_starts;
-- The longest one-off event: how long before a window an event still on in
-- it can have started (read as the first entry of this index).
CREATE INDEX submissions_span ON submissions (kind, repeats, (visible_until - starts_at));
-- Interest kept as a count on the row that is read, instead of a count
-- query for every event listed.
ALTER TABLE submissions ADD COLUMN interested BIGINT NOT NULL DEFAULT 0;
UPDATE submissions SET interested = (SELECT COUNT(*) FROM interest WHERE interest.submission_id = submissions.id);
