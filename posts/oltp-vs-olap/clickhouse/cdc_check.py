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
connector.

    python3 cdc_check.py > cdc-session.txt
"""

import datetime
import json
import platform
import shutil
import tempfile

import chdb
from chdb import session

DDL = [
    # Stands in for: CREATE TABLE orders_queue (raw String) ENGINE = Kafka SETTINGS ...
    "CREATE TABLE orders_queue (raw String) ENGINE = Null",
    """CREATE TABLE orders
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
ORDER BY id""",
    """CREATE MATERIALIZED VIEW orders_mv TO orders AS
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

LAG = """SELECT id, dateDiff('millisecond', max(updated_at), now64(3)) AS lag_ms
FROM orders FINAL
WHERE id LIKE 'heartbeat::%'
GROUP BY id
ORDER BY lag_ms DESC
LIMIT 1"""

REVENUE = """SELECT country, toStartOfWeek(created_at) AS week, sum(amount) AS revenue_cents
FROM orders FINAL
WHERE created_at >= '2026-03-02' AND created_at < '2026-03-16'
  AND status NOT IN ('refunded', 'cancelled')
  AND id NOT LIKE 'heartbeat::%'
GROUP BY country, week
ORDER BY country, week"""

QUALITY = """SELECT count() AS rows,
       countIf(status = '' OR amount = 0) AS suspicious,
       round(suspicious / rows, 3) AS share
FROM orders FINAL
WHERE updated_at >= now64(3) - INTERVAL 1 HOUR
  AND id NOT LIKE 'heartbeat::%'"""


def envelope(key, seqno, event="mutation", content=None, partition=0):
    env = {"bucket": "shop", "partition": partition, "vBucketUuid": 91337, "key": key,
           "cas": 1767225600000000000 + seqno, "bySeqno": seqno, "revSeqno": seqno, "event": event}
    if event == "mutation":
        env.update({"expiration": 0, "flags": 0, "lockTime": 0, "content": content})
    return json.dumps(env, separators=(",", ":"))


def order(status, amount, created="2026-03-03T10:00:00.000Z", updated=None, country="DE"):
    return {"type": "order", "createdAt": created, "updatedAt": updated or created,
            "country": country, "status": status, "amount": amount}


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


def main():
    path = tempfile.mkdtemp(prefix="playbook-chdb-")
    s = session.Session(path)
    t = Transcript(s)
    try:
        print("date: %s" % datetime.date.today().isoformat())
        print("clickhouse: %s (chDB %s, in-process)" % (
            s.query("SELECT version()", "TSVRaw").bytes().decode().strip(), chdb.__version__))
        print("python: %s" % platform.python_version())
        print()
        t.run("CREATE DATABASE cdc")
        t.run("USE cdc", show=False)
        for ddl in DDL:
            t.run(ddl)

        now = datetime.datetime.now(datetime.timezone.utc)
        iso = lambda d: d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)
        recent = iso(now - datetime.timedelta(minutes=5))
        t.insert("order::0001 is created, then refunded; order::0002 is created", [
            envelope("order::0001", 10, content=order("paid", 2499, updated=recent)),
            envelope("order::0002", 11, content=order("paid", 1299, updated=recent), partition=7),
            envelope("order::0001", 12, content=order("refunded", 2499, updated=recent)),
        ])
        t.insert("the connector replays order::0001 at seqno 10 (at-least-once delivery)", [
            envelope("order::0001", 10, content=order("paid", 2499, updated=recent)),
        ])
        t.insert("order::0002 is deleted: a deletion envelope has no content", [
            envelope("order::0002", 15, event="deletion", partition=7),
        ])
        t.run("SELECT id, status, amount, cb_seqno, is_deleted FROM orders ORDER BY id, cb_seqno")
        print("-- FINAL: the newest version of each id, deleted ids left out")
        t.run(FINAL_QUERY)
        print("-- argMax without looking at is_deleted: the deleted order comes back, empty")
        t.run(ARGMAX_NAIVE)
        print("-- argMax that handles deletions")
        t.run(ARGMAX)
        t.run("OPTIMIZE TABLE orders FINAL")
        t.insert("after a merge, an old version of the deleted order arrives late", [
            envelope("order::0002", 11, content=order("paid", 1299, updated=recent), partition=7),
        ])
        t.run(FINAL_QUERY)
        t.run(ARGMAX)

        t.insert("schema drift: amount as a string, as decimal euros, and renamed", [
            envelope("order::0003", 20, content=order("paid", "2499", updated=recent)),
            envelope("order::0004", 21, content=order("paid", 24.99, updated=recent)),
            envelope("order::0005", 22, content=dict(order("paid", 0, updated=recent), amount=None,
                                                     amountCents=2499)),
        ])
        t.run("SELECT id, amount FROM orders FINAL WHERE id IN ('order::0003', 'order::0004', 'order::0005') ORDER BY id")
        print("-- the data-quality check from the article")
        t.run(QUALITY)

        heartbeat = iso(now - datetime.timedelta(seconds=2))
        t.insert("a heartbeat document, upserted with a fresh updatedAt", [
            envelope("heartbeat::3", 30, content={"type": "heartbeat", "updatedAt": heartbeat}, partition=3),
        ])
        print("-- the lag query from the article (the heartbeat was written 2 s before it was inserted here)")
        t.run(LAG)
        print("-- revenue by country and week, the question the table is for")
        t.run(REVENUE)

        print("-- pruning by time: 1,048,576 orders with time-ordered ids, through the same view")
        t.run("""INSERT INTO orders_queue
SELECT concat('{"bucket":"shop","partition":', toString(number % 1024),
              ',"vBucketUuid":91337,"key":"order::', leftPad(hex(toUnixTimestamp64Milli(ts)), 12, '0'),
              '-', toString(number), '","cas":0,"bySeqno":', toString(number + 100),
              ',"revSeqno":1,"event":"mutation","expiration":0,"flags":0,"lockTime":0,"content":{"createdAt":"',
              formatDateTime(ts, '%Y-%m-%dT%H:%i:%S.000Z', 'UTC'), '","updatedAt":"',
              formatDateTime(ts, '%Y-%m-%dT%H:%i:%S.000Z', 'UTC'), '","country":"',
              ['DE','US','GB','FR'][number % 4 + 1], '","status":"paid","amount":', toString(500 + number % 30000), '}}')
FROM (SELECT number, toDateTime64('2026-01-01 00:00:00', 3, 'UTC') + toIntervalSecond(number * 10) AS ts
      FROM numbers(1048576))""")
        t.run("OPTIMIZE TABLE orders FINAL")
        t.run("SELECT count() AS rows, min(created_at), max(created_at) FROM orders FINAL WHERE id LIKE 'order::0%'")
        print("-- the primary key (id) cannot narrow a time range; the minmax index on created_at can")
        t.run("EXPLAIN indexes = 1\n" + REVENUE)
        t.run(REVENUE)
        print("-- the same query when the table has no skip index")
        t.run("ALTER TABLE orders DROP INDEX created_at_minmax")
        t.run("EXPLAIN indexes = 1\n" + REVENUE)

        print("-- compression block bounds (bytes before compression) and the granule size")
        t.run("SELECT name, value FROM system.settings WHERE name IN ('min_compress_block_size', 'max_compress_block_size') ORDER BY name")
        t.run("SELECT name, value FROM system.merge_tree_settings WHERE name IN ('index_granularity', 'index_granularity_bytes') ORDER BY name")
    finally:
        s.close()
        shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    main()
