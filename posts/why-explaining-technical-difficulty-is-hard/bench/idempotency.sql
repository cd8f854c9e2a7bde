-- The idempotency table and the statements the essay describes, run by
-- cost.py through psql in one session; the output, with every statement
-- echoed, is idempotency-session.txt. PREPARE gives the statements the $1,
-- $2 ... an application's driver would bind. The lease is a parameter so that
-- this session can let one run out in a second; a service would use a lease
-- longer than its provider call's timeout, 30 seconds for example.
--
-- Every statement is its own transaction (autocommit), at READ COMMITTED,
-- PostgreSQL's default. The claim must commit before the provider is called:
-- while it is uncommitted, a concurrent claim of the same key waits on it
-- instead of getting no row back. Under REPEATABLE READ or SERIALIZABLE a
-- concurrent claim fails with a serialization error instead, to be retried.
-- This session runs the statements one after another; it shows what each
-- returns, not how they behave under concurrent load.

CREATE TABLE payment_requests (
  idempotency_key uuid        PRIMARY KEY,
  request_hash    bytea       NOT NULL,
  status          text        NOT NULL DEFAULT 'in_progress'
                  CHECK (status IN ('in_progress', 'succeeded', 'failed')),
  attempt         uuid        NOT NULL,  -- the attempt that holds the key
  locked_until    timestamptz NOT NULL,  -- until when it holds it
  response        jsonb,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON payment_requests (created_at);

-- Claim the key before calling the payment provider. A row back means this
-- attempt ($3, a fresh uuid per attempt) owns the key: the key is new, or its
-- last owner's lease ran out before it recorded an answer.
PREPARE claim(uuid, bytea, uuid, interval) AS
INSERT INTO payment_requests AS p (idempotency_key, request_hash, attempt, locked_until)
VALUES ($1, $2, $3, now() + $4)
ON CONFLICT (idempotency_key) DO UPDATE
   SET attempt = EXCLUDED.attempt, locked_until = EXCLUDED.locked_until
 WHERE p.status = 'in_progress'
   AND p.locked_until < now()
   AND p.request_hash = EXCLUDED.request_hash
RETURNING attempt;

-- No row back: look at the key to decide what to answer.
PREPARE look(uuid, bytea) AS
SELECT status, request_hash = $2 AS same_request, locked_until > now() AS leased, response
FROM payment_requests WHERE idempotency_key = $1;

-- Record the provider's final answer, only while this attempt owns the key.
-- 'failed' is for a definite refusal (a declined card), never for a timeout:
-- after a timeout, record nothing and let the lease run out. No row back means
-- another attempt took the key over: read it with look and answer from it.
PREPARE finish(uuid, uuid, text, jsonb) AS
UPDATE payment_requests SET status = $3, response = $4
 WHERE idempotency_key = $1 AND attempt = $2 AND status = 'in_progress'
RETURNING status;

-- Retention, run from a scheduled job.
PREPARE expire(interval) AS
DELETE FROM payment_requests WHERE created_at < now() - $1;

\echo '-- 1. Attempt A claims the key.'
EXECUTE claim('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x01', 'aaaaaaaa-0000-4000-8000-000000000001', '1 second');
\echo '-- 2. A retry (attempt B) while A is still running gets no row ...'
EXECUTE claim('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x01', 'bbbbbbbb-0000-4000-8000-000000000002', '1 second');
\echo '-- ... and sees a live lease: answer 409, try again later.'
EXECUTE look('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x01');
\echo '-- 3. A hangs on the provider call; its lease runs out.'
SELECT pg_sleep(1.5);
\echo '-- 4. The next retry (attempt C) takes the key over (same request) and calls the provider with the same key.'
EXECUTE claim('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x01', 'cccccccc-0000-4000-8000-000000000003', '1 second');
\echo '-- 5. A comes back late and tries to record an answer: no row, A no longer owns the key.'
EXECUTE finish('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', 'aaaaaaaa-0000-4000-8000-000000000001', 'failed', '{"error": "declined"}');
\echo '-- 6. C records the provider''s answer.'
EXECUTE finish('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', 'cccccccc-0000-4000-8000-000000000003', 'succeeded', '{"charge": "ch_123", "amount": 2499}');
\echo '-- 7. A later retry (attempt D) gets no row and returns the stored response.'
EXECUTE claim('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x01', 'dddddddd-0000-4000-8000-000000000004', '1 second');
EXECUTE look('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x01');
\echo '-- 8. The same key with a different request body: no row, same_request is false (answer 422).'
EXECUTE claim('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x02', 'eeeeeeee-0000-4000-8000-000000000005', '1 second');
EXECUTE look('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x02');
\echo '-- 9. Retention: keys older than the retry window go (none here yet).'
EXECUTE expire('7 days');
