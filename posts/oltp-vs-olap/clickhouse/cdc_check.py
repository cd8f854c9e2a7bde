"""Runs the article's ClickHouse DDL and queries on ClickHouse itself.

There is no ClickHouse server, Kafka or Couchbase here. chDB (pip install
chdb) is ClickHouse's engine as a Python library: the same MergeTree,
ReplacingMergeTree, materialized views, JSON functions and skip indexes,
in-process. What cannot run is the Kafka engine table, so a Null-engine table
stands in for it: a materialized view on a Null table sees every inserted
block, the way it sees the blocks the Kafka engine reads. The envelopes below
are written by hand in the shape RawJsonWithMetadataSourceHandler produces
(bucket, partition, vBucketUuid, key, cas, bySeqno, revSeqno, event, and for
mutations expiration, flags, lockTime and content); they did not come from a
connector. Order ids are time-ordered, UUIDv7-style: the first 48 bits are the
Unix time in milliseconds, the same instant as the document's createdAt.

The first version of the view (the one this article first published) feeds a
second table, orders_v1, from the same queue, so that the session shows what
its two flaws do: tombstones dated 1970, and any message without a known
event counted as a deletion.

    python3 cdc_check.py > cdc-session.txt
"""

import datetime
import json
import os
import platform
import shutil
import tempfile

import chdb
from chdb import session

TABLE = """CREATE TABLE {name}
(
    id          String,
    created_at  DateTime64(3, 'UTC'),
    updated_at  DateTime64(3, 'UTC'),
    country     LowCardinality(String),
    status      LowCardinality(String),
    amount      Int64,
    cb_seqno    UInt64,
    is_deleted  UInt8,
    INDEX created_at_minmax created_at TYPE minmax GRANULARITY 1
)
ENGINE = ReplacingMergeTree(cb_seqno, is_deleted)
ORDER BY id"""

DDL = [
    # Stands in for: CREATE TABLE orders_queue (raw String) ENGINE = Kafka SETTINGS ...
    "CREATE TABLE orders_queue (raw String) ENGINE = Null",
    TABLE.format(name="orders"),
    """CREATE TABLE orders_errors
(
    received_at DateTime64(3, 'UTC'),
    raw         String
)
ENGINE = MergeTree
ORDER BY received_at""",
    """CREATE MATERIALIZED VIEW orders_mv TO orders AS
SELECT
    JSONExtractString(raw, 'key') AS id,
    -- a deletion has no content: date its tombstone by the id (UUIDv7), so that
    -- it lands in the same time range, and the same granules, as its row
    if(JSONExtractString(raw, 'event') = 'mutation',
       parseDateTime64BestEffortOrZero(JSONExtractString(raw, 'content', 'createdAt'), 3, 'UTC'),
       UUIDv7ToDateTime(toUUIDOrZero(substring(JSONExtractString(raw, 'key'), 8)), 'UTC')) AS created_at,
    parseDateTime64BestEffortOrZero(JSONExtractString(raw, 'content', 'updatedAt'), 3, 'UTC') AS updated_at,
    JSONExtractString(raw, 'content', 'country') AS country,
    JSONExtractString(raw, 'content', 'status')  AS status,
    JSONExtractInt(raw, 'content', 'amount')     AS amount,
    JSONExtractUInt(raw, 'bySeqno')              AS cb_seqno,
    JSONExtractString(raw, 'event') IN ('deletion', 'expiration') AS is_deleted
FROM orders_queue
WHERE JSONHas(raw, 'bySeqno')
  AND JSONExtractString(raw, 'event') IN ('mutation', 'deletion', 'expiration')""",
    """CREATE MATERIALIZED VIEW orders_errors_mv TO orders_errors AS
SELECT now64(3, 'UTC') AS received_at, raw
FROM orders_queue
WHERE NOT (JSONHas(raw, 'bySeqno')
           AND JSONExtractString(raw, 'event') IN ('mutation', 'deletion', 'expiration'))""",
]

