-- Questions by topic and place ("hvornår er der fællesspisning?", "hvad
-- sker der i Glashuset?") find events through a full-text index, not by
-- reading every event in the window. The indexed text is the event's title,
-- place and message, lower-cased by Vores itself (Unicode rules, so "Ø" is
-- "ø" whatever the database's locale) and written into `search_text`; the
-- tokenizer keeps æ, ø and å (remove_diacritics 0), like PostgreSQL's
-- 'simple' configuration, so both databases answer alike.
ALTER TABLE submissions ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
UPDATE submissions SET search_text = lower(coalesce(title, '') || ' ' || coalesce(location, '') || ' ' || body)
    WHERE kind = 'event';
CREATE VIRTUAL TABLE events_search USING fts5(
    search_text,
    content = 'submissions', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 0"
);
INSERT INTO events_search (rowid, search_text)
    SELECT id, search_text FROM submissions WHERE kind = 'event';
CREATE TRIGGER submissions_search_insert AFTER INSERT ON submissions WHEN new.kind = 'event' BEGIN
    INSERT INTO events_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER submissions_search_delete AFTER DELETE ON submissions WHEN old.kind = 'event' BEGIN
    INSERT INTO events_search (events_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER submissions_search_update AFTER UPDATE OF search_text ON submissions
    WHEN old.kind = 'event' BEGIN
    INSERT INTO events_search (events_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO events_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
