"""Checks the pgbench output parser on a saved PostgreSQL 15 summary; no server needed."""

import unittest

from pg import parse_pgbench

SAMPLE = """pgbench (15.14 (Debian 15.14-0+deb12u1))
transaction type: /tmp/script.sql
scaling factor: 1
query mode: prepared
number of clients: 1
number of threads: 1
maximum number of tries: 1
duration: 1 s
number of transactions actually processed: 20512
number of failed transactions: 0 (0.000%)
latency average = 0.049 ms
initial connection time = 2.601 ms
tps = 20519.123456 (without initial connection time)
"""


class ParseTest(unittest.TestCase):
    def test_mean_latency_from_tps(self):
        tx, ns = parse_pgbench(SAMPLE)
        self.assertEqual(tx, 20512)
        self.assertAlmostEqual(ns, 1e9 / 20519.123456)

    def test_rejects_several_clients(self):
        with self.assertRaises(ValueError):
            parse_pgbench(SAMPLE.replace("number of clients: 1", "number of clients: 4"))

    def test_rejects_other_output(self):
        with self.assertRaises(ValueError):
            parse_pgbench("ERROR: relation does not exist")


if __name__ == "__main__":
    unittest.main()
