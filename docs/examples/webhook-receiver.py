#!/usr/bin/env python3
"""A leakwatch webhook receiver, as small as it gets: acts once per Idempotency-Key.

    python3 docs/examples/webhook-receiver.py 9000
    ... action.onCritical=http://127.0.0.1:9000/leak

leakwatch POSTs the alert's JSON with an Idempotency-Key header. It sends the same key on every retry of one
alert and for the same site or pool, severity and JVM again later, so acting once per key is what makes retries
and repeats harmless. Keys are remembered for KEY_TTL_SECONDS; a leak that comes back after that acts again.
Replace act() with what should happen: page someone, open an incident, scale out, roll back.
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KEY_TTL_SECONDS = 3600
seen = {}  # idempotency key -> when it was first acted on
seen_lock = threading.Lock()


def act(alert):
    subject = alert.get("site") or alert.get("pool")
    print(f"ACT: {alert['severity']} {alert['kind']} {subject}, growing {alert.get('growthPerMin')}/min", flush=True)


def first_time(key):
    now = time.time()
    with seen_lock:
        for old in [k for k, when in seen.items() if now - when > KEY_TTL_SECONDS]:
            del seen[old]
        if key in seen:
            return False
        seen[key] = now
        return True


class LeakHook(BaseHTTPRequestHandler):
    def do_POST(self):
        key = self.headers.get("Idempotency-Key")
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            alert = json.loads(body)
        except ValueError:
            return self.answer(400, "not JSON")
        if not key:
            return self.answer(400, "no Idempotency-Key")
        if not first_time(key):
            return self.answer(200, "already handled")  # a 2xx, so leakwatch does not try again
        try:
            act(alert)
        except Exception:
            with seen_lock:
                seen.pop(key, None)  # let leakwatch's retry try again
            return self.answer(503, "could not act")
        return self.answer(202, "accepted")

    def answer(self, status, text):
        data = (text + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
    ThreadingHTTPServer(("127.0.0.1", port), LeakHook).serve_forever()
