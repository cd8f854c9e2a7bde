"""Checks the claims the article makes about query plans, on a small table."""

import unittest

from cost import build
from plans import QUERIES, plan

SQL = dict(QUERIES)


class PlanTest(unittest.TestCase):
    def setUp(self):
        self.db, _ = build(2_000)

    def tearDown(self):
        self.db.close()

    def test_filter_scans_until_indexed(self):
        sql = SQL["filter by customer"]
        self.assertEqual(plan(self.db, sql), ["SCAN orders"])
        self.db.execute("CREATE INDEX orders_customer ON orders (customer_id)")
        self.assertIn("USING INDEX orders_customer", plan(self.db, sql)[0])

    def test_offset_always_scans_keyset_seeks(self):
        self.db.execute("CREATE INDEX orders_customer ON orders (customer_id)")
        self.assertEqual(plan(self.db, SQL["page 10,001 by OFFSET"]), ["SCAN orders"])
        self.assertIn("INTEGER PRIMARY KEY", plan(self.db, SQL["page by keyset"])[0])

    def test_offset_and_keyset_return_the_same_page(self):
        offset = self.db.execute(
            "SELECT id FROM orders ORDER BY id LIMIT 50 OFFSET 1000").fetchall()
        keyset = self.db.execute(
            "SELECT id FROM orders WHERE id > 1000 ORDER BY id LIMIT 50").fetchall()
        self.assertEqual(offset, keyset)

    def test_index_gives_same_answer(self):
        sql = SQL["filter by customer"]
        before = self.db.execute(sql).fetchall()
        self.db.execute("CREATE INDEX orders_customer ON orders (customer_id)")
        self.assertEqual(before, self.db.execute(sql).fetchall())


if __name__ == "__main__":
    unittest.main()
