-- One resident across platforms: accounts linked with a one-time code
-- ("/forbind", "/link") share trust, strikes, "/mine" and their language.
CREATE TABLE person_links (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    person TEXT NOT NULL,
    linked_at BIGINT NOT NULL,
    PRIMARY KEY (platform, user_id)
);
CREATE INDEX person_links_person ON person_links (person);

-- A code waits for the other account for ten minutes, once.
CREATE TABLE link_codes (
    code TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);

-- Wrong codes, counted per account against guessing.
CREATE TABLE link_attempts (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX link_attempts_by ON link_attempts (platform, user_id, at);
