-- Reactions: the platform id of the last part of each delivered outbox item,
-- so a reaction to one of the bot's messages finds what it was about; and
-- who showed interest (👍) in which submission.
ALTER TABLE outbox ADD COLUMN last_message_id TEXT;
CREATE INDEX outbox_sent_message ON outbox (platform, conversation_id, last_message_id);

CREATE TABLE interest (
    submission_id BIGINT NOT NULL REFERENCES submissions (id),
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (submission_id, platform, user_id)
);
