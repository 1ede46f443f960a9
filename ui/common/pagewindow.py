"""The main window's frame: navigation on the left and one page at a time, with the app and its change hub.

Modules that install pages (ui/workflow.py, ui/help/) take this frame, so they need not import the main
window that installs them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from leerwinkel.app import Leerwinkel
from ui.common.changes import ChangeHub
from ui.sync.prisonmode import PrisonModeState


class PlaceholderPage(QWidget):
    """A page whose own issue has not landed yet: says so plainly."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        body = QLabel(text)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)


class PageWindow(QMainWindow):
    """A main window with pages under keys ("today", "clients", ...) and a navigation list to switch them."""

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        # The one change hub: every write publishes its Changes here, every page refreshes from it.
        self.changes = ChangeHub(self)
        # Today's prison (prison mode), kept by the core for the day; pages follow its ``changed`` signal.
        self.prison_mode = PrisonModeState(app, self)
        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Navigatie"))
        self.navigation.setMaximumWidth(230)
        self.navigation.setSpacing(4)
        nav_font = self.navigation.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.15)
        self.navigation.setFont(nav_font)
        self.pages = QStackedWidget()
        self._page_keys: list[str] = []
        # Pages are built when first shown (or first asked for through page()): signing in waits for
        # the first page only. A factory builds the page; page() puts it in place of its stand-in.
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self.navigation.currentRowChanged.connect(self._on_row_changed)

    def add_page(self, key: str, title: str, page: QWidget, shortcut: str | None = None) -> None:
        """Add a navigation entry and its page; Ctrl+<n> jumps to it."""
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.navigation.addItem(item)
        self.pages.addWidget(page)
        self._page_keys.append(key)
        if shortcut:
            index = len(self._page_keys) - 1
            action = QShortcut(QKeySequence(shortcut), self)
            action.activated.connect(lambda: self.navigation.setCurrentRow(index))

    def replace_page(self, key: str, page: QWidget) -> None:
        index = self._page_keys.index(key)
        old = self.pages.widget(index)
        self.pages.insertWidget(index, page)
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()
        # Inserting and removing moves the stack's current page; keep it on the selected entry.
        self.pages.setCurrentIndex(max(self.navigation.currentRow(), 0))

    def set_page_factory(self, key: str, build: Callable[[], QWidget]) -> None:
        """Build the page ``key`` with ``build`` when it is first shown or asked for (see :meth:`page`)."""
        self._factories[key] = build
        if self.navigation.currentRow() == self._page_keys.index(key):
            self.page(key)

    def page(self, key: str) -> QWidget:
        """The page ``key``, built now if it was not yet."""
        build = self._factories.pop(key, None)
        if build is not None:
            self.replace_page(key, build())
        widget = self.pages.widget(self._page_keys.index(key))
        assert widget is not None
        return widget

    def is_page_built(self, key: str) -> bool:
        return key not in self._factories

    def _on_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._page_keys):
            self.page(self._page_keys[row])
        self.pages.setCurrentIndex(row)

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(self._page_keys.index(key))

    def current_page_key(self) -> str:
        return self._page_keys[self.pages.currentIndex()]
