-- The cast to date cannot use the index on created_at, and which rows it
-- selects depends on the session's TimeZone. The half-open range can use it.
-- Generic plans show the parameters as $1 and $2, as the article writes them.
\pset footer off
SET plan_cache_mode = force_generic_plan;
PREPARE by_cast(date) AS
    SELECT count(*) FROM orders WHERE created_at::date = $1;
PREPARE by_range(timestamptz, timestamptz) AS
    SELECT count(*) FROM orders WHERE created_at >= $1 AND created_at < $2;

\echo '-- plan: WHERE created_at::date = $1'
EXPLAIN (COSTS OFF) EXECUTE by_cast('2026-03-10');
\echo '-- plan: WHERE created_at >= $1 AND created_at < $2'
EXPLAIN (COSTS OFF)
EXECUTE by_range('2026-03-10 00:00-04', '2026-03-11 00:00-04');

\echo '-- the same ::date query under two TimeZone settings'
SET TimeZone = 'UTC';
SELECT current_setting('TimeZone') AS tz, count(*),
       min(created_at) AT TIME ZONE 'UTC' AS first_utc
FROM orders WHERE created_at::date = '2026-03-10';
SET TimeZone = 'America/New_York';
SELECT current_setting('TimeZone') AS tz, count(*),
       min(created_at) AT TIME ZONE 'UTC' AS first_utc
FROM orders WHERE created_at::date = '2026-03-10';
