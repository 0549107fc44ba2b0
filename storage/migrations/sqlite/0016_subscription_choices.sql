-- What a subscriber chose ("/abonner dagligt børn"): each morning instead of
-- each week (daily = 1), and only events with these tags (names, space
-- separated) or about this topic. NULL is the plain weekly digest, as
-- before this column existed (and in exports written before it).
ALTER TABLE subscriptions ADD COLUMN daily INTEGER;
ALTER TABLE subscriptions ADD COLUMN tags TEXT;
ALTER TABLE subscriptions ADD COLUMN topic TEXT;
