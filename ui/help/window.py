"""The user guide inside the app: the bundled Markdown guide in a browser, opened at the current page's section."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from leerwinkel.paths import resource

if TYPE_CHECKING:
    from ui.common.pagewindow import PageWindow

GUIDE = ("help", "gebruikersgids.md")

#: The guide's section (its level-2 heading) for each page of the main window.
PAGE_SECTIONS = {
    "today": "Vandaag",
    "clients": "Cliënten",
    "intake": "Nieuwe intake",
    "catalogue": "Catalogus",
    "followup": "Opvolging",
    "reports": "Rapporten",
    "settings": "Instellingen",
    "exchange": "Uitwisselen",
}


@dataclass(frozen=True)
class Section:
    """A level-2 heading of the guide and the anchor the browser scrolls to."""

    title: str
    anchor: str


def guide_markdown() -> str:
    return resource(*GUIDE).read_text(encoding="utf-8")


def slug(title: str) -> str:
    """An anchor name for a heading: lower case ASCII words joined by hyphens ("Cliënten" -> "clienten")."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def load_guide(document: QTextDocument) -> list[Section]:
    """Fill ``document`` with the guide and name every level-2 heading as an anchor; returns those sections.

    Qt's Markdown reader does not name headings, so the anchors are added here (on the heading's text).
    """
    # the guide's pictures (images/today.png) are found next to it, in the checkout and in the bundle
    document.setBaseUrl(QUrl.fromLocalFile(str(resource(*GUIDE).parent) + "/"))
    document.setMarkdown(guide_markdown(), QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
    sections: list[Section] = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            section = Section(block.text().strip(), slug(block.text()))
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            anchor = QTextCharFormat()
            anchor.setAnchor(True)
            anchor.setAnchorNames([section.anchor])
            cursor.mergeCharFormat(anchor)
            sections.append(section)
        block = block.next()
    return sections


class HelpWindow(QDialog):
    """The user guide with its contents on the left and a search field; not modal, one per main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gebruikersgids – Leerwinkel Intake"))
        self.setModal(False)
        self.resize(900, 640)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Gebruikersgids"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        self.sections = load_guide(self.browser.document())
        self.contents = QListWidget()
        self.contents.setAccessibleName(self.tr("Inhoud"))
        for section in self.sections:
            item = QListWidgetItem(section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.anchor)
            self.contents.addItem(item)
        self.contents.currentItemChanged.connect(self._on_contents)
        contents_label = QLabel(self.tr("&Inhoud"))
        contents_label.setBuddy(self.contents)

        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Zoeken in de gids"))
        self.search.setPlaceholderText(self.tr("woord of zin, Enter zoekt verder"))
        self.search.returnPressed.connect(self.find_next)
        search_label = QLabel(self.tr("&Zoeken"))
        search_label.setBuddy(self.search)
        self.find_button = QPushButton(self.tr("&Volgende"))
        self.find_button.setAutoDefault(False)
        self.find_button.clicked.connect(self.find_next)
        self.message = QLabel("")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        find_again = QAction(self)
        find_again.setShortcuts([QKeySequence(QKeySequence.StandardKey.FindNext)])
        find_again.triggered.connect(self.find_next)
        self.addAction(find_again)
        focus_search = QAction(self)
        focus_search.setShortcuts([QKeySequence(QKeySequence.StandardKey.Find)])
        focus_search.triggered.connect(self._on_focus_search)
        self.addAction(focus_search)

        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.find_button)
        search_row.addWidget(self.message)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(contents_label)
        left_layout.addWidget(self.contents)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 680])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

    def show_section(self, title: str) -> None:
        """Scroll so that the section ``title`` is at the top and select it in the contents."""
        self._pad_end()
        for row, section in enumerate(self.sections):
            if section.title == title:
                self.contents.blockSignals(True)
                self.contents.setCurrentRow(row)
                self.contents.blockSignals(False)
                self.browser.scrollToAnchor(section.anchor)
                return
        self.browser.verticalScrollBar().setValue(0)

    def _pad_end(self) -> None:
        """Room after the last line, so that the last sections too can scroll to the top."""
        root = self.browser.document().rootFrame()
        frame = root.frameFormat()
        wanted = float(max(self.browser.viewport().height() - 40, 0))
        if frame.bottomMargin() != wanted:
            frame.setBottomMargin(wanted)
            root.setFrameFormat(frame)

    def section_at_top(self) -> str:
        """The title of the last section whose heading starts at or just below the top of the visible text."""
        document = self.browser.document()
        layout = document.documentLayout()
        top = self.browser.verticalScrollBar().value() + self.browser.fontMetrics().height()
        title = ""
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 2:
                if layout.blockBoundingRect(block).top() > top:
                    break
                title = block.text().strip()
            block = block.next()
        return title

    def find_next(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        if self.browser.find(text):
            self.message.setText("")
            return
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)  # wrap around once
        found = self.browser.find(text)
        self.message.setText("" if found else self.tr("Niet gevonden"))

    def _on_focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_contents(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.browser.scrollToAnchor(str(item.data(Qt.ItemDataRole.UserRole)))

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())


class HelpWindows:
    """Opens the guide for a main window; tests call :meth:`open` and inspect the returned window."""

    @classmethod
    def open(cls, window: PageWindow) -> HelpWindow:
        """Show (or raise) the main window's guide at the section of its current page."""
        existing = window.findChild(HelpWindow)
        guide = existing if isinstance(existing, HelpWindow) else HelpWindow(window)
        guide.show()
        guide.activateWindow()  # a dialog stays above its main window; raise() is not needed
        guide.show_section(PAGE_SECTIONS.get(window.current_page_key(), ""))
        return guide


def install_help_menu(window: PageWindow) -> QAction:
    """A "Hulp" menu with the guide on F1 (the only F1 binding in the window)."""
    # No Alt+letter on the menu title: the pages use every letter for their fields; F1 is the keyboard path.
    menu = window.menuBar().addMenu(QCoreApplication.translate("ui.help.window", "Hulp"))
    action = QAction(QCoreApplication.translate("ui.help.window", "&Gebruikersgids"), window)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: HelpWindows.open(window))
    menu.addAction(action)
    return action
