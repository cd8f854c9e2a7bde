import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import unittest

import handlers
import idempotency
import jobqueue
from pool import Config, WorkerPool
from testutil import FAST, TempDB, run_until_idle, start, wait_until

HERE = os.path.dirname(os.path.abspath(__file__))


def charge(key_n, work_ms):
    return dict(account=key_n, amount_cents=100 + key_n, work_ms=work_ms)


class GracefulShutdownTest(unittest.TestCase):
    def setUp(self):
        self.db = TempDB()

    def tearDown(self):
        self.db.close()

    def test_stop_mid_run_loses_nothing_and_duplicates_nothing(self):
        slow = [jobqueue.enqueue(self.db.conn, "charge", charge(i, 2000), f"slow-{i}") for i in range(2)]
        for i in range(10):
            jobqueue.enqueue(self.db.conn, "charge", charge(i, 5), f"fast-{i}")

        cfg = Config(**{**FAST.__dict__, "drain_s": 0.2})
        first = WorkerPool(self.db.path, self.db.handlers(), "first", cfg)
        t = start(first)
        # Claimed is not started: wait until both slow jobs' handlers reached the provider.
        wait_until(lambda: provider_requests(self.db, "slow-0") + provider_requests(self.db, "slow-1") == 2)
        first.request_stop()  # what the SIGTERM handler does
        t.join(2)
        self.assertFalse(t.is_alive())

        # Nothing is left "running" under a lease nobody will renew...
        self.assertEqual(self.db.scalar("SELECT count(*) FROM jobs WHERE status = 'running'"), 0)
        self.assertEqual(self.db.scalar("SELECT count(*) FROM job_events WHERE event = 'released' AND detail LIKE 'drain deadline%'"), 2)
        # ...and the released jobs did not spend an attempt.
        self.assertEqual(self.db.scalar("SELECT max(attempts) FROM jobs WHERE status = 'queued'"), 0)

        # A new worker picks everything up. The first pool's stuck threads are
        # still sleeping in the provider call and will try to commit: let them.
        run_until_idle(self.db, self.db.handlers(), worker_id="second")
        time.sleep(2.1)

        self.assertEqual(self.db.scalar("SELECT count(*) FROM jobs WHERE status <> 'done'"), 0)
        self.assertEqual(self.db.scalar("SELECT count(DISTINCT idem_key) FROM ledger"), 12)
        self.assertEqual(self.db.scalar("SELECT count(*) FROM ledger"), 12)  # no key applied twice
        # The two slow jobs reached the provider twice (once from each pool: the
        # window that releasing at the deadline opens), and were charged once.
        self.assertEqual(self.db.provider_scalar("SELECT count(*) FROM requests WHERE order_key LIKE 'slow-%'"), 4)
        self.assertEqual(self.db.provider_scalar("SELECT count(*) FROM charges"), 12)


