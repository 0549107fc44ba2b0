-- Review of submissions, trust, members, the moderation log, the outbox and
-- digest runs. Instants are UTC unix seconds; flags are 0/1.

-- When a submission became visible (approved, or published without
-- approval), who decided and why.
ALTER TABLE submissions ADD COLUMN approved_at BIGINT;
ALTER TABLE submissions ADD COLUMN reviewer TEXT;
ALTER TABLE submissions ADD COLUMN review_note TEXT;
-- Submissions published before there was a review were visible from the start.
UPDATE submissions SET approved_at = created_at WHERE status = 'published';
-- Stories for a digest are one range scan by approval time.
CREATE INDEX submissions_approved ON submissions (kind, status, approved_at);
-- The admins' queue: pending submissions, oldest first.
CREATE INDEX submissions_status ON submissions (status, id);

-- Only a revocation needs a row: without one a person's trust is earned.
CREATE TABLE trust (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    revoked BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (platform, user_id)
);

-- Who has been seen in a group, since when, and how much they wrote.
CREATE TABLE members (
    platform TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    first_seen BIGINT NOT NULL,
    messages BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (platform, conversation_id, user_id)
);

CREATE TABLE moderation_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    platform TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    message_id TEXT,
    user_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    rule TEXT NOT NULL,
    matched TEXT NOT NULL,
    action TEXT NOT NULL,
    strike BIGINT NOT NULL DEFAULT 0,
    undone BIGINT NOT NULL DEFAULT 0,
    appeal TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX moderation_log_conversation ON moderation_log (platform, conversation_id, id);
CREATE INDEX moderation_log_strikes ON moderation_log (platform, conversation_id, user_id, created_at);

-- Messages waiting for their platform's adapter. A dedupe key allows at most
-- one item ever (a digest per channel and period); NULL keys never clash.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    platform TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    reply_to TEXT,
    thread TEXT,
    doc TEXT NOT NULL,
    dedupe_key TEXT UNIQUE,
    status TEXT NOT NULL DEFAULT 'pending',
    parts_sent BIGINT NOT NULL DEFAULT 0,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX outbox_due ON outbox (status, platform, next_attempt_at);

CREATE TABLE digest_runs (
    group_name TEXT NOT NULL,
    period BIGINT NOT NULL,
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (group_name, period)
);
