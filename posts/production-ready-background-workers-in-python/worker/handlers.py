"""The demo job: charge an account, through a flaky "payment provider".

The provider is simulated. Its behaviour is driven by the payload so that a
load test can inject faults deterministically:

    work_ms    how long the call takes
    fail_rate  probability that an attempt times out (decided by a RNG seeded
               with seed, job id and attempt number, so a run is reproducible)
    poison     every attempt fails: a request the provider will never accept
    invalid    the handler rejects the payload: a permanent error, no retries
"""

import random
import sqlite3
import time

import idempotency
from jobqueue import Job, PermanentError

SCHEMA = """
CREATE TABLE IF NOT EXISTS ledger (
    id           INTEGER PRIMARY KEY,
    idem_key     TEXT    NOT NULL,
    job_id       INTEGER NOT NULL,
    account      INTEGER NOT NULL,
    amount_cents INTEGER NOT NULL,
    enqueued_at  REAL    NOT NULL,
    applied_at   REAL    NOT NULL
);
CREATE INDEX IF NOT EXISTS ledger_key ON ledger (idem_key);
"""


class ProviderError(Exception):
    """A transient failure talking to the provider. Worth retrying."""


def init(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def call_provider(job: Job) -> None:
    # A real provider call would send job.idem_key along (for example as an
    # Idempotency-Key header), so that the provider deduplicates its side too.
    p = job.payload
    rng = random.Random(f"{p.get('seed', 0)}:{job.id}:{job.attempts}")
    time.sleep(p.get("work_ms", 30) / 1000)
    if p.get("poison"):
        raise ProviderError("provider answered 503 for this request (poison job)")
    if rng.random() < p.get("fail_rate", 0.0):
        raise ProviderError("timed out waiting for the provider")


def record_charge(conn: sqlite3.Connection, job: Job) -> None:
    conn.execute(
        "INSERT INTO ledger (idem_key, job_id, account, amount_cents, enqueued_at, applied_at) VALUES (?, ?, ?, ?, ?, ?)",
        (job.idem_key, job.id, job.payload["account"], job.payload["amount_cents"], job.enqueued_at, time.time()),
    )


def charge(job: Job, conn: sqlite3.Connection) -> str:
    """The production version: validate, skip known duplicates, call out, apply once."""
    if job.payload.get("invalid") or job.payload.get("amount_cents", 0) <= 0:
        raise PermanentError(f"invalid charge payload: {job.payload!r}")
    if idempotency.seen(conn, job.idem_key):
        return "duplicate (seen before the call)"
    call_provider(job)
    if not idempotency.apply_once(conn, job.idem_key, job.id, lambda tx: record_charge(tx, job)):
        return "duplicate (caught at commit)"
    return "applied"


HANDLERS = {"charge": charge}
