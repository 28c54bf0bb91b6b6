"""Which identity keys of a file may have come before: asked of every row an import reads."""

from __future__ import annotations


class KeyFilter:
    """Which keys may have been seen before: a Bloom filter (two probes, 8 MiB), so that its
    memory stays the same whatever the file's size; at a million keys about 1 "maybe" in
    1,000 is wrong, and costs only a lookup. "No" is always right: that key is on no earlier
    row."""

    BITS = 1 << 26

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
            h = hash(key)
            a, b = h & mask, (h >> 32) & mask
            byte_a, byte_b = bits[a >> 3], bits[b >> 3]
            if byte_a >> (a & 7) & byte_b >> (b & 7) & 1:
                append(index)
            else:
                bits[a >> 3] = byte_a | 1 << (a & 7)
                bits[b >> 3] |= 1 << (b & 7)
        return found
