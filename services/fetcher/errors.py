"""Why a fetch failed, as exceptions with a machine `reason` for metric labels.

```
FetchError                     base; `reason` is a short label value, never a URL
├── RefusedError               we refused: the response never reaches a parser
│     reason: scheme              not http(s)                          -> drop (config error)
│             private_address     loopback/private/link-local/...      -> drop
│             too_many_redirects  chain longer than max_redirects      -> drop for this poll
│             redirect_loop       a URL came back in its own chain     -> drop for this poll
│             too_large           wire or decompressed cap exceeded    -> drop for this poll
│             too_slow            overall deadline passed (slow drip)  -> retry with backoff
│             bad_encoding        unsupported Content-Encoding         -> drop for this poll
├── HTTPStatusError(status)    a final status other than 2xx/304
│     reason: status_4xx | status_5xx | gone
│             429, 5xx                                                 -> retry, honour Retry-After
│             410                                                      -> drop: disable the feed
│             other 4xx                                                -> retry with backoff,
│                                                                         disable after many
├── NetworkError               DNS, connect, TLS, reset, read timeout  -> retry with backoff
│     reason: dns | connect | timeout | protocol | network
└── ContentError               the body is not what we can use
      reason: hostile_xml | not_a_feed | empty                          -> drop for this poll
```
"""

from __future__ import annotations

from typing import Literal

RefusalReason = Literal[
    "scheme",
    "private_address",
    "too_many_redirects",
    "redirect_loop",
    "too_large",
    "too_slow",
    "bad_encoding",
]


class FetchError(Exception):
    """Base of every fetch failure; `reason` is a bounded label value for metrics."""

    reason: str = "error"

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        if reason is not None:
            self.reason = reason

    @property
    def retryable(self) -> bool:
        """True when trying again later may succeed."""
        return False


class RefusedError(FetchError):
    """We refused the request or the response (safety limits)."""

    def __init__(self, message: str, *, reason: RefusalReason) -> None:
        super().__init__(message, reason=reason)

    @property
    def retryable(self) -> bool:
        # A slow server may be fast next time; the other refusals repeat identically.
        return self.reason == "too_slow"


class HTTPStatusError(FetchError):
    """The final response had a status we do not process (not 2xx, not 304)."""

    def __init__(
        self, message: str, *, status: int, retry_after: float | None = None, url: str = ""
    ) -> None:
        reason = "gone" if status == 410 else f"status_{status // 100}xx"
        super().__init__(message, reason=reason)
        self.status = status
        self.retry_after = retry_after
        self.url = url

    @property
    def retryable(self) -> bool:
        return self.status != 410


class NetworkError(FetchError):
    """DNS, connection, TLS or read failure: the server may be back later."""

    @property
    def retryable(self) -> bool:
        return True


class ContentError(FetchError):
    """The body arrived but cannot be used (hostile XML, not a feed, no text)."""
