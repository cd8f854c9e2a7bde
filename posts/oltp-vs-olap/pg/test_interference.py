"""Checks the percentile and pgbench-log code that results.txt relies on; no server needed."""

import os
import tempfile
import unittest

from interference import autovacuum_lines, cpu_share, percentile, read_log
from paired import parse, rounds, sign_test


class PercentileTest(unittest.TestCase):
    def test_nearest_rank(self):
        values = list(range(1, 101))  # 1..100
        self.assertEqual(percentile(values, 50), 50)
        self.assertEqual(percentile(values, 99), 99)
        self.assertEqual(percentile(values, 99.9), 100)
        self.assertEqual(percentile(values, 100), 100)
        self.assertEqual(percentile([7], 99), 7)

    def test_empty(self):
        with self.assertRaises(ValueError):
            percentile([], 50)


class LogTest(unittest.TestCase):
    def test_reads_latency_and_lag(self):
        # client_id transaction_no time script_no time_epoch time_us schedule_lag
        lines = ["0 0 1200 0 1764700000 100 30", "1 0 900 0 1764700000 200 15",
                 "2 0 skipped 0 1764700000 300 5000", "0 1 40000 0 1764700001 0 39000"]
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "log")
            with open(path, "w") as f:
                f.write("\n".join(lines) + "\n")
            lat, lag, skipped = read_log([path])
        self.assertEqual(lat, [900, 1200, 40000])
        self.assertEqual(lag, [15, 30, 39000])
        self.assertEqual(skipped, 1)


class ExtrasTest(unittest.TestCase):
    def test_cpu_share(self):
        # user nice system idle iowait irq softirq steal
        busy, steal = cpu_share([0] * 8, [30, 0, 10, 50, 0, 5, 5, 0])
        self.assertAlmostEqual(busy, 50.0)
        self.assertAlmostEqual(steal, 0.0)
        self.assertAlmostEqual(cpu_share([0] * 8, [0, 0, 0, 90, 0, 0, 0, 10])[1], 10.0)

    def test_autovacuum_lines(self):
        log = ("LOG:  automatic vacuum of table \"postgres.public.sessions\": index scans: 1\n"
               "LOG:  automatic analyze of table \"postgres.public.sessions\"\n")
        self.assertEqual(autovacuum_lines(log), (1, 1))


class PairedTest(unittest.TestCase):
    def test_sign_test(self):
        self.assertAlmostEqual(sign_test(9, 1), 22 / 1024)
        self.assertEqual(sign_test(5, 5), 1.0)
        self.assertEqual(sign_test(0, 0), 1.0)

    def test_rounds(self):
        text = "\n".join([
            "BenchmarkLogin/report=none\t10\t1 ns/op\t0.8 p50-ms",
            "BenchmarkLogin/report=parallel\t10\t1 ns/op\t0.9 p50-ms\t3 reports",
            "BenchmarkLogin/report=serial\t10\t1 ns/op\t1.2 p50-ms\t3 reports",
            "checkpoints-requested: 3"])
        rs = rounds(parse(text))
        self.assertEqual(len(rs), 1)
        self.assertEqual(rs[0]["serial"]["p50-ms"], 1.2)
        with self.assertRaises(ValueError):
            rounds(parse(text.replace("report=serial", "report=none")))


if __name__ == "__main__":
    unittest.main()
