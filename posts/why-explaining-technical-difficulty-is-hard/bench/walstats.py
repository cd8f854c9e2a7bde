"""What the WAL of single-row inserts into a table with a random-key index
consists of, between checkpoints: pg_waldump --stats=record over the WAL that
2,000 inserts wrote, early and late in a series of runs.

cost.py found that, with every leaf page of the (customer_id, id) index
already written once since the last checkpoint (so almost no full-page
images), the WAL per inserted row still grew from run to run. This program
repeats that state on a fresh cluster (the same 1,000,000-row table and index,
a CHECKPOINT, 60,000 unrecorded inserts, as cost.py had done by then) and
breaks the WAL of the first and the tenth recorded run down by record type, to
show where the growth comes from. Writes walstats.txt behind the same
environment header as cost.py's other outputs.

    python3 walstats.py
"""

import os

import cost
from pg import Cluster, environment, parse_pgbench

HERE = os.path.dirname(os.path.abspath(__file__))
RUNS = 10


def lsn(pg):
    return pg.sql("SELECT pg_current_wal_insert_lsn()")


def main():
    with Cluster(port=int(os.environ.get("PGPORT", "55444"))) as pg:
        cost.load(pg, "ins_1", 1_000_000)
        pg.sql("CREATE INDEX ON ins_1 (customer_id, id); VACUUM ANALYZE ins_1; CHECKPOINT;")
        script = ("\\set c random(1, 50000)\n\\set t random(100, 50000)\n"
                  "INSERT INTO ins_1 (customer_id, status, created_at, total_cents)"
                  " VALUES (:c, 'pending', now(), :t);\n")
        pg.pgbench(script, ["-M", "prepared", "-c", "1", "-t", "60000"], options="-c synchronous_commit=off")
        lines = environment(pg) + [
            "table: ins_1, 1,000,000 rows, index on (customer_id, id), then CHECKPOINT and 60,000"
            " unrecorded single-row inserts; then %d runs of %d inserts, each committed with fsync" % (
                RUNS, cost.INSERTS), ""]
        for run in range(1, RUNS + 1):
            start = lsn(pg)
            n, ns = parse_pgbench(pg.pgbench(script, ["-M", "prepared", "-c", "1", "-t", str(cost.INSERTS)]))
            end = lsn(pg)
            size = int(float(pg.sql("SELECT '%s'::pg_lsn - '%s'::pg_lsn" % (end, start))))
            lines.append("run %d: %d inserts, %d WAL bytes, %.0f WAL bytes per row" % (run, n, size, size / n))
            if run in (1, RUNS):
                pg.sql("SELECT pg_switch_wal()")  # so that pg_waldump can read the segment to its end
                lines += ["", "pg_waldump --stats=record, run %d (%s to %s):" % (run, start, end),
                          pg.run([os.path.join(pg.bin, "pg_waldump"), "-p", os.path.join(pg.data, "pg_wal"),
                                  "-s", start, "-e", end, "--stats=record"]).rstrip(), ""]
        with open(os.path.join(HERE, "walstats.txt"), "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
