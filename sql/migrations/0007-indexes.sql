-- Migration 7: indexes that the query-plan test (tests/request/test_plans.c) showed were
-- missing, on a generated data set of 4,000 commitments (bench/gen).
--
-- Upcoming events (the home page): the events not yet over, found by the day they end
-- (or start, when the end is not known) instead of reading every past event first.
CREATE INDEX event_until ON event(coalesce(end_date, start_date));
-- The feeds of an OGP value: the commitments that carry the value.
CREATE INDEX commitment_value_value ON commitment_value(value);
