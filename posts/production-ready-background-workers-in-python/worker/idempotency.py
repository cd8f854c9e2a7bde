"""Run a side effect at most once per idempotency key.

The processed_keys table must live in the same database, and be written in the
same transaction, as the effect it guards. Then "key recorded" and "effect
happened" commit or roll back together, and the primary key turns a second
delivery of the same job into a no-op instead of a second effect.
"""

import sqlite3
import time
from typing import Callable

from jobqueue import immediate

SCHEMA = """
CREATE TABLE IF NOT EXISTS processed_keys (
    idem_key     TEXT    PRIMARY KEY,
    job_id       INTEGER NOT NULL,
    processed_at REAL    NOT NULL
);
"""


def init(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def seen(conn: sqlite3.Connection, key: str) -> bool:
    """Cheap early check, so that an obvious duplicate skips the expensive work.

    Only an optimisation: two deliveries can both pass it at the same moment.
    apply_once is what actually enforces the guarantee.
    """
    return conn.execute("SELECT 1 FROM processed_keys WHERE idem_key = ?", (key,)).fetchone() is not None


def apply_once(conn: sqlite3.Connection, key: str, job_id: int, effect: Callable[[sqlite3.Connection], None]) -> bool:
    """Runs effect(conn) inside a transaction that also claims `key`.

    Returns False, without running the effect, if the key was already claimed.
    If the effect raises, the key is not recorded either, so a retry can run it.
    """
    with immediate(conn):
        cur = conn.execute(
            "INSERT INTO processed_keys (idem_key, job_id, processed_at) VALUES (?, ?, ?) ON CONFLICT (idem_key) DO NOTHING",
            (key, job_id, time.time()),
        )
        if cur.rowcount == 0:
            return False
        effect(conn)
    return True
