-- Several `vores run` processes on one PostgreSQL database (the core's
-- sharing module). A lease names what only one process may do at a time
-- (serve a platform: its inbound cursor and its outbox); its holder renews
-- it, and when the holder dies it expires and a standby takes it over.
-- Runtime state only: not part of a town's export.
CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);

-- The process sending an outbox item claims it first, until a time it
-- extends before each part, so two processes never send the same item and
-- an item whose sender died is sent by another once the claim runs out.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until BIGINT NOT NULL DEFAULT 0;
