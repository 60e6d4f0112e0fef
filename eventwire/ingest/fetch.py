"""A polite, bounded HTTP fetcher (httpx): the only code in eventwire that touches the network.

Bounded in every direction because it also runs inside the server on user-given URLs:
timeouts (per read and overall), retries with exponential backoff on 5xx/429/timeouts,
a body-size cap checked before and while reading, a redirect limit with every hop re-checked,
robots.txt, a per-host minimum interval, conditional GET (ETag / Last-Modified) with an
optional on-disk cache, and a refusal of loopback/private/link-local addresses unless allowed.
"""

from __future__ import annotations

import functools
import hashlib
import ipaddress
import json
import socket
import time
import urllib.robotparser
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import InputError
from .decode import DEFAULT_MAX_BYTES, human_size

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})


@dataclass(slots=True)
class FetchOptions:
    """Every limit of the fetcher; the defaults are polite to news sites."""

    user_agent: str = f"eventwire/{__version__} (news event coder)"
    timeout: float = 20.0  # seconds for connect / each read, and the whole body
    retries: int = 2  # extra attempts after the first, on 5xx, 429, timeouts, resets
    backoff: float = 1.0  # first retry waits this long, then doubles
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 5
    min_interval: float = 1.0  # seconds between two requests to the same host
    respect_robots: bool = True
    allow_private: bool = False  # loopback / private / link-local targets
    cache_dir: str | None = None  # keeps validators + bodies for conditional GET across runs


@dataclass(slots=True)
class FetchResult:
    url: str  # final URL after redirects
    status: int
    content: bytes
    content_type: str = ""
    from_cache: bool = False  # True when the server answered 304 Not Modified
    headers: dict[str, str] = field(default_factory=dict)


def _is_private(ip: str) -> bool:
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
        addr = addr.ipv4_mapped
    return bool(
        addr.is_private
        or addr.is_loopback
        or addr.is_link_local
        or addr.is_reserved
        or addr.is_multicast
        or addr.is_unspecified
    )


class _Refused(InputError):
    """A connection the pinned backend would not open (raised from inside httpx)."""


@functools.cache
def _pinned_backend_class() -> type:
    """The class of ``_PinnedBackend``, made on first use: httpx and httpcore are imported
    only by code that fetches (a batch run over files never pays for them)."""
    import httpcore

    class _PinnedBackend(httpcore.NetworkBackend):
        """httpcore's network layer with the address check inside the connect: the host is
        looked up once, every address it has is checked, and the socket is opened to one of
        those very addresses. A host whose DNS answer changes between a check and the connect
        (DNS rebinding) can therefore never reach loopback or the private network."""

        def __init__(self) -> None:
            self._inner = httpcore.SyncBackend()

        def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                        local_address: str | None = None,
                        socket_options: Any = None) -> httpcore.NetworkStream:
            try:
                infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
            except socket.gaierror as exc:
                raise httpcore.ConnectError(f"cannot resolve host {host!r} ({exc.strerror})"
                                            ) from exc
            addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
            for ip in addresses:
                if _is_private(ip):
                    raise _Refused(host, f"refused: {host} is a loopback or private address "
                                         f"({ip}); allow it explicitly (--allow-private) if you "
                                         "trust it")
            last: Exception = httpcore.ConnectError(f"no address for {host!r}")
            for ip in addresses:
                try:
                    return self._inner.connect_tcp(ip, port, timeout, local_address,
                                                   socket_options)
                except httpcore.ConnectError as exc:
                    last = exc
            raise last

        def connect_unix_socket(self, path: str, timeout: float | None = None,
                                socket_options: Any = None) -> httpcore.NetworkStream:
            raise httpcore.ConnectError("unix sockets are not fetched")

        def sleep(self, seconds: float) -> None:
            self._inner.sleep(seconds)

    return _PinnedBackend


