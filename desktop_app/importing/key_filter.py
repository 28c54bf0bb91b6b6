"""Which identity keys of a file may have come before: asked of every row an import reads."""

from __future__ import annotations


class KeyFilter:
    """Which keys may have been seen before: a Bloom filter of one probe in 2**27 bits
    (16 MiB), so that its memory stays the same whatever the file's size. After n keys a new
    key is wrongly called a "maybe" with odds n in 134 million (1 in 134 after a million), and
    that costs only a lookup. "No" is always right: that key is on no earlier row.

    One probe rather than two in half the bits: less work per row (the filter is asked of
    every row; 0.06 s instead of 0.09 s per 100,000 in an import), for ~40 wrong "maybe"s per
    100,000 keys instead of ~1.
    """

    BITS = 1 << 27

    def __init__(self) -> None:
        self._bits = bytearray(self.BITS // 8)

    def repeats(self, keys: list) -> list[int]:
        """Indexes of *keys* that may have been given before (now or in an earlier call)."""
        bits = self._bits
        mask = self.BITS - 1
        found: list[int] = []
        append = found.append
        for index, key in enumerate(keys):
            if key is None:
                continue
            slot = hash(key) & mask
            byte, bit = slot >> 3, 1 << (slot & 7)
            seen = bits[byte]
            if seen & bit:
                append(index)
            else:
                bits[byte] = seen | bit
        return found
