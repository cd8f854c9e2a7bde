"""Load and fault test: 20 jobs/s into two worker processes, with a deploy and a crash mid-run.

Each run, for both the naive worker (naive_worker.py) and the robust one
(../worker/cli.py work):

  * a fresh SQLite database and two worker processes of 4 threads each;
  * RATE submissions per second for DURATION seconds, paced against a fixed
    schedule so that the rate does not drift;
  * injected faults: every attempt fails with probability FAIL_RATE, POISON of
    the jobs fail on every attempt, DUP of the jobs are submitted a second time
    with the same idempotency key 0.05-2 s later (a producer retrying after a
    timeout), and two deliberately slow jobs (SLOW_MS, longer than the lease
    and than the drain deadline, and never failing on their own) are submitted
    0.5 s before the deploy and before the crash, so that those paths are
    exercised in every run;
  * at DURATION/3, a rolling deploy: SIGTERM to one worker, wait for it to
    exit, start its replacement, then the same for the other one (the worker
    holding the slow job goes first);
  * at 2*DURATION/3, a crash: SIGKILL to the worker holding the second slow
    job, and a replacement started at once;
  * after the last submission, wait until every job is finished, stop the
    workers, and audit the database against the generator's own list of what
    it submitted.

Prints Go benchfmt lines (one set per run) to stdout; progress goes to stderr.
"""

import heapq
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
WORKER_DIR = os.path.join(HERE, "..", "worker")
sys.path.insert(0, WORKER_DIR)

import cli  # noqa: E402
import jobqueue  # noqa: E402

RATE = 20
DURATION = float(os.environ.get("LOAD_SECONDS", "15"))
RUNS = int(os.environ.get("BENCH_COUNT", "6"))
PROCS, THREADS = 2, 4
FAIL_RATE, POISON, DUP = 0.10, 0.01, 0.05
SLOW_MS = 3000
LEASE_S, POLL_S, DRAIN_S = 2.0, 0.05, 1.0
MAX_ATTEMPTS, BACKOFF_BASE_S, BACKOFF_CAP_S = 5, 0.25, 10.0


def progress(*args):
    print(*args, file=sys.stderr, flush=True)


class Workers:
    def __init__(self, kind, db, log_path):
        self.kind, self.db, self.log = kind, db, open(log_path, "a")
        self.procs = {}
        self.generation = Counter()

    def worker_id(self, slot):
        return f"slot{slot}-gen{self.generation[slot]}"

    def start(self, slot):
        self.generation[slot] += 1
        if self.kind == "robust":
            cmd = [sys.executable, os.path.join(WORKER_DIR, "cli.py"), "--db", self.db, "work",
                   "--threads", str(THREADS), "--lease", str(LEASE_S), "--poll", str(POLL_S),
                   "--drain", str(DRAIN_S), "--max-attempts", str(MAX_ATTEMPTS),
                   "--backoff-base", str(BACKOFF_BASE_S), "--backoff-cap", str(BACKOFF_CAP_S),
                   "--worker-id", self.worker_id(slot)]
        else:
            cmd = [sys.executable, os.path.join(HERE, "naive_worker.py"), self.db, str(THREADS), str(POLL_S)]
        self.procs[slot] = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=self.log)

    def slot_of(self, worker_id):
        for slot in self.procs:
            if worker_id == self.worker_id(slot):
                return slot
        return None

    def terminate(self, slot):
        """SIGTERM and wait; returns how long the process took to exit, in ms."""
        sent = time.monotonic()
        self.procs[slot].send_signal(signal.SIGTERM)
        self.procs[slot].wait(timeout=60)
        return (time.monotonic() - sent) * 1000

    def kill(self, slot):
        self.procs[slot].kill()
        self.procs[slot].wait(timeout=60)

    def stop_all(self):
        for slot in list(self.procs):
            if self.procs[slot].poll() is None:
                if self.kind == "robust":
                    self.terminate(slot)
                else:
                    self.kill(slot)
        self.log.close()


def holder_slot(conn, workers, job_id):
    if job_id is None:
        return None
    row = conn.execute("SELECT claimed_by FROM jobs WHERE id = ? AND status = 'running'", (job_id,)).fetchone()
    return workers.slot_of(row[0]) if row else None


