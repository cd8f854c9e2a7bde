"""Drives the ASGI app directly, so the test needs neither uvicorn nor a socket."""

import asyncio
import unittest

from app import GREETING, app


def call(path):
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "headers": []}
    asyncio.run(app(scope, receive, send))
    return sent


class AppTest(unittest.TestCase):
    def test_root_returns_greeting(self):
        start, body = call("/")
        self.assertEqual(start["status"], 200)
        self.assertEqual(body["body"].decode().strip(), GREETING)

    def test_healthz_is_empty_204(self):
        start, body = call("/healthz")
        self.assertEqual(start["status"], 204)
        self.assertEqual(body["body"], b"")


if __name__ == "__main__":
    unittest.main()
