-- A regular activity ("hver torsdag kl. 18") is one row: its rule lives in
-- event_draft, starts_at is its first occurrence and visible_until its last
-- day (or the far future). "What's on" expands the series that overlap a
-- window; this flag and index find them without scanning past events.
ALTER TABLE submissions ADD COLUMN repeats INTEGER NOT NULL DEFAULT 0;
CREATE INDEX submissions_series ON submissions (kind, status, visible_until) WHERE repeats = 1;
