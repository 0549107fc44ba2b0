-- A message the bot already posted that must change on the platform (an
-- erased person's name taken out of a digest): 1 until its platform's
-- sender has edited it, where the platform allows edits. NULL otherwise
-- (and in exports written before this column).
ALTER TABLE outbox ADD COLUMN edit_pending BIGINT;
CREATE INDEX outbox_edit_pending ON outbox (platform) WHERE edit_pending = 1;
