"""Weft's worker SDK for Python: carry out the calls of Weft's ``worker`` services.

Standard library only (Python 3.8+). A worker polls the server's worker protocol
(``/api/v1/worker/**``) for calls waiting on its queues, runs one handler per
queue in a pool of threads, keeps each call's lease with heartbeats while its
handler runs, and reports the handler's output, or its error, back::

    from weft_worker import Worker, WorkerFailure

    worker = Worker("https://weft.example:8443", token=TOKEN, name="ocr-1",
                    threads=4, ca_cert="/etc/weft/ca.pem")

    @worker.handler("pages")
    def read_page(call):
        if call.input["page"] < 1:
            raise WorkerFailure.permanent("Bad page", "pages start at 1")
        return {"text": ocr(call.input["page"])}

    worker.run()   # until Ctrl-C (or worker.stop() from another thread)

A handler returns the output (anything JSON can hold). Raising WorkerFailure
fails the call with that error (retryable or not); any other exception is a
retryable ``runtime`` error named after the exception. Results are reported
again while the server cannot be reached or answers 5xx or 429; a refusal
(409: the lease was lost, the call was given to another worker) is logged and
dropped, as the Java SDK (weft-worker) does.
"""

import json
import logging
import os
import re
import signal
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

__all__ = ["Worker", "WorkerFailure", "Call", "RefusedError"]

LOG = logging.getLogger("weft_worker")
LONGEST_PAUSE = 5.0


class WorkerFailure(Exception):
    """Raised by a handler to fail its call with this error.

    ``type`` is a standard error type of the workflow DSL (``runtime``,
    ``communication``, ``validation``, ...) or a URI of your own, ``status``
    HTTP-like, ``title`` a short summary. A retryable failure is tried again
    as the service's ``contract.retry`` allows; a permanent one is not.
    """

    def __init__(self, title, detail=None, type="runtime", status=500, retryable=True):
        super().__init__(title if detail is None else title + ": " + detail)
        self.title = title
        self.detail = detail
        self.type = type
        self.status = status
        self.retryable = retryable

    @classmethod
    def permanent(cls, title, detail=None):
        """A failure not worth trying again (bad input, a refusal)."""
        return cls(title, detail, retryable=False)

    def error(self):
        """The error as the protocol sends it."""
        e = {"type": self.type, "status": self.status, "title": self.title}
        if self.detail is not None:
            e["detail"] = self.detail
        return e


class RefusedError(Exception):
    """The server answered with an error status; its problem detail is the message."""

    def __init__(self, status, detail):
        super().__init__("%d: %s" % (status, detail))
        self.status = status
        self.detail = detail


class Call:
    """One call of a worker service, leased to this worker."""

    def __init__(self, raw):
        self.id = raw["id"]
        self.attempt = raw["attempt"]
        self.queue = raw["queue"]
        self.service = raw.get("service")
        self.version = raw.get("version")
        self.operation = raw.get("operation")
        self.input = raw.get("input")
        self.lease_until = _instant(raw["leaseUntil"])

    def __repr__(self):
        return "Call(%s, attempt %d, %s@%s)" % (self.id, self.attempt, self.service, self.version)


def _instant(text):
    """An ISO-8601 instant as Java writes it (``2026-11-25T01:33:46.123456789Z``: 0 to 9 digits of a second)."""
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})", text)
    if not m:
        raise ValueError("not an ISO-8601 instant: %r" % text)
    fraction = ((m.group(2) or "") + "000000")[:6]
    zone = "+00:00" if m.group(3) == "Z" else m.group(3)
    return datetime.fromisoformat(m.group(1) + "." + fraction + zone)


def tls_context(ca_cert=None, client_cert=None, client_key=None):
    """An SSL context trusting ``ca_cert`` (PEM; else the system's authorities) and
    presenting ``client_cert``/``client_key`` to a server that asks for one
    (``weft server --tls-client-ca``); None when none is given."""
    if not (ca_cert or client_cert or client_key):
        return None
    if bool(client_cert) != bool(client_key):
        raise ValueError("client_cert needs client_key and the reverse")
    ctx = ssl.create_default_context(cafile=ca_cert) if ca_cert else ssl.create_default_context()
    if client_cert:
        ctx.load_cert_chain(client_cert, client_key)
    return ctx


