"""Paired comparison of the interference rounds in results.txt.

Every round of interference.py runs the three conditions back to back (in a
rotated order), so a round's three runs share the host's conditions of that
minute. For each report condition and each percentile, this counts the
rounds in which that condition's value was above the same round's
report=none value, and gives the two-sided exact sign test p-value (ties are
dropped, as the sign test does), for results.txt and for the earlier run kept
as results-second-run.txt. Writes paired.txt.

    python3 paired.py
"""

import math
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
UNITS = ("p50-ms", "p90-ms", "p99-ms")


def parse(text):
    """The Login runs of results.txt, in order: (condition, {unit: value})."""
    runs = []
    for line in text.splitlines():
        m = re.match(r"BenchmarkLogin/report=(\w+)\s+\d+\s+(.*)", line)
        if not m:
            continue
        f = m.group(2).split()
        runs.append((m.group(1), {f[i + 1]: float(f[i]) for i in range(0, len(f) - 1, 2)}))
    return runs


def rounds(runs, size=3):
    """Consecutive groups of `size` runs, each holding every condition once."""
    out = []
    for i in range(0, len(runs) - len(runs) % size, size):
        group = dict(runs[i:i + size])
        if len(group) != size:
            raise ValueError("round %d does not hold every condition once" % (i // size + 1))
        out.append(group)
    return out


def sign_test(above, below):
    """Two-sided exact binomial p-value for `above` of `above + below` under p = 1/2."""
    n, k = above + below, min(above, below)
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
    return min(1.0, 2 * tail)


def analyse(name):
    with open(os.path.join(HERE, name)) as f:
        text = f.read()
    date = re.search(r"^date: (.*)$", text, re.M).group(1)
    rs = rounds(parse(text))
    lines = ["# %s (%s, %d rounds): rounds in which the condition was above report=none in the same"
             " round, and the two-sided exact sign test p-value (ties dropped)" % (name, date, len(rs))]
    for cond in ("parallel", "serial"):
        for unit in UNITS:
            above = sum(r[cond][unit] > r["none"][unit] for r in rs)
            below = sum(r[cond][unit] < r["none"][unit] for r in rs)
            lines.append("report=%-8s %-7s above none in %2d of %d rounds, below in %2d, sign test p = %.3f"
                         % (cond, unit, above, len(rs), below, sign_test(above, below)))
    return lines


def main():
    lines = analyse("results.txt") + [""] + analyse("results-second-run.txt")
    with open(os.path.join(HERE, "paired.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