DDL_V1 = [
    TABLE.format(name="orders_v1"),
    """CREATE MATERIALIZED VIEW orders_v1_mv TO orders_v1 AS
SELECT
    JSONExtractString(raw, 'key')                 AS id,
    parseDateTime64BestEffortOrZero(JSONExtractString(raw, 'content', 'createdAt'), 3, 'UTC') AS created_at,
    parseDateTime64BestEffortOrZero(JSONExtractString(raw, 'content', 'updatedAt'), 3, 'UTC') AS updated_at,
    JSONExtractString(raw, 'content', 'country')  AS country,
    JSONExtractString(raw, 'content', 'status')   AS status,
    JSONExtractInt(raw, 'content', 'amount')      AS amount,
    JSONExtractUInt(raw, 'bySeqno')               AS cb_seqno,
    JSONExtractString(raw, 'event') != 'mutation' AS is_deleted
FROM orders_queue""",
]

FINAL_QUERY = """SELECT id, status, amount, cb_seqno
FROM orders FINAL
ORDER BY id"""

ARGMAX_NAIVE = """SELECT id, argMax(status, cb_seqno) AS status, argMax(amount, cb_seqno) AS amount
FROM orders
GROUP BY id
ORDER BY id"""

ARGMAX = """SELECT id, argMax(status, cb_seqno) AS status, argMax(amount, cb_seqno) AS amount
FROM orders
GROUP BY id
HAVING argMax(is_deleted, cb_seqno) = 0
ORDER BY id"""

ARGMAX_RANGE = """SELECT id, argMax(status, cb_seqno) AS status, argMax(amount, cb_seqno) AS amount
FROM {table}
WHERE created_at >= '2026-03-02' AND created_at < '2026-03-16'
GROUP BY id
HAVING argMax(is_deleted, cb_seqno) = 0
ORDER BY id"""

LAG = """SELECT id, dateDiff('millisecond', max(updated_at), now64(3)) AS lag_ms
FROM orders FINAL
WHERE id LIKE 'heartbeat::%'
GROUP BY id
ORDER BY lag_ms DESC
LIMIT 1"""

REVENUE = """SELECT country, toMonday(created_at) AS week, sum(amount) AS revenue_cents
FROM {table} FINAL
WHERE created_at >= '2026-03-02' AND created_at < '2026-03-16'
  AND status NOT IN ('refunded', 'cancelled')
  AND id NOT LIKE 'heartbeat::%'
GROUP BY country, week
ORDER BY country, week"""

REVENUE_ARGMAX = """SELECT country, week, sum(amount) AS revenue_cents
FROM
(
    SELECT id,
           argMax(country, cb_seqno)           AS country,
           toMonday(argMax(created_at, cb_seqno)) AS week,
           argMax(status, cb_seqno)            AS status,
           argMax(amount, cb_seqno)            AS amount
    FROM {table}
    WHERE created_at >= '2026-03-02' AND created_at < '2026-03-16'
      AND id NOT LIKE 'heartbeat::%'
    GROUP BY id
    HAVING argMax(is_deleted, cb_seqno) = 0
)
WHERE status NOT IN ('refunded', 'cancelled')
GROUP BY country, week
ORDER BY country, week"""

QUALITY = """SELECT count() AS rows,
       countIf(status = '' OR amount = 0) AS suspicious,
       round(suspicious / rows, 3) AS share
FROM orders FINAL
WHERE updated_at >= now64(3) - INTERVAL 1 HOUR
  AND id NOT LIKE 'heartbeat::%'"""

# Bulk orders: one every 10 s from 2026-01-01, ids UUIDv7-style (48-bit
# millisecond time, version 7, variant 8, then a counter).
BULK_ID = ("concat('order::', lower(concat(substring(h, 1, 8), '-', substring(h, 9, 4), '-7000-8',"
           " substring(c, 1, 3), '-', substring(c, 4, 12))))")
