"""Content-Encoding decoding that stops at a size cap instead of inflating a bomb in memory."""

from __future__ import annotations

import zlib

from .errors import RefusedError

# Inflate at most this much per step, so a 64 KiB read of a 1000:1 bomb never becomes 64 MB at
# once; the cap check runs between steps.
_STEP = 64 * 1024


class CappedDecoder:
    """Decode identity, gzip or deflate bodies chunk by chunk, refusing past `limit` bytes."""

    def __init__(self, content_encoding: str | None, limit: int) -> None:
        encoding = (content_encoding or "identity").strip().lower()
        self.limit = limit
        self.total = 0
        self._raw_deflate_retry = False
        if encoding in ("", "identity"):
            self._inflate: zlib._Decompress | None = None
        elif encoding in ("gzip", "x-gzip"):
            self._inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif encoding == "deflate":
            # RFC 9110 says zlib-wrapped; some servers send raw deflate. Try zlib first.
            self._inflate = zlib.decompressobj(zlib.MAX_WBITS)
            self._raw_deflate_retry = True
        else:
            raise RefusedError(f"unsupported Content-Encoding {encoding!r}", reason="bad_encoding")

    def _count(self, data: bytes) -> bytes:
        self.total += len(data)
        if self.total > self.limit:
            raise RefusedError(f"decompressed body exceeds {self.limit} bytes", reason="too_large")
        return data

    def feed(self, chunk: bytes) -> list[bytes]:
        """Decoded pieces of one wire chunk."""
        if self._inflate is None:
            return [self._count(chunk)]
        out: list[bytes] = []
        data = chunk
        while data:
            try:
                piece = self._inflate.decompress(data, _STEP)
            except zlib.error as exc:
                if self._raw_deflate_retry and self.total == 0 and not out:
                    self._raw_deflate_retry = False
                    self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise RefusedError(
                    f"corrupt compressed body: {exc}", reason="bad_encoding"
                ) from exc
            self._raw_deflate_retry = False
            out.append(self._count(piece))
            data = self._inflate.unconsumed_tail
            if self._inflate.eof:
                break
        return out

    def flush(self) -> list[bytes]:
        if self._inflate is None:
            return []
        return [self._count(self._inflate.flush())]
