"""How a report hurts a login endpoint on one PostgreSQL server, measured.

Starts a throwaway PostgreSQL cluster (pg.py: every setting at its default
except where it listens), loads an orders table of ORDERS rows and a sessions
table, and then, in rounds, runs the same open-loop OLTP workload with pgbench
(a fixed arrival rate, so a slow transaction cannot hide the ones queued
behind it) under three conditions:

  report=none      nothing else runs
  report=parallel  a revenue report (a full scan of orders) runs back to back
                   in a second pgbench, with PostgreSQL's default of up to two
                   parallel workers per query
  report=serial    the same report with max_parallel_workers_per_gather = 0

Latency percentiles come from pgbench's per-transaction log (--log), which
counts from each transaction's scheduled start. Each run also records what
else happened during it: the CPU time of the whole VM by state from
/proc/stat (busy, and stolen by the hypervisor), PostgreSQL's WAL flushes and
their mean duration from pg_stat_wal (track_wal_io_timing = on), and the
autovacuum and autoanalyze runs the server log reports
(log_autovacuum_min_duration = 0). Both settings only add logging and timing;
everything else stays at its default. Prints one line per run in
Go's benchmark format, after a header of key: value lines, so the output can be
read by benchstat and the journal's BenchmarkTable. Then runs three short
demonstrations (snapshot held by a long query vs VACUUM, a lock queue behind
ALTER TABLE, the bulk-read ring) and writes their transcript to demos.txt.

    BENCH_COUNT=10 python3 interference.py > results.txt
"""

import datetime
import glob
import os
import platform
import shutil
import subprocess
import sys
import time

from pg import Cluster, server_version

HERE = os.path.dirname(os.path.abspath(__file__))
COUNT = int(os.environ.get("BENCH_COUNT", "10"))
ORDERS = int(os.environ.get("ORDERS_ROWS", "4000000"))
SESSIONS = 100_000
SECONDS = 15     # one OLTP run
RATE = 200       # OLTP transactions per second, scheduled
CLIENTS = 4
SETTINGS = ["track_wal_io_timing = on", "log_autovacuum_min_duration = 0"]

LOGIN = """\\set sid random(1, %d)
\\set oid random(1, %d)
BEGIN;
SELECT user_id FROM sessions WHERE id = :sid;
UPDATE sessions SET last_seen = now() WHERE id = :sid;
SELECT status, amount FROM orders WHERE id = :oid;
COMMIT;
"""

REPORT = """SELECT country, date_trunc('week', created_at) AS week, sum(amount)
FROM orders GROUP BY country, week;
"""


def log(msg):
    sys.stderr.write("%s %s\n" % (datetime.datetime.now().strftime("%H:%M:%S"), msg))


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown"


def load(pg):
    pg.sql("""
        SELECT setseed(0.42);
        CREATE TABLE orders (
          id bigint PRIMARY KEY, customer_id bigint NOT NULL, created_at timestamptz NOT NULL,
          amount bigint NOT NULL, tax bigint NOT NULL, shipping bigint NOT NULL,
          item_count int NOT NULL, warehouse_id int NOT NULL,
          country text NOT NULL, status text NOT NULL, currency text NOT NULL);
        INSERT INTO orders
        SELECT i, 1 + floor(random() * 250000)::bigint,
               timestamptz '2026-01-01 00:00:00+00' + i * interval '100 milliseconds',
               a, a * 19 / 100, (ARRAY[0, 499, 999, 1499])[1 + floor(random() * 4)::int],
               1 + floor(random() * 8)::int, 1 + floor(random() * 40)::int,
               (ARRAY['DE','US','GB','FR','NL','ES','IT','PL','SE','BE'])[1 + floor(random() * 10)::int],
               (ARRAY['pending','paid','shipped','delivered','delivered','delivered'])[1 + floor(random() * 6)::int],
               'EUR'
        FROM (SELECT i, 500 + floor(random() * 30000)::bigint AS a
              FROM generate_series(1, %d) AS i) AS g;
        CREATE TABLE sessions (
          id bigint PRIMARY KEY, user_id bigint NOT NULL, last_seen timestamptz NOT NULL,
          data text NOT NULL);
        INSERT INTO sessions
        SELECT i, 1 + floor(random() * 250000)::bigint, now(), md5(i::text)
        FROM generate_series(1, %d) AS i;
        VACUUM ANALYZE orders;
        VACUUM ANALYZE sessions;
        CHECKPOINT;
    """ % (ORDERS, SESSIONS))


