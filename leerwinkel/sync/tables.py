"""What travels in an exchange file, table by table, and how a row looks on the way ("portable").

A row travels as its content (every column but the bookkeeping ones) with references written so that
the other installation can resolve them: a client or a referral by its UUID (records keep their id on
every installation), a site by its code, an account by its user name, a catalogue record by its
external id. Tables whose rows are unique by something other than the id (a client's thresholds, the
settings) are matched by that natural key, so two installations that made "the same" row never clash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Date, Table, Uuid, select
from sqlalchemy.orm import Session

from leerwinkel.storage.models import (
    Client,
    ClientAssignment,
    ClientTargetGroup,
    ClientThreshold,
    ClientVulnerability,
    Consent,
    Contact,
    Counsellor,
    Intake,
    LearningWish,
    Letter,
    Location,
    Offering,
    OfferingLocation,
    Provider,
    Referral,
    ReferralStatusChange,
    Setting,
    Site,
)
from leerwinkel.storage.models.base import UTCDateTime

BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "updated_by_device", "version"})

#: both: changed anywhere, merged with conflicts; down: office to laptop only (session packs), the
#: office's version wins; reference: sent when a travelling row points at it, added where missing,
#: never changed by a file (an account's role or password never travels).
BOTH, DOWN, REFERENCE = "both", "down", "reference"


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: Any
    direction: str = BOTH
    natural_key: tuple[str, ...] = ()  # content columns that identify a row; () = its id
    refs: dict[str, str] = field(default_factory=dict)  # column -> table it points at
    only: tuple[str, ...] = ()  # travel with these columns only (reference tables)
    derived: frozenset[str] = frozenset()  # recomputed on arrival, never compared
    client_column: str = ""  # the column naming the client, to tie a conflict to its client

    @property
    def table(self) -> Table:
        table: Table = self.model.__table__
        return table

    @property
    def columns(self) -> list[str]:
        if self.only:
            return list(self.only)
        return [c.name for c in self.table.columns if c.name not in BOOKKEEPING and c.name not in self.derived]


_COUNSELLOR = {"counsellor_id": "counsellors"}

TABLES: tuple[TableSpec, ...] = (
    TableSpec("sites", Site, REFERENCE, natural_key=("code",), only=("code", "name", "kind", "municipality")),
    TableSpec("counsellors", Counsellor, REFERENCE, natural_key=("username",), only=("username", "display_name")),
    TableSpec("settings", Setting, DOWN, natural_key=("key",)),
    TableSpec("providers", Provider, DOWN, natural_key=("external_id",)),
    TableSpec("locations", Location, DOWN, natural_key=("external_id",), refs={"provider_id": "providers"}),
    TableSpec("offerings", Offering, DOWN, natural_key=("external_id",), refs={"provider_id": "providers"}),
    TableSpec(
        "offering_locations",
        OfferingLocation,
        DOWN,
        natural_key=("offering_id", "location_id"),
        refs={"offering_id": "offerings", "location_id": "locations"},
    ),
    TableSpec(
        "clients",
        Client,
        refs={"prison_site_id": "sites"},
        derived=frozenset({"search_key", "last_activity_at"}),
        client_column="id",
    ),
    TableSpec(
        "client_target_groups",
        ClientTargetGroup,
        natural_key=("client_id", "code"),
        refs={"client_id": "clients"},
        client_column="client_id",
    ),
    TableSpec(
        "client_vulnerabilities",
        ClientVulnerability,
        natural_key=("client_id", "code"),
        refs={"client_id": "clients"},
        client_column="client_id",
    ),
    TableSpec(
        "intakes",
        Intake,
        refs={"client_id": "clients", "site_id": "sites", **_COUNSELLOR},
        client_column="client_id",
    ),
    TableSpec(
        "client_thresholds",
        ClientThreshold,
        natural_key=("client_id", "code"),
        refs={"client_id": "clients", "intake_id": "intakes"},
        client_column="client_id",
    ),
    TableSpec(
        "learning_wishes",
        LearningWish,
        refs={"client_id": "clients", "intake_id": "intakes"},
        client_column="client_id",
    ),
    TableSpec(
        "consents",
        Consent,
        refs={"client_id": "clients", "recorded_by_id": "counsellors"},
        client_column="client_id",
    ),
    TableSpec(
        "client_assignments",
        ClientAssignment,
        natural_key=("client_id",),
        refs={"client_id": "clients", **_COUNSELLOR},
        client_column="client_id",
    ),
    TableSpec("contacts", Contact, refs={"client_id": "clients", **_COUNSELLOR}, client_column="client_id"),
    TableSpec(
        "referrals",
        Referral,
        refs={
            "client_id": "clients",
            "wish_id": "learning_wishes",
            "offering_id": "offerings",
            "provider_id": "providers",
            "site_id": "sites",
            **_COUNSELLOR,
        },
        # Kept by the database's triggers from the status history (revision 0210), which travels itself.
        derived=frozenset({"reached_started", "reached_completed", "enrolled_on"}),
        client_column="client_id",
    ),
    TableSpec(
        "referral_status_changes",
        ReferralStatusChange,
        refs={"referral_id": "referrals", **_COUNSELLOR},
    ),
    TableSpec(
        "letters",
        Letter,
        refs={"referral_id": "referrals", "client_id": "clients", **_COUNSELLOR},
        client_column="client_id",
    ),
)

SPECS: dict[str, TableSpec] = {spec.name: spec for spec in TABLES}


def encode(value: object) -> object:
    """A column value as JSON: UUIDs, dates and UTC timestamps as ISO text."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def decoder(spec: TableSpec, column: str) -> Any:
    """The function that turns the JSON form of ``column`` back into its Python value."""
    kind = spec.table.c[column].type
    if isinstance(kind, Uuid):
        return lambda v: None if v is None else uuid.UUID(str(v))
    if isinstance(kind, UTCDateTime):
        return lambda v: None if v is None else dt.datetime.fromisoformat(str(v))
    if isinstance(kind, Date):
        return lambda v: None if v is None else dt.date.fromisoformat(str(v))
    return lambda v: v


