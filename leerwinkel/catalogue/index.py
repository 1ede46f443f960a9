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
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar, overload

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from leerwinkel.catalogue.bitsets import bitset, positions
from leerwinkel.catalogue.bulk import insert_columns, read_columns
from leerwinkel.catalogue.records import OfferingInfo
from leerwinkel.catalogue.vocabulary import SEED_PARTS, groups_across, groups_in, split_compound
from leerwinkel.ids import OfferingId
from leerwinkel.storage.models import (
    CatalogueChanges,
    Location,
    Offering,
    OfferingLocation,
    Provider,
    SearchEntry,
    SearchPosting,
    Setting,
)
from leerwinkel.taxonomy import WISH_CATEGORIES, dutch_level_rank
from leerwinkel.text import fold, words

log = logging.getLogger(__name__)
T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

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


class Filed(NamedTuple):
    """What the index reads of an offering (an OfferingInfo has more; an import reads only this)."""

    id: uuid.UUID
    external_id: str
    provider_name: str
    title: str
    description: str
    category: str
    language: str
    places: tuple[tuple[str, str, str | None], ...]  # (name, city, prison site code) of its locations, in order
    schedules: frozenset[str]
    is_free: bool | None
    reduced_for_jobseekers: bool | None
    reduced_for_prisoners: bool | None
    status_uncertain: bool
    in_prison: bool
    active: bool  # False when the offering or its provider is inactive
    last_verified: dt.date | None
    dutch_level_min: str | None


def filed(offering: OfferingInfo) -> Filed:
    o = offering
    places = tuple((loc.name, loc.city, loc.prison_site_code) for loc in o.locations)
    return Filed(
        o.id, o.external_id, o.provider_name, o.title, o.description, o.category, o.language, places, o.schedules,
        o.is_free, o.reduced_for_jobseekers, o.reduced_for_prisoners, o.status_uncertain, o.in_prison, o.active,
        o.last_verified, o.dutch_level_min,
    )  # fmt: skip


def sort_key(offering: OfferingInfo | Filed) -> str:
    """The display order (provider, title, external id; folded) as one string that sorts the same way."""
    return "\x1f".join((fold(offering.provider_name), fold(offering.title), offering.external_id))


class _Memo(dict[K, V]):
    """A dict that works out a missing value with ``make`` (lookups of known keys stay in C)."""

    def __init__(self, make: Callable[[K], V]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: K) -> V:
        value = self[key] = self._make(key)
        return value