def write(path, text):
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, 0o644)


def percentile(sorted_values, p):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        raise ValueError("no values")
    k = max(0, min(len(sorted_values) - 1, -(-len(sorted_values) * p // 100) - 1))
    return sorted_values[int(k)]


def read_log(paths):
    """Latencies in microseconds from pgbench --log files:
    client_id transaction_no time script_no time_epoch time_us [schedule_lag]."""
    lat, lag, skipped = [], [], 0
    for path in paths:
        with open(path) as f:
            for line in f:
                parts = line.split()
                if parts[2] == "skipped":
                    skipped += 1
                    continue
                lat.append(int(parts[2]))
                if len(parts) > 6:
                    lag.append(int(parts[6]))
    return sorted(lat), sorted(lag), skipped


def summary(lat_us):
    return [(percentile(lat_us, 50) / 1000, "p50-ms"), (percentile(lat_us, 90) / 1000, "p90-ms"),
            (percentile(lat_us, 99) / 1000, "p99-ms"), (percentile(lat_us, 99.9) / 1000, "p99.9-ms"),
            (lat_us[-1] / 1000, "max-ms")]


def fmt(v):
    return "%.3g" % v if v < 1000 else "%.0f" % v


def emit(name, n, ns, extra):
    print("\t".join(["Benchmark%s" % name, str(n), "%.0f ns/op" % ns] +
                    ["%s %s" % (fmt(v), unit) for v, unit in extra]), flush=True)


def cpu_times():
    """The VM's CPU time by state, in clock ticks, from the first line of /proc/stat:
    user nice system idle iowait irq softirq steal."""
    with open("/proc/stat") as f:
        return [int(x) for x in f.readline().split()[1:9]]


def cpu_share(a, b):
    """(busy %, steal %) of all CPU time between two cpu_times() readings;
    busy is user, nice, system, irq and softirq."""
    d = [y - x for x, y in zip(a, b)]
    total = sum(d) or 1
    busy = d[0] + d[1] + d[2] + d[5] + d[6]
    return 100.0 * busy / total, 100.0 * d[7] / total


def wal_syncs(pg):
    n, ms = pg.sql("SELECT wal_sync, wal_sync_time FROM pg_stat_wal").split("|")
    return int(n), float(ms)


def autovacuum_lines(text):
    """(vacuums, analyzes) that autovacuum logged in a piece of the server log."""
    return text.count("automatic vacuum of table"), text.count("automatic analyze of table")


def one_run(pg, work, condition):
    # Every run starts right after a checkpoint, so that no run has a timed
    # checkpoint (every checkpoint_timeout, 5 min by default) flushing the
    # data files under it and every run pays the same full-page writes.
    pg.sql("CHECKPOINT")
    login = os.path.join(work, "login.sql")
    report = os.path.join(work, "report.sql")
    for old in glob.glob(os.path.join(work, "login_log*")):
        os.remove(old)
    rep = None
    if condition != "none":
        opts = "-c max_parallel_workers_per_gather=%d" % (2 if condition == "parallel" else 0)
        env = dict(os.environ, PGOPTIONS=opts)
        rep = subprocess.Popen(pg.pgbench_cmd(report, ["-c", "1", "-T", str(SECONDS + 3)]),
                               env=env, cwd=work, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(1)  # the report is running before the first login is scheduled
    log_path = os.path.join(pg.dir, "server.log")
    log_start = os.path.getsize(log_path)
    cpu0, wal0 = cpu_times(), wal_syncs(pg)
    out = subprocess.run(pg.pgbench_cmd(login, [
        "-M", "prepared", "-c", str(CLIENTS), "-j", "1", "-R", str(RATE), "-T", str(SECONDS),
        "--log", "--log-prefix", os.path.join(work, "login_log")]),
        cwd=work, text=True, capture_output=True)
    cpu1, wal1 = cpu_times(), wal_syncs(pg)
    with open(log_path) as f:
        f.seek(log_start)
        vacuums, analyzes = autovacuum_lines(f.read())
    if out.returncode != 0:
        sys.stderr.write(out.stdout + out.stderr)
        raise RuntimeError("pgbench failed")
    reports = None
    if rep:
        rout, rerr = rep.communicate()
        if rep.returncode != 0:
            sys.stderr.write(rout + rerr)
            raise RuntimeError("report pgbench failed")
        for line in rout.splitlines():
            if line.startswith("number of transactions actually processed"):
                reports = int(line.split(":")[1])
    lat, lag, skipped = read_log(glob.glob(os.path.join(work, "login_log*")))
    mean_ns = sum(lat) / len(lat) * 1000
    extra = summary(lat) + [(percentile(lag, 99) / 1000, "p99-lag-ms")]
    if reports is not None:
        extra.append((reports, "reports"))
    busy, steal = cpu_share(cpu0, cpu1)
    syncs, sync_ms = wal1[0] - wal0[0], wal1[1] - wal0[1]
    extra += [(busy, "cpu-busy-%"), (steal, "cpu-steal-%"), (syncs, "wal-flushes"),
              (sync_ms / syncs if syncs else 0, "ms/flush"), (vacuums, "autovacuums"),
              (analyzes, "autoanalyzes")]
    emit("Login/report=%s" % condition, len(lat), mean_ns, extra)


def interference(pg):
    work = pg.dir
    write(os.path.join(work, "login.sql"), LOGIN % (SESSIONS, ORDERS))
    write(os.path.join(work, "report.sql"), REPORT)
    # Alone, the report five times per condition, alternating, for its own
    # duration and the CPU it used.
    for i in range(10):
        condition, workers = (("parallel", 2), ("serial", 0))[i % 2]
        cpu0 = cpu_times()
        t = time.perf_counter()
        pg.sql("SET max_parallel_workers_per_gather = %d;\n%s" % (workers, REPORT))
        elapsed = time.perf_counter() - t
        busy, steal = cpu_share(cpu0, cpu_times())
        emit("ReportAlone/%s" % condition, 1, elapsed * 1e9, [(busy, "cpu-busy-%"), (steal, "cpu-steal-%")])
    conditions = ("none", "parallel", "serial")
    log_path = os.path.join(pg.dir, "server.log")
    log_start = os.path.getsize(log_path)
    for i in range(COUNT):
        for c in conditions[i % 3:] + conditions[:i % 3]:  # rotate the order each round
            log("round %d, report=%s" % (i + 1, c))
            one_run(pg, work, c)
    # The server log (log_checkpoints is on by default) says whether any
    # checkpoint other than the requested ones ran during the rounds.
    with open(log_path) as f:
        f.seek(log_start)
        starts = [l for l in f if "checkpoint starting:" in l]
    print("checkpoints-requested: %d" % sum("immediate" in l for l in starts))
    print("checkpoints-timed-or-wal: %d" % sum("immediate" not in l for l in starts))


def demos(pg):
    with open("/proc/meminfo") as f:
        mem_kib = int(next(l for l in f if l.startswith("MemTotal")).split()[1])
    lines = ["date: %s" % datetime.date.today().isoformat(),
             "kernel: %s %s" % (platform.system(), platform.release()),
             "cores: %d" % os.cpu_count(),
             "memory: %.1f GiB" % (mem_kib / 1048576),
             "cpu: %s" % cpu_model(),
             "postgres: %s" % server_version(pg),
             "python: %s" % platform.python_version(),
             "settings: %s (the rest at their defaults)" % ", ".join(SETTINGS),
             "orders: %d rows, sessions: %d rows, shared_buffers: %s" % (
                 ORDERS, SESSIONS, pg.sql("SHOW shared_buffers")), ""]

    def show(title, text):
        lines.append("== " + title)
        lines.append(text)
        lines.append("")

    # 1. A long query's snapshot keeps VACUUM from removing dead rows in another table.
    pg.sql("VACUUM sessions")
    long_q = pg.background("SELECT pg_sleep(20), count(*) FROM orders;\n")
    time.sleep(2)
    show("session A, still running: SELECT pg_sleep(20), count(*) FROM orders;",
         pg.sql("SELECT pid, state, backend_xmin IS NOT NULL AS holds_snapshot,"
                " now() - query_start AS running_for FROM pg_stat_activity"
                " WHERE query LIKE 'SELECT pg_sleep(20)%'"))
    show("session B: every session row updated once, then VACUUM (VERBOSE) sessions",
         pg.session("UPDATE sessions SET last_seen = now();\nVACUUM (VERBOSE) sessions;\n"))
    pg.sql("SELECT pg_cancel_backend(pid) FROM pg_stat_activity"
           " WHERE query LIKE 'SELECT pg_sleep(20)%'")
    long_q.wait()
    show("session A cancelled; session B: VACUUM (VERBOSE) sessions again",
         pg.session("VACUUM (VERBOSE) sessions;\n"))

    # 2. A lock queue: report (ACCESS SHARE) <- ALTER TABLE (ACCESS EXCLUSIVE) <- a lookup.
    report = pg.background("SELECT pg_sleep(15), count(*) FROM orders;\n")
    time.sleep(1)
    alter = pg.background("ALTER TABLE orders ADD COLUMN note text;\n")
    time.sleep(1)
    lookup = pg.background("SELECT status, amount FROM orders WHERE id = 1;\n")
    time.sleep(1)
    show("three sessions: a report, then ALTER TABLE, then a primary-key lookup (pg_stat_activity)",
         pg.session("\\pset format aligned\n\\pset tuples_only off\n"
                    "SELECT pid, wait_event_type AS waiting_for, wait_event,"
                    " pg_blocking_pids(pid) AS blocked_by, left(query, 48) AS query"
                    " FROM pg_stat_activity WHERE datname = 'postgres' AND pid <> pg_backend_pid()"
                    " AND query NOT LIKE '%pg_stat_activity%' AND backend_type = 'client backend'"
                    " ORDER BY query_start;\n"))
    show("a fourth session tries the same migration with a lock timeout",
         pg.session("SET lock_timeout = '1s';\nALTER TABLE orders ADD COLUMN note2 text;\n"))
    pg.sql("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(15)%'")
    for p in (report, alter, lookup):
        p.wait()
    pg.sql("ALTER TABLE orders DROP COLUMN IF EXISTS note")

    # 3. Which scans go through the 256 kB bulk-read ring, and which fill shared_buffers.
    pg.sql("CREATE EXTENSION IF NOT EXISTS pg_buffercache")
    count = ("SELECT c.relname, count(*) AS buffers, pg_size_pretty(count(*) * 8192) AS size"
             " FROM pg_buffercache b JOIN pg_class c"
             " ON b.relfilenode = pg_relation_filenode(c.oid)"
             " AND b.reldatabase = (SELECT oid FROM pg_database WHERE datname = current_database())"
             " WHERE c.relname IN ('orders', 'sessions', 'orders_pkey', 'sessions_pkey')"
             " GROUP BY c.relname ORDER BY c.relname;\n")
    fmt_ = "\\pset format aligned\n\\pset tuples_only off\n"
    pg.sql("SELECT count(*) FROM sessions; SELECT count(*) FROM sessions WHERE id > 0;")
    show("sizes", pg.session(fmt_ + "SELECT relname, pg_size_pretty(pg_relation_size(oid)) FROM pg_class"
                             " WHERE relname IN ('orders', 'sessions') ORDER BY relname;\n"))
    show("shared_buffers after reading all of sessions", pg.session(fmt_ + count))
    pg.sql("SET max_parallel_workers_per_gather = 0;\n" + REPORT)
    show("after the report (a sequential scan of all of orders)", pg.session(fmt_ + count))
    pg.sql("SET enable_seqscan = off; SET enable_bitmapscan = off;\n"
           "SELECT sum(amount) FROM orders WHERE id <= %d;" % (ORDERS // 2))
    show("after an index range scan over half of orders (SELECT sum(amount) FROM orders WHERE id <= %d,"
         " seq and bitmap scans disabled)" % (ORDERS // 2), pg.session(fmt_ + count))

    write(os.path.join(HERE, "demos.txt"), "\n".join(lines) + "\n")


def main():
    only = sys.argv[1:]
    with Cluster(settings=SETTINGS) as pg:
        print("cpu: %s" % cpu_model())
        print("postgres: %s" % server_version(pg))
        print("python: %s" % platform.python_version())
        print("workload: %d clients, %d tx/s scheduled, %d s per run; orders %d rows, sessions %d rows"
              % (CLIENTS, RATE, SECONDS, ORDERS, SESSIONS))
        print("settings: %s (the rest at their defaults)" % ", ".join(SETTINGS))
        print("pkg: playbook/posts/oltp-vs-olap/pg")
        log("loading")
        load(pg)
        if not only or "interference" in only:
            interference(pg)
        if not only or "demos" in only:
            log("demos")
            demos(pg)


if __name__ == "__main__":
    main()
