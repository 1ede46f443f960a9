"""Installs the daily-work pages in the main window: shortcuts, change broadcast, close guard and help."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut

from leerwinkel.changes import Changes
from leerwinkel.errors import LeerwinkelError
from leerwinkel.ids import ClientId
from ui.clients.detail import ClientDialog
from ui.clients.page import ClientsPage
from ui.common.widgets import UnsavedChangesDialog, show_error
from ui.followup.page import FollowUpPage
from ui.intake.page import IntakePage
from ui.today.page import TodayPage

if TYPE_CHECKING:
    from ui.common.pagewindow import PageWindow

PageT = TypeVar("PageT")


class IntakePages(QObject):
    """Installs the intake pages in the main window, with shortcuts, change broadcast and close guard."""

    def __init__(self, window: PageWindow) -> None:
        super().__init__(window)
        self.window = window
        self.app = window.app
        self.hub = window.changes
        self._today_fresh = False
        # Each page is built when first shown (or used); a page not built yet has nothing to refresh.
        window.set_page_factory("today", self._build_today)
        window.set_page_factory("clients", self._build_clients)
        window.set_page_factory("intake", self._build_intake)
        window.set_page_factory("followup", self._build_followup)
        self.hub.subscribe(
            lambda: self._if_built("today", TodayPage.refresh), "referrals", "intakes", "clients", "contacts"
        )
        self.hub.subscribe(lambda: self._if_built("followup", FollowUpPage.refresh), "referrals", "intakes", "clients")
        self.hub.subscribe(lambda: self._if_built("clients", ClientsPage.reload_municipalities), "clients")
        self.hub.subscribe(lambda: self._if_built("clients", ClientsPage.refresh), "clients")
        window.navigation.currentRowChanged.connect(lambda _row: self._on_page_changed())
        for keys, slot in (
            (QKeySequence.StandardKey.New, self.new_intake),
            (QKeySequence.StandardKey.Find, self.find_client),
            (QKeySequence.StandardKey.Save, self.save),
            (QKeySequence.StandardKey.Print, self.print_current),
        ):
            shortcut = QShortcut(QKeySequence(keys), window)
            shortcut.activated.connect(slot)
        window.installEventFilter(self)
        QTimer.singleShot(0, self._offer_restore)

    # -- the pages, built on first use --------------------------------------------------------------

    @property
    def intake(self) -> IntakePage:
        return self._page("intake", IntakePage)

    @property
    def today(self) -> TodayPage:
        return self._page("today", TodayPage)

    @property
    def clients(self) -> ClientsPage:
        return self._page("clients", ClientsPage)

    @property
    def followup(self) -> FollowUpPage:
        return self._page("followup", FollowUpPage)

    def _page(self, key: str, kind: type[PageT]) -> PageT:
        page = self.window.page(key)
        assert isinstance(page, kind)
        return page

    def _if_built(self, key: str, refresh: Callable[[Any], object]) -> None:
        if self.window.is_page_built(key):
            refresh(self.window.page(key))

    def _printed(self) -> None:
        # A printed or saved letter is a new record (timeline, reports): tell every page once.
        self.hub.publish(Changes(letters=True))

    def _build_today(self) -> TodayPage:
        self._today_fresh = True  # it loads itself: no second refresh when it is first shown
        page = TodayPage(self.app, self)
        page.letters.printed.connect(self._printed)
        return page

    def _build_clients(self) -> ClientsPage:
        return ClientsPage(self.app, self)

    def _build_intake(self) -> IntakePage:
        page = IntakePage(self.app, self.hub)
        page.set_prison_mode(self.window.prison_mode.mode)
        self.window.prison_mode.changed.connect(page.set_prison_mode)
        page.status_message.connect(self.status)
        page.letters.changed.connect(self.broadcast)
        page.letters.printed.connect(self._printed)
        return page

    def _build_followup(self) -> FollowUpPage:
        page = FollowUpPage(self.app, self)
        page.letters.printed.connect(self._printed)
        return page

    def _offer_restore(self) -> None:
        self.intake.offer_restore()

    def status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10000)

    def broadcast(self, changes: Changes) -> None:
        """Thin alias of ``window.changes.publish`` (kept while pages move to the window's hub)."""
        self.window.changes.publish(changes)

    def _on_page_changed(self) -> None:
        key = self.window.current_page_key()
        if key == "today" and self.window.is_page_built("today"):
            if self._today_fresh:
                self._today_fresh = False
            else:
                self.today.refresh()

    def new_intake(self) -> None:
        self.window.show_page("intake")
        self._after_unsaved_question(self._fresh_intake)

    def _fresh_intake(self) -> None:
        self.intake.discard()
        self.intake.lines["first_name"].setFocus()

    def _after_unsaved_question(self, proceed: Callable[[], object]) -> None:
        """Ask about an unsaved intake first; ``proceed`` runs after discarding, or after the save succeeded."""
        if not self.window.is_page_built("intake") or not self.intake.is_dirty:
            proceed()
            return
        answer = UnsavedChangesDialog.ask(self.window)
        if answer == UnsavedChangesDialog.SAVE:
            self.intake.save(then=proceed)
        elif answer == UnsavedChangesDialog.DISCARD:
            proceed()

    def find_client(self) -> None:
        self.window.show_page("clients")
        self.clients.focus_search()

    def save(self) -> None:
        key = self.window.current_page_key()
        if key == "intake":
            self.intake.save()
        elif key == "followup":
            self.followup.save()

    def print_current(self) -> None:
        """Ctrl+P: the referral letter for the referral chosen on the current page."""
        key = self.window.current_page_key()
        if key == "intake":
            self.intake.letters.print_letter()
        elif key == "followup":
            self.followup.letters.print_letter()
        elif key == "today":
            self.today.letters.print_letter()
        else:
            self.status(self.tr("Kies eerst een verwijzing op Vandaag of Opvolging, of open een cliënt."))

    def open_client(self, client_id: uuid.UUID) -> None:
        try:
            dialog = ClientDialog(self.app, self, ClientId(client_id), self.window)
        except LeerwinkelError as error:
            show_error(self.window, error)
            return
        dialog.open()

    def start_intake_for(self, client_id: uuid.UUID) -> None:
        """A new intake for a known client: their record, earlier wishes and open referrals (read off the UI thread)."""

        def start() -> None:
            self.intake.discard()
            self.window.show_page("intake")
            self.intake.load_client(ClientId(client_id), then=self.intake.lines["first_name"].setFocus)

        self._after_unsaved_question(start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.window
            and event.type() == QEvent.Type.Close
            and self.window.is_page_built("intake")
            and self.intake.is_dirty
        ):
            assert isinstance(event, QCloseEvent)
            answer = UnsavedChangesDialog.ask(self.window)
            if answer == UnsavedChangesDialog.DISCARD:
                self.intake.discard()
                return False
            event.ignore()
            if answer == UnsavedChangesDialog.SAVE:
                self.intake.save(then=self.window.close)  # closes once the save succeeded
            return True
        return False


def install_intake_pages(window: PageWindow) -> IntakePages:
    """Put Vandaag, Cliënten, Nieuwe intake and Opvolging in the main window (one call)."""
    return IntakePages(window)
