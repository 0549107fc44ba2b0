-- The week's news by private message ("/abonner", "/subscribe"): one row
-- per account, for the group of the conversation it was asked in.
CREATE TABLE subscriptions (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    group_name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (platform, user_id)
);
CREATE INDEX subscriptions_group ON subscriptions (group_name);
