"""A durable job queue in one SQLite file.

Every state change of a job is a short `BEGIN IMMEDIATE` transaction, and every
change a worker makes to a job it holds is a compare-and-set on the lease token
it got when it claimed the job (`WHERE id = ? AND lease_token = ?`): a worker
whose lease was taken away (it stalled, or it was declared dead) can no longer
mark the job done, failed or released, nor extend its lease. Refused writes are
recorded in job_events as `refused`. The check guards the job row only: it
cannot stop a stale worker's side effects elsewhere (the idempotency key does).

Job states:

    queued --claim--> running --complete--> done
      ^                 |  \\--fail (attempts left)--> queued (run_after = now + backoff)
      |                 |   \\-fail (no attempts left, or permanent)--> dead (+ dead_letters row)
      +---release-------+   (graceful shutdown: the attempt is given back)
      +---lease expires-+   (worker died: the next claim takes it over, or
                             dead-letters it if that was the last attempt)
    dead --replay--> queued
"""

import contextlib
import json
import sqlite3
import time
import uuid
from dataclasses import dataclass
from typing import Any, Callable, Iterator, List, Optional, Sequence

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    -- AUTOINCREMENT: ids are never reused, even after old rows are pruned, so a
    -- job id in a log line or a dead letter always means one job.
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    idem_key    TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued', 'running', 'done', 'dead')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    run_after   REAL    NOT NULL,
    lease_until REAL,
    lease_token TEXT,  -- a new UUID on every claim: later writes compare-and-set on it
    claimed_by  TEXT,
    last_error  TEXT,
    enqueued_at REAL    NOT NULL,
    finished_at REAL
);
CREATE INDEX IF NOT EXISTS jobs_ready ON jobs (status, run_after);
CREATE INDEX IF NOT EXISTS jobs_lease ON jobs (status, lease_until);

CREATE TABLE IF NOT EXISTS dead_letters (
    id          INTEGER PRIMARY KEY,
    job_id      INTEGER NOT NULL REFERENCES jobs (id),
    idem_key    TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    attempts    INTEGER NOT NULL,
    error       TEXT    NOT NULL,
    failed_at   REAL    NOT NULL,
    replayed_at REAL
);
-- A job can be dead-lettered again after a replay, but it has at most one open entry.
CREATE UNIQUE INDEX IF NOT EXISTS dead_letters_open ON dead_letters (job_id) WHERE replayed_at IS NULL;

