"""A worker process: one fetcher, N handler threads, one heartbeat thread.

Threads suit jobs that mostly wait on I/O (HTTP calls, database writes): the
GIL is released while they wait. For CPU-bound handlers run more processes,
each with a few threads, rather than more threads.
"""

import logging
import queue
import random
import select
import signal
import socket
import sqlite3
import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Set, Tuple

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
    handler_timeout_s: float = 60.0  # an attempt running longer is failed and its thread abandoned


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
        self._signalled: Optional[int] = None  # written by the signal handler, read by the main loop
        self._wake_r, self._wake_w = socket.socketpair()  # wakes the main loop's idle wait
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._done = threading.Event()
        self._work: "queue.Queue[Optional[Job]]" = queue.Queue()
        self._inflight: Dict[int, Job] = {}
        self._started: Dict[int, Tuple[threading.Thread, float]] = {}  # job id -> (thread, start)
        self._abandoned: Set[threading.Thread] = set()
        self._lock = threading.Lock()
        self._rng = random.Random()
        self._threads: List[threading.Thread] = []
        self.timeouts = 0
        self._wakeup_installed = False

    # -- lifecycle -----------------------------------------------------------

    def install_signal_handlers(self) -> None:
        """SIGTERM (what Kubernetes, systemd and docker stop send) and SIGINT start a graceful stop.

        The handler runs in the main thread between two bytecodes, possibly
        while that thread holds a lock (inside Event.wait, say), so it must not
        take one: no Event.set(), no logging. It stores the signal number in
        an attribute, and set_wakeup_fd makes the interpreter write a byte to
        the socket the main loop waits on, which wakes it at once.
        """

        def on_signal(signum, _frame):
            self._signalled = signum

        signal.set_wakeup_fd(self._wake_w.fileno(), warn_on_full_buffer=False)
        self._wakeup_installed = True
        signal.signal(signal.SIGTERM, on_signal)
        signal.signal(signal.SIGINT, on_signal)

    def request_stop(self) -> None:
        """Starts a graceful stop from another thread (tests, an embedding program)."""
        self._stopping.set()
        try:
            self._wake_w.send(b"\0")
        except OSError:
            pass  # the buffer is full: the loop is awake anyway

    def _should_stop(self) -> bool:
        return self._stopping.is_set() or self._signalled is not None

    def _idle_wait(self, timeout: float) -> None:
        readable, _, _ = select.select([self._wake_r], [], [], timeout)
        if readable:
            try:
                while self._wake_r.recv(512):
                    pass
            except BlockingIOError:
                pass

    def run(self) -> ShutdownReport:
        """Fetches and runs jobs until asked to stop, then shuts down gracefully."""
        conn = jobqueue.connect(self.db_path)
        for _ in range(self.cfg.threads):
            self._start_thread()
        threading.Thread(target=self._heartbeat_loop, name="heartbeat", daemon=True).start()
        log.info("worker=%s started threads=%d lease=%.1fs drain=%.1fs timeout=%.1fs", self.worker_id,
                 self.cfg.threads, self.cfg.lease_s, self.cfg.drain_s, self.cfg.handler_timeout_s)

        while not self._should_stop():
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
                self._idle_wait(self.cfg.poll_s * self._rng.uniform(0.5, 1.5))
        if self._signalled is not None:
            log.info("worker=%s got %s: no new jobs, draining", self.worker_id, signal.Signals(self._signalled).name)
        self._stopping.set()
        try:
            return self._shutdown(conn)
        finally:
            if self._wakeup_installed:
                signal.set_wakeup_fd(-1)
            self._wake_r.close()
            self._wake_w.close()
            conn.close()

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
            threads = list(self._threads)
        for _ in threads:
            self._work.put(None)
        for t in threads:
            t.join(max(0.0, deadline - time.monotonic()))

        # 3. Past the deadline: give the leases back so another worker can start
        #    these jobs now instead of waiting for the leases to expire. This
        #    opens a window: until this process exits, the handler here is still
        #    running, and may already have called the provider, while another
        #    worker starts the same job. The idempotency key makes the second
        #    run a no-op at the provider and in the ledger; the first one's ack
        #    is refused by the lease check.
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

    def _start_thread(self) -> None:
        t = threading.Thread(target=self._work_loop, name=f"job-{len(self._threads) + len(self._abandoned)}", daemon=True)
        with self._lock:
            self._threads.append(t)
        t.start()

    def _work_loop(self) -> None:
        conn = jobqueue.connect(self.db_path)
        me = threading.current_thread()
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
                    if self._inflight.get(job.id) is job:
                        self._inflight.pop(job.id)
                    if self._started.get(job.id, (None,))[0] is me:
                        self._started.pop(job.id)
                    abandoned = me in self._abandoned
            if abandoned:
                return  # the watchdog gave up on this thread and started a replacement

    def _process(self, conn: sqlite3.Connection, job: Job) -> None:
        with self._lock:
            self._started[job.id] = (threading.current_thread(), time.monotonic())
        handler = self.handlers.get(job.kind)
        try:
            if handler is None:
                raise PermanentError(f"no handler for job kind {job.kind!r}")
            outcome = handler(job, conn)
        except Exception as exc:
            retryable = not isinstance(exc, PermanentError)
            error = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            result = self._fail(conn, job, error, retryable)
            level = logging.ERROR if result == "dead" else logging.WARNING
            log.log(level, "worker=%s job=%d key=%s attempt=%d result=%s error=%r", self.worker_id, job.id, job.idem_key, job.attempts, result or "lease-lost", error)
            return
        if jobqueue.complete(conn, job, self.worker_id, outcome):
            # Duplicates are worth seeing in the logs; plain successes are what metrics are for.
            level = logging.INFO if outcome.startswith("duplicate") else logging.DEBUG
            log.log(level, "worker=%s job=%d key=%s attempt=%d done: %s", self.worker_id, job.id, job.idem_key, job.attempts, outcome)
        else:
            log.warning("worker=%s job=%d finished (%s) after losing its lease; not acked", self.worker_id, job.id, outcome)

    def _fail(self, conn: sqlite3.Connection, job: Job, error: str, retryable: bool) -> Optional[str]:
        return jobqueue.fail(
            conn, job, self.worker_id, error,
            retryable=retryable,
            max_attempts=self.cfg.max_attempts,
            delay=lambda attempt: full_jitter(attempt, self.cfg.backoff_base_s, self.cfg.backoff_cap_s, self._rng),
        )

    def _time_out(self, conn: sqlite3.Connection, job: Job, thread: threading.Thread) -> None:
        """Fails an attempt that overran handler_timeout_s, and replaces its thread.

        Python cannot kill a thread, so the hung one is abandoned: it exits
        when (if) its handler returns, and its late writes to the job are
        refused because fail() cleared the lease token. Each abandoned thread
        is a leak; a worker that piles them up should be restarted.
        """
        result = self._fail(conn, job, f"handler timed out after {self.cfg.handler_timeout_s}s", retryable=True)
        if result is None:
            return  # it finished (or lost its lease) just now: nothing to do
        with self._lock:
            self._inflight.pop(job.id, None)
            self._started.pop(job.id, None)
            self._abandoned.add(thread)
            if thread in self._threads:
                self._threads.remove(thread)
            self.timeouts += 1
        log.error("worker=%s job=%d key=%s attempt=%d result=%s: handler timed out after %.1fs; thread %s abandoned",
                  self.worker_id, job.id, job.idem_key, job.attempts, result, self.cfg.handler_timeout_s, thread.name)
        if not self._done.is_set():
            self._start_thread()

    def _heartbeat_loop(self) -> None:
        """Renews the leases of running jobs, and fails the ones past their timeout.

        Without the timeout, a handler stuck on a socket with no timeout of its
        own would have its lease renewed here forever.
        """
        conn = jobqueue.connect(self.db_path)
        lost: Set[Tuple[int, str]] = set()
        interval = min(self.cfg.lease_s / 3, self.cfg.handler_timeout_s / 2)
        while not self._done.wait(interval):
            now = time.monotonic()
            with self._lock:
                jobs = list(self._inflight.values())
                overdue = [(self._inflight[i], t) for i, (t, since) in self._started.items()
                           if now - since > self.cfg.handler_timeout_s and i in self._inflight]
            try:
                for job, thread in overdue:
                    self._time_out(conn, job, thread)
                overdue_ids = {job.id for job, _ in overdue}
                renew = [j for j in jobs if j.id not in overdue_ids and (j.id, j.lease_token) not in lost]
                for job in jobqueue.heartbeat(conn, renew, self.cfg.lease_s, self.worker_id):
                    lost.add((job.id, job.lease_token))
                    log.warning("worker=%s job=%d lost its lease", self.worker_id, job.id)
            except sqlite3.Error:
                log.exception("worker=%s heartbeat failed", self.worker_id)
