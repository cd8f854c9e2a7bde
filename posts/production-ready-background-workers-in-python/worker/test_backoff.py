import random
import unittest

from backoff import full_jitter, window


class FullJitterTest(unittest.TestCase):
    def test_window_doubles_then_caps(self):
        self.assertEqual([window(a, 0.5, 10) for a in range(1, 8)], [0.5, 1, 2, 4, 8, 10, 10])

    def test_delays_stay_inside_the_window(self):
        rng = random.Random(1)
        for attempt in range(1, 40):
            hi = window(attempt, 0.2, 30)
            for _ in range(200):
                d = full_jitter(attempt, 0.2, 30, rng)
                self.assertGreaterEqual(d, 0.0)
                self.assertLessEqual(d, hi)

    def test_delays_are_spread_not_synchronised(self):
        # The point of jitter: 1000 clients failing together must not retry together.
        rng = random.Random(2)
        delays = [full_jitter(5, 1.0, 60, rng) for _ in range(1000)]
        buckets = [0] * 16  # one-second buckets across the [0, 16 s] window
        for d in delays:
            buckets[min(int(d), 15)] += 1
        self.assertLess(max(buckets), 100)  # about 62 each if uniform; no pile-up anywhere
        self.assertAlmostEqual(sum(delays) / len(delays), window(5, 1.0, 60) / 2, delta=0.6)

    def test_huge_attempt_numbers_do_not_overflow(self):
        self.assertEqual(window(10_000, 1.0, 60), 60)

    def test_attempt_is_one_based(self):
        with self.assertRaises(ValueError):
            full_jitter(0, 1, 10)


if __name__ == "__main__":
    unittest.main()
