"""Clients and intakes: create, update, duplicate check, search, today's appointments, timeline."""

from __future__ import annotations

import datetime as dt
import difflib
import logging
import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from leerwinkel.actor import Actor
from leerwinkel.changes import Changes
from leerwinkel.dates import day_bounds, local_date, parse_date
from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.ids import ClientId, CounsellorId, IntakeId, SiteId
from leerwinkel.intake.checked import (
    ValidatedPerson,
    _validate_intake,
)
from leerwinkel.intake.records import (
    _check_version,
    _client_loads,
    _client_record,
    _counsellor,
    _load_client,
    _site_codes,
    _summary,
    _wish_record,
    client_wishes,
)
from leerwinkel.intake.timeline import client_timeline
from leerwinkel.intake.types import (
    Appointment,
    ClientRecord,
    ClientSummary,
    ConsentInput,
    DuplicateCandidate,
    IntakeInput,
    PersonInput,
    SavedIntake,
    SiteRef,
    TimelineEntry,
    WishRecord,
    display_name,
)
from leerwinkel.intake.validation import Checker
from leerwinkel.security.audit import record as audit
from leerwinkel.storage import clientsearch
from leerwinkel.storage.models import (
    Client,
    Consent,
    Intake,
    LearningWish,
    Site,
)
from leerwinkel.storage.store import Store
from leerwinkel.taxonomy import (
    WISH_CATEGORIES,
)
from leerwinkel.text import fold

log = logging.getLogger(__name__)

FUZZY_THRESHOLD = 0.85


