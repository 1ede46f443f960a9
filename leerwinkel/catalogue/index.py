"""The catalogue search index, kept in the database: written with every catalogue change, read lazily.

What an offering is filed under (its keys) is worked out here once, when it changes, instead of for
the whole catalogue at every start: opening the index reads its keys and two small rows
(``read_keys_and_order``), a search then reads the few postings it needs (``fetch_postings``), and
nothing waits for an index build. An import rebuilds the index inside its own unit of work; an
edit patches the postings of the records it touched (``update_offerings``).

Every posting is a set of *slots*, one per offering. A full rebuild hands out the slots in display
order; an offering added later gets the next free slot, and the stored order (``ORDER``) gives the
display rank of each slot for the tie-break (empty while slots and display order agree).

Writers that change the catalogue without going through this module (an exchange file, an older
version, a manual fix) are caught by the change counter that database triggers keep (migration
0180): the index notes the counter it fits; a counter that moved on makes the next reader rebuild
the index (off the UI thread: the catalogue page opens the index on a worker).
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import uuid
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar, overload

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from leerwinkel.catalogue.bitsets import bitset, positions
from leerwinkel.catalogue.records import OfferingInfo
from leerwinkel.catalogue.repository import load_all_offerings
from leerwinkel.catalogue.vocabulary import SEED_PARTS, groups_in, split_compound
from leerwinkel.ids import OfferingId
from leerwinkel.storage.models import CatalogueChanges, Offering, OfferingLocation, SearchEntry, SearchPosting, Setting
from leerwinkel.taxonomy import WISH_CATEGORIES, dutch_level_rank
from leerwinkel.text import fold, words

log = logging.getLogger(__name__)
T = TypeVar("T")

STAMP_SETTING = "catalogue.search_index"
FORMAT = "1"  # bump when the keys change: a stored index of another format is rebuilt

TITLE = "t:"
WORD = "w:"
FACET = "f:"
META = "o:"  # the index's own rows: the offering of each slot, and the display order
IDS = "o:ids"  # 16 bytes a slot (the offering's UUID; zeros for a free slot)
ORDER = "o:order"  # the slots in display order, 32 bits each; empty while that is slot order
CHECKED = "f:checked:"  # + ISO date, or "none": the day the offering was last checked
NEED = "f:need:"  # + the rank of the Dutch level it needs (0: none)

_CHUNK = 500  # keys per IN (...): below every backend's bind-parameter limit


# -- what an offering is filed under ------------------------------------------------------------


def texts_of(offering: OfferingInfo) -> tuple[list[str], list[str]]:
    """The folded words of the title, and of the rest of what a search looks at."""
    title_words = words(offering.title)
    text_words = words(
        " ".join(
            # both labels: the index must not depend on the window's language (search_quality is Dutch)
            [offering.provider_name, offering.description, WISH_CATEGORIES.label(offering.category, "nl")]
            + [WISH_CATEGORIES.label(offering.category, "en")]
            + [f"{loc.name} {loc.city}" for loc in offering.locations]
        )
    )
    return title_words, text_words


def keys_of(
    offering: OfferingInfo, texts: tuple[list[str], list[str]], parts: set[str], splits: dict[str, list[str]]
) -> set[str]:
    """Every posting key of one offering: its words with the parts of compounds, synonym groups, facets.

    ``parts`` are the words compounds are split into (every catalogue word plus SEED_PARTS);
    ``splits`` caches split_compound per word across calls.
    """
    title_words, text_words = texts
    keys: set[str] = set()
    for source, prefix in ((title_words, TITLE), (title_words + text_words, WORD)):
        found = set(source)
        for word in list(found):
            split = splits.get(word)
            if split is None:
                split = splits[word] = split_compound(word, parts)
            found.update(split)
        found |= {f"~{g}" for g in groups_in(source)}
        keys.update(prefix + word for word in found)
    o = offering
    facets = ["all", f"category:{o.category}", f"language:{fold(o.language)}"]
    facets += [f"city:{fold(city)}" for city in o.cities]
    facets += [f"schedule:{code}" for code in o.schedules]
    if o.is_free:
        facets.append("cost:free")
    if o.is_free or o.reduced_for_jobseekers:
        facets.append("cost:reduced-jobseekers")
    if o.is_free or o.reduced_for_prisoners:
        facets.append("cost:reduced-prisoners")
    if o.status_uncertain:
        facets.append("uncertain")
    if o.in_prison and all(loc.prison_site_code for loc in o.locations):
        facets.append("prison-only")
    if o.in_prison:
        facets.append("prison:*")
        facets += [f"prison:{code}" for code in o.prison_site_codes]
    if o.active:
        facets.append("active")
    facets.append(f"checked:{o.last_verified.isoformat() if o.last_verified else 'none'}")
    facets.append(f"need:{dutch_level_rank(o.dutch_level_min) or 0}")
    keys.update(FACET + facet for facet in facets)
    return keys


def sort_key(offering: OfferingInfo) -> str:
    """The display order (provider, title, external id; folded) as one string that sorts the same way."""
    return "\x1f".join((fold(offering.provider_name), fold(offering.title), offering.external_id))


@dataclass
class Built:
    """An index worked out in memory: the slots in display order and every key's slots."""

    offerings: list[OfferingInfo]  # by slot
    postings: dict[str, list[int]]
    keys: list[set[str]]  # by slot
    sort_keys: list[str]  # by slot


