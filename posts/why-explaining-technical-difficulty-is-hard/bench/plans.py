"""Prints SQLite's query plan for each innocent query, before and after an index.

    python3 plans.py > plans.txt
"""

import sqlite3

from cost import build

QUERIES = [
    ("filter by customer",
     "SELECT id, total_cents FROM orders WHERE customer_id = 42"
     " ORDER BY id DESC LIMIT 50"),
    ("count pending",
     "SELECT COUNT(*) FROM orders WHERE status = 'pending'"),
    ("page 10,001 by OFFSET",
     "SELECT id, total_cents FROM orders ORDER BY id LIMIT 50 OFFSET 500000"),
    ("page by keyset",
     "SELECT id, total_cents FROM orders WHERE id > 500000 ORDER BY id LIMIT 50"),
]


def plan(db, sql):
    # Each row is (id, parent, notused, detail); the detail text is the plan.
    return [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql)]


def report(db):
    lines = []
    for label, sql in QUERIES:
        lines.append("-- %s" % label)
        lines.append(sql + ";")
        lines += ["   " + step for step in plan(db, sql)]
        lines.append("")
    return lines


def main():
    db, _ = build(10_000)
    print("sqlite %s" % sqlite3.sqlite_version)
    print()
    print("== only the primary key ==")
    print("\n".join(report(db)))
    db.execute("CREATE INDEX orders_customer ON orders (customer_id)")
    db.execute("CREATE INDEX orders_status ON orders (status)")
    print("== after CREATE INDEX orders_customer ON orders (customer_id);")
    print("==   and CREATE INDEX orders_status ON orders (status);")
    print("\n".join(report(db)))


if __name__ == "__main__":
    main()
