"""Letter preview: rendered pages (pypdfium2), zoom, print through Qt's print dialog, save as PDF.

Entry point for other pages: ``LetterPreviewDialog.show_for(parent, app, letter)`` with a
``RenderedLetter`` from ``app.letters`` (referral_letter, handout, catalogue_sheet). Every print and
save is registered on the referral through ``app.letters``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.errors import LeerwinkelError
from leerwinkel.letters.model import LetterAction, LetterRecord, RenderedLetter
from leerwinkel.messages import describe

log = logging.getLogger(__name__)

SCREEN_DPI = 96.0
PRINT_BAND_PIXELS = 1024  # render printer pages in bands of this height: a 1200 dpi A4 page is ~560 MB whole


def _to_qimage(bitmap: pdfium.PdfBitmap) -> QImage:
    image = bitmap.to_pil().convert("RGB")
    data = image.tobytes("raw", "RGB")
    return QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888).copy()


def render_pages(pdf: bytes, *, dpi: float) -> list[QImage]:
    """Every page of the PDF as an image at ``dpi``."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [_to_qimage(document[i].render(scale=dpi / 72.0)) for i in range(len(document))]
    finally:
        document.close()


def paint_pdf(
    pdf: bytes,
    printer: QPrinter,
    painter: QPainter,
    *,
    first: bool = True,
    on_page: Callable[[int, int], bool] | None = None,
) -> int:
    """Paint every page of ``pdf`` on an active painter of ``printer`` at the printer's resolution.

    Pages are rendered in horizontal bands so memory stays small at 600 or 1200 dpi. Call
    ``printer.newPage()`` between documents yourself unless ``first`` is False (then this does it).
    ``on_page(done, total)`` is called after each page; when it returns False painting stops.
    Returns the number of pages painted.
    """
    document = pdfium.PdfDocument(pdf)
    try:
        viewport = painter.viewport()
        for index in range(len(document)):
            if index > 0 or not first:
                printer.newPage()
            page = document[index]
            width_pt, height_pt = page.get_size()
            scale = min(viewport.width() / width_pt, viewport.height() / height_pt)
            band_pt = PRINT_BAND_PIXELS / scale
            top_pt = 0.0
            while top_pt < height_pt:
                bottom_cut = max(0.0, height_pt - top_pt - band_pt)
                bitmap = page.render(scale=scale, crop=(0, bottom_cut, 0, top_pt))
                painter.drawImage(QPointF(0, round(top_pt * scale)), _to_qimage(bitmap))
                top_pt += band_pt
            if on_page is not None and not on_page(index + 1, len(document)):
                return index + 1
        return len(document)
    finally:
        document.close()


def print_pdf(pdf: bytes, printer: QPrinter, *, on_page: Callable[[int, int], bool] | None = None) -> int:
    """Print one PDF on a configured printer (full page); returns the pages painted.

    When ``on_page`` stops the job (returns False), the print run is aborted: nothing reaches the printer.
    """
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        painted = paint_pdf(pdf, printer, painter, on_page=on_page)
        if on_page is not None and painted < pdf_page_count(pdf):
            printer.abort()
        return painted
    finally:
        painter.end()


def pdf_page_count(pdf: bytes) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


@dataclass(frozen=True)
class PreviewResult:
    """What happened in the preview: the letters registered (printed and/or saved)."""

    records: tuple[LetterRecord, ...]


