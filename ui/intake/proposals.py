"""The intake form's proposals: offerings from the catalogue that fit a wish (and why others do not)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from leerwinkel.app import Leerwinkel
from leerwinkel.errors import LeerwinkelError
from leerwinkel.ids import OfferingId
from leerwinkel.intake.proposals import client_profile
from leerwinkel.intake.types import PersonInput
from ui.common.widgets import buddy_label
from ui.intake.fields import combo

log = logging.getLogger(__name__)

#: Where a greyed-out proposal keeps its offering id (an excluded offering can be chosen, not referred to).
EXCLUDED_ROLE = Qt.ItemDataRole.UserRole + 1
#: Why a greyed-out proposal does not fit (its plain Dutch reasons), for "Toch verwijzen…".
REASONS_ROLE = Qt.ItemDataRole.UserRole + 2


class ProposalsSection(QGroupBox):
    """The chosen wish's proposals, the refer button, and a row for more referral actions.

    Other features add their buttons to that row with :meth:`add_action` (for example "Toch
    verwijzen…" for an excluded offering, or "Verwijzen buiten de catalogus…"). ``wish_index()`` and
    ``current_exclusion()`` tell them which wish and which greyed-out offering the counsellor chose.
    """

    refer_requested = Signal(int, object)  # wish index, OfferingId
    override_requested = Signal()  # "Verwijzen" on a greyed-out offering: refer anyway, with a reason
    status_message = Signal(str)

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Voorstellen uit de catalogus"), parent)
        self.app = app
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.wish = combo([])
        row.addWidget(buddy_label(self.tr("Voor leerwens"), self.wish, self.tr("Voorstellen voor leerwens")))
        row.addWidget(self.wish, 1)
        layout.addLayout(row)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Passend aanbod met redenen"))
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(140)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.list)
        self.action_row = QHBoxLayout()
        self.refer_button = QPushButton(self.tr("Verwijzen naar het gekozen aan&bod"))
        self.action_row.addWidget(self.refer_button)
        self.action_row.addStretch(1)
        layout.addLayout(self.action_row)
        self._categories: list[str] = []
        self._person = PersonInput()
        self._inside: str | None = None  # prison mode: only offerings given at this prison's locations
        self.wish.currentIndexChanged.connect(self.refresh)
        self.list.itemActivated.connect(lambda _item: self._on_refer())
        self.refer_button.clicked.connect(self._on_refer)

    def add_action(self, button: QPushButton) -> None:
        """Put another referral action beside "Verwijzen" (before the stretch)."""
        self.action_row.insertWidget(self.action_row.count() - 1, button)

    def wish_index(self) -> int | None:
        data = self.wish.currentData()
        return int(data) if data is not None else None

    def current_offering(self) -> OfferingId | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return OfferingId(value) if value is not None else None

    def current_exclusion(self) -> OfferingId | None:
        """The greyed-out (excluded) offering under the cursor, if any."""
        item = self.list.currentItem()
        value = item.data(EXCLUDED_ROLE) if item is not None else None
        return OfferingId(value) if value is not None else None

    def exclusion_reasons(self) -> tuple[str, ...]:
        """Why the greyed-out offering under the cursor does not fit (empty for any other row)."""
        item = self.list.currentItem()
        value = item.data(REASONS_ROLE) if item is not None else None
        return tuple(value) if value else ()

    def set_wishes(self, categories: list[tuple[str, str]], person: PersonInput) -> None:
        """The wishes to choose from (code, label per row) and the person matching looks at."""
        self._person = person
        self._categories = [code for code, _label in categories]
        current = self.wish.currentIndex()
        self.wish.blockSignals(True)
        self.wish.clear()
        for number, (code, label) in enumerate(categories, start=1):
            self.wish.addItem(f"{number}. {label if code else self.tr('(nog geen categorie)')}", number - 1)
        self.wish.setCurrentIndex(min(max(current, 0), self.wish.count() - 1))
        self.wish.blockSignals(False)
        self.refresh()

    def set_inside(self, site_code: str | None) -> None:
        """Prison mode: propose only what is given inside this prison (None: the whole catalogue)."""
        self._inside = site_code
        self.refresh()

    def set_person(self, person: PersonInput) -> None:
        self._person = person
        self.refresh()

    def refresh(self) -> None:
        """Matching offerings (with reasons) for the chosen wish; excluded ones greyed out with why."""
        self.list.clear()
        index = self.wish_index()
        if index is None or not 0 <= index < len(self._categories):
            return
        category = self._categories[index]
        if not category:
            self._note(self.tr("Kies eerst een categorie voor deze leerwens."))
            return
        try:
            result = self.app.catalogue.match(category, client_profile(self._person), inside=self._inside)
        except LeerwinkelError as error:
            log.info("no proposals: %s", type(error).__name__)
            return
        for match in result.matches:
            text = f"{match.title} — {match.provider_name}"
            if match.reasons:
                text += "\n    " + "; ".join(match.reasons)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, match.offering_id)
            self.list.addItem(item)
        for exclusion in result.excluded:
            reasons = self.tr("Past niet: %1").replace("%1", "; ".join(exclusion.reasons))
            item = QListWidgetItem(f"{exclusion.title} — {exclusion.provider_name}\n    {reasons}")
            item.setData(EXCLUDED_ROLE, exclusion.offering_id)
            item.setData(REASONS_ROLE, exclusion.reasons)
            item.setForeground(self.palette().placeholderText())
            self.list.addItem(item)
        if not result.matches and self._inside:
            self._note(self.tr("Geen passend aanbod in deze gevangenis voor deze leerwens (gevangenismodus)."))
        elif not result.matches:
            self._note(self.tr("Geen passend aanbod in de catalogus voor deze leerwens."))
        else:
            self.list.setCurrentRow(0)

    def _note(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(item)

    def _on_refer(self) -> None:
        offering = self.current_offering()
        index = self.wish_index()
        if offering is None and index is not None and self.current_exclusion() is not None:
            self.override_requested.emit()
            return
        if offering is None or index is None:
            self.status_message.emit(self.tr("Kies eerst een passend aanbod in de lijst."))
            return
        self.refer_requested.emit(index, offering)
