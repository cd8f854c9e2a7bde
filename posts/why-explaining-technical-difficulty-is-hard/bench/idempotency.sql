-- The idempotency table and the three statements the essay shows, run by
-- cost.py through psql (the output, with every statement echoed, is
-- idempotency-session.txt). PREPARE gives the statements the $1, $2 ... an
-- application's driver would bind. The lease is a parameter so that this
-- session can let one expire in a second; the essay's handler uses 30 seconds.

CREATE TABLE payment_requests (
  idempotency_key uuid        PRIMARY KEY,
  request_hash    bytea       NOT NULL,
  status          text        NOT NULL DEFAULT 'in_progress'
                  CHECK (status IN ('in_progress', 'succeeded', 'failed')),
  locked_until    timestamptz NOT NULL,
  response        jsonb,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON payment_requests (created_at);

-- Claim the key before calling the payment provider. A row back means this
-- attempt owns the key: it is new, or its last owner's lease ran out.
PREPARE claim(uuid, bytea, interval) AS
INSERT INTO payment_requests AS p (idempotency_key, request_hash, locked_until)
VALUES ($1, $2, now() + $3)
ON CONFLICT (idempotency_key) DO UPDATE
   SET locked_until = EXCLUDED.locked_until
 WHERE p.status = 'in_progress'
   AND p.locked_until < now()
   AND p.request_hash = EXCLUDED.request_hash
RETURNING idempotency_key;

-- No row back: look at the key to decide what to answer.
PREPARE look(uuid, bytea) AS
SELECT status, request_hash = $2 AS same_request, locked_until > now() AS leased, response
FROM payment_requests WHERE idempotency_key = $1;

-- Record the provider's answer.
PREPARE finish(uuid, text, jsonb) AS
UPDATE payment_requests SET status = $2, response = $3
 WHERE idempotency_key = $1 AND status = 'in_progress';

-- Retention, run from a scheduled job.
PREPARE expire(interval) AS
DELETE FROM payment_requests WHERE created_at < now() - $1;

\echo '-- 1. The first attempt claims the key.'
EXECUTE claim('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x01', '1 second');
\echo '-- 2. A retry while the first attempt is still running gets no row ...'
EXECUTE claim('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x01', '1 second');
\echo '-- ... and sees a live lease: answer 409, try again later.'
EXECUTE look('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x01');
\echo '-- 3. The first attempt dies without finishing; its lease runs out.'
SELECT pg_sleep(1.5);
\echo '-- 4. The next retry takes the key over (same request) ...'
EXECUTE claim('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x01', '1 second');
\echo '-- ... calls the provider with the same key, and records the answer.'
EXECUTE finish('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', 'succeeded', '{"charge": "ch_123", "amount": 2499}');
\echo '-- 5. A later retry gets no row and returns the stored response.'
EXECUTE claim('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x01', '1 second');
EXECUTE look('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x01');
\echo '-- 6. The same key with a different request body: no row, same_request is false (answer 422).'
EXECUTE claim('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x02', '1 second');
EXECUTE look('8a4f6f1e-0c1d-4a51-9a5e-3f8d2c7b9e10', '\x02');
\echo '-- 7. Retention: keys older than the retry window go (none here yet).'
EXECUTE expire('7 days');