class ClientService:
    """Clients, intakes and wishes. Every method is one unit of work; results are frozen records."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def today(self) -> dt.date:
        """Today's date in Belgium, from the store's clock."""
        return local_date(self.store.now())

    # -- reading -------------------------------------------------------------------------------

    def sites(self) -> tuple[SiteRef, ...]:
        """The active sites: the Leerwinkel's own first, then every other prison, each group by name."""
        with self.store.unit_of_work() as session:
            # The Leerwinkel's own sites first, then every other prison (a detained client may be anywhere).
            query = select(Site).where(Site.active.is_(True)).order_by(Site.own.desc(), Site.name)
            rows = session.scalars(query).all()
            return tuple(SiteRef(SiteId(s.id), s.code, s.name, s.kind, own=s.own) for s in rows)

    def get(self, client_id: ClientId) -> ClientRecord:
        """The client's stored record (not audited: use :meth:`view` when a person opens it)."""
        with self.store.unit_of_work() as session:
            return _client_record(session, _load_client(session, client_id))

    def view(self, client_id: ClientId, *, actor: Actor | None) -> ClientRecord:
        """The client's record for a counsellor who opens it; recorded as ``client.view`` in the audit trail."""
        with self.store.unit_of_work() as session:
            record = _client_record(session, _load_client(session, client_id))
            audit(session, actor, "client.view", "client", client_id)
            return record

    def wishes(self, client_id: ClientId) -> tuple[WishRecord, ...]:
        """The client's learning wishes, oldest first (not audited; an unknown client gives ())."""
        with self.store.unit_of_work() as session:
            rows = session.scalars(client_wishes(session, client_id)).all()
            return tuple(_wish_record(w) for w in rows)

    def search(
        self, text: str = "", *, birth_year: int | None = None, municipality: str = "", limit: int = 200
    ) -> tuple[ClientSummary, ...]:
        """Clients whose names (or alias) contain every word of ``text``, most recent activity first."""
        query = select(
            Client.id,
            Client.first_name,
            Client.alias,
            Client.last_name,
            Client.birth_year,
            Client.municipality,
            Client.last_activity_at,
        )
        words = fold(text).split()
        for word in words:
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            query = query.where(Client.search_key.like(f"%{escaped}%", escape="\\"))
        if birth_year is not None:
            query = query.where(Client.birth_year == birth_year)
        if municipality.strip():
            query = query.where(Client.municipality == municipality.strip())
        query = query.order_by(Client.last_activity_at.desc(), Client.id.desc()).limit(limit)
        with self.store.unit_of_work() as session:
            match = clientsearch.plan(session.connection(), words)
            if match == clientsearch.NO_MATCH:
                return ()
            if match is not None:  # the index gives the candidates; the LIKEs above still decide
                query = query.where(clientsearch.CANDIDATES.bindparams(client_match=match))
            return tuple(
                ClientSummary(
                    ClientId(r.id),
                    display_name(r.first_name, r.alias, r.last_name),
                    r.birth_year,
                    r.municipality,
                    r.last_activity_at,
                )
                for r in session.connection().execute(query)  # Core: no ORM work per row for a plain list
            )

    def municipalities(self) -> tuple[str, ...]:
        """The municipalities clients live in, once each, sorted (for the client list filter)."""
        with self.store.unit_of_work() as session:
            rows = session.scalars(select(Client.municipality).where(Client.municipality != "").distinct())
            return tuple(sorted(rows))

    def find_duplicates(self, person: PersonInput) -> tuple[DuplicateCandidate, ...]:
        """Existing clients that may be this person: same name and birth date, or a close name in the same town."""
        first, last = fold(person.first_name), fold(person.last_name)
        name = fold(" ".join(p for p in (person.first_name, person.last_name) if p)) or fold(person.alias)
        try:
            birth_date = parse_date(person.birth_date) if person.birth_date.strip() else None
        except ValueError:
            birth_date = None
        found: dict[uuid.UUID, DuplicateCandidate] = {}
        columns = (
            Client.id,
            Client.first_name,
            Client.alias,
            Client.last_name,
            Client.birth_year,
            Client.municipality,
            Client.last_activity_at,
            Client.birth_date,
        )
        with self.store.unit_of_work() as session:
            if first and last and birth_date is not None:
                for r in session.execute(select(*columns).where(Client.birth_date == birth_date)):
                    if fold(r.first_name) == first and fold(r.last_name) == last:
                        found[r.id] = DuplicateCandidate(_summary(r), "same-name-and-birth-date", 1.0)
            town = person.municipality.strip()
            if name and town:
                for r in session.execute(select(*columns).where(Client.municipality == town)):
                    if r.id in found:
                        continue
                    other = fold(" ".join(p for p in (r.first_name, r.last_name) if p)) or fold(r.alias)
                    matcher = difflib.SequenceMatcher(None, name, other)
                    if matcher.real_quick_ratio() < FUZZY_THRESHOLD or matcher.quick_ratio() < FUZZY_THRESHOLD:
                        continue
                    score = matcher.ratio()
                    if score >= FUZZY_THRESHOLD:
                        found[r.id] = DuplicateCandidate(_summary(r), "similar-name-same-municipality", round(score, 3))
        return tuple(sorted(found.values(), key=lambda c: -c.score))

    def appointments_on(self, day: dt.date) -> tuple[Appointment, ...]:
        """The next appointments set at intakes that fall on ``day`` (a Belgian calendar day), earliest first."""
        start, end = day_bounds(day)
        with self.store.unit_of_work() as session:
            rows = session.execute(
                select(
                    Intake.id,
                    Intake.client_id,
                    Intake.next_appointment_at,
                    Client.first_name,
                    Client.alias,
                    Client.last_name,
                )
                .join(Client, Client.id == Intake.client_id)
                .where(Intake.next_appointment_at >= start, Intake.next_appointment_at < end)
                .order_by(Intake.next_appointment_at)
            ).all()
            return tuple(
                Appointment(
                    ClientId(r.client_id),
                    display_name(r.first_name, r.alias, r.last_name),
                    r.next_appointment_at,
                    IntakeId(r.id),
                )
                for r in rows
            )

    def timeline(self, client_id: ClientId) -> tuple[TimelineEntry, ...]:
        """Intakes, wishes, consents, referrals, status changes, letters and contacts, newest first."""
        with self.store.unit_of_work() as session:
            return client_timeline(session, client_id)

    def list_all(self) -> tuple[ClientRecord, ...]:
        """Every client, for the client list (not audited: use :meth:`export_all` for an export)."""
        with self.store.unit_of_work() as session:
            return _all_clients(session)

    def export_all(self, *, actor: Actor | None, output: str) -> tuple[ClientRecord, ...]:
        """Every client, for an export (``output``: a code such as ``json``); audited as ``client.export``."""
        with self.store.unit_of_work() as session:
            clients = _all_clients(session)
            audit(session, actor, "client.export", "clients", "", detail={"count": len(clients), "format": output})
            return clients

    # -- checking and writing ------------------------------------------------------------------

    def check(self, form: IntakeInput) -> list[Problem]:
        """Every problem of a form, without saving (for showing them next to the fields)."""
        with self.store.unit_of_work() as session:
            checker = Checker()
            _validate_intake(form, checker, today=self.today(), sites=_site_codes(session))
            return checker.problems

    def record_intake(
        self, form: IntakeInput, *, client: ClientRecord | None = None, actor: Actor | None
    ) -> SavedIntake:
        """Save an intake: a new client, or ``client`` (the version the form loaded) updated with the form.

        ``actor`` (the signed-in counsellor) is the intake's counsellor and records the consent; the
        audit trail gets ``client.create`` or ``client.update``. Raises InvalidInputError with every
        problem, ConflictError when the client changed meanwhile.
        """
        from leerwinkel.intake.saving import OpenIntake, save_intake  # saving builds on this module's helpers

        today, now = self.today(), self.store.now()
        with self.store.unit_of_work() as session:
            return save_intake(session, OpenIntake(form, base=client), actor=actor, today=today, now=now)

    def import_intakes(
        self, forms: Sequence[tuple[int, IntakeInput]], *, file: str | None = None, actor: Actor | None
    ) -> int:
        """Save many intakes (row number, input) at once, all or nothing; problems carry file and row.

        Each new client is audited as ``client.create`` (with its row number) by ``actor``.

        Returns the number of clients created. Raises InvalidInputError listing every problem.
        """
        from leerwinkel.intake.saving import write_intake  # saving builds on this module's helpers

        today = self.today()
        now = self.store.now()
        with self.store.unit_of_work() as session:
            sites = _site_codes(session)
            validated = []
            problems: list[Problem] = []
            for number, form in forms:
                checker = Checker(row=number, file=file)
                validated.append(_validate_intake(form, checker, today=today, sites=sites))
                problems.extend(checker.problems)
            if problems:
                raise InvalidInputError(problems)
            for (number, form), (person, held_on, appointment) in zip(forms, validated, strict=True):
                written = write_intake(
                    session,
                    form,
                    person,
                    client=None,
                    held_on=held_on or today,
                    appointment=appointment,
                    sites=sites,
                    today=today,
                    now=now,
                    counsellor=actor,
                )
                audit(session, actor, "client.create", "client", written.client_id, detail={"import_row": number})
            return len(forms)

    def update_client(
        self,
        base: ClientRecord,
        person: PersonInput,
        *,
        consent: ConsentInput | None = None,
        actor: Actor | None,
    ) -> tuple[ClientRecord, Changes]:
        """Change a client; ``base`` is the record the form loaded. ConflictError when it changed meanwhile.

        ``actor`` records a changed consent and the ``client.update`` audit event.
        """
        today = self.today()
        with self.store.unit_of_work() as session:
            checker = Checker()
            validated = ValidatedPerson(person, checker, today=today, sites=_site_codes(session))
            if consent is not None:
                checker.date("consent_given_on", consent.given_on, not_after=today)
            if checker.problems:
                raise InvalidInputError(checker.problems)
            row = _load_client(session, base.id)
            _check_version(session, row, base)
            validated.apply(row)
            validated.apply_children(row)
            row.last_activity_at = self.store.now()
            if consent is not None:
                _record_consent(session, row, consent, today=today, counsellor_id=_counsellor(actor))
            session.flush()
            audit(session, actor, "client.update", "client", row.id)
            return _client_record(session, row), Changes(clients=True)

    def add_wish(
        self,
        client_id: ClientId,
        category: str,
        *,
        description: str = "",
        goal: str = "",
        actor: Actor | None,
    ) -> WishRecord:
        """Add a learning wish to a client (audited as ``client.update`` with the wish id)."""
        checker = Checker()
        checker.code("category", category, WISH_CATEGORIES)
        description = checker.text("description", description, maximum=5000, multiline=True)
        goal = checker.text("goal", goal, maximum=5000, multiline=True)
        if checker.problems:
            raise InvalidInputError(checker.problems)
        with self.store.unit_of_work() as session:
            row = _load_client(session, client_id)
            wish = LearningWish(client=row, category=category, description=description, goal=goal)
            session.add(wish)
            row.last_activity_at = self.store.now()
            session.flush()
            audit(session, actor, "client.update", "client", row.id, detail={"wish": wish.id})
            return _wish_record(wish)


# -- helpers ---------------------------------------------------------------------------------------


def _record_consent(
    session: Session, client: Client, consent: ConsentInput, *, today: dt.date, counsellor_id: CounsellorId | None
) -> None:
    """Add a consent row when nothing was recorded yet or the answers changed (the latest row applies)."""
    given_on = parse_date(consent.given_on) if consent.given_on.strip() else today
    latest = client.consents[-1] if client.consents else None
    answers = (consent.store_data, consent.share_with_provider, consent.contact_follow_up)
    if latest is not None and (latest.store_data, latest.share_with_provider, latest.contact_follow_up) == answers:
        return
    client.consents.append(
        Consent(
            store_data=answers[0],
            share_with_provider=answers[1],
            contact_follow_up=answers[2],
            given_on=given_on,
            recorded_by_id=counsellor_id,
        )
    )


def _all_clients(session: Session) -> tuple[ClientRecord, ...]:
    rows = session.scalars(
        select(Client).order_by(Client.last_activity_at.desc(), Client.id).options(*_client_loads())
    ).all()
    return tuple(_client_record(session, c) for c in rows)
