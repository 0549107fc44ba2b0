-- Outside calendars (the web's iCalendar feeds) must see that an event
-- changed: every save after the first counts one up (its SEQUENCE).
ALTER TABLE submissions ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
