-- Submissions (events and stories), handled-message journal and the
-- follow-up questions the bot is waiting on. Instants are UTC unix seconds.
CREATE TABLE submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    platform TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    message_id TEXT,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    language TEXT NOT NULL,
    anonymous BIGINT NOT NULL DEFAULT 0,
    body TEXT NOT NULL,
    title TEXT,
    location TEXT,
    event_draft TEXT,
    starts_at BIGINT,
    ends_at BIGINT,
    visible_until BIGINT,
    link TEXT,
    photo TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
-- "What's on" is one range scan: published events still on after `from`.
CREATE INDEX submissions_on ON submissions (kind, status, visible_until);
CREATE INDEX submissions_author ON submissions (platform, author_id, id);
CREATE INDEX submissions_source ON submissions (platform, conversation_id, message_id);

CREATE TABLE handled_messages (
    platform TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    handled_at BIGINT NOT NULL,
    PRIMARY KEY (platform, conversation_id, message_id)
);

CREATE TABLE conversation_states (
    platform TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    state TEXT NOT NULL,
    submission_id BIGINT NOT NULL,
    missing TEXT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (platform, conversation_id, user_id)
);
