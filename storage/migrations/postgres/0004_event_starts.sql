-- "What's on" scans events by start: a window finds its events with one
-- short range over this index instead of every event still to come.
CREATE INDEX submissions_starts ON submissions (kind, status, starts_at);