class _Filer:
    """Works out what offerings are filed under, for many at once: what repeats between offerings
    (folded names, words, compound splits, the keys of a title, a name or a place, facets) is worked out once.

    First :meth:`texts` of every offering, then :meth:`seal` (the words seen become parts for
    splitting compounds), then :meth:`keys`.
    """

    def __init__(self) -> None:
        self.parts: set[str] = set(SEED_PARTS)
        self._words = _Memo(words)
        # both labels: the index must not depend on the window's language (search_quality is Dutch)
        self._labels: _Memo[str, list[str]] = _Memo(
            lambda code: words(" ".join([WISH_CATEGORIES.label(code, "nl"), WISH_CATEGORIES.label(code, "en")]))
        )
        self._folded = _Memo(fold)
        self._title_keys: _Memo[str, frozenset[str]] = _Memo(self._keys_of_title)
        self._text_keys: _Memo[str, frozenset[str]] = _Memo(lambda text: self._keys_of_words(self._words[text]))
        self._label_keys: _Memo[str, frozenset[str]] = _Memo(lambda code: self._keys_of_words(self._labels[code]))
        self._word_keys: _Memo[str, frozenset[str]] = _Memo(lambda word: self._word_and_parts(WORD, word))
        self._title_word_keys: _Memo[str, frozenset[str]] = _Memo(lambda word: self._word_and_parts(TITLE, word))
        self._base_facets: _Memo[_Base, frozenset[str]] = _Memo(_base_facets)
        self._place_facets: _Memo[_Places, frozenset[str]] = _Memo(_place_facets)
        self._checked: _Memo[dt.date | None, str] = _Memo(lambda day: f"{CHECKED}{day.isoformat() if day else 'none'}")

    def _word_and_parts(self, prefix: str, word: str) -> frozenset[str]:
        return frozenset(prefix + w for w in (word, *split_compound(word, self.parts)))

    def _keys_of_words(self, text_words: list[str]) -> frozenset[str]:
        """The "w:" keys of one text: its words with their parts, and the synonym groups within it."""
        keys: set[str] = set().union(*map(self._word_keys.__getitem__, text_words))
        keys.update(f"{WORD}~{g}" for g in groups_in(text_words))
        return frozenset(keys)

    def _keys_of_title(self, title: str) -> frozenset[str]:
        """The "t:" keys of a title (its words with their parts, its synonym groups) and its "w:" keys."""
        title_words = self._words[title]
        keys = set(self._text_keys[title])
        keys.update(*map(self._title_word_keys.__getitem__, set(title_words)))
        keys.update(f"{TITLE}~{g}" for g in groups_in(title_words))
        return frozenset(keys)

    def texts(self, o: Filed) -> list[list[str]]:
        """The folded words of each text a search looks at, the title first (do not change them).

        The words of texts joined by spaces are the words of each text in turn, so each text is
        folded once however many offerings share it.
        """
        found = self._words
        pieces = [found[o.title], found[o.provider_name], found[o.description], self._labels[o.category]]
        pieces += [found[f"{name} {city}"] for name, city, _code in o.places]
        return pieces

    def seal(self, more_parts: Iterable[str] = ()) -> None:
        """Every word seen by :meth:`texts` (and ``more_parts``) becomes a part for splitting compounds."""
        for found in (*self._words.values(), *self._labels.values()):
            self.parts.update(found)
        self.parts.update(more_parts)

    def sort_key(self, o: Filed) -> str:
        """sort_key(o), with the provider's name folded once."""
        return "\x1f".join((self._folded[o.provider_name], fold(o.title), o.external_id))

    def keys(self, o: Filed, texts: list[list[str]]) -> set[str]:
        """Every posting key of one offering: its words with the parts of compounds, synonym groups, facets.

        Made of the keys of each of its texts (worked out once per text) and the synonym phrases that run
        from one text into the next, as if the texts were one.
        """
        text_keys = self._text_keys
        keys = set(self._title_keys[o.title])
        keys.update(
            text_keys[o.provider_name],
            text_keys[o.description],
            self._label_keys[o.category],
            *[text_keys[f"{name} {city}"] for name, city, _code in o.places],
            self._base_facets[
                (o.category, o.language, o.schedules, o.is_free, o.reduced_for_jobseekers, o.reduced_for_prisoners,
                 o.status_uncertain, o.active, o.dutch_level_min)
            ],
            self._place_facets[(o.places, o.in_prison)],
        )  # fmt: skip
        keys.add(self._checked[o.last_verified])
        keys.update(f"{WORD}~{g}" for g in groups_across(texts))
        return keys


#: category, language, schedules, is_free, reduced_for_jobseekers, reduced_for_prisoners, status_uncertain,
#: active, dutch_level_min
_Base = tuple[str, str, frozenset[str], bool | None, bool | None, bool | None, bool, bool, str | None]
#: places, in_prison
_Places = tuple[tuple[tuple[str, str, str | None], ...], bool]


def _base_facets(given: _Base) -> frozenset[str]:
    """The facets of an offering that do not depend on its places or its last check."""
    category, language, schedules, is_free, jobseekers, prisoners, uncertain, active, level = given
    facets = ["all", f"category:{category}", f"language:{fold(language)}"]
    facets += [f"schedule:{code}" for code in schedules]
    if is_free:
        facets.append("cost:free")
    if is_free or jobseekers:
        facets.append("cost:reduced-jobseekers")
    if is_free or prisoners:
        facets.append("cost:reduced-prisoners")
    if uncertain:
        facets.append("uncertain")
    if active:
        facets.append("active")
    facets.append(f"need:{dutch_level_rank(level) or 0}")
    return frozenset(FACET + facet for facet in facets)


def _place_facets(given: _Places) -> frozenset[str]:
    """The facets of an offering given at ``places`` (and in prison or not)."""
    places, in_prison = given
    facets = [f"city:{fold(city)}" for city in dict.fromkeys(city for _name, city, _code in places if city)]
    if in_prison and all(code for _name, _city, code in places):
        facets.append("prison-only")
    if in_prison:
        facets.append("prison:*")
        facets += [f"prison:{code}" for code in {code for _name, _city, code in places if code}]
    return frozenset(FACET + facet for facet in facets)


@dataclass
class Built:
    """An index worked out in memory: the slots in display order and every key's slots."""

    offerings: list[OfferingInfo]  # by slot
    postings: dict[str, list[int]]
    keys: list[set[str]]  # by slot
    sort_keys: list[str]  # by slot


def build(offerings: Iterable[OfferingInfo]) -> Built:
    """Every offering's keys, with slots handed out in display order."""
    given = list(offerings)
    order, sort_keys, keys, postings = _build([filed(o) for o in given])
    return Built([given[i] for i in order], postings, keys, sort_keys)


