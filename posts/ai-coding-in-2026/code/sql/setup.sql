-- Two weeks of orders, one a minute, starting at midnight UTC on 1 March 2026,
-- with a plain index on created_at; and one account holding 100.
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at timestamptz NOT NULL
);
INSERT INTO orders (created_at)
SELECT timestamptz '2026-03-01 00:00:00+00' + i * interval '1 minute'
FROM generate_series(0, 14 * 24 * 60 - 1) AS i;
CREATE INDEX orders_created_at ON orders (created_at);
VACUUM ANALYZE orders;

CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL);
INSERT INTO accounts VALUES (1, 100);
