import sqlite3
import time
import unittest

import handlers
import idempotency
import jobqueue
from provider import Provider, ProviderError
from testutil import FAST, TempDB, run_until_idle


def charge(account=1, amount=500, **extra):
    return dict(account=account, amount_cents=amount, **extra)


class IdempotencyTest(unittest.TestCase):
    def setUp(self):
        self.db = TempDB()

    def tearDown(self):
        self.db.close()

    def test_same_key_twice_applies_the_effect_once(self):
        first = jobqueue.enqueue(self.db.conn, "charge", charge(amount=700), "order-42")
        second = jobqueue.enqueue(self.db.conn, "charge", charge(amount=700), "order-42")
        run_until_idle(self.db, self.db.handlers())

        self.assertEqual(self.db.scalar("SELECT count(*) FROM ledger WHERE idem_key = 'order-42'"), 1)
        self.assertEqual(self.db.scalar("SELECT sum(amount_cents) FROM ledger"), 700)
        # Both deliveries are acked: the duplicate is a success, not an error.
        self.assertEqual(self.db.scalar("SELECT count(*) FROM jobs WHERE id IN (?, ?) AND status = 'done'", first, second), 2)
        self.assertEqual(self.db.scalar("SELECT count(*) FROM job_events WHERE event = 'done' AND detail LIKE 'duplicate%'"), 1)

    def test_concurrent_duplicates_are_caught_at_commit(self):
        # Two deliveries that both passed the early check: the primary key decides.
        effects = []
        self.assertTrue(idempotency.apply_once(self.db.conn, "k", 1, lambda tx: effects.append(1)))
        self.assertFalse(idempotency.apply_once(self.db.conn, "k", 2, lambda tx: effects.append(2)))
        self.assertEqual(effects, [1])

    def test_failed_effect_does_not_burn_the_key(self):
        def boom(tx):
            tx.execute("INSERT INTO ledger (idem_key, job_id, account, amount_cents, enqueued_at, applied_at)"
                       " VALUES ('k', 1, 1, 1, 0, 0)")
            raise RuntimeError("crash halfway through the effect")

        with self.assertRaises(RuntimeError):
            idempotency.apply_once(self.db.conn, "k", 1, boom)
        self.assertEqual(self.db.scalar("SELECT count(*) FROM ledger"), 0)  # rolled back with the key
        self.assertTrue(idempotency.apply_once(self.db.conn, "k", 1, lambda tx: None))


class DeadLetterTest(unittest.TestCase):
    def setUp(self):
        self.db = TempDB()

    def tearDown(self):
        self.db.close()

    def test_always_failing_job_ends_in_dead_letters_with_its_error(self):
        job_id = jobqueue.enqueue(self.db.conn, "charge", charge(poison=True), "order-poison")
        run_until_idle(self.db, self.db.handlers())

        rows = jobqueue.dead_letters(self.db.conn)
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["job_id"], job_id)
        self.assertEqual(rows[0]["attempts"], FAST.max_attempts)
        self.assertIn("gave up after 4 attempts", rows[0]["error"])
        self.assertIn("ProviderError: provider answered 503", rows[0]["error"])
        self.assertEqual(self.db.scalar("SELECT status FROM jobs WHERE id = ?", job_id), "dead")
        self.assertEqual(self.db.scalar("SELECT count(*) FROM job_events WHERE event = 'retry_scheduled'"), FAST.max_attempts - 1)
        self.assertEqual(self.db.scalar("SELECT count(*) FROM ledger"), 0)

    def test_permanent_error_skips_the_retries(self):
        jobqueue.enqueue(self.db.conn, "charge", charge(amount=-5), "order-negative")
        run_until_idle(self.db, self.db.handlers())
        (row,) = jobqueue.dead_letters(self.db.conn)
        self.assertEqual(row["attempts"], 1)
        self.assertIn("permanent error", row["error"])

    def test_replay_after_the_fix(self):
        broken = {"yes": True}
        real = self.db.handlers()["charge"]

        def flaky_dependency(job, conn):
            if broken["yes"]:
                raise ConnectionError("dependency down")
            return real(job, conn)

        job_id = jobqueue.enqueue(self.db.conn, "charge", charge(amount=900), "order-replay")
        run_until_idle(self.db, {"charge": flaky_dependency})
        (row,) = jobqueue.dead_letters(self.db.conn)

        broken["yes"] = False  # the dependency is back
        self.assertEqual(jobqueue.replay(self.db.conn, [row["id"]]), [job_id])
        run_until_idle(self.db, {"charge": flaky_dependency})

        self.assertEqual(self.db.scalar("SELECT status FROM jobs WHERE id = ?", job_id), "done")
        self.assertEqual(self.db.scalar("SELECT count(*) FROM ledger WHERE idem_key = 'order-replay'"), 1)
        self.assertEqual(jobqueue.dead_letters(self.db.conn), [])  # no open entry...
        self.assertEqual(len(jobqueue.dead_letters(self.db.conn, include_replayed=True)), 1)  # ...but the record stays