def _build(offerings: Sequence[Filed]) -> tuple[list[int], list[str], list[set[str]], dict[str, list[int]]]:
    """The positions of ``offerings`` in display order (slot by slot), and by slot their sort key and keys;
    every key's slots (ascending)."""
    filer = _Filer()
    keyed = sorted(((filer.sort_key(o), position) for position, o in enumerate(offerings)), key=itemgetter(0))
    order = [position for _key, position in keyed]
    texts = [filer.texts(offerings[position]) for position in order]
    filer.seal()
    all_keys = [filer.keys(offerings[position], text) for position, text in zip(order, texts, strict=True)]
    postings: dict[str, list[int]] = defaultdict(list)
    for slot, keys in enumerate(all_keys):
        for key in keys:
            postings[key].append(slot)
    return order, [key for key, _position in keyed], all_keys, dict(postings)


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


def rebuild(session: Session, *, offerings: Sequence[Filed] | None = None) -> int:
    """Build the whole index again from the catalogue in ``session`` (an import does this); returns its size.

    ``offerings``: every offering of the catalogue as it is in ``session`` now, when the caller has them
    at hand (else they are read with load_filed).
    """
    session.flush()
    offerings = load_filed(session) if offerings is None else offerings
    order, sort_keys, keys, postings = _build(offerings)
    session.execute(delete(SearchPosting))
    session.execute(delete(SearchEntry))
    size = len(order)
    ordered_ids = [offerings[position].id for position in order]
    entries: dict[str, Sequence[Any]] = {
        "slot": list(range(size)),
        "offering_id": ordered_ids,
        "sort_key": sort_keys,
        "keys": ["\n".join(sorted(slot_keys)) for slot_keys in keys],
    }
    insert_columns(session, SearchEntry.__table__, entries, same={})
    blobs = {key: _encode_slots(slots) for key, slots in postings.items()}
    blobs[IDS] = b"".join(offering_id.bytes for offering_id in ordered_ids)
    blobs[ORDER] = b""  # the slots are in display order
    insert_columns(session, SearchPosting.__table__, {"key": list(blobs), "slots": list(blobs.values())}, same={})
    _store_seen(session)
    log.info("catalogue search index rebuilt: %d offerings, %d keys", size, len(blobs))
    return size


def _encode_slots(slots: list[int]) -> bytes:
    """encode(bitset(slots)) for slots in ascending order, without the bitset when the posting is sparse."""
    width = (slots[-1] + 8) // 8
    if len(slots) * 4 < width:
        return b"s" + _pack(slots)
    return b"d" + bitset(slots, slots[-1] + 1).to_bytes(width, "little")


def load_filed(session: Session, *, ids: Iterable[uuid.UUID] | None = None) -> list[Filed]:
    """Every offering (or only ``ids``) as the index reads it, in a few plain queries."""
    o = Offering.__table__.c
    p = Provider.__table__.c
    link = OfferingLocation.__table__.c
    place = Location.__table__.c
    columns = (o.id, o.external_id, p.name, o.title, o.description, o.category, o.language, o.is_free)
    more = (o.reduced_for_jobseekers, o.reduced_for_prisoners, o.status_uncertain, o.in_prison, o.active, p.active)
    schedule = (o.schedule_day, o.schedule_evening, o.schedule_weekend, o.schedule_online, o.schedule_distance)
    offerings = select(*columns, *more, o.last_verified, o.dutch_level_min, *schedule)
    offerings = offerings.join(Provider.__table__, p.id == o.provider_id)
    places = select(link.offering_id, place.name, place.city, place.prison_site_code, place.external_id)
    places = places.join(Location.__table__, place.id == link.location_id)
    wanted = sorted(set(ids)) if ids is not None else None
    offering_columns: list[list[Any]] = [[] for _column in offerings.selected_columns]
    place_columns: list[list[Any]] = [[] for _column in places.selected_columns]
    for chunk in _chunks(wanted) if wanted is not None else [None]:
        for statement, found in (
            (offerings if chunk is None else offerings.where(o.id.in_(chunk)), offering_columns),
            (places if chunk is None else places.where(link.offering_id.in_(chunk)), place_columns),
        ):
            for column, values in zip(found, read_columns(session, statement), strict=True):
                column.extend(values)
    at: dict[uuid.UUID, list[tuple[str, str, str | None, str]]] = defaultdict(list)
    for offering_id, name, city, code, key in zip(*place_columns, strict=True):
        at[offering_id].append((name, city, code, key))
    located = {
        offering_id: tuple((name, city, code) for name, city, code, _key in sorted(found, key=place_order))
        for offering_id, found in at.items()
    }
    codes = ("dag", "avond", "weekend", "online", "afstandsonderwijs")
    schedules: _Memo[tuple[bool, ...], frozenset[str]] = _Memo(
        lambda on: frozenset(code for code, given in zip(codes, on, strict=True) if given)
    )
    ids, keys, providers, titles, descriptions, categories, languages, *facts = offering_columns
    free, jobseekers, prisoners, uncertain, in_prison, active, provider_active, verified, levels, *flags = facts
    return list(
        map(
            Filed,
            ids,
            keys,
            providers,
            titles,
            descriptions,
            categories,
            languages,
            [located.get(offering_id, ()) for offering_id in ids],
            list(map(schedules.__getitem__, zip(*flags, strict=True))),
            free,
            jobseekers,
            prisoners,
            uncertain,
            in_prison,
            [own and provider for own, provider in zip(active, provider_active, strict=True)],
            verified,
            levels,
        )
    )


