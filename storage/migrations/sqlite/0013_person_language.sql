-- The language a person chose with "/sprog tr" / "/language ar": replies
-- to them use it, whatever language a message is written in.
CREATE TABLE person_languages (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    language TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (platform, user_id)
);