def build(offerings: Iterable[OfferingInfo]) -> Built:
    """Every offering's keys, with slots handed out in display order."""
    keyed = sorted(((sort_key(o), o) for o in offerings), key=lambda pair: pair[0])
    ordered = [o for _key, o in keyed]
    texts = [texts_of(o) for o in ordered]
    parts = set(SEED_PARTS)
    for title_words, text_words in texts:
        parts.update(title_words)
        parts.update(text_words)
    splits: dict[str, list[str]] = {}
    postings: dict[str, list[int]] = defaultdict(list)
    all_keys = []
    for slot, (offering, text) in enumerate(zip(ordered, texts, strict=True)):
        keys = keys_of(offering, text, parts, splits)
        all_keys.append(keys)
        for key in keys:
            postings[key].append(slot)
    return Built(ordered, dict(postings), all_keys, [key for key, _o in keyed])


# -- the stored form of a posting ----------------------------------------------------------------


def encode(bits: int) -> bytes:
    """A set of slots: "d" + a little-endian bitset when it is dense, else "s" + 32-bit slot numbers."""
    count = bits.bit_count()
    width = (bits.bit_length() + 7) // 8
    if count * 4 < width:
        slots = array("I", positions(bits))
        if sys.byteorder == "big":
            slots.byteswap()
        return b"s" + slots.tobytes()
    return b"d" + bits.to_bytes(width, "little")


def decode(blob: bytes) -> int:
    if blob[:1] == b"d":
        return int.from_bytes(blob[1:], "little")
    slots = array("I")
    slots.frombytes(blob[1:])
    if sys.byteorder == "big":
        slots.byteswap()
    return bitset(slots, (max(slots) + 1) if slots else 0)


# -- writing ---------------------------------------------------------------------------------


def changes(session: Session) -> int:
    """The catalogue's change counter (raised by database triggers on every catalogue write)."""
    return session.scalar(select(CatalogueChanges.counter).where(CatalogueChanges.id == 1)) or 0


def _seen(session: Session) -> str:
    return f"{FORMAT}:{changes(session)}"


def _store_seen(session: Session) -> None:
    """Note that the stored index fits the catalogue as it is in ``session`` now."""
    session.flush()
    value = _seen(session)
    setting = session.scalar(select(Setting).where(Setting.key == STAMP_SETTING))
    if setting is None:
        session.add(Setting(key=STAMP_SETTING, value=value))
    elif setting.value != value:
        setting.value = value


def is_current(session: Session) -> bool:
    """Whether the stored index fits the catalogue as it is now (two small reads)."""
    stored = session.scalar(select(Setting.value).where(Setting.key == STAMP_SETTING))
    return stored is not None and stored == _seen(session)


