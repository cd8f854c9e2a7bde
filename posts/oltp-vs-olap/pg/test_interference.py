"""Checks the percentile and pgbench-log code that results.txt relies on; no server needed."""

import os
import tempfile
import unittest

from interference import percentile, read_log


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


if __name__ == "__main__":
    unittest.main()
