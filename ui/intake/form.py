"""What the intake page's helpers (draft, writer, refer actions) use of the page, as protocols.

The page builds its helpers and hands over itself twice: as this state and as the widget their dialogs
and operations belong to. The helpers name only these protocols, so the page imports them and they never
import the page (tests/test_imports_graph.py: the import graph has no circle).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QTimer, SignalInstance
from PySide6.QtWidgets import QPushButton

from leerwinkel.app import Leerwinkel
from leerwinkel.errors import Problem
from leerwinkel.ids import ClientId, OfferingId
from leerwinkel.intake.actions import OpenIntake
from leerwinkel.intake.types import ClientRecord, ConsentInput, PersonInput
from leerwinkel.referrals.overrides import ExternalProvider
from ui.common.changes import ChangeHub
from ui.intake.consent import ConsentSection
from ui.intake.duplicates import DuplicatesBox
from ui.intake.meeting import MeetingSection
from ui.intake.proposals import ProposalsSection
from ui.intake.referral import ReferralSection
from ui.intake.wishes import WishesSection


class Writer(Protocol):
    """The page's one write for "Verwijzen" (ui/intake/writer.py)."""

    def refer(
        self,
        wish_index: int,
        offering_id: OfferingId | None,
        *,
        override_reason: str = "",
        external: ExternalProvider | None = None,
    ) -> bool: ...


class Draft(Protocol):
    """The page's draft (ui/intake/draft.py)."""

    def discard(self) -> None: ...


class ReferButtons(Protocol):
    """ "Toch verwijzen…" and "Verwijzen buiten de catalogus…" (ui/intake/referactions.py)."""

    def set_busy(self, busy: bool) -> None: ...


class IntakeForm(Protocol):
    """The intake page as its helpers see it (ui/intake/page.py)."""

    # what the helpers change
    _client: ClientRecord | None
    _intake_id: Any
    _dirty: bool
    _busy: bool
    _duplicates_acknowledged: bool

    @property
    def app(self) -> Leerwinkel: ...
    @property
    def hub(self) -> ChangeHub: ...
    @property
    def status_message(self) -> SignalInstance: ...
    @property
    def saved(self) -> SignalInstance: ...
    @property
    def save_failed(self) -> SignalInstance: ...
    @property
    def wishes(self) -> WishesSection: ...
    @property
    def consent(self) -> ConsentSection: ...
    @property
    def meeting(self) -> MeetingSection: ...
    @property
    def proposals(self) -> ProposalsSection: ...
    @property
    def referral(self) -> ReferralSection: ...
    @property
    def duplicates(self) -> DuplicatesBox: ...
    @property
    def save_button(self) -> QPushButton: ...
    @property
    def _autosave(self) -> QTimer: ...
    @property
    def writer(self) -> Writer: ...
    @property
    def draft(self) -> Draft: ...
    @property
    def refer_actions(self) -> ReferButtons: ...
    @property
    def client(self) -> ClientRecord | None: ...

    def person_input(self) -> PersonInput: ...
    def consent_input(self) -> ConsentInput: ...
    def open_intake(self) -> OpenIntake: ...
    def clear(self) -> None: ...
    def load_client(self, client_id: ClientId, *, then: Callable[[], object] | None = None) -> None: ...
    def fill_person(self, person: PersonInput) -> None: ...
    def clear_problems(self) -> None: ...
    def show_problems(self, problems: list[Problem]) -> None: ...
    def check_duplicates(self) -> bool: ...
    def mark_dirty(self) -> None: ...
    def _set_filling(self, filling: bool) -> None: ...
    def _show_client(self, client: ClientRecord) -> None: ...


__all__ = ["Draft", "IntakeForm", "ReferButtons", "Writer"]