CREATE TABLE IF NOT EXISTS job_events (
    id      INTEGER PRIMARY KEY,
    job_id  INTEGER NOT NULL,
    at      REAL    NOT NULL,
    event   TEXT    NOT NULL,
    worker  TEXT,
    detail  TEXT
);
CREATE INDEX IF NOT EXISTS job_events_job ON job_events (job_id);
"""


class PermanentError(Exception):
    """Raised by a handler when retrying cannot help (bad input, unknown kind...).

    The job goes to the dead-letter table on this attempt instead of burning
    its remaining retries.
    """


@dataclass
class Job:
    id: int
    idem_key: str
    kind: str
    payload: Any
    attempts: int  # including the current one
    enqueued_at: float
    lease_token: str


def connect(path: str, factory: type = sqlite3.Connection) -> sqlite3.Connection:
    """One connection per thread. Autocommit mode: transactions are explicit."""
    conn = sqlite3.connect(path, timeout=30, isolation_level=None, factory=factory)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode survives a process crash; only an OS crash or power
    # loss can drop the last few commits. Use FULL if that matters to you.
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


def init(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


@contextlib.contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction that takes SQLite's write lock up front.

    A plain BEGIN starts as a reader and upgrades on the first write, which can
    fail with SQLITE_BUSY when two claimers upgrade at once; BEGIN IMMEDIATE
    queues them on busy_timeout instead.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _event(conn: sqlite3.Connection, job_id: int, event: str, worker: Optional[str], detail: Optional[str] = None, now: Optional[float] = None) -> None:
    conn.execute(
        "INSERT INTO job_events (job_id, at, event, worker, detail) VALUES (?, ?, ?, ?, ?)",
        (job_id, time.time() if now is None else now, event, worker, detail),
    )


def enqueue(conn: sqlite3.Connection, kind: str, payload: Any, idem_key: str, delay: float = 0.0, now: Optional[float] = None) -> int:
    """Adds a job and returns its id.

    The queue does not deduplicate on idem_key, just as most brokers do not:
    the same key submitted twice is two jobs, and the handler's idempotency
    check is what makes the second one harmless.
    """
    now = time.time() if now is None else now
    cur = conn.execute(
        "INSERT INTO jobs (idem_key, kind, payload, run_after, enqueued_at) VALUES (?, ?, ?, ?, ?)",
        (idem_key, kind, json.dumps(payload), now + delay, now),
    )
    return cur.lastrowid


def _dead_letter(conn: sqlite3.Connection, row: sqlite3.Row, worker: str, error: str, now: float) -> None:
    conn.execute(
        "UPDATE jobs SET status = 'dead', finished_at = ?, last_error = ?, lease_token = NULL, lease_until = NULL WHERE id = ?",
        (now, error, row["id"]),
    )
    conn.execute(
        "INSERT INTO dead_letters (job_id, idem_key, kind, payload, attempts, error, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (row["id"], row["idem_key"], row["kind"], row["payload"], row["attempts"], error, now),
    )
    _event(conn, row["id"], "dead_lettered", worker, error, now)


def claim(conn: sqlite3.Connection, worker: str, limit: int, lease_s: float, max_attempts: int, now: Optional[float] = None) -> List[Job]:
    """Leases up to `limit` runnable jobs to `worker`.

    Runnable means queued and due, or running with an expired lease (its
    worker died or hung). The attempt counter goes up here, at claim time, so
    that a job which kills its worker every time (a segfault, the OOM killer)
    still runs out of attempts and ends in the dead-letter table.
    """
    if limit <= 0:
        return []
    now = time.time() if now is None else now
    jobs = []
    with immediate(conn):
        rows = conn.execute(
            """SELECT id, idem_key, kind, payload, status, attempts, enqueued_at, last_error, claimed_by
                 FROM jobs
                WHERE (status = 'queued' AND run_after <= ?)
                   OR (status = 'running' AND lease_until < ?)
                ORDER BY run_after, id
                LIMIT ?""",
            (now, now, limit),
        ).fetchall()
        for row in rows:
            if row["status"] == "running":
                _event(conn, row["id"], "lease_expired", worker, f"held by {row['claimed_by']}", now)
                if row["attempts"] >= max_attempts:
                    error = f"lease expired on attempt {row['attempts']} of {max_attempts}; last error: {row['last_error']}"
                    _dead_letter(conn, row, worker, error, now)
                    continue
            token = uuid.uuid4().hex
            conn.execute(
                """UPDATE jobs SET status = 'running', attempts = attempts + 1,
                                   lease_token = ?, lease_until = ?, claimed_by = ?
                    WHERE id = ?""",
                (token, now + lease_s, worker, row["id"]),
            )
            jobs.append(Job(row["id"], row["idem_key"], row["kind"], json.loads(row["payload"]), row["attempts"] + 1, row["enqueued_at"], token))
    return jobs


def complete(conn: sqlite3.Connection, job: Job, worker: str, outcome: str = "applied", now: Optional[float] = None) -> bool:
    """Acks a job. False means the lease was lost and someone else owns the job now."""
    now = time.time() if now is None else now
    with immediate(conn):
        cur = conn.execute(
            """UPDATE jobs SET status = 'done', finished_at = ?, lease_token = NULL, lease_until = NULL
                WHERE id = ? AND lease_token = ?""",
            (now, job.id, job.lease_token),
        )
        if cur.rowcount == 0:
            _event(conn, job.id, "refused", worker, f"complete ({outcome}): lease no longer held", now)
            return False
        _event(conn, job.id, "done", worker, outcome, now)
    return True


def fail(
    conn: sqlite3.Connection,
    job: Job,
    worker: str,
    error: str,
    *,
    retryable: bool,
    max_attempts: int,
    delay: Callable[[int], float],
    now: Optional[float] = None,
) -> Optional[str]:
    """Records a failed attempt: schedules a retry or dead-letters the job.

    Returns 'retry' or 'dead', or None if the lease was lost.
    """
    now = time.time() if now is None else now
    with immediate(conn):
        row = conn.execute(
            "SELECT id, idem_key, kind, payload, attempts FROM jobs WHERE id = ? AND lease_token = ?",
            (job.id, job.lease_token),
        ).fetchone()
        if row is None:
            _event(conn, job.id, "refused", worker, f"fail: lease no longer held: {error}", now)
            return None
        if not retryable or row["attempts"] >= max_attempts:
            reason = "permanent error" if not retryable else f"gave up after {row['attempts']} attempts"
            _dead_letter(conn, row, worker, f"{reason}: {error}", now)
            return "dead"
        wait = delay(row["attempts"])
        conn.execute(
            """UPDATE jobs SET status = 'queued', run_after = ?, last_error = ?,
                               lease_token = NULL, lease_until = NULL
                WHERE id = ?""",
            (now + wait, error, job.id),
        )
        _event(conn, job.id, "retry_scheduled", worker, f"attempt {row['attempts']} failed, retry in {wait:.3f}s: {error}", now)
        return "retry"


def release(conn: sqlite3.Connection, job: Job, worker: str, reason: str, now: Optional[float] = None) -> bool:
    """Hands a job back to the queue without counting the attempt (graceful shutdown)."""
    now = time.time() if now is None else now
    with immediate(conn):
        cur = conn.execute(
            """UPDATE jobs SET status = 'queued', attempts = attempts - 1, run_after = ?,
                               lease_token = NULL, lease_until = NULL
                WHERE id = ? AND lease_token = ?""",
            (now, job.id, job.lease_token),
        )
        if cur.rowcount == 0:
            _event(conn, job.id, "refused", worker, f"release: lease no longer held: {reason}", now)
            return False
        _event(conn, job.id, "released", worker, reason, now)
    return True


def heartbeat(conn: sqlite3.Connection, jobs: Sequence[Job], lease_s: float, worker: Optional[str] = None, now: Optional[float] = None) -> List[Job]:
    """Extends the leases of jobs still being worked on. Returns the jobs whose lease was lost."""
    now = time.time() if now is None else now
    lost = []
    if not jobs:
        return lost
    with immediate(conn):
        for job in jobs:
            cur = conn.execute(
                "UPDATE jobs SET lease_until = ? WHERE id = ? AND lease_token = ?",
                (now + lease_s, job.id, job.lease_token),
            )
            if cur.rowcount == 0:
                _event(conn, job.id, "refused", worker, "heartbeat: lease no longer held", now)
                lost.append(job)
    return lost


def dead_letters(conn: sqlite3.Connection, include_replayed: bool = False) -> List[sqlite3.Row]:
    where = "" if include_replayed else "WHERE replayed_at IS NULL"
    return conn.execute(f"SELECT * FROM dead_letters {where} ORDER BY id").fetchall()


def replay(conn: sqlite3.Connection, dead_letter_ids: Sequence[int], worker: str = "operator", now: Optional[float] = None) -> List[int]:
    """Puts dead-lettered jobs back in the queue with a fresh attempt budget.

    The job keeps its id and idempotency key, so replaying a job whose effect
    did in fact happen is harmless. The dead_letters row is kept, stamped with
    replayed_at, as the record of what went wrong. Returns the replayed job ids.
    """
    now = time.time() if now is None else now
    replayed = []
    with immediate(conn):
        for dl_id in dead_letter_ids:
            row = conn.execute("SELECT job_id FROM dead_letters WHERE id = ? AND replayed_at IS NULL", (dl_id,)).fetchone()
            if row is None:
                continue
            conn.execute(
                """UPDATE jobs SET status = 'queued', attempts = 0, run_after = ?, finished_at = NULL
                    WHERE id = ? AND status = 'dead'""",
                (now, row["job_id"]),
            )
            conn.execute("UPDATE dead_letters SET replayed_at = ? WHERE id = ?", (now, dl_id))
            _event(conn, row["job_id"], "replayed", worker, f"dead letter {dl_id}", now)
            replayed.append(row["job_id"])
    return replayed


def stats(conn: sqlite3.Connection, now: Optional[float] = None) -> dict:
    """What to put on a dashboard: counts by status, the age of the oldest due job, open dead letters."""
    now = time.time() if now is None else now
    counts = {r["status"]: r["n"] for r in conn.execute("SELECT status, count(*) AS n FROM jobs GROUP BY status")}
    oldest = conn.execute("SELECT min(run_after) FROM jobs WHERE status = 'queued' AND run_after <= ?", (now,)).fetchone()[0]
    dlq = conn.execute("SELECT count(*) FROM dead_letters WHERE replayed_at IS NULL").fetchone()[0]
    return {
        "queued": counts.get("queued", 0),
        "running": counts.get("running", 0),
        "done": counts.get("done", 0),
        "dead": counts.get("dead", 0),
        "open_dead_letters": dlq,
        "oldest_due_age_s": round(now - oldest, 3) if oldest is not None else 0.0,
    }
