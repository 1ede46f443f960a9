"""A prison session in one print job: every handout (and referral letter) of a site and day in one PDF.

The core builds the PDF on a worker thread (cover list sorted by client, fonts embedded once), with progress
and cancel; the counsellor then sees it in the preview and prints or saves it. Every paper in it is registered
on its referral once it is printed or saved, not before.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.errors import LeerwinkelError
from leerwinkel.letters.model import LetterAction, SessionPrint
from leerwinkel.letters.session import SessionCancelled
from leerwinkel.messages import describe
from ui.common.operations import OperationCancelledError, Progress, QueryOp, present_error
from ui.common.widgets import buddy_label, plain_label
from ui.letters.preview import PdfPreviewDialog, print_pdf

if TYPE_CHECKING:
    from leerwinkel.sync.prisonmode import PrisonMode


class SessionPreviewDialog(PdfPreviewDialog):
    """The whole session's PDF; printing or saving it registers every handout and letter in it."""

    def __init__(self, app: Leerwinkel, printed: SessionPrint, parent: QWidget | None = None) -> None:
        self.session_print = printed
        self.registered = 0
        super().__init__(app, printed.pdf, printed.suggested_name, parent)

    def print_to(self, printer: QPrinter) -> bool:
        progress = QProgressDialog(self.tr("Afdrukken…"), self.tr("Annuleren"), 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAccessibleName(self.tr("Voortgang van het afdrukken"))

        def on_page(done: int, total: int) -> bool:
            progress.setMaximum(total)
            progress.setValue(done)
            QCoreApplication.processEvents()  # the printer paints on this thread; keep Annuleren alive
            return not progress.wasCanceled()

        try:
            painted = print_pdf(self.pdf, printer, on_page=on_page)
            complete = not progress.wasCanceled() or painted == progress.maximum()
        finally:
            progress.close()
            progress.deleteLater()
        if not complete:
            return False
        self.registered += self.app.letters.record_session(
            self.session_print, LetterAction.PRINTED, actor=self.app.auth.current
        )
        return True

    def save_to(self, path: Path) -> None:
        self.registered += self.app.letters.save_session(self.session_print, path, actor=self.app.auth.current)

    def printed_message(self) -> str:
        return self.tr("De papieren van de sessie zijn naar de printer gestuurd en bij elke verwijzing geregistreerd.")


class SessionHandoutsDialog(QDialog):
    """Pick a site, a day and a language; make one PDF with every handout (and letter) of that session.

    In prison mode the dialog starts on today's prison and, for a prison, adds what is printed beforehand:
    the list of clients booked for the session (with their open referrals' handouts) and the prison's
    catalogue sheet, all in the same PDF.
    """

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None, *, prison: PrisonMode | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.op: QueryOp[SessionPrint | None] | None = None
        self.setWindowTitle(self.tr("Afsprakenbladen van een sessie afdrukken"))
        self.site = QComboBox()
        self._prisons: set[str] = set()
        for choice in app.letters.sites():
            self.site.addItem(choice.name, choice.code)
            if choice.is_prison:
                self._prisons.add(choice.code)
        if prison is not None:
            self.site.setCurrentIndex(max(self.site.findData(prison.site_code), 0))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        today = app.letters.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.language = QComboBox()
        for language in app.letters.language_choices():
            self.language.addItem(language.label, language.code)
        self.with_letters = QCheckBox(self.tr("Ook de &verwijsbrieven voor de aanbieders"))
        self.with_letters.setChecked(True)
        self.with_booked = QCheckBox(
            self.tr("Ook de cliënten met een &afspraak in deze sessie (lijst en open verwijzingen)")
        )
        self.with_catalogue = QCheckBox(self.tr("Het aanbodblad van deze &gevangenis achteraan"))
        for box in (self.with_booked, self.with_catalogue):
            box.setChecked(prison is not None)
        self.site.currentIndexChanged.connect(self._update_prison_options)
        self._update_prison_options()
        self.message = plain_label(wrap=True)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Locatie:"), self.site, self.tr("Locatie")), self.site)
        form.addRow(buddy_label(self.tr("&Datum:"), self.day, self.tr("Datum van de sessie")), self.day)
        form.addRow(
            buddy_label(
                self.tr("&Taal van de afsprakenbladen:"), self.language, self.tr("Taal van de afsprakenbladen")
            ),
            self.language,
        )
        form.addRow(self.with_letters)
        form.addRow(self.with_booked)
        form.addRow(self.with_catalogue)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(self.tr("&Maken en bekijken…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self._on_make)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.print_button.setDefault(True)  # only once the box sits in the dialog: before, Qt ignores it

    def _update_prison_options(self, *_args: object) -> None:
        # Bookings and the catalogue sheet belong to a prison session; a sitting day has neither.
        is_prison = self.site.currentData() in self._prisons
        for box in (self.with_booked, self.with_catalogue):
            box.setEnabled(is_prison)

    def selected_day(self) -> dt.date:
        value = self.day.date()
        return dt.date(value.year(), value.month(), value.day())

    def _on_make(self) -> None:
        site, day = str(self.site.currentData()), self.selected_day()
        language, with_letters = str(self.language.currentData()), self.with_letters.isChecked()
        with_booked = self.with_booked.isEnabled() and self.with_booked.isChecked()
        with_catalogue = self.with_catalogue.isEnabled() and self.with_catalogue.isChecked()
        letters = self.app.letters

        def make(progress: Progress) -> SessionPrint | None:
            empty = not letters.session_handouts(site, day, with_booked=with_booked)
            if empty and with_booked:
                empty = not letters.booked_clients(site, day)
            if empty and not with_catalogue:
                return None
            return letters.session_pdf(
                site,
                day,
                language=language,
                with_letters=with_letters,
                with_booked=with_booked,
                with_catalogue=with_catalogue,
                progress=progress,
            )

        self.print_button.setEnabled(False)
        self.message.setText(self.tr("Bezig met maken…"))
        self.op = (
            QueryOp(parent=self, op=make, success=self._show)
            .failure(self._failed)
            .on_cancelled(lambda: self._done(self.tr("Gestopt; er is niets gemaakt of afgedrukt.")))
            .with_progress(self.tr("Afsprakenbladen en brieven maken…"), cancellable=True)
        )
        self.op.run_in_background()

    def _done(self, text: str) -> None:
        self.print_button.setEnabled(True)
        self.message.setText(text)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, SessionCancelled | OperationCancelledError):
            self._done(self.tr("Gestopt; er is niets gemaakt of afgedrukt."))
        elif isinstance(error, LeerwinkelError):
            self._done(describe(error))
        else:
            self._done("")
            present_error(self, error)

    def _show(self, printed: SessionPrint | None) -> None:
        if printed is None:
            self._done(self.tr("Er zijn geen verwijzingen op deze locatie en datum."))
            return
        clients = len({part[1] for part in printed.parts})
        preview = SessionPreviewDialog(self.app, printed, self)
        preview.exec()
        if preview.registered:
            self._done(
                self.tr(
                    "Klaar: de papieren van %1 cliënt(en) staan in één PDF en zijn bij elke verwijzing geregistreerd."
                ).replace("%1", str(clients))
            )
        else:
            self._done(
                self.tr("Niets afgedrukt of opgeslagen (%1 cliënt(en) in de sessie).").replace("%1", str(clients))
            )
