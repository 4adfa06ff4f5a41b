"""Near-duplicate text: the same wire story syndicated on several sites.

An article's text becomes a set of word 3-shingles (after `shared.identity.normalise_text`), a
MinHash signature of that set, and LSH band keys; `state.FetcherState` stores the signature, the
shingle count and the band keys in SQLite so the index survives restarts and spans every feed.
Two texts are the same story when their estimated Jaccard similarity reaches
`SIMILARITY_THRESHOLD`, or when the shorter one is mostly contained in the longer
(`CONTAINMENT_THRESHOLD`): sites cut wire stories short, and a copy cut to a third of the
original has a Jaccard similarity of only 0.33 (AQUAINT holds such a Xinhua pair).

Why MinHash with bands rather than SimHash: SimHash's Hamming distance tracks the cosine of the
two shingle vectors, and a syndicated copy with a few boilerplate lines and edited words (Jaccard
~0.8) already differs in ~10 of 64 bits, past what a banded SimHash index can look up (it is
built for distances of about 3). MinHash estimates the Jaccard similarity itself, so a threshold
has a plain meaning, and its LSH bands find candidates at the similarities we care about.
Why `datasketch` (MIT, well kept) computes the signature: it is the reference implementation of
the hashing and permutations. Its LSH index lives in memory, Redis or Cassandra, not SQLite, so
the bands are ours: a band key is a 63-bit hash of (band number, the band's rows), one indexed
integer column in SQLite.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash  # type: ignore[import-untyped]  # ships no type information

from shared.identity import normalise_text

# Words per shingle: three words keep a single edited word from touching more than three
# shingles, while different stories share few 3-word phrases (Jaccard below 0.1 on the AQUAINT
# wire stories about one event, where single words overlap heavily).
SHINGLE_WORDS = 3
# Permutations: the Jaccard estimate's standard error is sqrt(J(1-J)/64) <= 0.0625, so 0.5 is
# told from a syndicated copy (~0.8) and from a different story (<0.1) with wide margins; 64
# uint32 values are 256 bytes per article in SQLite.
NUM_PERM = 64
# 32 bands of 2 rows: a pair with Jaccard 0.3 shares at least one band with probability 0.95,
# 0.5 -> 0.9999; a pair of unrelated news texts (Jaccard ~0.005) with 0.0008, so few false
# candidates reach the signature comparison. Four rows per band would miss a third of the pairs
# at 0.5.
BANDS = 32
ROWS_PER_BAND = NUM_PERM // BANDS
# Estimated Jaccard at or above which two texts are one story. Syndicated variants measured in
# the unit tests score 0.65-0.95; different stories on the same event score below 0.1.
SIMILARITY_THRESHOLD = 0.5
# Share of the shorter text's shingles found in the longer one, at or above which the shorter is
# a cut-down copy (a truncated wire story keeps its paragraphs verbatim: ~1.0).
CONTAINMENT_THRESHOLD = 0.8
# Below this Jaccard estimate the containment estimate is not trusted: it divides the small,
# noisy Jaccard estimate by the size ratio. 0.25 admits a copy cut to a quarter of its length.
MIN_JACCARD_FOR_CONTAINMENT = 0.25
# Texts shorter than this many words skip near-duplicate detection (the exact content hash
# still applies): a headline or a one-sentence summary shares too large a fraction with any
# other short text on the same event, and a boilerplate footer would dominate it.
MIN_WORDS = 40
# Fixed seed: signatures stored yesterday must be comparable with today's.
_SEED = 1
# Signatures are stored as little-endian uint32 (datasketch's values are below 2**32).
_DTYPE = np.dtype("<u4")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A text's MinHash signature (NUM_PERM uint32, as bytes), its number of distinct shingles
    and its BANDS band keys."""

    signature: bytes
    size: int
    band_keys: tuple[int, ...]


def shingles(text: str) -> set[bytes]:
    """The text's word SHINGLE_WORDS-grams, normalised (case, punctuation, whitespace)."""
    words = normalise_text(text).split()
    n = SHINGLE_WORDS
    return {" ".join(words[i : i + n]).encode() for i in range(max(len(words) - n + 1, 1))}


def fingerprint(text: str) -> Fingerprint | None:
    """The text's fingerprint, or None when it is too short to judge (fewer than MIN_WORDS)."""
    if len(normalise_text(text).split()) < MIN_WORDS:
        return None
    grams = shingles(text)
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED)
    minhash.update_batch(grams)
    values = np.asarray(minhash.hashvalues, dtype=_DTYPE)
    return Fingerprint(values.tobytes(), len(grams), band_keys(values))


def band_keys(values: np.ndarray[tuple[int], np.dtype[np.uint32]]) -> tuple[int, ...]:
    """One signed 63-bit key per band (SQLite integers are signed 64-bit)."""
    keys = []
    for band in range(BANDS):
        rows = values[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND].astype(_DTYPE)
        digest = hashlib.blake2b(bytes([band]) + rows.tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") >> 1)
    return tuple(keys)


def stored_band_keys(signature: bytes) -> tuple[int, ...]:
    """The band keys of a stored signature (to delete its band rows)."""
    return band_keys(np.frombuffer(signature, dtype=_DTYPE))


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two stored signatures (share of equal minima)."""
    left = np.frombuffer(a, dtype=_DTYPE)
    right = np.frombuffer(b, dtype=_DTYPE)
    if left.shape != right.shape:
        return 0.0  # a signature from another configuration cannot be compared
    return float(np.count_nonzero(left == right)) / len(left)


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Estimated share of the smaller shingle set inside the larger, from their Jaccard
    similarity and sizes: |A & B| = J (|A| + |B|) / (1 + J)."""
    smaller = min(size_a, size_b)
    if smaller <= 0:
        return 0.0
    return min(1.0, jaccard * (size_a + size_b) / ((1.0 + jaccard) * smaller))


def same_story(a: Fingerprint, b: Fingerprint) -> float | None:
    """The estimated Jaccard similarity when `a` and `b` are one story, else None."""
    jaccard = similarity(a.signature, b.signature)
    if jaccard >= SIMILARITY_THRESHOLD:
        return jaccard
    contained = containment(jaccard, a.size, b.size) >= CONTAINMENT_THRESHOLD
    if jaccard >= MIN_JACCARD_FOR_CONTAINMENT and contained:
        return jaccard
    return None