class Fetcher:
    """GET pages politely; every failure is an InputError naming the URL and the reason."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        opts = self.options
        import httpx

        transport = httpx.HTTPTransport()
        if not opts.allow_private:
            # every connection goes to an address checked when it was opened (see _Pinned)
            transport._pool._network_backend = _pinned_backend_class()()
        self._client = httpx.Client(
            transport=transport,
            follow_redirects=False,  # we follow by hand to re-check each hop's address
            timeout=httpx.Timeout(opts.timeout, connect=min(opts.timeout, 10.0)),
            headers={"User-Agent": opts.user_agent, "Accept-Encoding": "gzip, deflate"},
            trust_env=False,  # never route through a proxy taken from the environment
        )
        self._last_hit: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._validators: dict[str, dict[str, Any]] = {}
        self.requests = 0  # how many HTTP requests were sent (for tests and stats)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- public ----------------------------------------------------------------------------
    def get(self, url: str) -> FetchResult:
        """Fetch ``url`` (following redirects); raises InputError(url, reason)."""
        seen: list[str] = []
        current = url
        for _hop in range(self.options.max_redirects + 1):
            self._check_url(current, url)
            if self.options.respect_robots and not self._robots_allow(current):
                raise InputError(url, f"disallowed by robots.txt of {_origin(current)}")
            result = self._get_with_retries(current, url)
            if result.status in _REDIRECT_STATUS:
                location = result.headers.get("location")
                if not location:
                    raise InputError(url, f"HTTP {result.status} redirect without a Location")
                seen.append(current)
                current = urljoin(current, location)
                if current in seen:
                    raise InputError(url, f"redirect loop ({' -> '.join([*seen, current])})")
                continue
            return result
        raise InputError(url, f"more than {self.options.max_redirects} redirects")

    # -- checks ----------------------------------------------------------------------------
    def _check_url(self, url: str, original: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise InputError(original, f"unsupported URL scheme {parts.scheme!r} (http/https)")
        host = parts.hostname
        if not host:
            raise InputError(original, "URL has no host")
        if self.options.allow_private:
            return
        try:
            infos = socket.getaddrinfo(host, parts.port or 443, proto=socket.IPPROTO_TCP)
        except socket.gaierror as exc:
            raise InputError(original, f"cannot resolve host {host!r} ({exc.strerror})") from exc
        for info in infos:
            ip = str(info[4][0])
            if _is_private(ip):
                raise InputError(
                    original,
                    f"refused: {host} is a loopback or private address ({ip}); "
                    "allow it explicitly (--allow-private) if you trust it",
                )

    def _robots_allow(self, url: str) -> bool:
        origin = _origin(url)
        if origin not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = None
            try:
                res = self._get_with_retries(origin + "/robots.txt", url, retries=0)
                if res.status == 200:
                    parser = urllib.robotparser.RobotFileParser()
                    parser.parse(res.content.decode("utf-8", "replace").splitlines())
            except InputError:
                parser = None  # unreachable robots.txt: no rules known, allow
            self._robots[origin] = parser
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.options.user_agent, url)

    # -- transport -------------------------------------------------------------------------
    def _get_with_retries(self, url: str, original: str, retries: int | None = None) -> FetchResult:
        attempts = 1 + (self.options.retries if retries is None else retries)
        last_reason = ""
        for attempt in range(attempts):
            if attempt:
                time.sleep(self.options.backoff * (2 ** (attempt - 1)))
            try:
                result = self._get_once(url, original)
            except _Retryable as exc:
                last_reason = exc.reason
                if exc.retry_after is not None and attempt + 1 < attempts:
                    time.sleep(min(exc.retry_after, 30.0))
                continue
            return result
        suffix = f" after {attempts} attempts" if attempts > 1 else ""
        raise InputError(original, f"{last_reason}{suffix}")

    def _wait_turn(self, host: str) -> None:
        last = self._last_hit.get(host)
        if last is not None:
            wait = self.options.min_interval - (time.monotonic() - last)
            if wait > 0:
                time.sleep(wait)
        self._last_hit[host] = time.monotonic()

    def _get_once(self, url: str, original: str) -> FetchResult:
        import httpx

        opts = self.options
        cached = self._cached(url)
        headers: dict[str, str] = {}
        if cached:
            if cached.get("etag"):
                headers["If-None-Match"] = cached["etag"]
            if cached.get("last_modified"):
                headers["If-Modified-Since"] = cached["last_modified"]
        self._wait_turn(urlsplit(url).hostname or "")
        self.requests += 1
        start = time.monotonic()
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                status = resp.status_code
                resp_headers = {k.lower(): v for k, v in resp.headers.items()}
                if status in _RETRY_STATUS:
                    raise _Retryable(
                        f"HTTP {status} {resp.reason_phrase}".strip(),
                        _retry_after(resp_headers.get("retry-after")),
                    )
                if status == 304 and cached:
                    body = self._cached_body(url)
                    if body is not None:
                        return FetchResult(
                            url, 200, body, cached.get("content_type", ""), True, resp_headers
                        )
                if status in _REDIRECT_STATUS:
                    return FetchResult(url, status, b"", "", False, resp_headers)
                if status >= 400:
                    raise InputError(original, f"HTTP {status} {resp.reason_phrase}".strip())
                declared = resp_headers.get("content-length", "")
                if declared.isdigit() and int(declared) > opts.max_bytes:
                    raise InputError(
                        original,
                        f"response of {human_size(int(declared))} is over the "
                        f"{human_size(opts.max_bytes)} limit",
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > opts.max_bytes:
                        limit = human_size(opts.max_bytes)
                        raise InputError(original, f"response body is over the {limit} limit")
                    if time.monotonic() - start > opts.timeout * 2:
                        raise _Retryable(f"timed out reading the body ({opts.timeout:g}s)")
                    chunks.append(chunk)
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timed out ({opts.timeout:g}s, {type(exc).__name__})") from exc
        except httpx.TooManyRedirects as exc:  # pragma: no cover - we follow by hand
            raise InputError(original, "too many redirects") from exc
        except httpx.DecodingError as exc:
            raise InputError(original, f"corrupt compressed response ({exc})") from exc
        except httpx.TransportError as exc:
            raise _Retryable(f"connection failed ({type(exc).__name__}: {exc})") from exc
        except _Refused as exc:
            raise InputError(original, exc.reason) from None
        body = b"".join(chunks)
        result = FetchResult(
            url, status, body, resp_headers.get("content-type", ""), False, resp_headers
        )
        self._remember(url, result)
        return result

    # -- conditional GET cache ---------------------------------------------------------------
    def _cache_path(self, url: str) -> Path | None:
        if not self.options.cache_dir:
            return None
        return Path(self.options.cache_dir) / hashlib.sha1(url.encode("utf-8")).hexdigest()

    def _cached(self, url: str) -> dict[str, Any] | None:
        if url in self._validators:
            return self._validators[url]
        path = self._cache_path(url)
        if path is not None and path.with_suffix(".json").exists():
            try:
                meta = json.loads(path.with_suffix(".json").read_text("utf-8"))
            except (OSError, ValueError):
                return None
            self._validators[url] = meta
            return meta
        return None

    def _cached_body(self, url: str) -> bytes | None:
        meta = self._validators.get(url)
        if meta is not None and "body" in meta:
            return bytes(meta["body"])
        path = self._cache_path(url)
        if path is not None and path.with_suffix(".body").exists():
            return path.with_suffix(".body").read_bytes()
        return None

    def _remember(self, url: str, result: FetchResult) -> None:
        etag = result.headers.get("etag")
        modified = result.headers.get("last-modified")
        if result.status != 200 or not (etag or modified):
            return
        meta = {"etag": etag, "last_modified": modified, "content_type": result.content_type}
        path = self._cache_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.with_suffix(".body").write_bytes(result.content)
            path.with_suffix(".json").write_text(json.dumps(meta), "utf-8")
            self._validators[url] = meta
        else:
            self._validators[url] = {**meta, "body": result.content}


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return float(value.strip())
    return None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
