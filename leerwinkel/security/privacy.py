"""GDPR requests: export everything about one client, erase a client, and the retention period."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, or_, select
from sqlalchemy.orm import Session

from leerwinkel.actor import Actor, require_actor, require_admin
from leerwinkel.config import SETTINGS_BY_KEY, Config
from leerwinkel.errors import InvalidInputError, NotFoundError
from leerwinkel.fileio import atomic_writer
from leerwinkel.ids import ClientId
from leerwinkel.intake.drafts import erase_client_drafts
from leerwinkel.security.audit import record
from leerwinkel.storage.models import (
    Client,
    ClientAssignment,
    ClientTargetGroup,
    ClientThreshold,
    ClientVulnerability,
    Consent,
    Contact,
    Intake,
    LearningWish,
    Letter,
    Record,
    Referral,
    ReferralStatusChange,
    Setting,
)
from leerwinkel.storage.store import Store
from leerwinkel.typeset import FONT, FONT_BOLD, paragraph, register_fonts

RETENTION_SETTING = "retention.years"

# Everything stored about a client, table by table, in the order of the export.
_CLIENT_TABLES: tuple[type[Record], ...] = (
    Consent,
    ClientTargetGroup,
    ClientVulnerability,
    ClientThreshold,
    Intake,
    LearningWish,
    Referral,
    Letter,
    Contact,
    ClientAssignment,
)


@dataclass(frozen=True)
class ExportResult:
    client_id: ClientId
    json_path: Path
    pdf_path: Path


@dataclass(frozen=True)
class EraseResult:
    client_id: ClientId
    rows_deleted: int


@dataclass(frozen=True)
class RetentionCandidate:
    client_id: ClientId
    display_name: str
    last_activity: dt.datetime


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _as_dict(row: Record) -> dict[str, object]:
    return {attr.key: _plain(getattr(row, attr.key)) for attr in inspect(row).mapper.column_attrs}


def _client_rows(session: Session, client_id: uuid.UUID) -> dict[str, list[Record]]:
    rows: dict[str, list[Record]] = {}
    referral_ids = list(session.scalars(select(Referral.id).where(Referral.client_id == client_id)))
    for model in _CLIENT_TABLES:
        table = model.__table__
        query: Any
        if model is Letter:
            query = select(Letter).where(or_(Letter.client_id == client_id, Letter.referral_id.in_(referral_ids)))
        else:
            query = select(model).where(table.c.client_id == client_id)
        rows[str(model.__tablename__)] = list(session.scalars(query))
    rows["referral_status_changes"] = list(
        session.scalars(select(ReferralStatusChange).where(ReferralStatusChange.referral_id.in_(referral_ids)))
    )
    return rows


def _pdf_text(value: object) -> str:
    text = "" if value is None else str(value)
    return "".join(ch if ch.isprintable() or ch == "\n" else " " for ch in text)


def _write_pdf(target: Path, title: str, sections: list[tuple[str, list[dict[str, object]]]]) -> None:
    """The same facts as the JSON file, readable, in the app's one font set (every script, RTL too)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate, Spacer

    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14)
    label = ParagraphStyle("label", parent=body, fontName=FONT_BOLD, spaceBefore=2)
    value = ParagraphStyle("value", parent=body, leftIndent=12)
    heading = ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, fontSize=14, leading=18, spaceBefore=10)
    title_style = ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=18, leading=23, spaceAfter=6)
    story: list[Any] = [paragraph(_pdf_text(title), title_style)]
    for section, rows in sections:
        story.append(paragraph(_pdf_text(section), heading))
        if not rows:
            story.append(paragraph("(geen)", body))
        for row in rows:
            # a label line and a value line per field: paragraphs split over pages, table cells do not
            for key, item in row.items():
                story.append(paragraph(_pdf_text(key), label))
                story.append(paragraph(_pdf_text(item), value))
            story.append(Spacer(1, 0.3 * cm))
    with atomic_writer(target, "wb") as handle:
        doc = SimpleDocTemplate(
            handle, pagesize=A4, title=_pdf_text(title), invariant=1, initialFontName=FONT, initialFontSize=10
        )
        doc.build(story)