def identity_of(spec: TableSpec, content: dict[str, Any], row_id: object) -> str:
    """How a row is known on every installation: its natural key (portable), or its id."""
    if not spec.natural_key:
        return str(row_id)
    return "\x1f".join(str(content.get(column)) for column in spec.natural_key)


def _canonical(name: str, value: object) -> bytes:
    """One field as bytes for its digest: the name, then the value tagged with its JSON type."""
    if value is None:
        text = "n"
    elif value is True:
        text = "t"
    elif value is False:
        text = "f"
    elif isinstance(value, str):
        text = "s" + value
    elif isinstance(value, int):
        text = "i" + str(value)
    else:
        text = "j" + json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return (name + "\x00" + text).encode("utf-8", "surrogatepass")


class Digester:
    """Keyed digests of field values (keyed BLAKE2b, 96 bits): what a peer holds, without the values.

    BLAKE2b with a key is a MAC (RFC 7693 §2.5); one C call per field keeps an export of 50,000 rows fast.
    """

    def __init__(self, key: bytes) -> None:
        self._key = key[:64]

    def field(self, name: str, value: object) -> str:
        return hashlib.blake2b(_canonical(name, value), key=self._key, digest_size=12).hexdigest()

    def row(self, content: dict[str, Any]) -> dict[str, str]:
        key = self._key
        blake = hashlib.blake2b
        return {
            name: blake(_canonical(name, value), key=key, digest_size=12).hexdigest() for name, value in content.items()
        }


class Resolver:
    """Turns ids into portable references and back, within one unit of work (cached per table)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._to_identity: dict[str, dict[uuid.UUID, str]] = {}
        self._to_id: dict[str, dict[str, uuid.UUID]] = {}

    def _load(self, table: str) -> None:
        if table in self._to_identity:
            return
        spec = SPECS[table]
        key = spec.natural_key[0]
        t = spec.table
        forward: dict[uuid.UUID, str] = {}
        backward: dict[str, uuid.UUID] = {}
        for row_id, value in self.session.execute(select(t.c.id, t.c[key])):
            forward[row_id] = str(value)
            backward[str(value)] = row_id
        self._to_identity[table] = forward
        self._to_id[table] = backward

    def forget(self, table: str) -> None:
        """Drop the cache of ``table`` after rows were added to it."""
        self._to_identity.pop(table, None)
        self._to_id.pop(table, None)

    def portable(self, table: str, row_id: uuid.UUID | None) -> str | None:
        if row_id is None:
            return None
        if table not in NAMED_BY_KEY:
            return str(row_id)
        self._load(table)
        return self._to_identity[table].get(row_id)

    def local_id(self, table: str, identity: str | None) -> uuid.UUID | None:
        if identity is None:
            return None
        if table not in NAMED_BY_KEY:
            return uuid.UUID(identity)
        self._load(table)
        return self._to_id[table].get(identity)


#: tables that other rows reference by a one-column natural key (code, user name, external id)
NAMED_BY_KEY = frozenset({"sites", "counsellors", "providers", "locations", "offerings"})


_PLAN: dict[str, list[tuple[str, str, str]]] = {}


def _plan(spec: TableSpec) -> list[tuple[str, str, str]]:
    """Per column: (name, how to encode it, the table a reference points at), worked out once per table."""
    plan = _PLAN.get(spec.name)
    if plan is None:
        plan = []
        for column in spec.columns:
            kind = spec.table.c[column].type
            if column in spec.refs:
                how = "ref"
            elif isinstance(kind, Uuid):
                how = "uuid"
            elif isinstance(kind, UTCDateTime):
                how = "datetime"
            elif isinstance(kind, Date):
                how = "date"
            else:
                how = "plain"
            plan.append((column, how, spec.refs.get(column, "")))
        _PLAN[spec.name] = plan
    return plan


def portable_content(spec: TableSpec, row: Any, resolver: Resolver) -> dict[str, Any]:
    """A row (from a Core select) as the dict that travels: references made portable."""
    mapping = row._mapping
    content: dict[str, Any] = {}
    for column, how, target in _plan(spec):
        value = mapping[column]
        if how == "plain" or value is None:
            content[column] = value
        elif how == "ref":
            content[column] = resolver.portable(target, value)
        else:
            content[column] = encode(value)
    return content


def _uuid(value: object) -> uuid.UUID:
    return uuid.UUID(str(value))


def _datetime(value: object) -> dt.datetime:
    return dt.datetime.fromisoformat(str(value))


def _date(value: object) -> dt.date:
    return dt.date.fromisoformat(str(value))


_DECODE = {"uuid": _uuid, "datetime": _datetime, "date": _date}


def local_values(spec: TableSpec, content: dict[str, Any], resolver: Resolver) -> dict[str, Any]:
    """Portable content back into column values for this database (unknown references become None)."""
    values: dict[str, Any] = {}
    for column, how, target in _plan(spec):
        if column not in content:
            continue
        value = content[column]
        if how == "plain" or value is None:
            values[column] = value
        elif how == "ref":
            try:
                values[column] = resolver.local_id(target, value)
            except ValueError:
                values[column] = None
        else:
            values[column] = _DECODE[how](value)
    return values


def chunks(items: Iterable[Any], size: int = 500) -> Iterable[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