class ProviderTest(unittest.TestCase):
    """The simulated provider: what the customer is charged, not what we recorded."""

    def setUp(self):
        self.db = TempDB()
        self.provider = Provider(self.db.provider_path)

    def tearDown(self):
        self.db.close()

    def charges(self, order):
        return self.db.provider_scalar("SELECT count(*) FROM charges WHERE order_key = ?", order)

    def test_lost_response_then_retry_charges_once_with_a_key(self):
        with self.assertRaises(ProviderError):
            self.provider.charge("order-1", 500, "order-1", latency_s=0, fault="lost_response")
        first = self.db.provider_scalar("SELECT id FROM charges WHERE order_key = 'order-1'")
        self.assertEqual(self.provider.charge("order-1", 500, "order-1", latency_s=0), first)  # the saved result
        self.assertEqual(self.charges("order-1"), 1)
        outcomes = [r[0] for r in sqlite3.connect(self.db.provider_path).execute("SELECT outcome FROM requests ORDER BY id")]
        self.assertEqual(outcomes, ["charged", "replayed"])

    def test_lost_response_then_retry_charges_twice_without_a_key(self):
        with self.assertRaises(ProviderError):
            self.provider.charge("order-2", 500, None, latency_s=0, fault="lost_response")
        self.provider.charge("order-2", 500, None, latency_s=0)
        self.assertEqual(self.charges("order-2"), 2)

    def test_lost_request_charges_nothing(self):
        with self.assertRaises(ProviderError):
            self.provider.charge("order-3", 500, "order-3", latency_s=0, fault="lost_request")
        self.assertEqual(self.charges("order-3"), 0)

    def test_worker_retry_after_a_lost_response_is_replayed(self):
        # Find a seed whose first attempt loses the response and whose second succeeds.
        job_id = jobqueue.enqueue(self.db.conn, "charge", charge(), "probe")  # id 1: the fault RNG uses it
        self.db.conn.execute("DELETE FROM jobs")
        seed = next(s for s in range(1000) if
                    handlers.fault_for(jobqueue.Job(job_id + 1, "k", "charge", charge(seed=s, fail_rate=0.5), 1, 0, "")) == "lost_response"
                    and handlers.fault_for(jobqueue.Job(job_id + 1, "k", "charge", charge(seed=s, fail_rate=0.5), 2, 0, "")) is None)
        jid = jobqueue.enqueue(self.db.conn, "charge", charge(seed=seed, fail_rate=0.5), "order-lost")
        self.assertEqual(jid, job_id + 1)
        run_until_idle(self.db, self.db.handlers())

        self.assertEqual(self.db.provider_scalar("SELECT count(*) FROM requests WHERE order_key = 'order-lost'"), 2)
        self.assertEqual(self.charges("order-lost"), 1)
        self.assertEqual(self.db.scalar("SELECT count(*) FROM ledger WHERE idem_key = 'order-lost'"), 1)
        self.assertEqual(self.db.scalar("SELECT status || '/' || attempts FROM jobs WHERE id = ?", jid), "done/2")


class LeaseTest(unittest.TestCase):
    def setUp(self):
        self.db = TempDB()
        self.job_id = jobqueue.enqueue(self.db.conn, "charge", charge(), "order-lease")

    def tearDown(self):
        self.db.close()

    def test_expired_lease_is_taken_over_and_the_old_holders_writes_refused(self):
        (a,) = jobqueue.claim(self.db.conn, "worker-a", 1, lease_s=0.05, max_attempts=5)
        self.assertEqual(jobqueue.claim(self.db.conn, "worker-b", 1, lease_s=5, max_attempts=5), [])  # still leased
        time.sleep(0.06)
        (b,) = jobqueue.claim(self.db.conn, "worker-b", 1, lease_s=5, max_attempts=5)
        self.assertEqual((b.id, b.attempts), (a.id, 2))

        # worker-a wakes up from its long pause: every write it tries is refused.
        self.assertFalse(jobqueue.complete(self.db.conn, a, "worker-a"))
        self.assertIsNone(jobqueue.fail(self.db.conn, a, "worker-a", "x", retryable=True, max_attempts=5, delay=lambda n: 0))
        self.assertFalse(jobqueue.release(self.db.conn, a, "worker-a", "x"))
        self.assertEqual(jobqueue.heartbeat(self.db.conn, [a], 5, "worker-a"), [a])
        self.assertTrue(jobqueue.complete(self.db.conn, b, "worker-b"))
        # Each refusal is on record, with what was refused.
        refused = [r[0].split(":")[0] for r in self.db.conn.execute(
            "SELECT detail FROM job_events WHERE event = 'refused' AND worker = 'worker-a' ORDER BY id")]
        self.assertEqual(refused, ["complete (applied)", "fail", "release", "heartbeat"])

    def test_refused_fail_does_not_requeue_or_dead_letter(self):
        (a,) = jobqueue.claim(self.db.conn, "worker-a", 1, lease_s=0.05, max_attempts=2)
        time.sleep(0.06)
        (b,) = jobqueue.claim(self.db.conn, "worker-b", 1, lease_s=5, max_attempts=2)
        # worker-a's attempt failed permanently, and b's is the last attempt anyway:
        # without the check, either write would dead-letter a job b is running.
        self.assertIsNone(jobqueue.fail(self.db.conn, a, "worker-a", "x", retryable=False, max_attempts=2, delay=lambda n: 0))
        self.assertIsNone(jobqueue.fail(self.db.conn, a, "worker-a", "x", retryable=True, max_attempts=2, delay=lambda n: 0))
        self.assertEqual(self.db.scalar("SELECT status || '/' || lease_token FROM jobs WHERE id = ?", b.id), f"running/{b.lease_token}")
        self.assertEqual(jobqueue.dead_letters(self.db.conn), [])

    def test_job_that_keeps_killing_its_worker_is_dead_lettered(self):
        for _ in range(3):  # three workers claim it and die without a word
            jobqueue.claim(self.db.conn, "doomed", 1, lease_s=0.0, max_attempts=3)
            time.sleep(0.002)
        self.assertEqual(jobqueue.claim(self.db.conn, "next", 1, lease_s=5, max_attempts=3), [])
        (row,) = jobqueue.dead_letters(self.db.conn)
        self.assertIn("lease expired on attempt 3 of 3", row["error"])



if __name__ == "__main__":
    unittest.main()
