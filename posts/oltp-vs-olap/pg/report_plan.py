"""Why the parallel report did not use more CPU than the serial one.

interference.py measured the VM's CPU time while the revenue report ran
alone: about half of the two cores' time, with PostgreSQL's default of up to
two parallel workers as without them. This program checks the two halves of
that: what the report's plan was with and without parallel workers
(EXPLAIN (ANALYZE, BUFFERS), with the VM's CPU time by state around each), and
how much CPU time the VM can give two busy processes at once (two Python
loops, one second, /proc/stat around them). Writes report-plan.txt behind the
same kind of header as interference.py's other outputs.

    python3 report_plan.py
"""

import datetime
import os
import platform
import subprocess
import sys
import time

import interference as inf
from pg import Cluster, server_version

HERE = os.path.dirname(os.path.abspath(__file__))


def busy_loops(n, seconds=1.0):
    """n Python processes that spin for `seconds`; returns the VM's (busy %, steal %) meanwhile."""
    code = "import time\nt = time.time() + %f\nwhile time.time() < t: pass\n" % seconds
    a = inf.cpu_times()
    procs = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(n)]
    for p in procs:
        p.wait()
    return inf.cpu_share(a, inf.cpu_times())


def main():
    with Cluster(port=int(os.environ.get("PGPORT", "55445")), settings=inf.SETTINGS) as pg:
        with open("/proc/meminfo") as f:
            mem_kib = int(next(l for l in f if l.startswith("MemTotal")).split()[1])
        lines = ["date: %s" % datetime.date.today().isoformat(),
                 "kernel: %s %s" % (platform.system(), platform.release()),
                 "cores: %d" % os.cpu_count(),
                 "memory: %.1f GiB" % (mem_kib / 1048576),
                 "cpu: %s" % inf.cpu_model(),
                 "postgres: %s" % server_version(pg),
                 "python: %s" % platform.python_version(),
                 "orders: %d rows, loaded as in interference.py" % inf.ORDERS, ""]
        inf.load(pg)
        for workers in (2, 0, 2, 0):
            a = inf.cpu_times()
            t = time.perf_counter()
            plan = pg.sql("SET max_parallel_workers_per_gather = %d;\n"
                          "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY OFF) %s" % (workers, inf.REPORT))
            elapsed = time.perf_counter() - t
            busy, steal = inf.cpu_share(a, inf.cpu_times())
            lines += ["-- max_parallel_workers_per_gather = %d: %.2f s, the VM's CPU time %.1f%% busy, %.1f%% stolen"
                      % (workers, elapsed, busy, steal), plan, ""]
        for n in (1, 2, 1, 2):
            busy, steal = busy_loops(n)
            lines.append("%d busy process(es) for 1 s: the VM's CPU time %.1f%% busy, %.1f%% stolen" % (n, busy, steal))
        with open(os.path.join(HERE, "report-plan.txt"), "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
