"""The layout question on real engines: PostgreSQL's heap and ClickHouse's
MergeTree, the same 8,388,608 orders, the same two queries.

PostgreSQL 15 runs as a throwaway cluster (pg.py: default settings, listening
on 127.0.0.1 and a unix socket); queries go through pgbench, one client,
prepared statements. ClickHouse runs in-process through chDB (pip install
chdb), the ClickHouse engine as a Python library, with max_threads = 2 (the
cores here); each query is a call into the library, timed in Python. The data
is generated once in PostgreSQL, exported with COPY and read by ClickHouse from
that file, so both hold the same rows. Both read warm data: the tables fit in
this machine's memory. "SELECT 1" measures each client path's floor.

Every round runs each benchmark once, for SECONDS, in an order rotated by one
each round, so that the shared host's slow minutes fall on all of them alike.
Prints one line per run in Go's benchmark format after a header of key: value
lines, and writes to plans.txt (behind the same header): the sizes, the
settings PostgreSQL ran with, the plans, and ClickHouse's read counters
(system.events) for one lookup of `id` only and one of the whole row.

    BENCH_COUNT=10 python3 engines.py
"""

import datetime
import os
import platform
import random
import shutil
import sys
import tempfile
import time

import chdb
from chdb import session

from pg import Cluster, parse_pgbench, server_version

HERE = os.path.dirname(os.path.abspath(__file__))
COUNT = int(os.environ.get("BENCH_COUNT", "10"))
ROWS = int(os.environ.get("ORDERS_ROWS", str(8 << 20)))
SECONDS = 2

SCAN = "SELECT sum(amount) FROM orders WHERE status = 'delivered'"
LOOKUP = "SELECT * FROM orders WHERE id = %s"
LOOKUP_ID = "SELECT id FROM orders WHERE id = %s"


def log(msg):
    sys.stderr.write("%s %s\n" % (datetime.datetime.now().strftime("%H:%M:%S"), msg))


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown"


def emit(name, n, ns, extra=()):
    print("\t".join(["Benchmark%s" % name, str(n), "%.0f ns/op" % ns] +
                    ["%s %s" % (v, unit) for v, unit in extra]), flush=True)


