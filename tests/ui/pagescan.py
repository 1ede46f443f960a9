"""Scan what a page shows for layout and keyboard faults a user meets: used by tests/ui/test_page_scan.py.

Each check returns sentences naming the widget, so a failing scan says what to fix.
"""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0 and widget.height() > 0


def describe(widget: QWidget) -> str:
    name = widget.accessibleName() or getattr(widget, "text", lambda: "")() or widget.objectName()
    if isinstance(widget, QGroupBox):
        name = widget.title()
    return f"{type(widget).__name__} “{name}”" if name else type(widget).__name__


def _inside_compound(widget: QWidget) -> bool:
    """The line edit of a spin box or combo box, or a part of a calendar: named through its owner."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox | QCalendarWidget):
            return True
        parent = parent.parentWidget()
    return False


def horizontal_scroll_bars(page: QWidget) -> list[str]:
    problems = []
    for area in page.findChildren(QAbstractScrollArea):
        bar = area.horizontalScrollBar()
        if _shown(area, page) and bar.isVisibleTo(page) and bar.maximum() > 0:
            problems.append(f"horizontal scroll bar on {describe(area)} ({bar.maximum()} px too wide)")
    return problems


def _mnemonic_texts(page: QWidget, window: QMainWindow) -> list[tuple[str, str]]:
    """(text, what) for every visible text that can carry an Alt+letter: labels with a buddy, buttons, tabs."""
    texts: list[tuple[str, str]] = []
    for label in page.findChildren(QLabel):
        if _shown(label, page) and label.buddy() is not None:
            texts.append((label.text(), describe(label)))
    for button in page.findChildren(QAbstractButton):
        if _shown(button, page) and not isinstance(button.parentWidget(), QTabBar | QScrollBar):
            texts.append((button.text(), describe(button)))
    for box in page.findChildren(QGroupBox):
        if _shown(box, page) and box.isCheckable():
            texts.append((box.title(), describe(box)))
    for bar in page.findChildren(QTabBar):
        if _shown(bar, page):
            texts += [(bar.tabText(i), f"tab “{bar.tabText(i)}”") for i in range(bar.count()) if bar.isTabVisible(i)]
    for action in window.menuBar().actions():
        if action.isVisible():
            texts.append((action.text(), f"menu “{action.text()}”"))
    return texts


def duplicate_mnemonics(page: QWidget, window: QMainWindow) -> list[str]:
    owners: dict[str, list[str]] = defaultdict(list)
    for text, what in _mnemonic_texts(page, window):
        match = MNEMONIC.search(text)
        if match:
            owners[match.group(1).lower()].append(what)
    return [f"Alt+{key.upper()} is used by {', '.join(whats)}" for key, whats in owners.items() if len(whats) > 1]


INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def inputs_without_name(page: QWidget) -> list[str]:
    problems = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or isinstance(widget, QHeaderView):
            continue  # a table's header is part of the table, which carries the name
        if not _shown(widget, page) or _inside_compound(widget):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not (name or "").strip():
            problems.append(f"{describe(widget)} has no accessible name")
    return problems


def clipped_titles(page: QWidget) -> list[str]:
    """Group box titles wider than their box, and single-line titles (bold labels) wider than the label."""
    problems = []
    for box in page.findChildren(QGroupBox):
        if _shown(box, page) and box.title():
            title = box.title().replace("&&", "\0").replace("&", "").replace("\0", "&")
            needed = QFontMetrics(box.font()).horizontalAdvance(title) + 16  # the frame's indent and padding
            if needed > box.width():
                problems.append(f"group box title “{title}” needs {needed} px, the box is {box.width()} px")
    for label in page.findChildren(QLabel):
        if not _shown(label, page) or label.wordWrap() or not label.text() or not label.font().bold():
            continue
        text = label.text().replace("&", "") if label.buddy() is not None else label.text()
        if "\n" in text or "<" in text:
            continue
        needed = QFontMetrics(label.font()).horizontalAdvance(text)
        if needed > label.contentsRect().width() + 1:
            problems.append(f"title “{text}” needs {needed} px, the label is {label.contentsRect().width()} px")
    return problems


def clipped_headers(page: QWidget) -> list[str]:
    """Column headers whose text is wider than their column (the user reads "aatst nagekeken")."""
    problems = []
    for header in page.findChildren(QHeaderView):
        if not _shown(header, page) or header.orientation() != Qt.Orientation.Horizontal:
            continue
        model = header.model()
        metrics = QFontMetrics(header.font())
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
            needed = metrics.horizontalAdvance(text) + 4  # two pixels either side, as Qt sizes a section
            if text and needed > header.sectionSize(section):
                problems.append(
                    f"column header “{text}” needs {needed} px, the column is {header.sectionSize(section)} px"
                )
    return problems


def scan(page: QWidget, window: QMainWindow) -> list[str]:
    """Every problem the page shows right now (it must be visible in ``window``)."""
    return [
        *horizontal_scroll_bars(page),
        *duplicate_mnemonics(page, window),
        *inputs_without_name(page),
        *clipped_titles(page),
        *clipped_headers(page),
    ]


#: Words that are Dutch and not English: a text of the window's chrome with one of them, in another language than
#: Dutch, was not translated (a string outside tr(), or a constant shown without translating it).
DUTCH_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "van",
        "voor",
        "naar",
        "niet",
        "geen",
        "met",
        "bij",
        "zijn",
        "wordt",
        "werd",
        "nog",
        "ook",
        "wat",
        "kies",
        "toevoegen",
        "opslaan",
        "zoeken",
        "annuleren",
        "sluiten",
        "nieuwe",
        "nieuw",
        "gegevens",
        "datum",
        "naam",
        "wachtwoord",
        "instellingen",
        "afdrukken",
        "vandaag",
        "cliënt",
        "cliënten",
        "verwijzing",
        "verwijzingen",
        "aanbod",
        "aanbieder",
        "leerwens",
        "leerwensen",
        "drempel",
        "drempels",
        "gevangenis",
        "catalogus",
        "opvolging",
        "rapporten",
        "toestemming",
        "bewaren",
        "wijzigen",
        "alle",
        "alleen",
        "eerst",
        "deze",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"<[^>]+>")


def _chrome_texts(page: QWidget, window: QMainWindow) -> list[tuple[str, str]]:
    """(text, what) for what the window itself says on a page: labels, buttons, titles, tabs, headers, hints."""
    texts = list(_mnemonic_texts(page, window))
    for label in page.findChildren(QLabel):
        if _shown(label, page) and label.buddy() is None and label.text():
            texts.append((_TAG.sub(" ", label.text()), describe(label)))
    for box in page.findChildren(QGroupBox):
        if _shown(box, page) and box.title():
            texts.append((box.title(), describe(box)))
    for edit in page.findChildren(QLineEdit):
        if _shown(edit, page) and edit.placeholderText():
            texts.append((edit.placeholderText(), f"placeholder of {describe(edit)}"))
    for header in page.findChildren(QHeaderView):
        if _shown(header, page) and header.orientation() == Qt.Orientation.Horizontal:
            model = header.model()
            for section in range(header.count()):
                text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
                texts.append((text, f"column header “{text}”"))
    for widget in page.findChildren(QWidget):
        if _shown(widget, page) and widget.accessibleName():
            texts.append((widget.accessibleName(), f"accessible name of {describe(widget)}"))
    return texts


def dutch_texts(page: QWidget, window: QMainWindow) -> list[str]:
    """Texts of the page that still hold a Dutch word (for a window in another language than Dutch)."""
    problems = []
    for text, what in _chrome_texts(page, window):
        words = {w.lower() for w in _WORD.findall(text.replace("&", ""))}
        dutch = sorted(words & DUTCH_WORDS)
        if dutch:
            problems.append(f"untranslated ({', '.join(dutch)}): “{text}” in {what}")
    return sorted(set(problems))
