-- Questions by topic and place ("hvornår er der fællesspisning?", "hvad
-- sker der i Glashuset?") find events through a full-text index, not by
-- reading every event in the window. The indexed text is the event's title,
-- place and message, lower-cased by Vores itself (Unicode rules, so "Ø" is
-- "ø" whatever the database's locale) and written into `search_text`; the
-- 'simple' configuration adds no stemming or stop words, like SQLite's FTS5
-- unicode61 tokenizer, so both databases answer alike.
ALTER TABLE submissions ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
UPDATE submissions SET search_text = lower(coalesce(title, '') || ' ' || coalesce(location, '') || ' ' || body)
    WHERE kind = 'event';
ALTER TABLE submissions ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
CREATE INDEX submissions_search ON submissions USING GIN (search) WHERE kind = 'event';