def load_pg(pg, csv):
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
               CASE WHEN r < 0.05 THEN 'pending' WHEN r < 0.15 THEN 'paid' WHEN r < 0.30 THEN 'shipped'
                    WHEN r < 0.90 THEN 'delivered' WHEN r < 0.95 THEN 'refunded' ELSE 'cancelled' END,
               'EUR'
        FROM (SELECT i, 500 + floor(random() * 30000)::bigint AS a, random() AS r
              FROM generate_series(1, %d) AS i) AS g;
        VACUUM ANALYZE orders;
        CHECKPOINT;
        COPY orders TO '%s' WITH (FORMAT csv);
    """ % (ROWS, csv))


def load_ch(s, csv):
    s.query("CREATE DATABASE shop")
    s.query("""CREATE TABLE shop.orders (
          id Int64, customer_id Int64, created_at DateTime64(3, 'UTC'),
          amount Int64, tax Int64, shipping Int64, item_count Int32, warehouse_id Int32,
          country LowCardinality(String), status LowCardinality(String), currency LowCardinality(String))
        ENGINE = MergeTree ORDER BY id""")
    s.query("""INSERT INTO shop.orders SELECT * FROM file('%s', 'CSV',
          'id Int64, customer_id Int64, created_at DateTime64(3, \\'UTC\\'), amount Int64, tax Int64,
           shipping Int64, item_count Int32, warehouse_id Int32, country String, status String,
           currency String')""" % csv)
    s.query("OPTIMIZE TABLE shop.orders FINAL")


def ch_run(s, make_sql, seconds=SECONDS):
    n, start = 0, time.perf_counter_ns()
    while True:
        s.query(make_sql(), "TSV")
        n += 1
        elapsed = time.perf_counter_ns() - start
        if elapsed >= seconds * 1e9:
            return n, elapsed / n


def pg_run(pg, script, seconds=SECONDS):
    return parse_pgbench(pg.pgbench(script, ["-M", "prepared", "-c", "1", "-T", str(seconds)]))


def environment(pg, ch_version):
    with open("/proc/meminfo") as f:
        mem_kib = int(next(l for l in f if l.startswith("MemTotal")).split()[1])
    return ["date: %s" % datetime.date.today().isoformat(),
            "kernel: %s %s" % (platform.system(), platform.release()),
            "cores: %d" % os.cpu_count(),
            "memory: %.1f GiB" % (mem_kib / 1048576),
            "cpu: %s" % cpu_model(),
            "postgres: %s" % server_version(pg),
            "clickhouse: %s (chDB %s, in-process, max_threads 2)" % (ch_version, chdb.__version__),
            "python: %s" % platform.python_version()]


def ch_events(s, sql):
    """system.events (ClickHouse's global counters) before and after one query."""
    def snap():
        out = s.query("SELECT event, value FROM system.events", "TSV").bytes().decode()
        return {l.split("\t")[0]: int(l.split("\t")[1]) for l in out.splitlines() if l}
    a = snap()
    s.query(sql, "TSV")
    b = snap()
    return {k: b[k] - a.get(k, 0) for k in b if b[k] != a.get(k, 0)}


def main():
    work = tempfile.mkdtemp(prefix="playbook-engines-")
    os.chmod(work, 0o777)
    csv = os.path.join(work, "orders.csv")
    plans = []
    with Cluster() as pg:
        s = session.Session(os.path.join(work, "chdb"))
        try:
            ch_version = s.query("SELECT version()", "TSVRaw").bytes().decode().strip()
            env = environment(pg, ch_version)
            for line in env[4:]:
                print(line)  # run.sh prints date, kernel, cores and memory itself
            print("pkg: playbook/posts/oltp-vs-olap/engines")
            plans += env + [""]
            log("loading %d rows into PostgreSQL" % ROWS)
            load_pg(pg, csv)
            log("loading them into ClickHouse")
            load_ch(s, csv)
            os.remove(csv)
            s.query("USE shop")
            s.query("SET max_threads = 2")

            plans.append("PostgreSQL settings that are not at their built-in default"
                         " (initdb and pg.py set these):")
            plans.append(pg.sql("\\pset format aligned\n\\pset tuples_only off\n"
                                "SELECT name, setting, unit, source FROM pg_settings"
                                " WHERE source <> 'default' ORDER BY name;"))
            plans.append("shared_buffers: %s (%s pages of 8 kB)" % (
                pg.sql("SHOW shared_buffers"), pg.sql("SELECT setting FROM pg_settings WHERE name = 'shared_buffers'")))
            plans.append("")
            sizes = pg.sql("SELECT pg_size_pretty(pg_relation_size('orders')),"
                           " pg_relation_size('orders') / 8192,"
                           " pg_size_pretty(pg_relation_size('orders_pkey'))")
            plans.append("PostgreSQL heap, its pages, primary key index: %s" % sizes.replace("|", ", "))
            plans.append("ClickHouse parts, rows, compressed and uncompressed bytes:")
            plans.append(str(s.query("SELECT count() AS parts, sum(rows) AS rows,"
                                     " formatReadableSize(sum(data_compressed_bytes)) AS compressed,"
                                     " formatReadableSize(sum(data_uncompressed_bytes)) AS uncompressed"
                                     " FROM system.parts WHERE database = 'shop' AND active",
                                     "PrettyCompactMonoBlock")).rstrip())
            plans.append(str(s.query("SELECT column, formatReadableSize(column_data_compressed_bytes) AS compressed,"
                                     " formatReadableSize(column_data_uncompressed_bytes) AS uncompressed"
                                     " FROM system.parts_columns WHERE database = 'shop' AND active"
                                     " ORDER BY column_position", "PrettyCompactMonoBlock")).rstrip())
            plans.append("")
            for title, sql in (("scan", SCAN), ("lookup", LOOKUP % 4194304), ("lookup of id only", LOOKUP_ID % 4194304)):
                plans.append("-- PostgreSQL, %s: %s" % (title, sql))
                plans.append(pg.sql("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql))
                plans.append("-- ClickHouse, %s: %s" % (title, sql))
                plans.append(str(s.query("EXPLAIN indexes = 1 " + sql, "TSVRaw").bytes().decode()).rstrip())
                plans.append("")

            # What one lookup reads, by ClickHouse's own counters: three warm-up
            # lookups, then the deltas of system.events around one query of each kind.
            for i in range(3):
                s.query(LOOKUP % (1000 + i), "TSV")
                s.query(LOOKUP_ID % (1000 + i), "TSV")
            ev = [("SELECT 1", ch_events(s, "SELECT 1")),
                  ("SELECT id", ch_events(s, LOOKUP_ID % 2718281)),
                  ("SELECT *", ch_events(s, LOOKUP % 3141592))]
            keep = ("Selected", "Read", "CompressedRead", "Decompress", "MarkCache", "UncompressedCache",
                    "OpenedFile", "RealTime", "UserTime", "SystemTime", "OSCPU", "QueryTime")
            names = sorted({k for _, e in ev for k in e if k.startswith(keep)})
            plans.append("ClickHouse system.events deltas around one query each (after three warm-up"
                         " lookups of each kind): %s" % ", ".join("%s = %s" % (t, sql) for t, sql in (
                             ("SELECT 1", "SELECT 1"), ("SELECT id", LOOKUP_ID % 2718281),
                             ("SELECT *", LOOKUP % 3141592))))
            plans.append("%-44s %12s %12s %12s" % ("event", "SELECT 1", "SELECT id", "SELECT *"))
            for k in names:
                plans.append("%-44s %12d %12d %12d" % ((k,) + tuple(e.get(k, 0) for _, e in ev)))
            plans.append("")

            rnd = random.Random(7)
            benches = [
                ("Floor/postgres", lambda: pg_run(pg, "SELECT 1;\n")),
                ("Floor/clickhouse", lambda: ch_run(s, lambda: "SELECT 1")),
                ("Scan/postgres", lambda: pg_run(pg, SCAN + ";\n")),
                ("Scan/clickhouse", lambda: ch_run(s, lambda: SCAN)),
                ("Lookup/postgres", lambda: pg_run(pg, "\\set id random(1, %d)\n%s;\n" % (ROWS, LOOKUP % ":id"))),
                ("Lookup/clickhouse", lambda: ch_run(s, lambda: LOOKUP % rnd.randint(1, ROWS))),
                ("LookupID/postgres", lambda: pg_run(pg, "\\set id random(1, %d)\n%s;\n" % (ROWS, LOOKUP_ID % ":id"))),
                ("LookupID/clickhouse", lambda: ch_run(s, lambda: LOOKUP_ID % rnd.randint(1, ROWS))),
            ]
            log("timing")
            for r in range(COUNT):
                k = r % len(benches)
                for name, fn in benches[k:] + benches[:k]:
                    n, ns = fn()
                    emit(name, n, ns)
        finally:
            s.close()
            shutil.rmtree(work, ignore_errors=True)
    with open(os.path.join(HERE, "plans.txt"), "w") as f:
        f.write("\n".join(plans) + "\n")


if __name__ == "__main__":
    main()
