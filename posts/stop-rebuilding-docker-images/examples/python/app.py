"""A tiny ASGI application with no framework: uvicorn is the only dependency.

In the dev container it runs under `uvicorn --reload`, which restarts the
worker process when a .py file under the watched directory changes.
"""

GREETING = "hello from a runtime container"


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        # uvicorn asks about startup/shutdown; acknowledge both.
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return

    if scope["type"] != "http":
        return

    if scope["path"] == "/healthz":
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})
        return

    body = (GREETING + "\n").encode()
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