def place_order(place: tuple[str, str, str | None, str]) -> tuple[str, str, str]:
    """Locations in the order OfferingInfo lists them: city, name, external id."""
    name, city, _code, key = place
    return city, name, key


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
        _refile(session, wanted, load_filed(session, ids=wanted))
    _store_seen(session)


def _refile(session: Session, wanted: set[uuid.UUID], offerings: list[Filed]) -> None:
    current: dict[uuid.UUID, Filed] = {o.id: o for o in offerings}
    entries = {
        row.offering_id: row
        for chunk in _chunks(sorted(wanted))
        for row in session.scalars(select(SearchEntry).where(SearchEntry.offering_id.in_(chunk)))
    }
    filer = _Filer()
    texts: dict[uuid.UUID, list[list[str]]] = {key: filer.texts(o) for key, o in current.items()}
    filer.seal(
        key[len(WORD) :]
        for key in session.scalars(select(SearchPosting.key).where(SearchPosting.key.startswith(WORD)))
        if not key.startswith(WORD + "~")
    )
    # FOR UPDATE: two desks on one PostgreSQL database must not lose each other's bits.
    meta = {
        row.key: row
        for row in session.scalars(select(SearchPosting).where(SearchPosting.key.in_([IDS, ORDER])).with_for_update())
    }
    ids = bytearray(meta[IDS].slots)
    slots_before = len(ids) // 16
    refiled: dict[int, str | None] = {}  # slot -> its new sort key (None: the offering is gone)
    added: dict[str, int] = defaultdict(int)
    removed: dict[str, int] = defaultdict(int)
    for offering_id in sorted(wanted):
        entry = entries.get(offering_id)
        offering = current.get(offering_id)
        old = set(entry.keys.splitlines()) if entry is not None else set()
        new = filer.keys(offering, texts[offering_id]) if offering is not None else set()
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
            refiled[entry.slot] = None
        else:
            entry.sort_key = filer.sort_key(offering)
            entry.keys = "\n".join(sorted(new))
            refiled[entry.slot] = entry.sort_key
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
    if len(refiled) <= _REORDER_IN_PLACE:
        order = _reorder(session, meta[ORDER].slots, slots_before, refiled)
    else:
        # The display order of every slot, sorted here: a database would sort text by its own collation.
        rows = session.connection().exec_driver_sql("SELECT slot, sort_key FROM catalogue_search_entries").all()
        order = [slot for slot, _key in sorted(rows, key=lambda row: (row[1], row[0]))]
    meta[ORDER].slots = b"" if order == list(range(len(order))) else _pack(order)


#: Up to this many refiled offerings the display order is patched in place (a few look-ups each); more are
#: sorted again from every entry's sort key.
_REORDER_IN_PLACE = 64


def _reorder(session: Session, stored: bytes, slots_before: int, refiled: dict[int, str | None]) -> list[int]:
    """The display order (by sort key, then slot) with the ``refiled`` slots taken out and put back in place.

    ``stored`` is the order before (empty: slot order, ``slots_before`` slots). The sort keys of the slots
    met during each binary search are read one by one through the primary key: an edit of one offering
    in a catalogue of 200,000 reads about 18 of them instead of all 200,000 (which took most of a second,
    issue 15). Gives the same order as sorting every entry.
    """
    before: Sequence[int] = _unpack(stored) if stored else range(slots_before)
    order = [slot for slot in before if slot not in refiled]
    known: dict[int, str] = {slot: key for slot, key in refiled.items() if key is not None}
    lookup = text("SELECT sort_key FROM catalogue_search_entries WHERE slot = :slot")

    def rank(slot: int) -> tuple[str, int]:
        if slot not in known:
            known[slot] = session.execute(lookup, {"slot": slot}).scalar_one()
        return known[slot], slot

    for slot, key in sorted(refiled.items()):
        if key is not None:
            order.insert(bisect_left(order, (key, slot), key=rank), slot)
    return order


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
