"""The proposals section's extra actions: "Toch verwijzen…" and "Verwijzen buiten de catalogus…"."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton, QWidget

from leerwinkel.errors import LeerwinkelError
from leerwinkel.taxonomy import WISH_CATEGORIES
from ui.common.widgets import show_error
from ui.intake.external import ExternalReferralDialog
from ui.intake.form import IntakeForm
from ui.intake.override import OverrideDialog


class ReferActions(QObject):
    """Adds the two buttons beside "Verwijzen" and runs them through the page's one refer write."""

    def __init__(self, page: IntakeForm, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget  # the page as a widget: the parent of its dialogs and operations
        self.page = page
        # No mnemonics: every letter of the page is taken. Enter on a greyed-out proposal also refers
        # anyway, and Tab reaches both buttons.
        self.override_button = QPushButton(self.tr("Toch verwijzen…"))
        self.override_button.setToolTip(
            self.tr("Verwijzen naar een aanbod dat volgens de catalogus niet past (ook: Enter op een grijs aanbod)")
        )
        self.external_button = QPushButton(self.tr("Verwijzen buiten de catalogus…"))
        self.external_button.setToolTip(self.tr("Een aanbieder of dienst die niet in de catalogus staat"))
        page.proposals.add_action(self.override_button)
        page.proposals.add_action(self.external_button)
        self.override_button.clicked.connect(self.refer_anyway)
        self.external_button.clicked.connect(self.refer_outside)
        page.proposals.override_requested.connect(self.refer_anyway)

    def _wish(self) -> tuple[int, str] | None:
        """The chosen wish's index and category, or None (with a status message) when it has none."""
        page = self.page
        index = page.proposals.wish_index()
        rows = page.wishes.rows
        if index is None or not 0 <= index < len(rows) or not rows[index].category.currentData():
            page.status_message.emit(self.tr("Kies eerst een categorie voor de leerwens."))
            return None
        return index, str(rows[index].category.currentData())

    def refer_anyway(self) -> bool:
        """Refer to the greyed-out offering under the cursor, after asking the counsellor's reason."""
        page = self.page
        wish = self._wish()
        if wish is None:
            return False
        offering_id = page.proposals.current_exclusion()
        if offering_id is None:
            page.status_message.emit(self.tr("Kies eerst een aanbod dat niet past (grijs) in de lijst."))
            return False
        try:
            offering = page.app.catalogue.get_offering(offering_id)
        except LeerwinkelError as error:
            show_error(self.widget, error)
            return False
        reasons = page.proposals.exclusion_reasons()
        reason = OverrideDialog.ask(self.widget, title=offering.title, provider=offering.provider_name, reasons=reasons)
        if reason is None:
            return False
        return page.writer.refer(wish[0], offering_id, override_reason=reason)

    def refer_outside(self) -> bool:
        """Refer the chosen wish to a provider outside the catalogue (name, contact, what)."""
        page = self.page
        wish = self._wish()
        if wish is None:
            return False
        external = ExternalReferralDialog.ask(self.widget, wish=WISH_CATEGORIES.label(wish[1]))
        if external is None:
            return False
        return page.writer.refer(wish[0], None, external=external)

    def set_busy(self, busy: bool) -> None:
        self.override_button.setEnabled(not busy)
        self.external_button.setEnabled(not busy)
