"""LetterService: make referral letters, handouts and catalogue sheets, save them and register them."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from sqlalchemy import select

from leerwinkel import collector
from leerwinkel.actor import Actor
from leerwinkel.dates import local_date
from leerwinkel.errors import InvalidInputError, NotFoundError
from leerwinkel.fileio import atomic_write_bytes
from leerwinkel.ids import ClientId, CounsellorId, LetterId, ReferralId
from leerwinkel.letters import data, handout, render
from leerwinkel.letters.model import (
    BookedClient,
    ConsentRequiredError,
    LetterAction,
    LetterKind,
    LetterRecord,
    ReferralInfo,
    ReferralLetterOptions,
    RenderedLetter,
    SessionHandout,
    SessionPrint,
    SiteChoice,
)
from leerwinkel.letters.session import SessionPart, render_session
from leerwinkel.letters.texts import (
    BASE_LANGUAGE,
    LanguageChoice,
    handout_language_choices,
    handout_languages,
    handout_texts,
    load_texts,
)
from leerwinkel.messages import _
from leerwinkel.security.audit import record as audit
from leerwinkel.storage.models import Counsellor, Letter, Site
from leerwinkel.storage.store import Store
from leerwinkel.taxonomy import WISH_CATEGORIES

log = logging.getLogger(__name__)


def check_consent(info: ReferralInfo, options: ReferralLetterOptions) -> None:
    """Refuse (ConsentRequiredError) personal background the client did not agree to share."""
    if info.client.share_with_provider:
        return
    parts: list[str] = []
    if options.background.strip():
        parts.append("background")
    if options.include_thresholds:
        parts.append("thresholds")
    if options.include_vulnerabilities:
        parts.append("vulnerabilities")
    if options.include_detention:
        parts.append("detention")
    if parts:
        raise ConsentRequiredError(parts)


class LetterService:
    """Everything that leaves the Leerwinkel on paper. Rendering reads; only registering writes."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _today(self) -> dt.date:
        return local_date(self.store.now())

    def today(self) -> dt.date:
        """Today's date in Belgium, by the store's clock (the date printed on letters)."""
        return self._today()

    def sites(self) -> list[SiteChoice]:
        """The active sites, prisons first, for choosing a session or a prison catalogue sheet."""
        with self.store.unit_of_work() as session:
            rows = session.scalars(select(Site).where(Site.active.is_(True))).all()
            # Prisons first, the ones the Leerwinkel works in before the rest of the list of all prisons.
            rows = sorted(rows, key=lambda r: (not r.is_prison, not r.own, r.name.casefold()))
            return [SiteChoice(code=row.code, name=row.name, is_prison=row.is_prison) for row in rows]

    @staticmethod
    def languages() -> tuple[str, ...]:
        """The handout languages: ``nl`` plus ``nl-xx`` for every text file in resources/letters/."""
        return handout_languages()

    @staticmethod
    def language_choices() -> tuple[LanguageChoice, ...]:
        """The handout languages with their labels for a picker; a translation that no native speaker
        has checked says "vertaling nog niet nagekeken" (it still works)."""
        return handout_language_choices()

    def referral_info(self, referral_id: uuid.UUID) -> ReferralInfo:
        """The data a letter about this referral would use (NotFoundError for an unknown id)."""
        with self.store.unit_of_work() as session:
            return data.load_referral(session, referral_id, now=self.store.now())

    def referral_letter(self, referral_id: uuid.UUID, options: ReferralLetterOptions | None = None) -> RenderedLetter:
        """The referral letter to the provider, as a PDF in memory (nothing is registered yet).

        Raises NotFoundError for an unknown referral and ConsentRequiredError when the options ask
        for background the client did not agree to share with the provider.
        """
        options = options or ReferralLetterOptions()
        info = self.referral_info(referral_id)
        check_consent(info, options)
        pdf = render.render_referral_letter(info, options, load_texts(BASE_LANGUAGE), today=self._today())
        return RenderedLetter(
            kind=LetterKind.REFERRAL,
            language=BASE_LANGUAGE,
            pdf=pdf,
            referral_id=info.referral_id,
            client_id=info.client_id,
            counsellor_id=info.counsellor_id,
            suggested_name=f"verwijsbrief-{info.reference}.pdf",
        )

    def handout(self, referral_id: uuid.UUID, language: str = BASE_LANGUAGE) -> RenderedLetter:
        """The client's handout (afsprakenblad) in ``nl`` or a bilingual ``nl-xx``."""
        base, second = handout_texts(language)
        info = self.referral_info(referral_id)
        pdf = handout.render_handout(info, base, second, today=self._today())
        return RenderedLetter(
            kind=LetterKind.HANDOUT,
            language=language,
            pdf=pdf,
            referral_id=info.referral_id,
            client_id=info.client_id,
            counsellor_id=info.counsellor_id,
            suggested_name=f"afsprakenblad-{info.reference}-{language}.pdf",
        )

    def catalogue_sheet(self, categories: Sequence[str], *, city: str = "", prison: str = "") -> RenderedLetter:
        """A sheet with the offerings of the categories in a municipality and/or a prison (site code).

        Raises InvalidInputError for an unknown or missing category, NotFoundError for an unknown site.
        """
        if not categories:
            raise InvalidInputError.single("required", field="category")
        problems = [p for p in (WISH_CATEGORIES.problem(c, field="category") for c in categories) if p]
        if problems:
            raise InvalidInputError(problems)
        with self.store.unit_of_work() as session:
            info = data.load_catalogue_sheet(
                session, list(dict.fromkeys(categories)), city=city.strip(), prison_code=prison
            )
        pdf = render.render_catalogue_sheet(info, load_texts(BASE_LANGUAGE), today=self._today())
        return RenderedLetter(
            kind=LetterKind.CATALOGUE,
            language=BASE_LANGUAGE,
            pdf=pdf,
            suggested_name=f"aanbod-{'-'.join(info.categories)}.pdf",
        )

    def session_handouts(self, site_code: str, day: dt.date, *, with_booked: bool = False) -> list[SessionHandout]:
        """The referrals made at one site (e.g. a prison) on one day, for a batch of handouts.

        ``with_booked`` adds the open referrals of the clients booked in that prison that day (printed beforehand).
        """
        with self.store.unit_of_work() as session:
            site = data.find_site(session, site_code)
            booked = [b.client_id for b in data.booked_clients(session, site.id, day)] if with_booked else []
            return data.session_handouts(session, site.id, day, booked=booked)

    def booked_clients(self, site_code: str, day: dt.date) -> list[BookedClient]:
        """The clients of a prison with an appointment on ``day``, by time (the session list)."""
        with self.store.unit_of_work() as session:
            site = data.find_site(session, site_code)
            return data.booked_clients(session, site.id, day)

    def session_pdf(
        self,
        site_code: str,
        day: dt.date,
        *,
        language: str = BASE_LANGUAGE,
        languages: Mapping[uuid.UUID, str] | None = None,
        with_letters: bool = True,
        with_booked: bool = False,
        with_catalogue: bool = False,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SessionPrint:
        """Every handout (and referral letter) of one session at a site, in one PDF, sorted by client.

        ``languages`` picks a handout language per referral (else ``language``). Printed beforehand
        (prison mode), ``with_booked`` lists the clients booked in that prison that day on the cover and
        adds their open referrals' handouts; ``with_catalogue`` ends with the catalogue sheet of
        everything offered at the prison's locations. ``progress(done, total)`` follows the job;
        ``cancelled()`` stops it with SessionCancelled. Nothing is registered yet: pass the result to
        :meth:`record_session` once it is printed or saved.
        """
        chosen = languages or {}
        # every language read once (an unknown one is refused before any work)
        texts = {code: handout_texts(code) for code in {language, *chosen.values()}}
        dutch_texts = load_texts(BASE_LANGUAGE)
        today = self._today()
        with collector.paused(), self.store.unit_of_work() as session:
            site = data.find_site(session, site_code)
            booked = data.booked_clients(session, site.id, day) if with_booked else []
            rows = data.session_handouts(session, site.id, day, booked=[b.client_id for b in booked])
            now = self.store.now()
            batch = data.Prefetched(session, [row.referral_id for row in rows], now=now)
            infos = [data.load_referral(session, row.referral_id, now=now, batch=batch) for row in rows]
            cover_head = data.load_letterhead(session, site_id=site.id)
            sheet = None
            if with_catalogue and site.is_prison:
                categories = data.categories_inside(session, site.code)
                if categories:
                    inside = data.load_catalogue_sheet(session, categories, prison_code=site.code)
                    sheet = (inside.letterhead, render.catalogue_sheet_story(inside, dutch_texts, today=today)[1])
        parts = []
        for info in infos:
            base, second = texts[chosen.get(info.referral_id, language)]
            reader, dutch = (second, base) if second is not None else (base, None)
            parts.append(SessionPart(info, reader, dutch, with_letters))
        title = _("Sessie {site} op {date}").format(site=site.name, date=dutch_texts.date(day))
        pdf = render_session(
            parts,
            cover_head=cover_head,
            dutch=dutch_texts,
            title=title,
            today=today,
            booked=booked,
            catalogue=sheet,
            progress=progress,
            cancelled=cancelled,
        )
        return SessionPrint(
            pdf=pdf,
            parts=tuple((p.info.referral_id, p.info.client_id, p.info.counsellor_id, p.reader.language) for p in parts),
            with_letters=with_letters,
            suggested_name=f"sessie-{site.code}-{day.isoformat()}.pdf",
            with_catalogue=sheet is not None,
            booked=len(booked),
        )

    def record_session(self, printed: SessionPrint, action: LetterAction, *, actor: Actor | None) -> int:
        """Register every handout and letter of a session print (one row each, the PDF's SHA-256).

        Audited per client as ``client.print`` / ``client.export``. Returns the number of rows.
        """
        digest = hashlib.sha256(printed.pdf).hexdigest()
        count = 0
        with self.store.unit_of_work() as session:
            for referral_id, client_id, counsellor_id, reader in printed.parts:
                who = (actor.id if actor is not None else None) or counsellor_id
                language = BASE_LANGUAGE if reader == BASE_LANGUAGE else f"{BASE_LANGUAGE}-{reader}"
                kinds = [(LetterKind.HANDOUT, language)]
                if printed.with_letters:
                    kinds.append((LetterKind.REFERRAL, BASE_LANGUAGE))
                for kind, code in kinds:
                    row = Letter(
                        referral_id=referral_id,
                        client_id=client_id,
                        kind=kind.value,
                        language=code,
                        action=action.value,
                        produced_at=self.store.now(),
                        counsellor_id=who,
                        sha256=digest,
                    )
                    session.add(row)
                    session.flush()
                    count += 1
                    verb = "client.print" if action is LetterAction.PRINTED else "client.export"
                    detail: dict[str, object] = {"letter": row.id, "kind": kind.value, "referral": referral_id}
                    audit(session, actor, verb, "client", client_id, detail=detail)
            if printed.with_catalogue:
                row = Letter(
                    kind=LetterKind.CATALOGUE.value,
                    language=BASE_LANGUAGE,
                    action=action.value,
                    produced_at=self.store.now(),
                    counsellor_id=actor.id if actor is not None else None,
                    sha256=digest,
                )
                session.add(row)
                session.flush()
                count += 1
                verb = "letter.print" if action is LetterAction.PRINTED else "letter.save"
                audit(session, actor, verb, "letter", row.id, detail={"letter": row.id, "kind": row.kind})
            log.info("session print registered: %d letters", count)
        return count

    def save_session(self, printed: SessionPrint, path: Path, *, actor: Actor | None) -> int:
        """Write a session's PDF safely (temporary name, then rename) and register every paper in it as saved."""
        atomic_write_bytes(path, printed.pdf)
        return self.record_session(printed, LetterAction.SAVED, actor=actor)

    def record(
        self,
        letter: RenderedLetter,
        action: LetterAction,
        *,
        actor: Actor | None,
        counsellor_id: uuid.UUID | None = None,
    ) -> LetterRecord:
        """Register a printed or saved letter (kind, time, counsellor, language, SHA-256) on its referral.

        The counsellor is ``actor`` (the signed-in counsellor who printed it), else ``counsellor_id``,
        else the counsellor of the referral. The audit trail gets ``client.print`` / ``client.export``
        for a letter about a client, ``letter.print`` / ``letter.save`` for a catalogue sheet.
        """
        who = (actor.id if actor is not None else None) or counsellor_id or letter.counsellor_id
        with self.store.unit_of_work() as session:
            row = Letter(
                referral_id=letter.referral_id,
                client_id=letter.client_id,
                kind=letter.kind.value,
                language=letter.language,
                action=action.value,
                produced_at=self.store.now(),
                counsellor_id=who,
                sha256=letter.sha256,
            )
            session.add(row)
            session.flush()
            printed = action is LetterAction.PRINTED
            detail: dict[str, object] = {"letter": row.id, "kind": letter.kind.value, "language": letter.language}
            if letter.client_id is not None:
                detail["referral"] = letter.referral_id
                verb = "client.print" if printed else "client.export"
                audit(session, actor, verb, "client", letter.client_id, detail=detail)
            else:
                audit(session, actor, "letter.print" if printed else "letter.save", "letter", row.id, detail=detail)
            counsellor = session.get(Counsellor, who) if who else None
            log.info("letter %s registered (%s, %s)", row.id, letter.kind.value, action.value)
            return _record(row, counsellor.display_name if counsellor else "")

    def save(
        self,
        letter: RenderedLetter,
        path: Path,
        *,
        actor: Actor | None,
        counsellor_id: uuid.UUID | None = None,
    ) -> LetterRecord:
        """Write the PDF safely (temporary name, then rename) and register it as saved (see :meth:`record`)."""
        atomic_write_bytes(path, letter.pdf)
        return self.record(letter, LetterAction.SAVED, actor=actor, counsellor_id=counsellor_id)

    def letters_for_referral(self, referral_id: uuid.UUID) -> list[LetterRecord]:
        """The registered letters of one referral, oldest first."""
        return self._letters(Letter.referral_id == referral_id)

    def letters_for_client(self, client_id: uuid.UUID) -> list[LetterRecord]:
        """The registered letters of one client (all referrals), oldest first, for the timeline."""
        return self._letters(Letter.client_id == client_id)

    def _letters(self, condition: object) -> list[LetterRecord]:
        with self.store.unit_of_work() as session:
            query = (
                select(Letter, Counsellor.display_name)
                .outerjoin(Counsellor, Letter.counsellor_id == Counsellor.id)
                .where(condition)  # type: ignore[arg-type]
                .order_by(Letter.produced_at, Letter.created_at)
            )
            return [_record(row, name or "") for row, name in session.execute(query)]


def _record(row: Letter, counsellor_name: str) -> LetterRecord:
    return LetterRecord(
        id=LetterId(row.id),
        kind=LetterKind(row.kind),
        action=LetterAction(row.action),
        language=row.language,
        produced_at=row.produced_at,
        counsellor_id=CounsellorId(row.counsellor_id) if row.counsellor_id else None,
        counsellor_name=counsellor_name,
        referral_id=ReferralId(row.referral_id) if row.referral_id else None,
        client_id=ClientId(row.client_id) if row.client_id else None,
        sha256=row.sha256,
    )


__all__ = ["LetterService", "NotFoundError", "check_consent"]
