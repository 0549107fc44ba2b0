-- Places residents add by message ("Nyt sted: …"): kind 'place', title the
-- place's name, and what the bot read (kind, coordinates, address, map
-- link) as JSON here. A town has hundreds, not millions: read whole.
ALTER TABLE submissions ADD COLUMN place_details TEXT;
