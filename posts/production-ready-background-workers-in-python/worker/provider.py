"""A simulated payment provider that honours idempotency keys, as Stripe does.

It lives in its own SQLite file, so nothing the worker commits in the queue
database can roll back a charge here: like a real provider, it is outside the
worker's transactions.

A request is executed the moment it arrives, in one transaction, and the
answer then takes `latency_s` to travel back. Faults are decided by the caller
(handlers.py draws them from a seeded RNG), so that a run is reproducible:

    None             the charge is made (or, for a known key, replayed)
    "lost_request"   the request never reaches the provider: nothing happens,
                     and the caller sees a timeout
    "lost_response"  the charge is made, but the answer is lost: the caller
                     sees a timeout although the customer was charged
    "reject"         the provider answers 503 without executing anything

With an idempotency key, the provider saves the result of the first request
that executed, and a later request with the same key gets that saved result
back instead of a new charge. Three simplifications against Stripe (API v1):
a request here executes atomically on arrival, so two concurrent requests with
one key are serialised instead of the second getting a 409; failed requests
save nothing (Stripe also replays a saved 500); and the parameters of a
repeated key are not compared (Stripe rejects a mismatch).

Every request is logged in `requests`, so an audit can count, per order, how
many times the worker called and how many charges the provider made.
"""

import sqlite3
import threading
import time
from typing import Optional

from jobqueue import immediate

SCHEMA = """
CREATE TABLE IF NOT EXISTS charges (
    id           INTEGER PRIMARY KEY,
    order_key    TEXT    NOT NULL,   -- what the charge is for (its description)
    idem_key     TEXT    UNIQUE,     -- the Idempotency-Key sent with it, if any
    amount_cents INTEGER NOT NULL,
    charged_at   REAL    NOT NULL
);
CREATE TABLE IF NOT EXISTS requests (
    id        INTEGER PRIMARY KEY,
    order_key TEXT    NOT NULL,
    idem_key  TEXT,
    job_id    INTEGER,
    attempt   INTEGER,
    at        REAL    NOT NULL,
    outcome   TEXT    NOT NULL      -- charged | replayed | lost | rejected
);
CREATE INDEX IF NOT EXISTS requests_order ON requests (order_key);
"""


class ProviderError(Exception):
    """A transient failure talking to the provider. Worth retrying."""


def connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    # Worker threads and processes connect concurrently to a fresh file. The
    # switch to WAL can fail with "database is locked" without waiting on the
    # busy timeout, so it is retried; the schema is created under the write
    # lock, where executescript's statements would each upgrade a read lock.
    for attempt in range(100):
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 99:
                raise
            time.sleep(0.05)
    with immediate(conn):
        for statement in SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
    return conn


class Provider:
    def __init__(self, path: str):
        self.path = path
        self._local = threading.local()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = connect(self.path)
        return conn

    def charge(self, order_key: str, amount_cents: int, idem_key: Optional[str], *,
               job_id: int = 0, attempt: int = 0, latency_s: float = 0.03,
               fault: Optional[str] = None) -> int:
        """Charges once per idem_key; returns the charge id. Raises ProviderError."""
        conn = self._conn()
        charge_id = None
        with immediate(conn):
            if fault == "lost_request":
                outcome = "lost"
            elif fault == "reject":
                outcome = "rejected"
            else:
                row = None
                if idem_key is not None:
                    row = conn.execute("SELECT id FROM charges WHERE idem_key = ?", (idem_key,)).fetchone()
                if row is not None:
                    charge_id, outcome = row[0], "replayed"
                else:
                    charge_id = conn.execute(
                        "INSERT INTO charges (order_key, idem_key, amount_cents, charged_at) VALUES (?, ?, ?, ?)",
                        (order_key, idem_key, amount_cents, time.time()),
                    ).lastrowid
                    outcome = "charged"
            conn.execute(
                "INSERT INTO requests (order_key, idem_key, job_id, attempt, at, outcome) VALUES (?, ?, ?, ?, ?, ?)",
                (order_key, idem_key, job_id, attempt, time.time(), outcome),
            )
        time.sleep(latency_s)  # the answer travelling back (or the caller's timeout running out)
        if fault == "reject":
            raise ProviderError("provider answered 503 for this request (poison job)")
        if fault in ("lost_request", "lost_response"):
            raise ProviderError("timed out waiting for the provider")
        return charge_id