BULK_FROM = """FROM (SELECT number, ts, leftPad(hex(toUnixTimestamp64Milli(ts)), 12, '0') AS h,
             leftPad(hex(number + 1000), 15, '0') AS c
      FROM (SELECT number, toDateTime64('2026-01-01 00:00:00', 3, 'UTC') + toIntervalSecond(number * 10) AS ts
            FROM numbers(1048576)))"""


def ms(iso):
    return int(datetime.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1000)


def order_id(created, n):
    """order::<UUIDv7>, its time the order's createdAt, its counter n."""
    h = "%012x" % ms(created)
    return "order::%s-%s-7000-8000-%012x" % (h[:8], h[8:], n)


def envelope(key, seqno, event="mutation", content=None, partition=0, drop=()):
    env = {"bucket": "shop", "partition": partition, "vBucketUuid": 91337, "key": key,
           "cas": 1767225600000000000 + seqno, "bySeqno": seqno, "revSeqno": seqno, "event": event}
    if event == "mutation":
        env.update({"expiration": 0, "flags": 0, "lockTime": 0, "content": content})
    for k in drop:
        env.pop(k)
    return json.dumps(env, separators=(",", ":"))


CREATED = "2026-03-03T10:00:00.000Z"


def order(status, amount, updated, country="DE", **extra):
    doc = {"type": "order", "createdAt": CREATED, "updatedAt": updated,
           "country": country, "status": status, "amount": amount}
    doc.update(extra)
    return doc


class Transcript:
    def __init__(self, s):
        self.s = s

    def run(self, sql, fmt="PrettyCompactMonoBlock", show=True):
        out = self.s.query(sql, fmt)
        text = str(out).rstrip()
        if show:
            print(sql + ";")
            if text:
                print(text)
            print()
        return text

    def insert(self, note, envelopes):
        print("-- " + note)
        for e in envelopes:
            print("   " + e)
        values = ",".join("('%s')" % e.replace("\\", "\\\\").replace("'", "\\'") for e in envelopes)
        self.s.query("INSERT INTO orders_queue VALUES " + values)
        print()


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown"


