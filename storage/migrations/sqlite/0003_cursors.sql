-- Platform cursors (the next Telegram update id, a Matrix sync token), so a
-- restart neither drops nor repeats what the platform delivered.
CREATE TABLE cursors (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
