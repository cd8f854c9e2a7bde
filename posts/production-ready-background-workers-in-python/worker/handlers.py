"""The demo job: charge an account through a flaky, simulated payment provider.

The provider (provider.py) is a separate SQLite file that honours idempotency
keys. Its faults are driven by the payload so that a load test can inject them
deterministically:

    work_ms    how long the provider takes to answer
    fail_rate  probability that an attempt times out, decided by an RNG seeded
               with seed, job id and attempt number (so a run is reproducible);
               half of the timeouts lose the request before the provider sees
               it, the other half lose the answer after the charge was made
    poison     the provider rejects every attempt with a 503
    invalid    the handler rejects the payload: a permanent error, no retries
"""

import random
import sqlite3
import time
from typing import Callable, Dict, Optional

import idempotency
from jobqueue import Job, PermanentError
from provider import Provider, ProviderError  # noqa: F401 (ProviderError is part of this module's API)

SCHEMA = """
CREATE TABLE IF NOT EXISTS ledger (
    id           INTEGER PRIMARY KEY,
    idem_key     TEXT    NOT NULL,
    job_id       INTEGER NOT NULL,
    charge_id    INTEGER,            -- the provider's id for the charge
    account      INTEGER NOT NULL,
    amount_cents INTEGER NOT NULL,
    enqueued_at  REAL    NOT NULL,
    applied_at   REAL    NOT NULL
);
CREATE INDEX IF NOT EXISTS ledger_key ON ledger (idem_key);
"""

Handler = Callable[[Job, sqlite3.Connection], str]


def init(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def fault_for(job: Job) -> Optional[str]:
    """The injected fault for this attempt (see the module docstring)."""
    p = job.payload
    if p.get("poison"):
        return "reject"
    rng = random.Random(f"{p.get('seed', 0)}:{job.id}:{job.attempts}")
    if rng.random() < p.get("fail_rate", 0.0):
        return "lost_request" if rng.random() < 0.5 else "lost_response"
    return None


def call_provider(provider: Provider, job: Job, idem_key: Optional[str]) -> int:
    return provider.charge(
        job.idem_key, job.payload["amount_cents"], idem_key,
        job_id=job.id, attempt=job.attempts,
        latency_s=job.payload.get("work_ms", 30) / 1000, fault=fault_for(job),
    )


def record_charge(conn: sqlite3.Connection, job: Job, charge_id: Optional[int]) -> None:
    conn.execute(
        "INSERT INTO ledger (idem_key, job_id, charge_id, account, amount_cents, enqueued_at, applied_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (job.idem_key, job.id, charge_id, job.payload["account"], job.payload["amount_cents"],
         job.enqueued_at, time.time()),
    )


def validate(job: Job) -> None:
    if job.payload.get("invalid") or job.payload.get("amount_cents", 0) <= 0:
        raise PermanentError(f"invalid charge payload: {job.payload!r}")


def charge(provider: Provider, job: Job, conn: sqlite3.Connection) -> str:
    """The production version: validate, skip known duplicates, call with the key, record once."""
    validate(job)
    if idempotency.seen(conn, job.idem_key):
        return "duplicate (seen before the call)"
    charge_id = call_provider(provider, job, idem_key=job.idem_key)  # the provider dedupes its side
    if not idempotency.apply_once(conn, job.idem_key, job.id, lambda tx: record_charge(tx, job, charge_id)):
        return "duplicate (caught at commit)"
    return "applied"


def handlers_for(provider_db: str) -> Dict[str, Handler]:
    provider = Provider(provider_db)
    return {"charge": lambda job, conn: charge(provider, job, conn)}