class PdfPreviewDialog(QDialog):
    """Shows a PDF's pages, zoomable; prints (Ctrl+P) or saves it (Ctrl+S). Subclasses register what was done."""

    ZOOM_STEP = 25

    def __init__(self, app: Leerwinkel, pdf: bytes, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.setWindowTitle(self.tr("Voorbeeld: %1").replace("%1", suggested_name))
        self.resize(900, 1000)

        self.pages_widget = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.pages_widget)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAccessibleName(self.tr("Pagina's van de brief"))
        self.page_labels: list[QLabel] = []

        self.zoom = QSpinBox()
        self.zoom.setRange(25, 400)
        self.zoom.setSingleStep(self.ZOOM_STEP)
        self.zoom.setSuffix(" %")
        self.zoom.setValue(100)
        self.zoom.setAccessibleName(self.tr("Zoom"))
        zoom_label = QLabel(self.tr("&Zoom:"))
        zoom_label.setBuddy(self.zoom)

        self.print_button = QPushButton(self.tr("&Afdrukken…"))
        self.save_button = QPushButton(self.tr("Opslaan als &PDF…"))
        self.close_button = QPushButton(self.tr("&Sluiten"))
        for button in (self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Melding"))

        bar = QHBoxLayout()
        bar.addWidget(zoom_label)
        bar.addWidget(self.zoom)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.status)

        self.zoom.valueChanged.connect(self._on_zoom_changed)
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save)
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence.StandardKey.Print, self, self._on_print)
        QShortcut(QKeySequence.StandardKey.Save, self, self._on_save)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self.zoom.stepBy(1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.zoom.stepBy(-1))
        self._render()

    # -- entry points --------------------------------------------------------------------------

    @classmethod
    def ask_printer(cls, parent: QWidget | None, printer: QPrinter) -> bool:
        """Qt's print dialog; True when the user chose to print (tests patch this)."""
        dialog = QPrintDialog(printer, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted

    @classmethod
    def ask_save_path(cls, parent: QWidget | None, suggested: str) -> Path | None:
        """Qt's save dialog; None when cancelled (tests patch this)."""
        name, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("ui.letters.preview", "Opslaan als PDF") if parent else "PDF",
            suggested,
            "PDF (*.pdf)",
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    # -- rendering -----------------------------------------------------------------------------

    def _render(self) -> None:
        ratio = self.devicePixelRatioF()
        images = render_pages(self.pdf, dpi=SCREEN_DPI * self.zoom.value() / 100.0 * ratio)
        while len(self.page_labels) < len(images):
            label = QLabel()
            label.setAccessibleName(self.tr("Pagina %1").replace("%1", str(len(self.page_labels) + 1)))
            label.setFrameShape(QLabel.Shape.Box)
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)
        for label, image in zip(self.page_labels, images, strict=False):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)

    def _on_zoom_changed(self, _value: int) -> None:
        self._render()

    # -- actions -------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def print_to(self, printer: QPrinter) -> bool:
        """Print on a configured printer and register it; False when the counsellor stopped the job."""
        raise NotImplementedError

    def save_to(self, path: Path) -> None:
        """Save the PDF (temporary name, then rename) and register it as saved."""
        raise NotImplementedError

    def printed_message(self) -> str:
        return self.tr("De brief is naar de printer gestuurd en bij de verwijzing geregistreerd.")

    def _on_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        if not self.ask_printer(self, printer):
            return
        try:
            if not self.print_to(printer):
                self._say(self.tr("Afdrukken gestopt; er is niets naar de printer gegaan."))
                return
        except LeerwinkelError as error:
            self._say(describe(error))
            return
        except OSError:
            log.warning("printing failed", exc_info=True)
            self._say(self.tr("Afdrukken is niet gelukt. Controleer de printer en probeer het opnieuw."))
            return
        self._say(self.printed_message())

    def _on_save(self) -> None:
        path = self.ask_save_path(self, self.suggested_name)
        if path is None:
            return
        try:
            self.save_to(path)
        except LeerwinkelError as error:
            self._say(describe(error))
            return
        self._say(self.tr("Opgeslagen als %1.").replace("%1", str(path)))


class LetterPreviewDialog(PdfPreviewDialog):
    """Shows one letter; every print and save is registered on its referral."""

    def __init__(self, app: Leerwinkel, letter: RenderedLetter, parent: QWidget | None = None) -> None:
        self.letter = letter
        self.records: list[LetterRecord] = []
        super().__init__(app, letter.pdf, letter.suggested_name, parent)

    @classmethod
    def show_for(cls, parent: QWidget | None, app: Leerwinkel, letter: RenderedLetter) -> PreviewResult:
        """Show the preview modally; returns the letters that were printed or saved from it."""
        dialog = cls(app, letter, parent)
        dialog.exec()
        return PreviewResult(tuple(dialog.records))

    def print_to(self, printer: QPrinter) -> bool:
        print_pdf(self.letter.pdf, printer)
        record = self.app.letters.record(self.letter, LetterAction.PRINTED, actor=self.app.auth.current)
        self.records.append(record)
        return True

    def save_to(self, path: Path) -> None:
        record = self.app.letters.save(self.letter, path, actor=self.app.auth.current)
        self.records.append(record)