class PrivacyService:
    """Right of access (export), right to erasure (erase) and the retention period (purge)."""

    def __init__(self, store: Store, config: Config) -> None:
        self.store = store
        self.config = config

    # -- right of access ---------------------------------------------------------------------------

    def export_client(self, actor: Actor | None, client_id: uuid.UUID, folder: Path) -> ExportResult:
        """Write ``client-<id>.json`` and ``client-<id>.pdf`` into ``folder`` (audited as client.export)."""
        require_actor(actor, "client.export")
        with self.store.unit_of_work() as session:
            client = session.get(Client, client_id)
            if client is None:
                raise NotFoundError("client", client_id)
            data: dict[str, object] = {"client": _as_dict(client)}
            related = _client_rows(session, client_id)
            for name, rows in related.items():
                data[name] = [_as_dict(row) for row in rows]
            record(session, actor, "client.export", "client", client_id, detail={"format": "json+pdf"})
        data["exported_at"] = self.store.now().isoformat()
        json_path = folder / f"client-{client_id}.json"
        pdf_path = folder / f"client-{client_id}.pdf"
        with atomic_writer(json_path, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")  # type: ignore[call-overload]
        sections: list[tuple[str, list[dict[str, object]]]] = [("Persoonsgegevens", [data["client"]])]  # type: ignore[list-item]
        titles = {
            "consents": "Toestemmingen",
            "client_target_groups": "Doelgroepen",
            "client_vulnerabilities": "Kwetsbaarheden",
            "client_thresholds": "Drempels",
            "intakes": "Intakes",
            "learning_wishes": "Leerwensen",
            "referrals": "Verwijzingen",
            "letters": "Brieven",
            "referral_status_changes": "Statuswijzigingen",
            "contacts": "Contacten",
            "client_assignments": "Opgevolgd door",
        }
        for name, title in titles.items():
            sections.append((title, data.get(name, [])))  # type: ignore[arg-type]
        _write_pdf(pdf_path, "Inzage in je gegevens bij de Leerwinkel", sections)
        return ExportResult(ClientId(client_id), json_path, pdf_path)

    # -- right to erasure --------------------------------------------------------------------------

    def erase_client(self, actor: Actor | None, client_id: uuid.UUID) -> EraseResult:
        """Delete a client with everything about them, letters registry included (administrators only).

        Afterwards the freed pages hold zeros (secure_delete), the WAL is checkpointed and truncated and
        full-text indexes are optimised, so the client's text is gone from the database files.
        """
        require_admin(actor, "client.erase")
        with self.store.unit_of_work() as session:
            count = self._erase(session, actor, client_id)
            record(session, actor, "client.erase", "client", client_id, detail={"rows": count})
        self.compact()
        return EraseResult(ClientId(client_id), count)

    def _erase(self, session: Session, actor: Actor | None, client_id: uuid.UUID) -> int:
        if self.store.dialect == "sqlite":
            session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
        client = session.get(Client, client_id)
        if client is None:
            raise NotFoundError("client", client_id)
        rows = _client_rows(session, client_id)
        count = 1
        for name in ("letters", "referral_status_changes", "referrals", "contacts", "client_assignments"):
            for row in rows[name]:
                session.delete(row)
                count += 1
        session.flush()
        for name in ("learning_wishes", "client_thresholds", "intakes", "consents"):
            count += len(rows[name])
        count += len(rows["client_target_groups"]) + len(rows["client_vulnerabilities"])

        count += erase_client_drafts(session, client_id)  # a half-typed change holds the same data
        session.delete(client)  # the ORM cascades to intakes, wishes, consents, thresholds, groups
        session.flush()
        return count

    def compact(self) -> None:
        """Make deletions final on disk: optimise FTS indexes, checkpoint and truncate the WAL."""
        if self.store.dialect != "sqlite":
            return
        with self.store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA secure_delete = ON")
            tables = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'"
            ).scalars()
            for name in list(tables):
                quoted = '"' + str(name).replace('"', '""') + '"'
                connection.exec_driver_sql(f"INSERT INTO {quoted}({quoted}) VALUES ('optimize')")  # noqa: S608
            connection.commit()
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- retention ---------------------------------------------------------------------------------

    def retention_years(self) -> int:
        """Years without activity after which a client is offered for erasure (setting retention.years)."""
        with self.store.unit_of_work() as session:
            row = session.scalars(select(Setting).where(Setting.key == RETENTION_SETTING)).first()
        default = int(str(SETTINGS_BY_KEY[RETENTION_SETTING].default))
        if row is None:
            return default
        try:
            value = json.loads(row.value)
            return int(value) if isinstance(value, int | str) and int(value) > 0 else default
        except (ValueError, TypeError):
            return default

    def retention_candidates(self, actor: Actor | None, *, years: int | None = None) -> list[RetentionCandidate]:
        """Clients without any activity for ``years`` (default: the retention.years setting), oldest first."""
        require_admin(actor, "retention.list")
        years = years if years is not None else self.retention_years()
        spec = SETTINGS_BY_KEY[RETENTION_SETTING]
        if not (spec.minimum or 1) <= years <= (spec.maximum or 100):
            raise InvalidInputError.single("out-of-range", field="years", minimum=spec.minimum, maximum=spec.maximum)
        now = self.store.now()
        try:
            cutoff = now.replace(year=now.year - years)
        except ValueError:  # 29 February
            cutoff = now.replace(year=now.year - years, day=28)
        found: list[RetentionCandidate] = []
        with self.store.unit_of_work() as session:
            latest: dict[uuid.UUID, dt.datetime] = {}
            for client in session.scalars(select(Client)):
                latest[client.id] = max(client.updated_at, client.last_activity_at or client.updated_at)
            for model in (Intake, Referral, LearningWish, Consent, Contact):
                table: Any = model.__table__
                for cid, updated in session.execute(select(table.c.client_id, table.c.updated_at)):
                    if cid in latest:
                        stamp = updated if updated.tzinfo else updated.replace(tzinfo=dt.UTC)
                        latest[cid] = max(latest[cid], stamp)
            names: dict[uuid.UUID, str] = {}
            aliases: dict[uuid.UUID, str] = {}
            for cid, first_name, alias in session.execute(select(Client.id, Client.first_name, Client.alias)):
                names[cid] = first_name
                aliases[cid] = alias
            for cid, last in latest.items():
                if last < cutoff:
                    name = names.get(cid) or aliases.get(cid) or ""
                    found.append(RetentionCandidate(ClientId(cid), name, last))
        return sorted(found, key=lambda c: c.last_activity)

    def purge(self, actor: Actor | None, client_ids: list[uuid.UUID], *, confirmed: bool) -> int:
        """Erase the listed clients (from :meth:`retention_candidates`) after the administrator confirmed."""
        require_admin(actor, "retention.purge")
        if not confirmed:
            raise InvalidInputError.single("not-confirmed", field="confirm")
        allowed = {c.client_id for c in self.retention_candidates(actor)}
        refused = [cid for cid in client_ids if cid not in allowed]
        if refused:
            raise InvalidInputError.single("not-expired", field="client", value=str(refused[0]))
        with self.store.unit_of_work() as session:
            for cid in client_ids:
                self._erase(session, actor, cid)
            record(session, actor, "retention.purge", "client", "", detail={"clients": len(client_ids)})
        self.compact()
        return len(client_ids)
