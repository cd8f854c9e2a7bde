"""Why the SIGTERM handler must not call Event.set(): a reproduction.

The main thread loops on Event.wait(0), as an idle worker loop does (with a
longer timeout). Another thread sends SIGUSR1, one signal at a time, whose
handler calls Event.set(). Python runs the handler in the main thread between
two bytecodes; if that is a moment when Event.wait() holds the lock of the
event's condition, Event.set() waits for a lock its own thread holds.

    python3 signal_lock.py [seconds]

Prints how many signals were handled before the first one that did not return
within a second, and the main thread's stack at that point; or that none hung.
"""

import os
import signal
import sys
import threading
import time
import traceback

event = threading.Event()
handled = 0


def on_signal(signum, frame):
    global handled
    event.set()
    handled += 1


def main():
    limit = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    print(f"# {time.strftime('%Y-%m-%d', time.gmtime())}, Python {sys.version.split()[0]}")
    signal.signal(signal.SIGUSR1, on_signal)
    main_id = threading.get_ident()
    pid = os.getpid()

    def sender():
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            before = handled
            os.kill(pid, signal.SIGUSR1)
            waited = time.monotonic()
            while handled == before:
                if time.monotonic() - waited > 1.0:
                    print(f"signal {before + 1} did not return within 1 s; the main thread is at:")
                    for f in traceback.extract_stack(sys._current_frames()[main_id])[-6:]:
                        print(f"  {os.path.basename(f.filename)}:{f.lineno} {f.name}: {f.line}")
                    sys.stdout.flush()
                    os._exit(0)
                time.sleep(0)
        print(f"no hang in {limit:g} s: {handled} signals handled")
        sys.stdout.flush()
        os._exit(0)

    threading.Thread(target=sender, daemon=True).start()
    # The worker's idle wait, with a timeout of 0 to pass the window often.
    while True:
        event.wait(0)


if __name__ == "__main__":
    main()
