"""Stored clients, intakes and wishes read into the frozen records the front-ends get, and the checks on them.

Shared by the reads (:mod:`leerwinkel.intake.service`) and the writes (:mod:`leerwinkel.intake.saving`).
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from sqlalchemy import Select, bindparam, literal_column, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.base import ExecutableOption

from leerwinkel.actor import Actor
from leerwinkel.errors import ConflictError, NotFoundError
from leerwinkel.ids import ClientId, CounsellorId, IntakeId, WishId
from leerwinkel.intake.types import (
    ClientRecord,
    ClientSummary,
    ConsentRecord,
    ThresholdRecord,
    WishRecord,
    display_name,
)
from leerwinkel.storage.models import (
    Client,
    Counsellor,
    LearningWish,
    Site,
)

log = logging.getLogger(__name__)


def _counsellor(actor: Actor | None) -> CounsellorId | None:
    return actor.id if actor is not None else None


#: What a counsellor sees and edits of a client: a conflict is a difference in one of these.
CONFLICT_FIELDS = (
    "first_name",
    "alias",
    "last_name",
    "birth_date",
    "gender",
    "phone",
    "email",
    "street",
    "postcode",
    "municipality",
    "languages",
    "dutch_level",
    "education_level",
    "foreign_diploma",
    "foreign_diploma_recognised",
    "target_groups",
    "detained",
    "prison_site_code",
    "expected_release_date",
    "employment",
    "vdab_registered",
    "vulnerabilities",
    "thresholds",
    "notes",
    "consent",
)


def _check_version(session: Session, row: Client, base: ClientRecord) -> None:
    """Refuse a save from ``base`` only when another desk really changed what the form shows.

    A newer version alone is no conflict: the counter also moves for changes the form does not show.
    The refusal names the fields; the log gets the client id and field names only (no client data).
    """
    if row.version == base.version:
        return
    current = _client_record(session, row)
    changed = [name for name in CONFLICT_FIELDS if getattr(current, name) != getattr(base, name)]
    if changed:
        log.info("conflict on client %s (version %s, form had %s): %s", base.id, row.version, base.version, changed)
        raise ConflictError("clients", base.id, changed)


def _site_codes(session: Session) -> dict[str, uuid.UUID]:
    return {code: site_id for code, site_id in session.execute(select(Site.code, Site.id))}


def _client_loads() -> tuple[ExecutableOption, ...]:
    return (
        selectinload(Client.target_groups),
        selectinload(Client.vulnerabilities),
        selectinload(Client.thresholds),
        selectinload(Client.consents),
    )


def _load_client(session: Session, client_id: uuid.UUID) -> Client:
    row = session.get(Client, client_id)
    if row is None:
        raise NotFoundError("client", str(client_id))
    return row


def _summary(r: Any) -> ClientSummary:
    return ClientSummary(
        ClientId(r.id),
        display_name(r.first_name, r.alias, r.last_name),
        r.birth_year,
        r.municipality,
        r.last_activity_at,
    )


def _client_record(session: Session, c: Client) -> ClientRecord:
    consent = None
    if c.consents:
        latest = c.consents[-1]
        consent = ConsentRecord(
            latest.store_data,
            latest.share_with_provider,
            latest.contact_follow_up,
            latest.given_on,
            str(latest.recorded_by_id) if latest.recorded_by_id else None,
            _counsellor_name(session, latest.recorded_by_id),
        )
    prison_code = ""
    if c.prison_site_id is not None:
        site = session.get(Site, c.prison_site_id)
        prison_code = site.code if site else ""
    return ClientRecord(
        id=ClientId(c.id),
        version=c.version,
        first_name=c.first_name,
        alias=c.alias,
        last_name=c.last_name,
        birth_date=c.birth_date,
        birth_year=c.birth_year,
        gender=c.gender,
        phone=c.phone,
        email=c.email,
        street=c.street,
        postcode=c.postcode,
        municipality=c.municipality,
        languages=c.languages,
        dutch_level=c.dutch_level,
        education_level=c.education_level,
        foreign_diploma=c.foreign_diploma,
        foreign_diploma_recognised=c.foreign_diploma_recognised,
        target_groups=tuple(sorted(t.code for t in c.target_groups)),
        detained=c.detained,
        prison_site_code=prison_code,
        expected_release_date=c.expected_release_date,
        employment=c.employment,
        vdab_registered=c.vdab_registered,
        vulnerabilities=tuple(sorted(v.code for v in c.vulnerabilities)),
        thresholds=tuple(sorted((ThresholdRecord(t.code, t.note) for t in c.thresholds), key=lambda t: t.code)),
        notes=c.notes,
        consent=consent,
        created_at=c.created_at,
        last_activity_at=c.last_activity_at,
    )


def _counsellor_name(session: Session, counsellor_id: uuid.UUID | None) -> str:
    """The display name of the account that recorded something ("" for none or an unknown account)."""
    if counsellor_id is None:
        return ""
    names: dict[uuid.UUID, str] = session.info.setdefault("counsellor_names", {})  # a listing asks once each
    if counsellor_id not in names:
        found = session.connection().execute(_COUNSELLOR_NAME, {"counsellor_id": counsellor_id}).scalar()
        names[counsellor_id] = found or ""
    return names[counsellor_id]


_COUNSELLOR_NAME = select(Counsellor.display_name).where(Counsellor.id == bindparam("counsellor_id"))


def _wish_record(w: LearningWish) -> WishRecord:
    return WishRecord(
        WishId(w.id),
        ClientId(w.client_id),
        IntakeId(w.intake_id) if w.intake_id else None,
        w.category,
        w.description,
        w.goal,
    )


def client_wishes(session: Session, client_id: ClientId) -> Select[LearningWish]:
    """The client's wishes, oldest first, and the wishes of one save in the order the form had them.

    The rows of one save share their ``created_at``; what tells their order apart is the order they were
    written in. On SQLite that is the rowid (the write path inserts them in the form's order). Without it the
    order of equal timestamps is whatever index the planner walks: (client_id, category) gave them sorted
    by category once the index on client_id alone went (revision 0205). PostgreSQL has no such column
    (``ctid`` moves with every update): there the ids tell it, as the wishes of one save get consecutive
    ids in the form's order (``leerwinkel.ids.new_ids``; wishes saved before that came in had random ids).
    """
    query = select(LearningWish).where(LearningWish.client_id == client_id).order_by(LearningWish.created_at)
    if session.get_bind().dialect.name == "sqlite":
        return query.order_by(literal_column("learning_wishes.rowid"))
    return query.order_by(LearningWish.id)