def chaos(workers, db, t0, slow_ids, shutdown_ms, log):
    conn = jobqueue.connect(db)
    time.sleep(max(0.0, t0 + DURATION / 3 - time.monotonic()))
    first = holder_slot(conn, workers, slow_ids.get("deploy"))
    order = [first] + [s for s in range(PROCS) if s != first] if first is not None else list(range(PROCS))
    for slot in order:
        shutdown_ms.append(workers.terminate(slot))
        workers.start(slot)
    log.append(f"deploy order {order} (slow job held by {first})")

    time.sleep(max(0.0, t0 + 2 * DURATION / 3 - time.monotonic()))
    victim = holder_slot(conn, workers, slow_ids.get("crash"))
    log.append(f"SIGKILL slot {victim if victim is not None else 0} (slow job held by {victim})")
    victim = 0 if victim is None else victim
    workers.kill(victim)
    workers.start(victim)
    conn.close()


def percentile(sorted_values, p):
    """Nearest-rank percentile."""
    if not sorted_values:
        return 0.0
    rank = max(1, int(-(-p * len(sorted_values) // 100)))  # ceil(p/100 * n)
    return sorted_values[rank - 1]


def run_once(kind, seed):
    tmp = tempfile.mkdtemp(prefix=f"loadtest-{kind}-")
    db = os.path.join(tmp, "jobs.db")
    conn = jobqueue.connect(db)
    cli.init_all(conn)
    workers = Workers(kind, db, os.path.join(tmp, "workers.log"))
    for slot in range(PROCS):
        workers.start(slot)

    rng = random.Random(seed)
    ticks = int(DURATION * RATE)
    slow_ticks = {int((DURATION / 3 - 0.5) * RATE): "deploy", int((2 * DURATION / 3 - 0.5) * RATE): "crash"}
    submitted = []  # (job_id, key, poison)
    submit_times = []
    dups_due = []  # heap of (tick, seq, key, payload)
    dup_submits = 0
    slow_ids, shutdown_ms, chaos_log = {}, [], []

    t0 = time.monotonic()
    chaos_thread = threading.Thread(target=chaos, args=(workers, db, t0, slow_ids, shutdown_ms, chaos_log))
    chaos_thread.start()
    for i in range(ticks):
        time.sleep(max(0.0, t0 + i / RATE - time.monotonic()))
        if i not in slow_ticks and dups_due and dups_due[0][0] <= i:
            _, _, key, payload = heapq.heappop(dups_due)
            dup_submits += 1
        else:
            key = f"run{seed}-order-{i}"
            payload = {
                "account": rng.randrange(1000),
                "amount_cents": rng.randrange(100, 10000),
                "work_ms": rng.randint(20, 60),
                "fail_rate": FAIL_RATE,
                "poison": rng.random() < POISON,
                "seed": seed,
            }
            if i in slow_ticks:
                payload.update(work_ms=SLOW_MS, poison=False, fail_rate=0.0)
            elif rng.random() < DUP:
                heapq.heappush(dups_due, (i + rng.randint(1, 40), i, key, payload))
        job_id = jobqueue.enqueue(conn, "charge", payload, key)
        if i in slow_ticks:
            slow_ids[slow_ticks[i]] = job_id
        submitted.append((job_id, key, payload["poison"]))
        submit_times.append(time.monotonic())
    last_submit = submit_times[-1]
    chaos_thread.join()

    # Drain. The robust queue knows when it is finished; the naive one only
    # knows when the table is empty, so give its in-flight jobs time to end.
    drained_at = None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if kind == "robust":
            pending = conn.execute("SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')").fetchone()[0]
        else:
            pending = conn.execute("SELECT count(*) FROM jobs").fetchone()[0]
        if pending == 0:
            drained_at = time.monotonic()
            break
        time.sleep(0.02)
    if kind == "naive":
        time.sleep(SLOW_MS / 1000 + 0.5)
    workers.stop_all()

    if drained_at is None:
        raise SystemExit(f"{kind} run {seed}: the queue did not drain within 120 s; database kept in {tmp}")

    probe_keys = {name: conn_key(submitted, job_id) for name, job_id in slow_ids.items()}
    report = audit(conn, kind, submitted, probe_keys)
    report.update(
        submissions=len(submitted),
        dup_submits=dup_submits,
        rate=(len(submit_times) - 1) / (last_submit - submit_times[0]),
        drain_s=drained_at - last_submit,
        shutdown_ms=max(shutdown_ms) if shutdown_ms else float("nan"),
    )
    progress(f"{kind} seed={seed}: {'; '.join(chaos_log)}")
    conn.close()
    if os.environ.get("LOADTEST_KEEP"):
        progress(f"database and worker logs kept in {tmp}")
    else:
        shutil.rmtree(tmp)
    return report


def conn_key(submitted, job_id):
    return next(key for jid, key, _ in submitted if jid == job_id)


def audit(conn, kind, submitted, probe_keys):
    ledger = conn.execute("SELECT idem_key, job_id, (applied_at - enqueued_at) * 1000 FROM ledger").fetchall()
    effects_per_key = Counter(key for key, _, _ in ledger)
    # The two slow probe jobs are reported on their own: they are there to
    # exercise the deploy and crash paths, not part of the workload.
    probes = set(probe_keys.values())
    latencies = sorted(ms for key, _, ms in ledger if key not in probes)
    probe_ms = {name: min((ms for k, _, ms in ledger if k == key), default=None) for name, key in probe_keys.items()}
    keys = {key: poison for _, key, poison in submitted}

    if kind == "robust":
        status = dict(conn.execute("SELECT id, status FROM jobs"))
        open_dlq = Counter(job_id for (job_id,) in conn.execute("SELECT job_id FROM dead_letters WHERE replayed_at IS NULL"))

        def accounted(job_id):
            return (status.get(job_id) == "done" and open_dlq[job_id] == 0) or (status.get(job_id) == "dead" and open_dlq[job_id] == 1)

        events = Counter(e for (e,) in conn.execute("SELECT event FROM job_events"))
        dups_prevented = conn.execute("SELECT count(*) FROM job_events WHERE event = 'done' AND detail LIKE 'duplicate%'").fetchone()[0]
        dead = conn.execute("SELECT count(*) FROM dead_letters").fetchone()[0]
    else:
        applied_by = {job_id for _, job_id, _ in ledger}

        def accounted(job_id):
            return job_id in applied_by

        events, dups_prevented, dead = Counter(), 0, 0

    return {
        "lost": sum(1 for job_id, _, _ in submitted if not accounted(job_id)),
        "missing": sum(1 for key, poison in keys.items() if not poison and effects_per_key[key] == 0),
        "double": sum(1 for n in effects_per_key.values() if n > 1),
        "retries": events["retry_scheduled"],
        "requeued": events["released"],
        "reclaimed": events["lease_expired"],
        "dups_prevented": dups_prevented,
        "dead": dead,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
        "probe_ms": probe_ms,
    }


def emit(kind, r):
    name = f"worker={kind}/rate={RATE}"
    n = r["submissions"]
    load = f"BenchmarkLoad/{name}\t{n}\t{r['rate']:.2f} jobs/s\t{r['p50']:.1f} p50-ms\t{r['p95']:.1f} p95-ms\t{r['p99']:.1f} p99-ms\t{r['shutdown_ms']:.0f} shutdown-ms"
    if kind == "robust":
        load += f"\t{r['drain_s']:.2f} drain-s"
    print(load)
    # How long the slow probe jobs took from submission to effect; absent when the job was lost.
    probes = "".join(f"\t{ms:.0f} {name}-probe-ms" for name, ms in sorted(r["probe_ms"].items()) if ms is not None)
    if kind == "robust" and probes:
        print(f"BenchmarkProbes/{name}\t{n}{probes}")
    if kind == "robust":
        print(f"BenchmarkRecovery/{name}\t{n}\t{r['retries']} retries\t{r['dup_submits']} dup-submits\t{r['dups_prevented']} dups-prevented"
              f"\t{r['requeued']} requeued\t{r['reclaimed']} reclaimed\t{r['dead']} dead-lettered")
    print(f"BenchmarkIntegrity/{name}\t{n}\t{r['lost']} lost-jobs\t{r['missing']} missing-effects\t{r['double']} double-effects")
    sys.stdout.flush()


def main():
    print(f"python: {sys.version.split()[0]}")
    print(f"sqlite: {sqlite3.sqlite_version}")
    with open("/proc/cpuinfo") as f:
        cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "unknown")
    print(f"cpu: {cpu}")
    print(f"load: {RATE} jobs/s for {DURATION:g} s per run, {PROCS} worker processes x {THREADS} threads")
    print(f"faults: {FAIL_RATE:.0%} of attempts fail, {POISON:.0%} poison jobs, {DUP:.0%} duplicate submissions, 1 rolling deploy and 1 SIGKILL per run")
    sys.stdout.flush()
    for run in range(RUNS):
        for kind in ("robust", "naive"):
            started = time.monotonic()
            emit(kind, run_once(kind, seed=run + 1))
            progress(f"run {run + 1}/{RUNS} {kind}: {time.monotonic() - started:.1f}s")


if __name__ == "__main__":
    main()