def rebuild(session: Session) -> int:
    """Build the whole index again from the catalogue in ``session`` (an import does this); returns its size."""
    session.flush()
    built = build(load_all_offerings(session))
    session.execute(delete(SearchPosting))
    session.execute(delete(SearchEntry))
    size = len(built.offerings)
    rows = [
        {"slot": slot, "offering_id": o.id, "sort_key": built.sort_keys[slot], "keys": "\n".join(sorted(keys))}
        for slot, (o, keys) in enumerate(zip(built.offerings, built.keys, strict=True))
    ]
    for start in range(0, len(rows), 5000):
        session.execute(insert(SearchEntry), rows[start : start + 5000])
    postings = [{"key": key, "slots": encode(bitset(slots, size))} for key, slots in built.postings.items()]
    postings.append({"key": IDS, "slots": b"".join(o.id.bytes for o in built.offerings)})
    postings.append({"key": ORDER, "slots": b""})  # the slots are in display order
    for start in range(0, len(postings), 5000):
        session.execute(insert(SearchPosting), postings[start : start + 5000])
    _store_seen(session)
    log.info("catalogue search index rebuilt: %d offerings, %d keys", size, len(postings))
    return size


def update_offerings(session: Session, offering_ids: Iterable[uuid.UUID]) -> None:
    """Refile the given offerings (added, changed or removed in ``session``) without touching the others.

    Call it after every change to the catalogue, with the offerings it touched (none for a change the
    search does not see, such as a location's check): it also notes that the index is up to date.
    Must run in the unit of work that changed them. A word that is new to the catalogue becomes a part
    for splitting compounds from now on; compounds filed earlier keep their parts until the next import
    rebuilds the index (they still match as whole words and by prefix).
    """
    wanted = set(offering_ids)
    session.flush()
    if session.scalar(select(Setting.value).where(Setting.key == STAMP_SETTING)) is None:
        rebuild(session)  # no index yet: nothing to patch
        return
    if wanted:
        _refile(session, wanted, load_all_offerings(session, ids=wanted))
    _store_seen(session)


