"""The main window: navigation on the left, one page at a time, a status bar that says where data lives."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QSplitter,
    QWidget,
)

from leerwinkel.app import Leerwinkel
from ui.catalogue.page import CataloguePage
from ui.common.pagewindow import PageWindow, PlaceholderPage
from ui.common.wheel import install_wheel_guard
from ui.help.window import install_help_menu
from ui.letters.actions import install_letter_actions
from ui.reports.page import ReportsPage
from ui.settings.page import SettingsPage
from ui.sync.page import SyncPage
from ui.sync.prisonmode import install_prison_mode
from ui.workflow import install_intake_pages


class MainWindow(PageWindow):
    """The application's window: every page, the letter and help menus, and who is signed in."""

    def __init__(self, app: Leerwinkel, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        application = QApplication.instance()
        if application is not None:
            install_wheel_guard(application)  # also done at start-up; idempotent
        self.setWindowTitle(self.tr("Leerwinkel Intake"))
        self.resize(1200, 780)

        soon = self.tr("Deze pagina volgt in een volgende versie.")
        for key, title, shortcut in (
            ("today", self.tr("Vandaag"), "Ctrl+1"),
            ("clients", self.tr("Cliënten"), "Ctrl+2"),
            ("intake", self.tr("Nieuwe intake"), "Ctrl+3"),
            ("catalogue", self.tr("Catalogus"), "Ctrl+4"),
            ("followup", self.tr("Opvolging"), "Ctrl+5"),
            ("reports", self.tr("Rapporten"), "Ctrl+6"),
            ("settings", self.tr("Instellingen"), "Ctrl+7"),
            ("exchange", self.tr("Uitwisselen"), "Ctrl+8"),
        ):
            self.add_page(key, title, PlaceholderPage(title, soon), shortcut)

        self.set_page_factory("catalogue", self._build_catalogue_page)
        self.set_page_factory("reports", lambda: ReportsPage(app, self))
        self.set_page_factory("settings", lambda: SettingsPage(app, self))
        self.set_page_factory("exchange", lambda: SyncPage(app, self.changes, self))

        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        self.navigation.setMinimumWidth(150)
        self.setCentralWidget(splitter)
        install_letter_actions(self, app, self.prison_mode)
        self.prison_controls = install_prison_mode(self, self.prison_mode)
        # Ctrl+Q ends the work as the window's close button does (the unsaved intake's question, the backup at
        # exit). Spelled out: Qt's standard Quit key is empty on Windows, where the counsellors work.
        self.quit_action = QAction(self.tr("Afsluiten"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.quit_action.triggered.connect(self.close)
        self.prison_controls.menu.addSeparator()
        self.prison_controls.menu.addAction(self.quit_action)
        self.addAction(self.quit_action)  # the shortcut works with the menu closed
        self.signed_in_label = QLabel(self.signed_in_text())
        self.signed_in_label.setTextFormat(Qt.TextFormat.PlainText)
        self.signed_in_label.setAccessibleName(self.tr("Aangemelde trajectbegeleider"))
        self.signed_in_label.setContentsMargins(0, 0, 12, 0)
        self.menuBar().setCornerWidget(self.signed_in_label, Qt.Corner.TopRightCorner)
        self.intake_pages = install_intake_pages(self)
        self.navigation.setCurrentRow(0)  # builds Vandaag, the first page; the others when first shown
        self.help_action = install_help_menu(self)
        # F10 opens the menu bar, as in most desktop programs (the menus carry no Alt+letter; see ui/letters/actions).
        open_menus = QShortcut(QKeySequence(Qt.Key.Key_F10), self)
        open_menus.activated.connect(self._open_menu_bar)

        # Not app.info(): it counts every table's rows (half a second at 100,000 clients) for `leerwinkel info`.
        self.location_label = QLabel(self.tr("Gegevens: %1").replace("%1", app.location()))
        self.location_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.location_label)

    @property
    def catalogue_page(self) -> CataloguePage:
        page = self.page("catalogue")
        assert isinstance(page, CataloguePage)
        return page

    def _build_catalogue_page(self) -> CataloguePage:
        page = CataloguePage(self.app, self)
        page.publish_changes = lambda changes: self.changes.publish(changes, page)
        page.set_prison_mode(self.prison_mode.mode)
        self.prison_mode.changed.connect(page.set_prison_mode)
        return page

    def _open_menu_bar(self) -> None:
        actions = [action for action in self.menuBar().actions() if action.isVisible()]
        if actions:
            self.menuBar().setActiveAction(actions[0])

    def signed_in_text(self) -> str:
        """Who works in this window (the same account until the window closes; a lock keeps it)."""
        actor = self.app.auth.current
        if actor is None:
            return self.tr("Niet aangemeld")
        return self.tr("Aangemeld als %1").replace("%1", actor.display_name)
