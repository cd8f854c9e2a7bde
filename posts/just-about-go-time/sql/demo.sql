-- Every result in the article's PostgreSQL section comes from this file.
-- Run it with ./run.sh, which starts a throwaway PostgreSQL and writes output.txt.
-- The Go side of the round trip, through the pgx driver, is pgx/ (pgx-output.txt).

-- 1. One literal, two column types.
CREATE TABLE events (
    id    int PRIMARY KEY,
    at    timestamptz,
    naive timestamp
);
SET TimeZone = 'UTC';
INSERT INTO events VALUES (1, '2026-03-07 09:00:00-05', '2026-03-07 09:00:00-05');

SELECT at, naive FROM events;
SET TimeZone = 'America/New_York';
SELECT at, naive FROM events;
SET TimeZone = 'Asia/Tokyo';
SELECT at, naive FROM events;

-- 2. Converting timestamp -> timestamptz uses the session zone.
SET TimeZone = 'UTC';
SELECT naive::timestamptz AS naive_as_instant FROM events;
SET TimeZone = 'Asia/Tokyo';
SELECT naive::timestamptz AT TIME ZONE 'UTC' AS naive_as_instant_in_utc FROM events;

-- 3. Storage: eight bytes, no zone.
SELECT pg_column_size(at) AS at_bytes, pg_column_size(naive) AS naive_bytes FROM events;

-- 4. Precision: microseconds. The server rounds extra digits in a literal it parses
--    (pgx, in pgx-output.txt, truncates them before they are sent).
SET TimeZone = 'UTC';
SELECT '2026-05-06 12:00:00.123456789+00'::timestamptz AS nine_digits_in;

-- 5. "One day" versus "24 hours" across the March 8, 2026 DST change in New York.
SET TimeZone = 'America/New_York';
SELECT at + interval '1 day'    AS plus_1_day,
       at + interval '24 hours' AS plus_24_hours
FROM events;
SET TimeZone = 'UTC';
SELECT at + interval '1 day'    AS plus_1_day,
       at + interval '24 hours' AS plus_24_hours
FROM events;

-- 6. Wall-clock times that do not exist, or exist twice.
SET TimeZone = 'America/New_York';
SELECT '2026-03-08 02:30'::timestamptz AS skipped,
       '2026-11-01 01:30'::timestamptz AS repeated;
SET TimeZone = 'UTC';
SELECT '2026-03-08 02:30'::timestamp AT TIME ZONE 'America/New_York' AS skipped_utc,
       '2026-11-01 01:30'::timestamp AT TIME ZONE 'America/New_York' AS repeated_utc;

-- Lord Howe Island moves its clocks by 30 minutes, London at 01:00 UTC.
SELECT '2026-10-04 02:15'::timestamp AT TIME ZONE 'Australia/Lord_Howe' AS lord_howe_skipped_utc,
       '2026-04-05 01:45'::timestamp AT TIME ZONE 'Australia/Lord_Howe' AS lord_howe_repeated_utc,
       '2026-10-25 01:30'::timestamp AT TIME ZONE 'Europe/London' AS london_repeated_utc;

-- A whole day can be skipped: Samoa went from 29 to 31 December 2011.
SET TimeZone = 'Pacific/Apia';
SELECT '2011-12-30 12:00'::timestamptz AS skipped_day,
       '2011-12-30 12:00'::timestamptz AT TIME ZONE 'UTC' AS skipped_day_utc;

-- 7. "Which day?" depends on the session too, unless you say which zone you mean.
INSERT INTO events VALUES (2, '2026-05-07 02:30:00+00', NULL);
SET TimeZone = 'UTC';
SELECT id, date_trunc('day', at) AS day_in_session_zone,
       date_trunc('day', at, 'America/New_York') AS day_in_new_york
FROM events WHERE id = 2;
SET TimeZone = 'America/New_York';
SELECT id, date_trunc('day', at) AS day_in_session_zone,
       date_trunc('day', at, 'America/New_York') AS day_in_new_york
FROM events WHERE id = 2;
