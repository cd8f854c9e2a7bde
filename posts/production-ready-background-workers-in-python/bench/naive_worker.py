"""The worker most of us wrote first. Used by loadtest.py as the baseline.

It takes a job by deleting it (so the queue forgets it before the work is
done), runs it once, logs an exception if it fails, and has no idea what a
signal is.
"""

import json
import logging
import os
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "worker"))

import handlers  # noqa: E402
import jobqueue  # noqa: E402
from jobqueue import Job  # noqa: E402

log = logging.getLogger("naive")


def pop(conn):
    rows = conn.execute(
        """DELETE FROM jobs WHERE id = (SELECT id FROM jobs WHERE status = 'queued' ORDER BY id LIMIT 1)
           RETURNING id, idem_key, kind, payload, enqueued_at"""
    ).fetchall()
    if not rows:
        return None
    r = rows[0]
    return Job(r["id"], r["idem_key"], r["kind"], json.loads(r["payload"]), 1, r["enqueued_at"], "")


def loop(db_path, poll_s):
    conn = jobqueue.connect(db_path)
    while True:
        job = pop(conn)
        if job is None:
            time.sleep(poll_s)
            continue
        try:
            handlers.call_provider(job)
            handlers.record_charge(conn, job)
        except Exception:
            log.exception("job %s failed", job.id)


def main():
    db_path, threads, poll_s = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    workers = [threading.Thread(target=loop, args=(db_path, poll_s)) for _ in range(threads)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()


if __name__ == "__main__":
    main()
