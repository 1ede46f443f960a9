"""Reading a catalogue file into the app and writing the catalogue out, for the Catalogus page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from leerwinkel.app import Leerwinkel
from leerwinkel.catalogue.service import ExportReport, ImportReport
from leerwinkel.errors import InvalidInputError
from leerwinkel.messages import describe_problems
from ui.catalogue.dialogs import ProblemReportDialog
from ui.common.operations import QueryOp, WriteOp


class _Page(Protocol):
    """What the file actions use of the Catalogus page."""

    app: Leerwinkel
    status: QLabel
    import_button: QPushButton
    export_button: QPushButton
    can_edit: bool

    def choose_import_path(self) -> str: ...
    def choose_export_target(self) -> tuple[str, str]: ...
    def _build_index(self, then: Callable[[], None] | None = None) -> None: ...
    def _show_failure(self, error: BaseException) -> None: ...


class CatalogueFiles(QObject):
    """Import and export off the UI thread, with progress; the buttons are disabled while one runs."""

    def __init__(self, page: _Page, parent: QWidget) -> None:
        super().__init__(parent)
        self.page = page
        self.widget = parent  # the page as a widget: the ops' parent and the report dialog's
        self.last_import: WriteOp[ImportReport] | None = None

    def _set_busy(self, busy: bool) -> None:
        self.page.import_button.setEnabled(not busy)
        self.page.export_button.setEnabled(not busy)

    def import_file(self) -> None:
        """Ask for a file and import it on the writer thread; a refused file shows every problem."""
        page = self.page
        if not page.can_edit or not page.import_button.isEnabled():
            return
        chosen = page.choose_import_path()
        if not chosen:
            return
        path = Path(chosen)
        catalogue = page.app.catalogue
        actor = page.app.auth.current

        def done(result: ImportReport) -> None:
            text = (
                self.tr("Ingelezen: %1 toegevoegd, %2 gewijzigd, %3 ongewijzigd.")
                .replace("%1", str(result.added))
                .replace("%2", str(result.changed))
                .replace("%3", str(result.unchanged))
            )
            self._set_busy(False)
            page._build_index(then=lambda: page.status.setText(text))

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            if isinstance(error, InvalidInputError):
                ProblemReportDialog.show_report(path.name, describe_problems(error.problems), self.widget)
                page.status.setText(self.tr("Het bestand werd geweigerd; er is niets gewijzigd."))
            else:
                page._show_failure(error)

        self._set_busy(True)
        op = (
            WriteOp(
                parent=self.widget,
                op=lambda progress: catalogue.import_file(path, actor=actor, progress=progress),
                success=done,
            )
            .failure(failed)
            .with_progress(self.tr("Catalogus inlezen…"))
        )
        self.last_import = op
        op.run_in_background()

    def export_file(self) -> None:
        """Ask for a file name and a format and export the catalogue off the UI thread."""
        page = self.page
        if not page.export_button.isEnabled():
            return
        chosen, fmt = page.choose_export_target()
        if not chosen:
            return
        path = Path(chosen)
        catalogue = page.app.catalogue

        def done(result: ExportReport) -> None:
            self._set_busy(False)
            page.status.setText(
                self.tr("Uitgevoerd naar %1: %2 aanbod.")
                .replace("%1", result.path)
                .replace("%2", str(result.offerings))
            )

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            page._show_failure(error)

        self._set_busy(True)
        QueryOp(
            parent=self.widget,
            op=lambda progress: catalogue.export_file(path, fmt, progress=progress),
            success=done,
        ).failure(failed).with_progress(self.tr("Catalogus uitvoeren…")).run_in_background()
