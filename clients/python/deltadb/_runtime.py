"""The hand-written HTTP layer under the generated client.

Nothing here depends on the spec: it builds URLs (percent-encoding every path
segment and query value), sends JSON over ``urllib.request`` from the standard
library, and turns every non-2xx answer into one exception type,
:class:`DeltaError`. The generated :class:`deltadb.Client` calls
:meth:`Transport.request` once per operation.
"""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional
from urllib.parse import quote

__all__ = ["DeltaError", "RawResponse", "Transport"]

_USER_AGENT = "deltadb-python"


class DeltaError(Exception):
    """Raised for every response outside 2xx, and when the server cannot be reached.

    Attributes mirror the server's error body
    ``{"error": ..., "code": ..., "details": [...], "current_version": n}``:

    - ``status``: the HTTP status code (``0`` when no response arrived).
    - ``code``: the machine-readable code, e.g. ``"not_found"`` or
      ``"unauthorized"``; ``"connection_error"`` when no response arrived and
      ``"http_error"`` when the body was not a DeltaDatabase error.
    - ``message``: the human-readable explanation (the body's ``error``).
    - ``details``: per-location problems, each a dict with ``pointer``,
      ``message`` and possibly ``schema_pointer`` (empty when there are none).
    - ``current_version``: the entity's version when a precondition failed.
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: Optional[list[dict[str, Any]]] = None,
        current_version: Optional[int] = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message}" if status else f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details: list[dict[str, Any]] = list(details or [])
        self.current_version = current_version

    @classmethod
    def from_response(cls, status: int, body: bytes) -> "DeltaError":
        """Builds the error for a non-2xx response from its status and raw body."""
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            data = None
        if isinstance(data, dict) and isinstance(data.get("code"), str):
            details = data.get("details")
            version = data.get("current_version")
            return cls(
                status,
                data["code"],
                str(data.get("error", "")),
                [item for item in details if isinstance(item, dict)] if isinstance(details, list) else None,
                version if isinstance(version, int) else None,
            )
        text = body[:200].decode("utf-8", errors="replace").strip()
        return cls(status, "http_error", text or f"HTTP {status}")


@dataclass(frozen=True)
class RawResponse:
    """A 2xx response: its status, headers (case-insensitive lookup) and body bytes."""

    status: int
    headers: Mapping[str, str] = field(repr=False)
    body: bytes = field(repr=False)

    def json(self) -> Any:
        """The body decoded as JSON, or ``None`` for an empty body."""
        return json.loads(self.body.decode("utf-8")) if self.body else None

    def text(self) -> str:
        """The body decoded as UTF-8 text, for text responses."""
        return self.body.decode("utf-8")

    def header(self, name: str) -> Optional[str]:
        """The value of header ``name`` (any case), or ``None``."""
        return self.headers.get(name)


def expand_path(template: str, values: Mapping[str, Any]) -> str:
    """Fills ``{name}`` placeholders with percent-encoded values.

    Every character outside RFC 3986's unreserved set is encoded, ``/``
    included, so a value always stays one path segment.
    """
    path = template
    for name, value in values.items():
        path = path.replace("{" + name + "}", quote(_text(value), safe=""))
    return path


def encode_query(values: Mapping[str, Any]) -> str:
    """``name=value&…`` for the values that are not ``None``, each percent-encoded."""
    pairs = [
        quote(name, safe="") + "=" + quote(_text(value), safe="")
        for name, value in values.items()
        if value is not None
    ]
    return "&".join(pairs)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class Transport:
    """Sends one request and returns the 2xx response, raising :class:`DeltaError` otherwise."""

    def __init__(self, base_url: str, token: Optional[str] = None, timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def request(
        self,
        method: str,
        path: str,
        *,
        path_params: Optional[Mapping[str, Any]] = None,
        query: Optional[Mapping[str, Any]] = None,
        headers: Optional[Mapping[str, Any]] = None,
        body: Any = None,
        has_body: bool = False,
        content_type: str = "application/json",
    ) -> RawResponse:
        """Sends ``method`` to ``path`` (a template like ``/entity/{database}``).

        ``body`` is serialised as JSON and sent with ``content_type`` when
        ``has_body`` is true (so JSON ``null`` can be sent too). Header values
        that are ``None`` are left out.
        """
        url = self.base_url + expand_path(path, path_params or {})
        query_string = encode_query(query or {})
        if query_string:
            url += "?" + query_string
        request_headers = {"Accept": "application/json", "User-Agent": _USER_AGENT}
        if self.token is not None:
            request_headers["Authorization"] = "Bearer " + self.token
        for name, value in (headers or {}).items():
            if value is not None:
                request_headers[name] = _text(value)
        data = None
        if has_body:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            request_headers["Content-Type"] = content_type
        request = urllib.request.Request(url, data=data, headers=request_headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return RawResponse(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            with error:
                raise DeltaError.from_response(error.code, error.read()) from None
        except (urllib.error.URLError, socket.timeout, ConnectionError) as error:
            reason = getattr(error, "reason", error)
            raise DeltaError(0, "connection_error", f"{method} {url}: {reason}") from error
