"""Marking the window's constant texts for Qt's translation tools."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark ``text`` for extraction into ``context`` (lupdate); translate it where it is shown, with
    ``QCoreApplication.translate(context, text)`` or, when ``context`` is the showing class, ``self.tr(text)``.

    PySide6 has a marker of this name too, typed as returning ``object``; this one keeps the type.
    """
    return text
