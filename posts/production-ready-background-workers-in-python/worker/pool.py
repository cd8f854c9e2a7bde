"""A worker process: one fetcher, N handler threads, one heartbeat thread.

Threads suit jobs that mostly wait on I/O (HTTP calls, database writes): the
GIL is released while they wait. For CPU-bound handlers run more processes,
each with a few threads, rather than more threads.
"""

import logging
import queue
import random
import signal
import sqlite3
import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

import jobqueue
from backoff import full_jitter
from jobqueue import Job, PermanentError

Handler = Callable[[Job, sqlite3.Connection], str]

log = logging.getLogger("worker")


@dataclass
class Config:
    threads: int = 4
    lease_s: float = 30.0  # how long a claim is valid without a heartbeat
    poll_s: float = 0.5  # idle polling interval (jittered)
    drain_s: float = 25.0  # shutdown deadline: keep it below the orchestrator's grace period
    max_attempts: int = 5
    backoff_base_s: float = 1.0
    backoff_cap_s: float = 300.0


@dataclass
class ShutdownReport:
    finished_in_drain: int = 0
    released_unstarted: int = 0
    released_at_deadline: int = 0
    seconds: float = 0.0
    still_running: List[int] = field(default_factory=list)


class WorkerPool:
    def __init__(self, db_path: str, handlers: Dict[str, Handler], worker_id: str, config: Optional[Config] = None):
        self.db_path = db_path
        self.handlers = handlers
        self.worker_id = worker_id
        self.cfg = config or Config()
        self._stopping = threading.Event()
        self._done = threading.Event()
        self._work: "queue.Queue[Optional[Job]]" = queue.Queue()
        self._inflight: Dict[int, Job] = {}
        self._lock = threading.Lock()
        self._rng = random.Random()
        self._threads: List[threading.Thread] = []

    # -- lifecycle -----------------------------------------------------------

    def install_signal_handlers(self) -> None:
        """SIGTERM (what Kubernetes, systemd and docker stop send) and SIGINT start a graceful stop.

        The handler only sets a flag; all the work happens in the main loop.
        """

        def on_signal(signum, _frame):
            log.info("worker=%s got %s: no new jobs, draining", self.worker_id, signal.Signals(signum).name)
            self._stopping.set()

        signal.signal(signal.SIGTERM, on_signal)
        signal.signal(signal.SIGINT, on_signal)

    def request_stop(self) -> None:
        self._stopping.set()

    def run(self) -> ShutdownReport:
        """Fetches and runs jobs until asked to stop, then shuts down gracefully."""
        conn = jobqueue.connect(self.db_path)
        for i in range(self.cfg.threads):
            t = threading.Thread(target=self._work_loop, name=f"job-{i}", daemon=True)
            t.start()
            self._threads.append(t)
        threading.Thread(target=self._heartbeat_loop, name="heartbeat", daemon=True).start()
        log.info("worker=%s started threads=%d lease=%.1fs drain=%.1fs", self.worker_id, self.cfg.threads, self.cfg.lease_s, self.cfg.drain_s)

        while not self._stopping.is_set():
            with self._lock:
                free = self.cfg.threads - len(self._inflight)
            jobs: List[Job] = []
            if free > 0:
                try:
                    jobs = jobqueue.claim(conn, self.worker_id, free, self.cfg.lease_s, self.cfg.max_attempts)
                except sqlite3.Error:
                    log.exception("worker=%s claim failed; will retry", self.worker_id)
            for job in jobs:
                with self._lock:
                    self._inflight[job.id] = job
                self._work.put(job)
            if not jobs:
                # Jitter the idle poll so that a fleet of idle workers does not
                # hit the database in lockstep.
                self._stopping.wait(self.cfg.poll_s * self._rng.uniform(0.5, 1.5))
        return self._shutdown(conn)

    def _shutdown(self, conn: sqlite3.Connection) -> ShutdownReport:
        started = time.monotonic()
        deadline = started + self.cfg.drain_s
        report = ShutdownReport()

        # 1. Jobs claimed but not yet picked up by a thread: hand them back now.
        while True:
            try:
                job = self._work.get_nowait()
            except queue.Empty:
                break
            if job is None:
                continue
            if jobqueue.release(conn, job, self.worker_id, "shutdown before start"):
                report.released_unstarted += 1
            with self._lock:
                self._inflight.pop(job.id, None)

        # 2. Let running jobs finish, up to the deadline.
        with self._lock:
            running = len(self._inflight)
        for _ in self._threads:
            self._work.put(None)
        for t in self._threads:
            t.join(max(0.0, deadline - time.monotonic()))

        # 3. Past the deadline: give the leases back so another worker can start
        #    these jobs now instead of waiting for the leases to expire. If the
        #    handler here still commits its effect afterwards, the idempotency
        #    key turns the redelivery into a no-op; its ack is refused by the
        #    lease token.
        with self._lock:
            leftovers = list(self._inflight.values())
        for job in leftovers:
            if jobqueue.release(conn, job, self.worker_id, f"drain deadline of {self.cfg.drain_s}s exceeded"):
                report.released_at_deadline += 1
                report.still_running.append(job.id)
        report.finished_in_drain = running - len(leftovers)
        self._done.set()
        report.seconds = time.monotonic() - started
        log.info(
            "worker=%s stopped in %.3fs: finished=%d released_unstarted=%d released_at_deadline=%d",
            self.worker_id, report.seconds, report.finished_in_drain, report.released_unstarted, report.released_at_deadline,
        )
        return report

    # -- threads ---------------------------------------------------------------

    def _work_loop(self) -> None:
        conn = jobqueue.connect(self.db_path)
        while True:
            job = self._work.get()
            if job is None:
                return
            try:
                self._process(conn, job)
            except Exception:
                # Bookkeeping failed (database unavailable?). The lease will
                # expire and another claim will pick the job up again.
                log.exception("worker=%s job=%d bookkeeping failed", self.worker_id, job.id)
            finally:
                with self._lock:
                    self._inflight.pop(job.id, None)

    def _process(self, conn: sqlite3.Connection, job: Job) -> None:
        handler = self.handlers.get(job.kind)
        try:
            if handler is None:
                raise PermanentError(f"no handler for job kind {job.kind!r}")
            outcome = handler(job, conn)
        except Exception as exc:
            retryable = not isinstance(exc, PermanentError)
            error = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            result = jobqueue.fail(
                conn, job, self.worker_id, error,
                retryable=retryable,
                max_attempts=self.cfg.max_attempts,
                delay=lambda attempt: full_jitter(attempt, self.cfg.backoff_base_s, self.cfg.backoff_cap_s, self._rng),
            )
            level = logging.ERROR if result == "dead" else logging.WARNING
            log.log(level, "worker=%s job=%d key=%s attempt=%d result=%s error=%r", self.worker_id, job.id, job.idem_key, job.attempts, result or "lease-lost", error)
            return
        if jobqueue.complete(conn, job, self.worker_id, outcome):
            # Duplicates are worth seeing in the logs; plain successes are what metrics are for.
            level = logging.INFO if outcome.startswith("duplicate") else logging.DEBUG
            log.log(level, "worker=%s job=%d key=%s attempt=%d done: %s", self.worker_id, job.id, job.idem_key, job.attempts, outcome)
        else:
            log.warning("worker=%s job=%d finished (%s) after losing its lease; not acked", self.worker_id, job.id, outcome)

    def _heartbeat_loop(self) -> None:
        conn = jobqueue.connect(self.db_path)
        while not self._done.wait(self.cfg.lease_s / 3):
            with self._lock:
                jobs = list(self._inflight.values())
            try:
                for job in jobqueue.heartbeat(conn, jobs, self.cfg.lease_s):
                    log.warning("worker=%s job=%d lost its lease", self.worker_id, job.id)
            except sqlite3.Error:
                log.exception("worker=%s heartbeat failed", self.worker_id)