def _refile(session: Session, wanted: set[uuid.UUID], offerings: list[OfferingInfo]) -> None:
    current: dict[uuid.UUID, OfferingInfo] = {o.id: o for o in offerings}
    entries = {
        row.offering_id: row
        for chunk in _chunks(sorted(wanted))
        for row in session.scalars(select(SearchEntry).where(SearchEntry.offering_id.in_(chunk)))
    }
    parts = set(SEED_PARTS)
    parts.update(
        key[len(WORD) :]
        for key in session.scalars(select(SearchPosting.key).where(SearchPosting.key.startswith(WORD)))
        if not key.startswith(WORD + "~")
    )
    texts: dict[uuid.UUID, tuple[list[str], list[str]]] = {key: texts_of(o) for key, o in current.items()}
    for title_words, text_words in texts.values():
        parts.update(title_words)
        parts.update(text_words)
    # FOR UPDATE: two desks on one PostgreSQL database must not lose each other's bits.
    meta = {
        row.key: row
        for row in session.scalars(select(SearchPosting).where(SearchPosting.key.in_([IDS, ORDER])).with_for_update())
    }
    ids = bytearray(meta[IDS].slots)
    added: dict[str, int] = defaultdict(int)
    removed: dict[str, int] = defaultdict(int)
    splits: dict[str, list[str]] = {}
    for offering_id in sorted(wanted):
        entry = entries.get(offering_id)
        offering = current.get(offering_id)
        old = set(entry.keys.splitlines()) if entry is not None else set()
        new = keys_of(offering, texts[offering_id], parts, splits) if offering is not None else set()
        if entry is None:
            if offering is None:
                continue
            entry = SearchEntry(slot=len(ids) // 16, offering_id=offering_id, sort_key="", keys="")
            session.add(entry)
            ids += offering_id.bytes
        bit = 1 << entry.slot
        for key in new - old:
            added[key] |= bit
        for key in old - new:
            removed[key] |= bit
        if offering is None:
            ids[entry.slot * 16 : entry.slot * 16 + 16] = bytes(16)  # a free slot
            session.delete(entry)
        else:
            entry.sort_key = sort_key(offering)
            entry.keys = "\n".join(sorted(new))
    touched = sorted(set(added) | set(removed))
    stored: dict[str, SearchPosting] = {}
    for chunk in _chunks(touched):
        query = select(SearchPosting).where(SearchPosting.key.in_(chunk)).with_for_update()
        stored.update((row.key, row) for row in session.scalars(query))
    for key in touched:
        row = stored.get(key)
        bits = ((decode(row.slots) if row is not None else 0) | added.get(key, 0)) & ~removed.get(key, 0)
        if row is None:
            if bits:
                session.add(SearchPosting(key=key, slots=encode(bits)))
        elif bits:
            row.slots = encode(bits)
        else:
            session.delete(row)
    meta[IDS].slots = bytes(ids)
    session.flush()
    # The display order of every slot, sorted here: a database would sort text by its own collation.
    rows = session.connection().exec_driver_sql("SELECT slot, sort_key FROM catalogue_search_entries").all()
    order = [slot for slot, _key in sorted(rows, key=lambda row: (row[1], row[0]))]
    meta[ORDER].slots = b"" if order == list(range(len(order))) else _pack(order)


def offerings_of_providers(session: Session, provider_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    wanted = list(provider_ids)
    return set(session.scalars(select(Offering.id).where(Offering.provider_id.in_(wanted)))) if wanted else set()


def offerings_at_location(session: Session, location_id: uuid.UUID) -> set[uuid.UUID]:
    """The offerings given at a place (its city and name are part of what they are filed under)."""
    link = OfferingLocation.__table__.c
    return set(session.scalars(select(link.offering_id).where(link.location_id == location_id)))


def _chunks(values: Sequence[T]) -> Iterator[list[T]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start : start + _CHUNK])


def _pack(numbers: Iterable[int]) -> bytes:
    packed = array("I", numbers)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _unpack(blob: bytes) -> array[int]:
    packed = array("I")
    packed.frombytes(blob)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed


# -- reading -----------------------------------------------------------------------------------


class SlotIds(Sequence[OfferingId]):
    """Offering ids by slot (16 bytes each), turned into UUIDs only when read."""

    def __init__(self, packed: bytes) -> None:
        self._packed = packed

    def __len__(self) -> int:
        return len(self._packed) // 16

    @overload
    def __getitem__(self, index: int) -> OfferingId: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[OfferingId]: ...
    def __getitem__(self, index: int | slice) -> OfferingId | Sequence[OfferingId]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not self.is_used(index):
            raise IndexError(index)
        return OfferingId(uuid.UUID(bytes=self._packed[index * 16 : index * 16 + 16]))

    def is_used(self, slot: int) -> bool:
        return 0 <= slot < len(self) and self._packed[slot * 16 : slot * 16 + 16] != _FREE

    def used(self) -> int:
        """The slots in use, as a bitset."""
        if _FREE not in self._packed:  # no free slot (no offering removed since the last rebuild)
            return (1 << len(self)) - 1
        return bitset([slot for slot in range(len(self)) if self.is_used(slot)], len(self))


_FREE = bytes(16)


def read_keys_and_order(session: Session) -> tuple[list[str], SlotIds, list[int] | None]:
    """What opening the index reads: every posting key, the offering of each slot, and their display rank."""
    connection = session.connection()
    # Plain SQL: the keys are many, and SQLAlchemy's per-row processing would cost more than the read.
    keys = sorted(key for (key,) in connection.exec_driver_sql("SELECT key FROM catalogue_search_postings"))
    query = select(SearchPosting.key, SearchPosting.slots).where(SearchPosting.key.in_([IDS, ORDER]))
    meta: dict[str, bytes] = {key: blob for key, blob in session.execute(query)}
    ids = SlotIds(meta.get(IDS, b""))
    rank: list[int] | None = None
    if meta.get(ORDER):
        rank = [len(ids)] * len(ids)
        for position, slot in enumerate(_unpack(meta[ORDER])):
            rank[slot] = position
    return [key for key in keys if not key.startswith(META)], ids, rank


def fetch_postings(session: Session, keys: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for chunk in _chunks(sorted(set(keys))):
        query = select(SearchPosting.key, SearchPosting.slots).where(SearchPosting.key.in_(chunk))
        for key, blob in session.execute(query):
            out[key] = decode(blob)
    return out


def checked_before(keys: Sequence[str], day: dt.date) -> list[str]:
    """The "checked" facet keys of offerings last checked before ``day`` or never."""
    out = []
    for key in keys:
        if key.startswith(CHECKED):
            value = key[len(CHECKED) :]
            if value == "none" or dt.date.fromisoformat(value) < day:
                out.append(key)
    return out
