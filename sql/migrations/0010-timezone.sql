-- Migration 10: the time zone of an event or a consultation.  Times are stored in UTC and
-- shown in a wall clock: Lisbon's (mainland Portugal) unless the row names the zone of
-- the Azores or of Madeira, as the tz database calls them (cgi-src/lib/tztime.h; the
-- codes are the timezone domain of cgi-src/lib/domains.c).  NULL: Europe/Lisbon.  The
-- content_version triggers of both tables fire on any update, this column's included.
ALTER TABLE event ADD COLUMN timezone TEXT CHECK (timezone IS NULL OR timezone IN
  ('Europe/Lisbon','Atlantic/Madeira','Atlantic/Azores'));  -- the wall clock of its times
ALTER TABLE consultation ADD COLUMN timezone TEXT CHECK (timezone IS NULL OR timezone IN
  ('Europe/Lisbon','Atlantic/Madeira','Atlantic/Azores'));  -- the wall clock of its times