class Worker:
    """Polls ``server`` for calls on the queues it has handlers for."""

    def __init__(self, server, token=None, name=None, threads=4, poll_wait=20.0, ca_cert=None,
                 client_cert=None, client_key=None, timeout=None):
        if threads < 1:
            raise ValueError("threads must be at least 1, got %r" % threads)
        if not 0 <= poll_wait <= 60:
            raise ValueError("poll_wait must be between 0 and 60 seconds, got %r" % poll_wait)
        self.base = server.rstrip("/") + "/api/v1/worker/"
        self.token = token
        self.name = name or "worker-%s-%d" % (socket.gethostname(), os.getpid())
        self.threads = threads
        self.poll_wait = poll_wait
        self.timeout = timeout if timeout is not None else poll_wait + 30
        self.tls = tls_context(ca_cert, client_cert, client_key)
        self.handlers = {}
        self._free = threading.Semaphore(threads)
        self._stopping = threading.Event()
        self._pool = None
        self._poller = None

    def handler(self, queue, fn=None):
        """Registers ``fn(call)`` for ``queue``; usable as a decorator."""
        def register(f):
            self.handlers[queue] = f
            return f
        return register(fn) if fn is not None else register

    # --- the protocol ---

    def _post(self, path, body, timeout=None):
        req = urllib.request.Request(self.base + path, data=json.dumps(body).encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/json"})
        if self.token:
            req.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(req, timeout=timeout or self.timeout, context=self.tls) as r:
                return json.loads(r.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            text = e.read().decode("utf-8", "replace")
            try:
                detail = json.loads(text).get("detail", text)
            except ValueError:
                detail = text
            raise RefusedError(e.code, detail) from None

    def _call_path(self, call, what):
        return "calls/" + urllib.parse.quote(call.id, safe="") + "/" + what

    # --- running ---

    def start(self):
        """Starts polling on a thread of its own; returns self."""
        if not self.handlers:
            raise ValueError("no handler: register one with @worker.handler(queue)")
        self._pool = ThreadPoolExecutor(max_workers=self.threads, thread_name_prefix="weft-worker")
        self._poller = threading.Thread(target=self._poll_loop, name="weft-worker-poll", daemon=True)
        self._poller.start()
        return self

    def run(self):
        """Polls until Ctrl-C, SIGTERM or stop(); then waits for the calls under way to be reported."""
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, lambda signum, frame: self._stopping.set())
        self.start()
        try:
            while not self._stopping.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def stop(self, timeout=60.0):
        """Stops polling and waits (up to ``timeout`` seconds) for the calls under way to be reported."""
        self._stopping.set()
        if self._poller is not None:
            self._poller.join(self.timeout + 1)
        if self._pool is not None:
            deadline = time.monotonic() + timeout
            idle = 0  # every thread's permit back: nothing under way
            while idle < self.threads and self._free.acquire(timeout=max(0.0, deadline - time.monotonic())):
                idle += 1
            for _ in range(idle):
                self._free.release()
            self._pool.shutdown(wait=False)

    def _poll_loop(self):
        pause = 0.25
        while not self._stopping.is_set():
            if not self._free.acquire(timeout=0.5):
                continue
            taken = 1
            while taken < 100 and self._free.acquire(blocking=False):
                taken += 1
            try:
                answer = self._post("poll", {"worker": self.name, "queues": sorted(self.handlers), "max": taken,
                                             "waitMillis": int(self.poll_wait * 1000)})
                calls = [Call(c) for c in answer.get("calls", [])]
                pause = 0.25
            except (OSError, RefusedError, ValueError) as e:
                for _ in range(taken):
                    self._free.release()
                LOG.warning("worker %s: polling failed (%s); trying again in %.2f s", self.name, e, pause)
                self._stopping.wait(pause)
                pause = min(LONGEST_PAUSE, pause * 2)
                continue
            for _ in range(taken - len(calls)):
                self._free.release()
            for call in calls:
                self._pool.submit(self._carry_out, call)

    def _carry_out(self, call):
        try:
            done = threading.Event()
            lease = (call.lease_until - datetime.now(timezone.utc)).total_seconds()
            beats = threading.Thread(target=self._heartbeats, args=(call, max(0.2, lease / 3), done),
                                     name="weft-worker-heartbeat", daemon=True)
            beats.start()
            try:
                output = self.handlers[call.queue](call)
                what, body = "complete", {"worker": self.name, "attempt": call.attempt, "output": output}
            except WorkerFailure as f:
                what, body = "fail", {"worker": self.name, "attempt": call.attempt, "error": f.error(),
                                      "retryable": f.retryable}
            except Exception as e:  # any other exception: a retryable runtime error
                error = {"type": "runtime", "status": 500, "title": type(e).__name__}
                if str(e):
                    error["detail"] = str(e)
                what, body = "fail", {"worker": self.name, "attempt": call.attempt, "error": error}
            finally:
                done.set()
            self._report(call, what, body)
        finally:
            self._free.release()

    def _heartbeats(self, call, every, done):
        while not done.wait(every):
            try:
                self._post(self._call_path(call, "heartbeat"), {"worker": self.name, "attempt": call.attempt})
            except (OSError, RefusedError, ValueError) as e:
                LOG.warning("worker %s: heartbeat of call %s failed: %s", self.name, call.id, e)

    def _report(self, call, what, body):
        pause = 0.25
        while True:
            try:
                self._post(self._call_path(call, what), body)
                return
            except RefusedError as e:
                if e.status < 500 and e.status != 429:
                    LOG.warning("worker %s: the server refused the result of call %s (%s)", self.name, call.id, e)
                    return
            except (OSError, ValueError) as e:
                LOG.debug("reporting call %s: %s", call.id, e)
            if self._stopping.is_set() and pause >= LONGEST_PAUSE:
                LOG.warning("worker %s: stopping with the result of call %s not reported", self.name, call.id)
                return
            time.sleep(pause)
            pause = min(LONGEST_PAUSE, pause * 2)
