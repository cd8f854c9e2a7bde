"""What "a simple query" costs as the table grows.

Runs a handful of innocent-looking queries against an in-memory SQLite
database of synthetic orders and prints the timings in Go's benchmark
format (one line per run: name, iterations, value unit pairs), so that the
journal's BenchmarkTable can read the raw output directly.

Standard library only. The database lives in RAM, so these are best-case
numbers: no disk, no network, no concurrent writers, one connection.
"""

import os
import platform
import random
import sqlite3
import sys
import time

TARGET_SECONDS = 0.25  # wall time per measurement, after calibration


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def build(rows, seed=1):
    """An orders table with `rows` rows and only its primary key."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE orders ("
        " id INTEGER PRIMARY KEY,"
        " customer_id INTEGER NOT NULL,"
        " status TEXT NOT NULL,"
        " created_at INTEGER NOT NULL,"
        " total_cents INTEGER NOT NULL)"
    )
    rnd = random.Random(seed)
    statuses = ("paid", "paid", "paid", "shipped", "pending", "refunded")
    customers = max(rows // 20, 1)  # about 20 orders per customer

    def gen():
        t = 1_700_000_000
        for i in range(1, rows + 1):
            t += rnd.randint(0, 30)
            yield (i, rnd.randint(1, customers), rnd.choice(statuses), t,
                   rnd.randint(100, 50_000))

    with db:
        db.executemany("INSERT INTO orders VALUES (?,?,?,?,?)", gen())
    return db, customers


def measure(fn):
    """Calibrate an iteration count so the loop runs ~TARGET_SECONDS, then time it."""
    n = 1
    while True:
        start = time.perf_counter_ns()
        for _ in range(n):
            fn()
        elapsed = time.perf_counter_ns() - start
        if elapsed >= TARGET_SECONDS * 1e9 or n >= 1 << 20:
            return n, elapsed / n
        # Aim a little past the target so the next round usually finishes.
        if elapsed <= 0:
            n *= 100
        else:
            n = max(n + 1, min(n * 100, int(n * TARGET_SECONDS * 1.2e9 / elapsed)))


def emit(name, n, ns_per_op, extra=()):
    cols = ["Benchmark%s" % name, str(n), "%.0f ns/op" % ns_per_op]
    cols += ["%s %s" % (fmt(v), unit) for v, unit in extra]
    print("\t".join(cols), flush=True)


def fmt(v):
    if isinstance(v, int):
        return str(v)
    return "%.3g" % v if v < 100 else "%.0f" % v


def bench_counts(count):
    """COUNT(*), a filtered COUNT(*) and a primary-key lookup at three table sizes."""
    for rows in (10_000, 100_000, 1_000_000):
        db, _ = build(rows)
        rnd = random.Random(2)

        def count_all():
            db.execute("SELECT COUNT(*) FROM orders").fetchone()

        def count_pending():
            db.execute("SELECT COUNT(*) FROM orders WHERE status = 'pending'").fetchone()

        def by_id():
            db.execute("SELECT * FROM orders WHERE id = ?",
                       (rnd.randint(1, rows),)).fetchone()

        for _ in range(count):
            n, ns = measure(count_all)
            emit("CountAll/rows=%d" % rows, n, ns, [(ns / rows, "ns/row")])
        for _ in range(count):
            n, ns = measure(count_pending)
            emit("CountPending/rows=%d" % rows, n, ns, [(ns / rows, "ns/row")])
        for _ in range(count):
            n, ns = measure(by_id)
            emit("LookupByID/rows=%d" % rows, n, ns)
        db.close()


def bench_filter(count, rows=1_000_000):
    """'Just add a filter': WHERE customer_id = ? before and after an index,
    what building that index costs, and what it does to every insert."""
    db, customers = build(rows)
    rnd = random.Random(3)

    def by_customer():
        db.execute("SELECT id, total_cents FROM orders WHERE customer_id = ?"
                   " ORDER BY id DESC LIMIT 50",
                   (rnd.randint(1, customers),)).fetchall()

    for _ in range(count):
        n, ns = measure(by_customer)
        emit("FilterByCustomer/index=none", n, ns)

    # Building the index: the "backfill" that has to read every existing row.
    for _ in range(count):
        db.execute("DROP INDEX IF EXISTS orders_customer")
        start = time.perf_counter_ns()
        db.execute("CREATE INDEX orders_customer ON orders (customer_id)")
        emit("CreateIndex/rows=%d" % rows, 1, time.perf_counter_ns() - start)

    for _ in range(count):
        n, ns = measure(by_customer)
        emit("FilterByCustomer/index=customer_id", n, ns)
    db.close()


def bench_inserts(count, rows=1_000_000, batch=1_000):
    """Every index is a second (third, fourth...) write on each insert."""
    variants = [
        ("0", []),
        ("1", ["CREATE INDEX i1 ON orders (customer_id)"]),
        ("3", ["CREATE INDEX i1 ON orders (customer_id)",
               "CREATE INDEX i2 ON orders (status, created_at)",
               "CREATE INDEX i3 ON orders (created_at)"]),
    ]
    for label, ddl in variants:
        db, customers = build(rows)
        for stmt in ddl:
            db.execute(stmt)
        rnd = random.Random(4)
        next_id = [rows + 1]

        def insert_batch():
            first = next_id[0]
            next_id[0] += batch
            data = [(i, rnd.randint(1, customers), "pending",
                     1_800_000_000 + rnd.randint(0, 10_000_000),
                     rnd.randint(100, 50_000))
                    for i in range(first, first + batch)]
            with db:
                db.executemany("INSERT INTO orders VALUES (?,?,?,?,?)", data)

        for _ in range(count):
            n, ns = measure(insert_batch)
            emit("InsertBatch/secondary-indexes=%s" % label, n, ns,
                 [(ns / batch, "ns/row")])
        db.close()


def bench_pages(count, rows=1_000_000, page=50):
    """'Let me jump to page N': OFFSET reads and throws away every skipped row;
    a keyset (seek) query starts where the last page ended."""
    db, _ = build(rows)

    for offset in (0, 10_000, 500_000):
        def by_offset():
            db.execute("SELECT id, total_cents FROM orders ORDER BY id"
                       " LIMIT ? OFFSET ?", (page, offset)).fetchall()

        for _ in range(count):
            n, ns = measure(by_offset)
            emit("Page/offset=%d" % offset, n, ns)

    after = 500_000

    def by_keyset():
        db.execute("SELECT id, total_cents FROM orders WHERE id > ?"
                   " ORDER BY id LIMIT ?", (after, page)).fetchall()

    for _ in range(count):
        n, ns = measure(by_keyset)
        emit("Page/keyset-after=%d" % after, n, ns)
    db.close()


def main():
    count = int(os.environ.get("BENCH_COUNT", "6"))
    only = sys.argv[1:]
    print("goos: %s" % platform.system().lower())
    print("goarch: %s" % platform.machine())
    print("cpu: %s" % cpu_model())
    print("python: %s" % platform.python_version())
    print("sqlite: %s" % sqlite3.sqlite_version)
    print("pkg: playbook/posts/why-explaining-technical-difficulty-is-hard/bench")
    for name, fn in (("counts", bench_counts), ("filter", bench_filter),
                     ("inserts", bench_inserts), ("pages", bench_pages)):
        if not only or name in only:
            fn(count)


if __name__ == "__main__":
    main()