def main():
    path = tempfile.mkdtemp(prefix="playbook-chdb-")
    s = session.Session(path)
    t = Transcript(s)
    A, B = order_id(CREATED, 1), order_id(CREATED, 2)
    try:
        with open("/proc/meminfo") as f:
            mem_kib = int(next(l for l in f if l.startswith("MemTotal")).split()[1])
        print("date: %s" % datetime.date.today().isoformat())
        print("kernel: %s %s" % (platform.system(), platform.release()))
        print("cores: %d" % os.cpu_count())
        print("memory: %.1f GiB" % (mem_kib / 1048576))
        print("cpu: %s" % cpu_model())
        print("clickhouse: %s (chDB %s, in-process)" % (
            s.query("SELECT version()", "TSVRaw").bytes().decode().strip(), chdb.__version__))
        print("python: %s" % platform.python_version())
        print()
        t.run("SELECT name, value FROM system.settings WHERE name IN ('optimize_on_insert',"
              " 'use_skip_indexes_if_final', 'use_skip_indexes_if_final_exact_mode') ORDER BY name")
        t.run("CREATE DATABASE cdc")
        t.run("USE cdc", show=False)
        for ddl in DDL:
            t.run(ddl)
        print("-- the first version of the view, as this article first published it, kept to compare")
        for ddl in DDL_V1:
            t.run(ddl)

        now = datetime.datetime.now(datetime.timezone.utc)
        iso = lambda d: d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)
        recent = iso(now - datetime.timedelta(minutes=5))
        print("-- order A is %s, order B is %s" % (A, B))
        t.insert("one insert: order A is created, order B is created, order A is refunded", [
            envelope(A, 10, content=order("paid", 2499, recent)),
            envelope(B, 11, content=order("paid", 1299, recent), partition=7),
            envelope(A, 12, content=order("refunded", 2499, recent)),
        ])
        t.insert("the connector replays order A at seqno 10 (at-least-once delivery)", [
            envelope(A, 10, content=order("paid", 2499, recent)),
        ])
        t.insert("order B is deleted: a deletion envelope has no content", [
            envelope(B, 15, event="deletion", partition=7),
        ])
        print("-- every stored version and the part that holds it: optimize_on_insert already collapsed"
              " the two versions of A that came in one insert")
        t.run("SELECT _part, id, status, amount, cb_seqno, is_deleted, created_at FROM orders"
              " ORDER BY id, cb_seqno")
        print("-- FINAL: the newest version of each id, deleted ids left out")
        t.run(FINAL_QUERY)
        print("-- argMax without looking at is_deleted: the deleted order comes back, empty")
        t.run(ARGMAX_NAIVE)
        print("-- argMax that handles deletions")
        t.run(ARGMAX)
        print("-- argMax with a time filter: the tombstone must pass the WHERE too")
        t.run(ARGMAX_RANGE.format(table="orders"))
        print("-- the same on orders_v1, whose tombstone is dated 1970: the WHERE drops it, and the"
              " deleted order B comes back")
        t.run("SELECT id, created_at, is_deleted FROM orders_v1 WHERE is_deleted ORDER BY id")
        t.run(ARGMAX_RANGE.format(table="orders_v1"))
        t.run("OPTIMIZE TABLE orders FINAL")
        t.insert("after a merge, an old version of the deleted order arrives late", [
            envelope(B, 11, content=order("paid", 1299, recent), partition=7),
        ])
        t.run(FINAL_QUERY)
        t.run(ARGMAX)

        t.insert("broken messages: one without an event, one without a bySeqno", [
            envelope(order_id(CREATED, 6), 23, content=order("paid", 999, recent), drop=("event",)),
            envelope(A, 24, content=order("paid", 2499, recent), drop=("bySeqno",)),
        ])
        print("-- orders ignores them; orders_errors holds them")
        t.run("SELECT count() AS rows FROM orders WHERE cb_seqno IN (0, 23)")
        t.run("SELECT substring(raw, 1, 120) AS raw FROM orders_errors")
        print("-- orders_v1 took the first as a deletion and the second as version 0")
        t.run("SELECT id, status, cb_seqno, is_deleted FROM orders_v1 WHERE cb_seqno IN (0, 23) ORDER BY id")

        t.insert("schema drift: amount as a string, as decimal euros, and renamed (no amount field)", [
            envelope(order_id(CREATED, 3), 20, content=order("paid", "2499", recent)),
            envelope(order_id(CREATED, 4), 21, content=order("paid", 24.99, recent)),
            envelope(order_id(CREATED, 5), 22, content={k: v for k, v in dict(
                order("paid", 0, recent), amountCents=2499).items() if k != "amount"}),
        ])
        t.run("SELECT id, amount FROM orders FINAL WHERE cb_seqno IN (20, 21, 22) ORDER BY id")
        print("-- the data-quality check from the article")
        t.run(QUALITY)

        heartbeat = iso(now - datetime.timedelta(seconds=2))
        t.insert("a heartbeat document, upserted with a fresh updatedAt", [
            envelope("heartbeat::3", 30, content={"type": "heartbeat", "updatedAt": heartbeat}, partition=3),
        ])
        print("-- the lag query from the article (the heartbeat was written 2 s before it was inserted here)")
        t.run(LAG)
        print("-- revenue by country and week, the question the table is for")
        t.run(REVENUE.format(table="orders"))

        print("-- pruning by time: 1,048,576 orders with time-ordered ids, one every 10 s from 2026-01-01,"
              " through the same views")
        t.run("""INSERT INTO orders_queue
SELECT concat('{"bucket":"shop","partition":', toString(number % 1024),
              ',"vBucketUuid":91337,"key":"', """ + BULK_ID + """,
              '","cas":0,"bySeqno":', toString(number + 100),
              ',"revSeqno":1,"event":"mutation","expiration":0,"flags":0,"lockTime":0,"content":{"createdAt":"',
              formatDateTime(ts, '%Y-%m-%dT%H:%i:%S.000Z', 'UTC'), '","updatedAt":"',
              formatDateTime(ts, '%Y-%m-%dT%H:%i:%S.000Z', 'UTC'), '","country":"',
              ['DE','US','GB','FR'][number % 4 + 1], '","status":"paid","amount":', toString(500 + number % 30000), '}}')
""" + BULK_FROM)
        print("-- and 1 % of them deleted again (every 100th), spread over the whole four months")
        t.run("""INSERT INTO orders_queue
SELECT concat('{"bucket":"shop","partition":', toString(number % 1024),
              ',"vBucketUuid":91337,"key":"', """ + BULK_ID + """,
              '","cas":0,"bySeqno":', toString(number + 2000000),
              ',"revSeqno":2,"event":"deletion"}')
""" + BULK_FROM + """
WHERE number % 100 = 37""")
        print("-- before any merge: the parts each table has, and argMax with the time filter on both")
        t.run("SELECT table, count() AS active_parts, sum(rows) AS rows FROM system.parts"
              " WHERE database = 'cdc' AND table IN ('orders', 'orders_v1') AND active GROUP BY table ORDER BY table")
        t.run(REVENUE_ARGMAX.format(table="orders"))
        t.run(REVENUE_ARGMAX.format(table="orders_v1"))
        print("-- FINAL on orders_v1 at the same moment")
        t.run(REVENUE.format(table="orders_v1"))
        t.run("OPTIMIZE TABLE orders FINAL")
        t.run("OPTIMIZE TABLE orders_v1 FINAL")
        t.run("SELECT count() AS rows, countIf(is_deleted) AS tombstones, min(created_at), max(created_at)"
              " FROM orders WHERE id LIKE 'order::%'")
        t.run("SELECT count() AS rows, countIf(is_deleted) AS tombstones, min(created_at), max(created_at)"
              " FROM orders_v1 WHERE id LIKE 'order::%'")
        print("-- the primary key (id) cannot narrow a time range; the minmax index on created_at can")
        t.run("EXPLAIN indexes = 1\n" + REVENUE.format(table="orders"))
        t.run(REVENUE.format(table="orders"))
        print("-- orders_v1: its tombstones are dated 1970, so every granule that holds one has a minimum of 1970")
        t.run("EXPLAIN indexes = 1\n" + REVENUE.format(table="orders_v1"))

        lo = "order::%s" % ("%012x" % ms("2026-03-02T00:00:00.000Z"))
        hi = "order::%s" % ("%012x" % ms("2026-03-16T00:00:00.000Z"))
        lo, hi = lo[:15] + "-" + lo[15:], hi[:15] + "-" + hi[15:]
        by_id = REVENUE.format(table="orders").replace(
            "WHERE created_at >= '2026-03-02' AND created_at < '2026-03-16'",
            "WHERE id >= '%s' AND id < '%s'" % (lo, hi))
        print("-- the same time range as a range of ids: %s is 2026-03-02T00:00Z, %s is 2026-03-16T00:00Z"
              % (lo, hi))
        print("-- the table without its skip index")
        t.run("ALTER TABLE orders DROP INDEX created_at_minmax")
        t.run("EXPLAIN indexes = 1\n" + REVENUE.format(table="orders"))
        print("-- the range of ids: the primary key alone narrows it")
        t.run("EXPLAIN indexes = 1\n" + by_id)
        t.run(by_id)

        print("-- compression block bounds (bytes before compression) and the granule size")
        t.run("SELECT name, value FROM system.settings WHERE name IN ('min_compress_block_size', 'max_compress_block_size') ORDER BY name")
        t.run("SELECT name, value FROM system.merge_tree_settings WHERE name IN ('index_granularity', 'index_granularity_bytes') ORDER BY name")
    finally:
        s.close()
        shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    main()
