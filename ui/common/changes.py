"""The change hub: the main window's one channel for what a mutation changed (``window.changes``)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from leerwinkel.changes import Changes

log = logging.getLogger(__name__)


class ChangeHub(QObject):
    """Broadcasts what a mutation changed, once; each view refreshes when its own flag is set.

    The main window owns the only hub (``window.changes``). After a write, publish the ``Changes`` the
    service returned::

        window.changes.publish(result.changes)

    and let a page refresh itself when one of its flags is set::

        window.changes.subscribe(self.refresh, "referrals", "clients")

    ``source`` names the page that made the change, so it can skip reloading what it just showed.
    Do not publish from a worker thread: publish in the op's success callback (main thread).
    """

    changed = Signal(object, object)  # Changes, source (a QObject or None)

    def publish(self, changes: Changes, source: QObject | None = None) -> None:
        if not changes:
            return
        log.debug("changes published: %s", ",".join(changes.names()))
        self.changed.emit(changes, source)

    def subscribe(self, refresh: Callable[[], object], *flags: str, skip: QObject | None = None) -> None:
        """Call ``refresh()`` whenever one of ``flags`` is set (unless ``skip`` published the change)."""
        unknown = set(flags) - set(Changes.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown change flags: {sorted(unknown)}")

        def on_changed(changes: Changes, source: QObject | None) -> None:
            if skip is not None and source is skip:
                return
            if any(getattr(changes, flag) for flag in flags):
                refresh()

        self.changed.connect(on_changed)
