"""Prints the event trail of one job from a database kept by `LOADTEST_KEEP=1 python3 loadtest.py`.

    python3 trail.py /tmp/loadtest-robust-XXXX/jobs.db 91

Times are seconds since the first job of the run was enqueued.
"""

import json
import sqlite3
import sys


def main():
    db, job_id = sys.argv[1], int(sys.argv[2])
    conn = sqlite3.connect(db)
    t0 = conn.execute("SELECT min(enqueued_at) FROM jobs").fetchone()[0]
    key, enqueued, payload = conn.execute("SELECT idem_key, enqueued_at, payload FROM jobs WHERE id = ?", (job_id,)).fetchone()
    print(f"job {job_id} ({key}), work_ms={json.loads(payload)['work_ms']}")
    print(f"{enqueued - t0:7.3f}s  enqueued")
    for at, event, worker, detail in conn.execute(
        "SELECT at, event, worker, detail FROM job_events WHERE job_id = ? ORDER BY id", (job_id,)
    ):
        print(f"{at - t0:7.3f}s  {event:<15} {worker or '-':<12} {detail}"[:80])


if __name__ == "__main__":
    main()
