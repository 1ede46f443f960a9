"""The Nieuwe intake page: the form's sections in the order of a conversation, and its two actions.

Person → situation → consent → wishes → proposals → referral, then the conversation itself. "Opslaan"
and "Verwijzen" are each one service call (``app.intakes.save`` / ``app.intakes.refer``) run as a
WriteOp; the page keeps only what the last call returned, never an older copy of the client.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from leerwinkel.app import Leerwinkel
from leerwinkel.dates import format_date
from leerwinkel.errors import Problem
from leerwinkel.ids import ClientId, OfferingId
from leerwinkel.intake.actions import KnownClient, OpenIntake
from leerwinkel.intake.types import ClientRecord, ConsentInput, IntakeInput, PersonInput
from leerwinkel.messages import describe_problem
from ui.common.changes import ChangeHub
from ui.common.operations import QueryOp, WriteOp
from ui.common.widgets import heading
from ui.intake.consent import ConsentSection
from ui.intake.draft import IntakeDraft
from ui.intake.duplicates import DuplicatesBox
from ui.intake.meeting import MeetingSection
from ui.intake.person import PersonSection
from ui.intake.proposals import ProposalsSection
from ui.intake.referactions import ReferActions
from ui.intake.referral import ReferralSection
from ui.intake.situation import SituationSection
from ui.intake.wishes import WishesSection
from ui.intake.writer import IntakeWriter

if TYPE_CHECKING:
    from leerwinkel.sync.prisonmode import PrisonMode

log = logging.getLogger(__name__)

AUTOSAVE_MS = 400


class IntakePage(QWidget):
    """The full intake form, for a new or a returning client; saved as a draft while you type."""

    status_message = Signal(str)
    saved = Signal(object)  # SavedIntake, after "Opslaan" or "Verwijzen" succeeded
    save_failed = Signal()  # refused (problems, conflict, duplicates) or failed

    def __init__(self, app: Leerwinkel, hub: ChangeHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.hub = hub
        self._client: ClientRecord | None = None
        self._intake_id: Any = None
        self._dirty = False
        self._busy = False
        self._duplicates_acknowledged = False
        self._prison: PrisonMode | None = None
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)
        sites = self.app.clients.sites()

        outer = QVBoxLayout(self)
        self.title = heading(self.tr("Nieuwe intake"))
        outer.addWidget(self.title)
        self.duplicates = DuplicatesBox()
        outer.addWidget(self.duplicates)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        body = QWidget()
        column = QVBoxLayout(body)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)

        self.person = PersonSection()
        self.situation = SituationSection(sites)
        self.consent = ConsentSection()
        self.wishes = WishesSection()
        self.proposals = ProposalsSection(app)
        self.referral = ReferralSection(app)
        self.meeting = MeetingSection(sites)
        self.sections = (self.person, self.situation, self.consent, self.wishes, self.meeting)
        for widget in (self.person, self.situation, self.consent, self.wishes, self.proposals, self.referral):
            column.addWidget(widget)
        column.addWidget(self.meeting)
        column.addStretch(1)
        self.lines = self.person.lines  # the fields other pages focus (Ctrl+N puts the cursor in Voornaam)
        self.letters = self.referral.letters
        self.draft = IntakeDraft(self, self)
        self.writer = IntakeWriter(self, self)
        self.refer_actions = ReferActions(self, self)  # "Toch verwijzen…" and "Verwijzen buiten de catalogus…"

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Opslaan"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.new_button = QPushButton(self.tr("Nieuw formulier"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)

        for section in self.sections:
            section.edited.connect(self._on_changed)
        self.wishes.rows_changed.connect(self._update_proposals)
        self.wishes.status_message.connect(self.status_message)
        self.proposals.status_message.connect(self.status_message)
        # What matching looks at: the proposals follow it.
        self.person.dutch_level.currentIndexChanged.connect(self._update_proposals)
        self.situation.detained.toggled.connect(self._update_proposals)
        self.situation.prison.currentIndexChanged.connect(self._update_proposals)
        self.situation.vulnerabilities["laaggeletterd"].toggled.connect(self._update_proposals)
        for key in ("first_name", "last_name", "birth_date", "municipality"):
            self.lines[key].editingFinished.connect(self.check_duplicates)
        self.duplicates.use_existing.connect(self.use_existing_client)
        self.duplicates.new_anyway.connect(self._on_new_anyway)
        self.proposals.refer_requested.connect(self.refer)
        self.save_button.clicked.connect(lambda: self.save())
        self.new_button.clicked.connect(self._on_new_clicked)
        hub.subscribe(self.proposals.refresh, "catalogue")
        hub.subscribe(self._reload_referrals, "referrals", skip=self)
        self.clear()

    # -- state ---------------------------------------------------------------------------------

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    @property
    def is_busy(self) -> bool:
        """True while a save or a referral is being written."""
        return self._busy

    @property
    def client(self) -> ClientRecord | None:
        return self._client

    def person_input(self) -> PersonInput:
        return PersonInput(**self.person.values(), **self.situation.values())  # type: ignore[arg-type]

    def consent_input(self) -> ConsentInput:
        return self.consent.to_input()

    def intake_input(self) -> IntakeInput:
        meeting = self.meeting.values()
        return IntakeInput(
            person=self.person_input(),
            wishes=tuple(row.to_input() for row in self.wishes.filled_rows()),
            consent=self.consent_input(),
            site_code=meeting["site"],
            channel=meeting["channel"],
            referred_by=meeting["referred_by"],
            held_on=meeting["held_on"],
            notes=meeting["intake_notes"],
            next_appointment=meeting["next_appointment"],
        )

    def open_intake(self) -> OpenIntake:
        """What is typed, with the client, intake and wishes it was last saved as."""
        rows = self.wishes.filled_rows()
        return OpenIntake(
            form=self.intake_input(),
            base=self._client,
            intake_id=self._intake_id,
            wish_ids=tuple(row.wish_id for row in rows),
        )

    def clear(self) -> None:
        """An empty form for a new client."""
        self._set_filling(True)
        try:
            self._client = None
            self._intake_id = None
            self._duplicates_acknowledged = False
            self.person.fill({})
            self.situation.fill({})
            today = format_date(self.app.clients.today())
            self.consent.fill(ConsentInput(given_on=today))
            actor = self.app.auth.current
            self.consent.show_record(
                None, fallback=actor.display_name if actor else self.tr("(geen account aangemeld)")
            )
            self.wishes.show_earlier(())
            self.wishes.set_rows([])
            self.meeting.fill({"held_on": today})
            if self._prison is not None:  # prison mode: a new intake takes place in today's prison
                code = self._prison.site_code
                self.situation.fill({"detained": True, "prison_site_code": code, "target_groups": ("gedetineerde",)})
                self.meeting.fill({"held_on": today, "site": code, "channel": "gevangenis"})
            self.referral.show_referrals(())
            self.duplicates.setVisible(False)
            self.clear_problems()
            self.title.setText(self.tr("Nieuwe intake"))
        finally:
            self._set_filling(False)
        self._dirty = False
        self._update_proposals()

    def _set_filling(self, filling: bool) -> None:
        for section in self.sections:
            section.filling = filling

    def _show_client(self, client: ClientRecord) -> None:
        self._client = client
        self.title.setText(self.tr("Intake voor %1").replace("%1", client.display_name))

    def start_for_client(self, known: KnownClient) -> None:
        """A new intake for a returning client: what is stored, earlier wishes and open referrals."""
        self.clear()
        self._set_filling(True)
        try:
            self._show_client(known.client)
            self.fill_person(known.client.to_input())
            actor = self.app.auth.current
            self.consent.show_record(known.client.consent, fallback=actor.display_name if actor else "")
            self.wishes.show_earlier(known.wishes)
            self.referral.show_referrals(known.open_referrals)
        finally:
            self._set_filling(False)
        self._dirty = False
        self._update_proposals()

    def load_client(self, client_id: ClientId, *, then: Callable[[], object] | None = None) -> None:
        """Read a returning client (off the UI thread) and start a new intake for them."""

        def loaded(known: KnownClient) -> None:
            self.start_for_client(known)
            if then is not None:
                then()

        actor = self.app.auth.current
        # A WriteOp: opening a client records "client.view" in the audit trail.
        WriteOp(
            parent=self, op=lambda _p: self.app.intakes.known_client(client_id, actor=actor), success=loaded
        ).run_in_background()

    def fill_person(self, person: PersonInput) -> None:
        values = {name: getattr(person, name) for name in PersonInput.__dataclass_fields__}
        self.person.fill(values)
        self.situation.fill(values)

    # -- saving (the writes themselves live in ui/intake/writer.py) -----------------------------

    def save(self, *, then: Callable[[], object] | None = None) -> bool:
        """Save the intake (Ctrl+S) as one write off the UI thread; ``then`` runs after it succeeded.

        Returns False when the save did not start (a write is running, or possible duplicates to check).
        """
        return self.writer.save(then=then)

    def refer(self, wish_index: int, offering_id: OfferingId) -> bool:
        """Save what is open and refer the client to the chosen offering: one write, all or nothing."""
        return self.writer.refer(wish_index, offering_id)

    def reload_keeping_typed(self) -> None:
        """Read the client again; fields typed here keep their text, the others take the stored values."""
        self.writer.reload_keeping_typed()

    # -- problems ------------------------------------------------------------------------------

    def clear_problems(self) -> None:
        for section in self.sections:
            section.clear_errors()

    def error_label(self, key: str) -> QLabel | None:
        """The inline error label of field ``key`` (a Problem's field name)."""
        for section in self.sections:
            if key in section.errors:
                return section.errors[key]
        return None

    def visible_errors(self) -> list[str]:
        return [label.text() for s in self.sections for label in set(s.errors.values()) if label.isVisible()]

    def show_problems(self, problems: list[Problem]) -> None:
        """Each problem next to its field, in Dutch; the focus goes to the first one."""
        self.clear_problems()
        first: QWidget | None = None
        for problem in problems:
            text = describe_problem(problem)
            widget = None
            for section in self.sections:
                if (problem.field or "") in section.errors:
                    widget = section.show_error(problem.field or "", text)
                    break
            else:
                self.status_message.emit(text)
            if first is None and widget is not None:
                first = widget
        if first is not None:
            self.scroll_area.ensureWidgetVisible(first)
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- duplicates ----------------------------------------------------------------------------

    def check_duplicates(self) -> bool:
        """Show existing clients that may be this person (only for a new client); True when there are."""
        if self._client is not None:
            return False
        found = self.app.clients.find_duplicates(self.person_input())
        self.duplicates.show_candidates(found)
        self.duplicates.setVisible(bool(found) and not self._duplicates_acknowledged)
        return bool(found)

    def use_existing_client(self, client_id: ClientId) -> None:
        """Continue with the existing client: their stored record, plus the wishes and consent ticks typed here."""
        self.lines["first_name"].setFocus()  # out of the duplicates box, which is hidden next
        typed_wishes = [row.to_data() for row in self.wishes.filled_rows()]
        consent = self.consent_input()

        def continue_typing() -> None:
            self._set_filling(True)
            try:
                if typed_wishes:
                    self.wishes.set_rows([{k: v for k, v in w.items() if k != "wish_id"} for w in typed_wishes])
                # The stored consent stays; a box ticked here before the client was found is added.
                for box, ticked in zip(self.consent.boxes(), consent.answers(), strict=True):
                    box.setChecked(box.isChecked() or ticked)
            finally:
                self._set_filling(False)
            self._dirty = True
            self._update_proposals()
            self.lines["first_name"].setFocus()

        self.load_client(client_id, then=continue_typing)

    def _on_new_anyway(self) -> None:
        self._duplicates_acknowledged = True
        self.duplicates.setVisible(False)
        self.lines["first_name"].setFocus()

    # -- proposals and referrals ---------------------------------------------------------------

    def _update_proposals(self, *_args: object) -> None:
        rows = [(str(row.category.currentData() or ""), row.category.currentText()) for row in self.wishes.rows]
        self.proposals.set_wishes(rows, self.person_input())

    def _reload_referrals(self, select: Any = None) -> None:
        if self._client is None:
            return
        client_id = self._client.id
        QueryOp(
            parent=self,
            op=lambda _p: self.app.referrals.list(client_id=client_id, open_only=True),
            success=lambda records: self.referral.show_referrals(records, select=select),
        ).run_in_background()

    # -- drafts and the form's life --------------------------------------------------------------

    def save_draft(self) -> None:
        if self._dirty:
            self.draft.save()

    def offer_restore(self) -> bool:
        """After a crash: offer the draft that was left; returns True when it was restored."""
        return self.draft.offer_restore()

    def set_prison_mode(self, mode: PrisonMode | None) -> None:
        """Prison mode: proposals keep inside the prison, and a new intake starts in it.

        A form with typed or loaded data keeps what it holds; an empty one is set to the prison now.
        """
        self._prison = mode
        self.proposals.set_inside(mode.site_code if mode is not None else None)
        if not self._dirty and self._client is None and self._intake_id is None:
            self.clear()

    def discard(self) -> None:
        self._autosave.stop()
        self.draft.discard()
        self.clear()

    def mark_dirty(self) -> None:
        self._dirty = True

    def _on_changed(self, *_args: object) -> None:
        self._dirty = True
        if not self._autosave.isActive():  # at most AUTOSAVE_MS after the first unsaved keystroke, even mid-typing
            self._autosave.start()

    def _on_new_clicked(self) -> None:
        from ui.common.widgets import UnsavedChangesDialog

        if self._dirty:
            answer = UnsavedChangesDialog.ask(self)
            if answer == UnsavedChangesDialog.CANCEL:
                return
            if answer == UnsavedChangesDialog.SAVE:
                self.save(then=self._start_new)
                return
        self._start_new()

    def _start_new(self) -> None:
        self.discard()
        self.lines["first_name"].setFocus()
