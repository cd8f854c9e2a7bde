"""The robust worker with one piece taken out, for loadtest.py's ablation.

    python3 ablation.py no-keys --db jobs.db work ...
    python3 ablation.py no-cas  --db jobs.db work ...

no-keys  Still acks after the work, retries with backoff, leases, checks the
         lease token, drains on SIGTERM; but sends the provider no idempotency
         key and records every charge it gets back (no processed_keys check).
no-cas   Keeps the idempotency keys, but every write to a held job matches on
         the job id alone: `AND lease_token = ?` becomes `AND (lease_token = ?
         OR 1)`. Each such write made by a worker that no longer holds the
         lease is recorded in job_events as `stale_write` (the robust worker
         records the same writes as `refused`).
"""

import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "worker"))

import cli  # noqa: E402
import handlers  # noqa: E402
import jobqueue  # noqa: E402
from provider import Provider  # noqa: E402

CHECK = "AND lease_token = ?"
WORKER = None  # this process's --worker-id, for the job_events rows


def charge_without_keys(provider, job, conn):
    handlers.validate(job)
    charge_id = handlers.call_provider(provider, job, idem_key=None)
    with jobqueue.immediate(conn):
        handlers.record_charge(conn, job, charge_id)
    return "applied"


def handlers_without_keys(provider_db):
    provider = Provider(provider_db)
    return {"charge": lambda job, conn: charge_without_keys(provider, job, conn)}


def _write_kind(sql):
    if sql.lstrip().startswith("SELECT"):
        return "fail"
    if "status = 'done'" in sql:
        return "complete"
    if "attempts = attempts - 1" in sql:
        return "release"
    return "heartbeat"


class UncheckedConnection(sqlite3.Connection):
    """Runs jobqueue's SQL with the lease compare-and-set removed."""

    def execute(self, sql, params=()):
        if CHECK in sql:
            job_id, token = params[-2], params[-1]
            row = super().execute("SELECT lease_token FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is not None and row[0] != token:
                # The caller holds the write lock (BEGIN IMMEDIATE): this row
                # commits with the write it describes.
                super().execute(
                    "INSERT INTO job_events (job_id, at, event, worker, detail) VALUES (?, ?, 'stale_write', ?, ?)",
                    (job_id, time.time(), WORKER, _write_kind(sql)),
                )
            sql = sql.replace(CHECK, "AND (lease_token = ? OR 1)")
        return super().execute(sql, params)


def main():
    global WORKER
    variant, argv = sys.argv[1], sys.argv[2:]
    if "--worker-id" in argv:
        WORKER = argv[argv.index("--worker-id") + 1]
    if variant == "no-keys":
        return cli.main(argv, make_handlers=handlers_without_keys)
    if variant == "no-cas":
        real_connect = jobqueue.connect
        jobqueue.connect = lambda path: real_connect(path, factory=UncheckedConnection)
        return cli.main(argv)
    raise SystemExit(f"unknown variant {variant!r}: use no-keys or no-cas")


if __name__ == "__main__":
    sys.exit(main())
