"""Helpers shared by the test_*.py files."""

import logging
import os
import sqlite3
import tempfile
import threading
import time

import cli
import handlers
import jobqueue
from pool import Config, WorkerPool

# The pool logs retries and dead letters as warnings; keep test output quiet.
logging.getLogger("worker").setLevel(logging.CRITICAL)

FAST = Config(threads=4, lease_s=2.0, poll_s=0.01, drain_s=1.0, max_attempts=4, backoff_base_s=0.01, backoff_cap_s=0.05)


class TempDB:
    def __init__(self):
        self.dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.dir.name, "jobs.db")
        self.provider_path = cli.provider_path(self.path)
        self.conn = jobqueue.connect(self.path)
        cli.init_all(self.conn)

    def handlers(self):
        return handlers.handlers_for(self.provider_path)

    def provider_scalar(self, sql, *args):
        conn = sqlite3.connect(self.provider_path)
        try:
            return conn.execute(sql, args).fetchone()[0]
        finally:
            conn.close()

    def close(self):
        self.conn.close()
        self.dir.cleanup()

    def scalar(self, sql, *args):
        return self.conn.execute(sql, args).fetchone()[0]


def start(pool: WorkerPool) -> threading.Thread:
    t = threading.Thread(target=pool.run, daemon=True)
    t.start()
    return t


def wait_until(predicate, timeout=10.0, interval=0.01) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(interval)


def run_until_idle(db: TempDB, handlers, config: Config = FAST, worker_id: str = "test-worker") -> WorkerPool:
    """Runs a pool in a thread until no job is queued or running, then stops it."""
    pool = WorkerPool(db.path, handlers, worker_id, config)
    t = start(pool)
    wait_until(lambda: db.scalar("SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')") == 0)
    pool.request_stop()
    t.join(5)
    return pool
