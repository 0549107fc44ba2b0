-- Private notes (a guideline note to one member) go through the outbox like
-- every other message, so a crash neither loses nor repeats them. The
-- conversation stays the one the note is about; `private_to` is the user id
-- (on the same platform) it is sent to.
ALTER TABLE outbox ADD COLUMN private_to TEXT;
