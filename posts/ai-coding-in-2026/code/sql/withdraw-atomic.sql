-- One statement that checks and changes the row. The first session holds
-- its row lock for two seconds before committing, so the second one's
-- UPDATE waits for it and then re-checks its WHERE clause.
\set amount 60
BEGIN;
WITH w AS (
    UPDATE accounts SET balance = balance - :amount
    WHERE id = 1 AND balance >= :amount
    RETURNING 1
)
SELECT count(*) AS withdrawn FROM w \gset
\echo 'session' :who 'updated' :withdrawn 'row(s)'
SELECT pg_sleep(2) AS slept \gset
COMMIT;
