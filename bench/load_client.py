"""A small, bounded HTTP/1.1 load client on raw asyncio streams, for bench/load.py (no dependency).

N clients loop over a list of addresses until a deadline or a shared request count is reached, each request on a
new connection (``Connection: close``: gunicorn's sync workers close it anyway). A "new visitor" sends no cookie at
all; a "returning visitor" keeps the cookies it was given and sends them back, as a browser would. Every request
has a timeout, so that no loop can hang. Only 127.0.0.1 is ever contacted.
"""

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field

HOST = "127.0.0.1"
# A browser's headers: a robot's user agent would not be counted as a view (pages/sharing.py), which costs less.
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
TIMEOUT = 60  # seconds, per request: beyond gunicorn's 30 s worker timeout


@dataclass
class Stats:
    """What one scenario (or one address of a mix) measured."""

    latencies: list = field(default_factory=list)  # seconds, of the requests that got an answer
    errors: Counter = field(default_factory=Counter)  # by kind: "HTTP 500", "ConnectionResetError", "timeout"…
    statuses: Counter = field(default_factory=Counter)
    bytes: int = 0  # as received: status line, headers and body (compressed when the server compressed it)
    set_cookies: Counter = field(default_factory=Counter)  # Set-Cookie headers received, by cookie name
    seconds: float = 0.0

    @property
    def requests(self):
        return len(self.latencies) + sum(count for kind, count in self.errors.items() if not kind.startswith("HTTP"))

    def percentile(self, fraction):
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]

    def summary(self):
        return {
            "requests": self.requests,
            "rps": self.requests / self.seconds if self.seconds else 0.0,
            "p50_ms": self.percentile(0.50) * 1000,
            "p95_ms": self.percentile(0.95) * 1000,
            "p99_ms": self.percentile(0.99) * 1000,
            "errors": dict(self.errors),
            "statuses": dict(self.statuses),
            "bytes": self.bytes,
            "set_cookies": sum(self.set_cookies.values()),
            "set_cookie_names": dict(self.set_cookies),
        }


class HttpError(Exception):
    pass


# What a failed exchange raises (TimeoutError, a subclass of OSError, is told apart by error_kind).
FAILURES = (OSError, asyncio.IncompleteReadError, HttpError, ValueError)


async def fetch(port, path, cookies=None, timeout=TIMEOUT):
    """GET ``path``; return (status, bytes received, [(cookie name, value)] set). Raises on a broken exchange."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), timeout)
    try:
        lines = [
            f"GET {path} HTTP/1.1",
            "Host: localhost",
            f"User-Agent: {USER_AGENT}",
            # An API client asks for JSON; to a browser's Accept, the API answers with its HTML browsable page.
            "Accept: application/json" if path.startswith("/api/") else
            "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language: fr-FR,fr;q=0.9",
            "Accept-Encoding: gzip, br",
            # As behind the TLS-terminating proxy of production (SECURE_PROXY_SSL_HEADER): secure cookies apply.
            "X-Forwarded-Proto: https",
            "Connection: close",
        ]
        if cookies:
            lines.append("Cookie: " + "; ".join(f"{name}={value}" for name, value in cookies.items()))
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout)
        body = await asyncio.wait_for(reader.read(), timeout)  # Connection: close, the body ends with the stream
    finally:
        writer.close()
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    parts = status_line.split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/1."):
        raise HttpError("bad status line")
    status = int(parts[1])
    set_cookies, length, chunked = [], None, False
    for line in header_lines:
        name, _sep, value = line.partition(":")
        name, value = name.strip().lower(), value.strip()
        if name == "set-cookie":
            cookie_name, _eq, rest = value.partition("=")
            set_cookies.append((cookie_name.strip(), rest.split(";", 1)[0]))
        elif name == "content-length":
            length = int(value)
        elif name == "transfer-encoding":
            chunked = "chunked" in value.lower()
    if length is not None and not chunked and len(body) < length:
        raise HttpError("incomplete body")
    return status, len(head) + len(body), set_cookies


def error_kind(error):
    if isinstance(error, TimeoutError):
        return "timeout"
    if isinstance(error, asyncio.IncompleteReadError):
        return "connection closed early"
    if isinstance(error, HttpError):
        return str(error)
    return type(error).__name__


async def run(port, targets, *, clients, seconds, max_requests, returning=False, stop=None):
    """Load ``targets`` (a list of (label, path), taken in turn) with ``clients`` clients; return {label: Stats}.

    Stops at ``seconds``, at ``max_requests`` requests in all, or when the awaitable ``stop`` is done, whichever
    comes first; requests under way then finish (each within its timeout). Returning visitors first make one
    request each, not counted, to get the cookies they come back with.
    """
    stats = {label: Stats() for label, _path in targets}
    jars = [{} for _ in range(clients)]
    if returning:
        await asyncio.gather(*(_prime(port, targets[i % len(targets)][1], jars[i]) for i in range(clients)))
    sent = 0
    started = time.monotonic()
    deadline = started + seconds

    def more():
        return sent < max_requests and time.monotonic() < deadline and not (stop is not None and stop.done())

    async def client(number):
        nonlocal sent
        turn = number  # clients start at different addresses, so that a mix is mixed from the first request
        jar = jars[number]
        while more():
            sent += 1
            label, path = targets[turn % len(targets)]
            turn += 1
            result = stats[label]
            begun = time.perf_counter()
            try:
                status, size, set_cookies = await fetch(port, path, jar if returning else None)
            except FAILURES as error:
                result.errors[error_kind(error)] += 1
                continue
            result.latencies.append(time.perf_counter() - begun)
            result.statuses[status] += 1
            result.bytes += size
            if not 200 <= status < 400:
                result.errors[f"HTTP {status}"] += 1
            for name, value in set_cookies:
                result.set_cookies[name] += 1
                if returning:
                    jar[name] = value

    await asyncio.gather(*(client(number) for number in range(clients)))
    elapsed = time.monotonic() - started
    for result in stats.values():
        result.seconds = elapsed
    return stats


async def _prime(port, path, jar):
    try:
        _status, _size, set_cookies = await fetch(port, path)
    except FAILURES:
        return
    jar.update(set_cookies)
