-- The application's version: read the balance, check it, write the result.
-- Run by two sessions at once (see run.sh); :who names the session.
\set amount 60
BEGIN;
SELECT balance FROM accounts WHERE id = 1 \gset
SELECT :balance >= :amount AS enough \gset
\if :enough
SELECT pg_sleep(2) AS slept \gset
UPDATE accounts SET balance = :balance - :amount WHERE id = 1;
\echo 'session' :who 'read' :balance 'and withdrew' :amount
\else
\echo 'session' :who 'read' :balance 'and refused: insufficient funds'
\endif
COMMIT;
