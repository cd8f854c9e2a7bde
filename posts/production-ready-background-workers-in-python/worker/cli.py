"""Command line for the demo queue.

    python3 cli.py --db jobs.db init
    python3 cli.py --db jobs.db enqueue charge '{"account": 7, "amount_cents": 1250}' --key order-1042
    python3 cli.py --db jobs.db work --threads 4    # provider: jobs-provider.db beside it
    python3 cli.py --db jobs.db stats
    python3 cli.py --db jobs.db dlq list
    python3 cli.py --db jobs.db dlq replay 3 4
"""

import argparse
import json
import logging
import os
import socket
import sys
import uuid

import handlers
import idempotency
import jobqueue
from pool import Config, WorkerPool


def init_all(conn) -> None:
    jobqueue.init(conn)
    idempotency.init(conn)
    handlers.init(conn)


def provider_path(db: str) -> str:
    """The simulated provider's database: jobs.db -> jobs-provider.db."""
    root, ext = os.path.splitext(db)
    return f"{root}-provider{ext or '.db'}"


def main(argv=None, make_handlers=handlers.handlers_for) -> int:
    ap = argparse.ArgumentParser(prog="cli.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    sub = ap.add_subparsers(dest="cmd", required=True)

    sub.add_parser("init")

    enq = sub.add_parser("enqueue")
    enq.add_argument("kind")
    enq.add_argument("payload", help="JSON")
    enq.add_argument("--key", help="idempotency key (default: a new UUID)")

    work = sub.add_parser("work")
    defaults = Config()
    work.add_argument("--threads", type=int, default=defaults.threads)
    work.add_argument("--lease", type=float, default=defaults.lease_s)
    work.add_argument("--poll", type=float, default=defaults.poll_s)
    work.add_argument("--drain", type=float, default=defaults.drain_s)
    work.add_argument("--max-attempts", type=int, default=defaults.max_attempts)
    work.add_argument("--backoff-base", type=float, default=defaults.backoff_base_s)
    work.add_argument("--backoff-cap", type=float, default=defaults.backoff_cap_s)
    work.add_argument("--handler-timeout", type=float, default=defaults.handler_timeout_s)
    work.add_argument("--provider-db", help="default: <db>-provider.db")
    work.add_argument("--worker-id", default=f"{socket.gethostname()}:{os.getpid()}")
    work.add_argument("--log-level", default="INFO")

    sub.add_parser("stats")

    dlq = sub.add_parser("dlq")
    dlq_sub = dlq.add_subparsers(dest="dlq_cmd", required=True)
    dlq_sub.add_parser("list")
    rep = dlq_sub.add_parser("replay")
    rep.add_argument("ids", nargs="+", type=int, help="dead_letters ids")

    args = ap.parse_args(argv)
    conn = jobqueue.connect(args.db)

    if args.cmd == "init":
        init_all(conn)
    elif args.cmd == "enqueue":
        job_id = jobqueue.enqueue(conn, args.kind, json.loads(args.payload), args.key or str(uuid.uuid4()))
        print(job_id)
    elif args.cmd == "work":
        logging.basicConfig(level=args.log_level, stream=sys.stderr, format="%(asctime)s.%(msecs)03d %(levelname)s %(message)s", datefmt="%H:%M:%S")
        init_all(conn)
        cfg = Config(threads=args.threads, lease_s=args.lease, poll_s=args.poll, drain_s=args.drain,
                     max_attempts=args.max_attempts, backoff_base_s=args.backoff_base,
                     backoff_cap_s=args.backoff_cap, handler_timeout_s=args.handler_timeout)
        pool = WorkerPool(args.db, make_handlers(args.provider_db or provider_path(args.db)), args.worker_id, cfg)
        pool.install_signal_handlers()
        pool.run()
        # Handler threads still stuck past the deadline are daemons: they die with
        # the process. Their jobs were released above, and anything they had
        # half-written is rolled back by SQLite.
        logging.shutdown()
        return 0
    elif args.cmd == "stats":
        print(json.dumps(jobqueue.stats(conn), indent=2))
    elif args.cmd == "dlq" and args.dlq_cmd == "list":
        for row in jobqueue.dead_letters(conn):
            print(f"{row['id']:>4}  job={row['job_id']}  key={row['idem_key']}  attempts={row['attempts']}  error={row['error']}")
    elif args.cmd == "dlq" and args.dlq_cmd == "replay":
        for job_id in jobqueue.replay(conn, args.ids):
            print(f"requeued job {job_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