class HandlerTimeoutTest(unittest.TestCase):
    def setUp(self):
        self.db = TempDB()

    def tearDown(self):
        self.db.close()

    def test_hung_handler_is_failed_and_its_thread_replaced(self):
        gate = threading.Event()  # never set while the pool runs: the first attempt hangs
        real = self.db.handlers()["charge"]
        provider = handlers.Provider(self.db.provider_path)

        def hangs_once(job, conn):
            if job.idem_key == "hangs" and job.attempts == 1:
                # Past the early duplicate check (nothing applied yet), stuck on
                # the way to the provider: when let go, the rest of the handler runs.
                gate.wait(30)
                charge_id = handlers.call_provider(provider, job, idem_key=job.idem_key)
                if not idempotency.apply_once(conn, job.idem_key, job.id,
                                              lambda tx: handlers.record_charge(tx, job, charge_id)):
                    return "duplicate (caught at commit, late)"
                return "applied (late)"
            return real(job, conn)

        hung = jobqueue.enqueue(self.db.conn, "charge", charge(1, 5), "hangs")
        other = jobqueue.enqueue(self.db.conn, "charge", charge(2, 5), "other")
        # One thread and a lease long enough that only the timeout can free the job.
        # The timeout leaves the real handler's second attempt ample time on a
        # busy machine.
        cfg = Config(**{**FAST.__dict__, "threads": 1, "lease_s": 30.0, "handler_timeout_s": 1.0})
        pool = run_until_idle(self.db, {"charge": hangs_once}, cfg)

        self.assertEqual(pool.timeouts, 1)
        self.assertEqual(self.db.scalar("SELECT status || '/' || attempts FROM jobs WHERE id = ?", hung), "done/2")
        self.assertEqual(self.db.scalar("SELECT status FROM jobs WHERE id = ?", other), "done")  # the replacement thread ran it
        self.assertIn("handler timed out after 1.0s",
                      self.db.scalar("SELECT detail FROM job_events WHERE job_id = ? AND event = 'retry_scheduled'", hung))

        self.assertEqual(self.db.provider_scalar("SELECT count(*) FROM charges WHERE order_key = 'hangs'"), 1)
        # The hung handler is let go: the abandoned thread still runs the rest
        # of it. Its request reaches the provider, which replays the saved
        # charge; its ledger write is caught by the key; its ack is refused.
        gate.set()
        wait_until(lambda: self.db.scalar("SELECT count(*) FROM job_events WHERE event = 'refused' AND job_id = ?", hung) == 1)
        self.assertIn("complete (duplicate (caught at commit, late))",
                      self.db.scalar("SELECT detail FROM job_events WHERE event = 'refused' AND job_id = ?", hung))
        self.assertEqual(self.db.provider_scalar(
            "SELECT group_concat(outcome, ',') FROM (SELECT outcome FROM requests WHERE order_key = 'hangs' ORDER BY id)"),
            "charged,replayed")
        self.assertEqual(self.db.provider_scalar("SELECT count(*) FROM charges WHERE order_key = 'hangs'"), 1)
        self.assertEqual(self.db.scalar("SELECT count(*) FROM ledger WHERE idem_key = 'hangs'"), 1)


def provider_requests(db, order_key):
    if not os.path.exists(db.provider_path):
        return 0
    try:
        return db.provider_scalar("SELECT count(*) FROM requests WHERE order_key = ?", order_key)
    except sqlite3.Error:
        return 0  # the worker is still creating the schema


class SigtermTest(unittest.TestCase):
    def test_sigterm_drains_then_releases_within_the_deadline(self):
        db = TempDB()
        self.addCleanup(db.close)
        quick = jobqueue.enqueue(db.conn, "charge", charge(1, 100), "quick")
        stuck = jobqueue.enqueue(db.conn, "charge", charge(2, 5000), "stuck")
        proc = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "cli.py"), "--db", db.path, "work",
             "--threads", "2", "--lease", "10", "--poll", "0.01", "--drain", "0.4", "--log-level", "WARNING"],
            stderr=subprocess.DEVNULL,
        )
        self.addCleanup(proc.kill)
        # Claimed is not started: wait until the stuck job's handler has reached the provider.
        wait_until(lambda: provider_requests(db, "stuck") == 1)

        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        self.assertEqual(proc.wait(timeout=5), 0)
        took = time.monotonic() - sent

        self.assertLess(took, 1.5)  # the 0.4 s deadline, not the 5 s job
        self.assertEqual(db.scalar("SELECT status FROM jobs WHERE id = ?", quick), "done")  # finished while draining
        self.assertEqual(db.scalar("SELECT status || '/' || attempts FROM jobs WHERE id = ?", stuck), "queued/0")
        self.assertIn("drain deadline", db.scalar("SELECT detail FROM job_events WHERE job_id = ? AND event = 'released'", stuck))

    def test_sigterm_wakes_an_idle_worker_at_once(self):
        # With a 5 s poll, only the wakeup fd can make the worker notice the
        # signal before its next poll: the handler itself only stores a number.
        db = TempDB()
        self.addCleanup(db.close)
        proc = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "cli.py"), "--db", db.path, "work", "--poll", "5", "--log-level", "INFO"],
            stderr=subprocess.PIPE, text=True,
        )
        self.addCleanup(proc.kill)
        self.assertIn("started", proc.stderr.readline())
        time.sleep(0.3)  # into the idle wait
        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        self.assertEqual(proc.wait(timeout=10), 0)
        self.assertLess(time.monotonic() - sent, 2.0)  # the 5 s poll would take longer
        with proc.stderr:
            self.assertIn("got SIGTERM", proc.stderr.read())


if __name__ == "__main__":
    unittest.main()
