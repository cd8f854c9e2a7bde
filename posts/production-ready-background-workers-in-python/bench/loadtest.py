"""Load and fault test: 20 jobs/s into two worker processes, with a deploy, a crash and a stall mid-run.

Each run, for the robust worker (../worker/cli.py work) and two ablations of it
(ablation.py: no-keys, no idempotency keys; no-cas, no compare-and-set on the
lease token), with the same seed:

  * a fresh SQLite database, a fresh simulated provider (a second SQLite file),
    and two worker processes of 4 threads each;
  * RATE submissions per second for DURATION seconds, paced against a fixed
    schedule so that the rate does not drift;
  * injected faults, drawn from RNGs seeded with the run's seed: FAIL_RATE of
    the attempts time out (half before the provider sees the request, half
    after it charged), POISON of the jobs are rejected on every attempt, DUP of
    the jobs are submitted a second time with the same idempotency key 0.05-2 s
    later (a producer retrying after a timeout);
  * three probe jobs that never fail on their own, submitted 0.5 s before each
    of the following, which target the worker holding the probe:
      - at DURATION/3, a rolling deploy: SIGTERM to one worker, wait for it to
        exit, start its replacement, then the same for the other one (a
        3-second probe, longer than the lease and the drain deadline);
      - at 2*DURATION/3, a crash: SIGKILL, and a replacement started at once
        (a 3-second probe);
      - at 5*DURATION/6, a stall: SIGSTOP for LEASE_S + 1 seconds, then
        SIGCONT, as a long GC pause or a frozen VM would (a 1-second probe):
        the stalled worker's lease runs out while it still means to write;
  * after the last submission, wait until every job is finished, stop the
    workers, and audit both databases against the generator's own list of
    what it submitted.

Prints Go benchfmt lines (one set per run and worker) to stdout; progress goes to stderr.
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
KINDS = os.environ.get("LOAD_KINDS", "robust,no-keys,no-cas").split(",")
PROCS, THREADS = 2, 4
FAIL_RATE, POISON, DUP = 0.10, 0.01, 0.05
LEASE_S, POLL_S, DRAIN_S, HANDLER_TIMEOUT_S = 2.0, 0.05, 1.0, 5.0
MAX_ATTEMPTS, BACKOFF_BASE_S, BACKOFF_CAP_S = 5, 0.25, 10.0
DEPLOY_AT, CRASH_AT, STALL_AT = DURATION / 3, 2 * DURATION / 3, 5 * DURATION / 6
STALL_S = LEASE_S + 1
PROBE_MS = {"deploy": 3000, "crash": 3000, "stall": 1000}


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
            cmd = [sys.executable, os.path.join(WORKER_DIR, "cli.py")]
        else:
            cmd = [sys.executable, os.path.join(HERE, "ablation.py"), self.kind]
        cmd += ["--db", self.db, "work",
                "--threads", str(THREADS), "--lease", str(LEASE_S), "--poll", str(POLL_S),
                "--drain", str(DRAIN_S), "--max-attempts", str(MAX_ATTEMPTS),
                "--backoff-base", str(BACKOFF_BASE_S), "--backoff-cap", str(BACKOFF_CAP_S),
                "--handler-timeout", str(HANDLER_TIMEOUT_S), "--worker-id", self.worker_id(slot)]
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
                self.terminate(slot)
        self.log.close()


def holder_slot(conn, workers, job_id):
    if job_id is None:
        return None
    row = conn.execute("SELECT claimed_by FROM jobs WHERE id = ? AND status = 'running'", (job_id,)).fetchone()
    return workers.slot_of(row[0]) if row else None


def chaos(workers, db, t0, probe_ids, shutdown_ms, log):
    conn = jobqueue.connect(db)
    time.sleep(max(0.0, t0 + DEPLOY_AT - time.monotonic()))
    first = holder_slot(conn, workers, probe_ids.get("deploy"))
    order = [first] + [s for s in range(PROCS) if s != first] if first is not None else list(range(PROCS))
    for slot in order:
        shutdown_ms.append(workers.terminate(slot))
        workers.start(slot)
    log.append(f"deploy order {order} (probe held by {first})")

    time.sleep(max(0.0, t0 + CRASH_AT - time.monotonic()))
    victim = holder_slot(conn, workers, probe_ids.get("crash"))
    log.append(f"SIGKILL slot {victim if victim is not None else 0} (probe held by {victim})")
    victim = 0 if victim is None else victim
    workers.kill(victim)
    workers.start(victim)

    time.sleep(max(0.0, t0 + STALL_AT - time.monotonic()))
    frozen = holder_slot(conn, workers, probe_ids.get("stall"))
    log.append(f"SIGSTOP slot {frozen if frozen is not None else 0} for {STALL_S:g}s (probe held by {frozen})")
    frozen = 0 if frozen is None else frozen
    workers.procs[frozen].send_signal(signal.SIGSTOP)
    time.sleep(STALL_S)
    workers.procs[frozen].send_signal(signal.SIGCONT)
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
    probe_ticks = {int((at - 0.5) * RATE): name for name, at in
                   (("deploy", DEPLOY_AT), ("crash", CRASH_AT), ("stall", STALL_AT))}
    submitted = []  # (job_id, key, poison)
    submit_times = []
    dups_due = []  # heap of (tick, seq, key, payload)
    dup_submits = 0
    probe_ids, shutdown_ms, chaos_log = {}, [], []

    t0 = time.monotonic()
    chaos_thread = threading.Thread(target=chaos, args=(workers, db, t0, probe_ids, shutdown_ms, chaos_log))
    chaos_thread.start()
    for i in range(ticks):
        time.sleep(max(0.0, t0 + i / RATE - time.monotonic()))
        if i not in probe_ticks and dups_due and dups_due[0][0] <= i:
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
            if i in probe_ticks:
                payload.update(work_ms=PROBE_MS[probe_ticks[i]], poison=False, fail_rate=0.0)
            elif rng.random() < DUP:
                heapq.heappush(dups_due, (i + rng.randint(1, 40), i, key, payload))
        job_id = jobqueue.enqueue(conn, "charge", payload, key)
        if i in probe_ticks:
            probe_ids[probe_ticks[i]] = job_id
        submitted.append((job_id, key, payload["poison"]))
        submit_times.append(time.monotonic())
    last_submit = submit_times[-1]
    chaos_thread.join()

    drained = False
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        pending = conn.execute("SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')").fetchone()[0]
        if pending == 0:
            drained = True
            break
        time.sleep(0.02)
    workers.stop_all()
    if not drained:
        raise SystemExit(f"{kind} run {seed}: the queue did not drain within 120 s; database kept in {tmp}")

    probe_keys = {name: next(k for jid, k, _ in submitted if jid == job_id) for name, job_id in probe_ids.items()}
    report = audit(conn, sqlite3.connect(cli.provider_path(db)), submitted, probe_keys)
    report.update(
        dup_submits=dup_submits,
        rate=(len(submit_times) - 1) / (last_submit - submit_times[0]),
        shutdown_ms=max(shutdown_ms) if shutdown_ms else float("nan"),
    )
    progress(f"{kind} seed={seed}: {'; '.join(chaos_log)}")
    conn.close()
    if os.environ.get("LOADTEST_KEEP"):
        progress(f"databases and worker logs kept in {tmp}")
    else:
        shutil.rmtree(tmp)
    return report


def audit(conn, provider, submitted, probe_keys):
    # What we recorded: the worker's own ledger.
    ledger = conn.execute(
        "SELECT l.idem_key, (l.applied_at - l.enqueued_at) * 1000, j.attempts FROM ledger l JOIN jobs j ON j.id = l.job_id ORDER BY l.id"
    ).fetchall()
    records = Counter(key for key, _, _ in ledger)
    # What the customer was charged, and how often we asked: the provider's side.
    charges = Counter(k for (k,) in provider.execute("SELECT order_key FROM charges"))
    calls = Counter(k for (k,) in provider.execute("SELECT order_key FROM requests"))
    outcomes = Counter(o for (o,) in provider.execute("SELECT outcome FROM requests"))

    # Latency: enqueue to the first local record of each order; the probes are
    # reported on their own. first_try: orders recorded by a job on its first attempt.
    probes = set(probe_keys.values())
    first = {}
    for key, ms, attempts in ledger:
        first.setdefault(key, (ms, attempts))
    latencies = sorted(ms for key, (ms, _) in first.items() if key not in probes)
    first_try = sorted(ms for key, (ms, a) in first.items() if key not in probes and a == 1)
    probe_ms = {name: first[key][0] for name, key in probe_keys.items() if key in first}

    status = dict(conn.execute("SELECT id, status FROM jobs"))
    open_dlq = Counter(job_id for (job_id,) in conn.execute("SELECT job_id FROM dead_letters WHERE replayed_at IS NULL"))

    def accounted(job_id):
        return (status.get(job_id) == "done" and open_dlq[job_id] == 0) or (status.get(job_id) == "dead" and open_dlq[job_id] == 1)

    events = Counter(e for (e,) in conn.execute("SELECT event FROM job_events"))
    # A finished job should never change state again (the load test replays
    # nothing): count the jobs that were acked and then retried, released or
    # dead-lettered, which only a write from a stale worker can do.
    reopened, acked = set(), set()
    for job_id, event in conn.execute("SELECT job_id, event FROM job_events ORDER BY id"):
        if event == "done":
            acked.add(job_id)
        elif job_id in acked and event in ("retry_scheduled", "released", "dead_lettered"):
            reopened.add(job_id)
    orders = {key: poison for _, key, poison in submitted}
    return {
        "lost": sum(1 for job_id, _, _ in submitted if not accounted(job_id)),
        "uncharged": sum(1 for key, poison in orders.items() if not poison and charges[key] == 0),
        "double_charged": sum(1 for n in charges.values() if n > 1),
        "double_recorded": sum(1 for n in records.values() if n > 1),
        "calls": sum(calls.values()),
        "repeat_orders": sum(1 for n in calls.values() if n > 1),
        "replayed": outcomes["replayed"],
        "retries": events["retry_scheduled"],
        "requeued": events["released"],
        "reclaimed": events["lease_expired"],
        "stale_writes": events["refused"] + events["stale_write"],
        "reopened": len(reopened),
        "dead": conn.execute("SELECT count(*) FROM dead_letters").fetchone()[0],
        "p50": percentile(latencies, 50),
        "p99": percentile(latencies, 99),
        "p99_first": percentile(first_try, 99),
        "probe_ms": probe_ms,
        "n": len(submitted),
    }


def emit(kind, r):
    name = f"worker={kind}"
    n = r["n"]
    print(f"BenchmarkLoad/{name}\t{n}\t{r['rate']:.2f} jobs/s\t{r['p50']:.1f} p50-ms\t{r['p99']:.1f} p99-ms"
          f"\t{r['p99_first']:.1f} p99-first-try-ms\t{r['shutdown_ms']:.0f} shutdown-ms")
    probes = "".join(f"\t{ms:.0f} {p}-probe-ms" for p, ms in sorted(r["probe_ms"].items()))
    print(f"BenchmarkProbes/{name}\t{n}{probes}")
    print(f"BenchmarkRecovery/{name}\t{n}\t{r['retries']} retries\t{r['requeued']} requeued\t{r['reclaimed']} reclaimed"
          f"\t{r['dead']} dead-lettered")
    print(f"BenchmarkLeases/{name}\t{n}\t{r['stale_writes']} stale-writes\t{r['reopened']} reopened-jobs")
    print(f"BenchmarkProvider/{name}\t{n}\t{r['dup_submits']} dup-submits\t{r['calls']} calls"
          f"\t{r['repeat_orders']} repeat-orders\t{r['replayed']} replayed")
    print(f"BenchmarkIntegrity/{name}\t{n}\t{r['lost']} lost-jobs\t{r['uncharged']} uncharged"
          f"\t{r['double_charged']} double-charged\t{r['double_recorded']} double-recorded")
    sys.stdout.flush()


def main():
    print(f"python: {sys.version.split()[0]}")
    print(f"sqlite: {sqlite3.sqlite_version}")
    with open("/proc/cpuinfo") as f:
        cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "unknown")
    print(f"cpu: {cpu}")
    print(f"load: {RATE} jobs/s for {DURATION:g} s per run, {PROCS} worker processes x {THREADS} threads")
    print(f"faults: {FAIL_RATE:.0%} of attempts time out, {POISON:.0%} poison jobs, {DUP:.0%} duplicate submissions,"
          f" 1 rolling deploy, 1 SIGKILL and 1 {STALL_S:g} s SIGSTOP per run")
    print(f"settings: lease {LEASE_S:g} s, drain {DRAIN_S:g} s, handler timeout {HANDLER_TIMEOUT_S:g} s,"
          f" {MAX_ATTEMPTS} attempts, backoff base {BACKOFF_BASE_S:g} s cap {BACKOFF_CAP_S:g} s, poll {POLL_S:g} s")
    sys.stdout.flush()
    for run in range(RUNS):
        for kind in KINDS:
            started = time.monotonic()
            emit(kind, run_once(kind, seed=run + 1))
            progress(f"run {run + 1}/{RUNS} {kind}: {time.monotonic() - started:.1f}s")


if __name__ == "__main__":
    main()
