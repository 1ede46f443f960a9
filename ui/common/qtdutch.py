"""Dutch for the few texts of Qt's own dialogs that PySide6's qtbase_nl catalogue lacks.

Qt 6 changed some source texts of the file dialog ("Look in:" became "&Look in:") and moved the file type
names to QAbstractFileIconProvider, while qtbase_nl.qm still holds the old texts only; without this the
save dialog reads "Look in:", "Files of type:" and "Folder" between Dutch words. The Dutch below is Qt's
own (qtbase_nl.qm: "Look in:" = "Zoeken in:", "Files of type:" = "Bestanden van type:", "Directories" =
"Mappen", "New Folder" = "Nieuwe map") with the new mnemonic added, or the word Windows uses in Dutch
("Station", "Snelkoppeling"). It wraps the loaded qtbase_nl catalogue and is installed instead of it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

MISSING_IN_QTBASE_NL: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Zoeken in:",
    ("QFileDialog", "Files of &type:"): "Bestanden van &type:",
    ("QAbstractFileIconProvider", "Folder"): "Map",
    ("QAbstractFileIconProvider", "File"): "Bestand",
    ("QAbstractFileIconProvider", "%1 File"): "%1-bestand",
    ("QAbstractFileIconProvider", "Drive"): "Station",
    ("QAbstractFileIconProvider", "Shortcut"): "Snelkoppeling",
}


class QtDutchSupplement(QTranslator):
    """Qt's Dutch catalogue plus :data:`MISSING_IN_QTBASE_NL`; install this instead of ``base``.

    A Python translator cannot answer "not found": PySide turns None into an empty string, which Qt shows as
    an empty text. So this one asks ``base`` itself and answers the source text when neither knows it,
    which is what Qt shows in that case anyway.
    """

    def __init__(self, base: QTranslator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._base = base

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def language(self) -> str:
        return self._base.language()

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        known = MISSING_IN_QTBASE_NL.get((context, source))
        if known is not None:
            return known
        return self._base.translate(context, source, disambiguation, n) or source
