"""Sets of offerings as Python integers (bit i = display position i), and a result read lazily from them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from leerwinkel.ids import OfferingId


class ResultIds(Sequence[OfferingId]):
    """The ids of a result, best first, worked out only as far as they are read.

    Held as bitsets over display positions, one per rank (best first), so a search over
    50,000 offerings costs a few integer operations; reading the first rows for a table is cheap
    and reading them all costs one pass.
    """

    def __init__(self, groups: Sequence[int], ids: Sequence[OfferingId], rank: Sequence[int] | None = None) -> None:
        """``rank``: the display rank of each position, when positions are not in display order."""
        self._groups = [g for g in groups if g]
        self._ids = ids
        self._rank = rank
        self._total = sum(g.bit_count() for g in self._groups)
        self._positions: list[int] = []
        self._scan = self._positions_in_order()

    def _positions_in_order(self) -> Iterator[int]:
        for bits in self._groups:
            if self._rank is None:
                yield from positions(bits)
            else:  # a group is put in display order when the reader reaches it
                yield from sorted(positions(bits), key=self._rank.__getitem__)

    def _fill(self, count: int) -> None:
        while len(self._positions) < count:
            position = next(self._scan, None)
            if position is None:
                return
            self._positions.append(position)

    def __len__(self) -> int:
        return self._total

    @overload
    def __getitem__(self, index: int) -> OfferingId: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[OfferingId]: ...
    def __getitem__(self, index: int | slice) -> OfferingId | Sequence[OfferingId]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._total)
            self._fill(stop)
            return tuple(self._ids[p] for p in self._positions[start:stop:step])
        if index < 0:
            index += self._total
        if not 0 <= index < self._total:
            raise IndexError(index)
        self._fill(index + 1)
        return self._ids[self._positions[index]]

    def __iter__(self) -> Iterator[OfferingId]:
        self._fill(self._total)
        return iter([self._ids[p] for p in self._positions])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))


def positions(bits: int) -> Iterator[int]:
    """The set bits of ``bits``, lowest first."""
    reversed_bits = bin(bits)[:1:-1]
    at = reversed_bits.find("1")
    while at >= 0:
        yield at
        at = reversed_bits.find("1", at + 1)


def bitset(slots: Sequence[int], size: int) -> int:
    buffer = bytearray(size // 8 + 1)
    for p in slots:
        buffer[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(buffer, "little")
