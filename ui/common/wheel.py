"""The mouse wheel scrolls the page: it never changes a combo box, spin box or date field without focus."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget

_GUARDED = (QComboBox, QAbstractSpinBox)  # QAbstractSpinBox covers QSpinBox, QDoubleSpinBox and QDateEdit


class WheelGuard(QObject):
    """Application-wide event filter (found item 4: scrolling the form changed "Locatie").

    A wheel turn over a guarded input that does not have the keyboard focus goes to the scroll area
    around it instead, so the page scrolls on; click or Tab into the field first to change it with the wheel.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Polish and isinstance(watched, _GUARDED):
            # Qt gives a WheelFocus widget the focus before any filter sees the wheel event: take
            # focus by click or Tab only.
            from PySide6.QtCore import Qt  # here, not before the login dialog (ui/session/login.py PLAIN_TEXT)

            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, _GUARDED) or watched.hasFocus():
            return False
        area = _scroll_area(watched)
        if area is not None:
            bar = area.verticalScrollBar()
            if bar is not None and bar.isVisible():
                QCoreApplication.sendEvent(bar, event)
        event.ignore()
        return True


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


_installed: weakref.WeakKeyDictionary[QCoreApplication, WheelGuard] = weakref.WeakKeyDictionary()


def install_wheel_guard(app: QCoreApplication) -> WheelGuard:
    """Install the guard once on ``app`` (again: returns the one already installed).

    Remembered here rather than found with ``app.findChild``, which costs milliseconds before the login dialog.
    """
    existing = _installed.get(app)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    _installed[app] = guard
    return guard
