"""The intake form's first section: who the person is and how to reach them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from leerwinkel.taxonomy import DUTCH_LEVELS
from ui.common.i18n import QT_TRANSLATE_NOOP
from ui.intake.fields import Section, combo, set_combo, set_tri, tri_items, tri_value

# key, label (a mnemonic only where it is unique on the whole page), accessible name, placeholder
LINE_FIELDS = (
    (
        "first_name",
        QT_TRANSLATE_NOOP("ui.intake.person", "&Voornaam"),
        QT_TRANSLATE_NOOP("ui.intake.person", "Voornaam"),
        "",
    ),
    (
        "alias",
        QT_TRANSLATE_NOOP("ui.intake.person", "&Roepnaam"),
        QT_TRANSLATE_NOOP("ui.intake.person", "Roepnaam"),
        "",
    ),
    (
        "last_name",
        QT_TRANSLATE_NOOP("ui.intake.person", "&Familienaam"),
        QT_TRANSLATE_NOOP("ui.intake.person", "Familienaam"),
        "",
    ),
    (
        "birth_date",
        QT_TRANSLATE_NOOP("ui.intake.person", "&Geboortedatum"),
        QT_TRANSLATE_NOOP("ui.intake.person", "Geboortedatum (dd/mm/jjjj)"),
        QT_TRANSLATE_NOOP("ui.intake.person", "dd/mm/jjjj"),
    ),
    ("gender", QT_TRANSLATE_NOOP("ui.intake.person", "Gender"), QT_TRANSLATE_NOOP("ui.intake.person", "Gender"), ""),
    ("phone", QT_TRANSLATE_NOOP("ui.intake.person", "Telefoon"), QT_TRANSLATE_NOOP("ui.intake.person", "Telefoon"), ""),
    ("email", QT_TRANSLATE_NOOP("ui.intake.person", "&E-mail"), QT_TRANSLATE_NOOP("ui.intake.person", "E-mail"), ""),
    (
        "street",
        QT_TRANSLATE_NOOP("ui.intake.person", "Straat en nummer"),
        QT_TRANSLATE_NOOP("ui.intake.person", "Straat en nummer"),
        "",
    ),
    (
        "postcode",
        QT_TRANSLATE_NOOP("ui.intake.person", "&Postcode"),
        QT_TRANSLATE_NOOP("ui.intake.person", "Postcode"),
        QT_TRANSLATE_NOOP("ui.intake.person", "4 cijfers"),
    ),
    (
        "municipality",
        QT_TRANSLATE_NOOP("ui.intake.person", "Ge&meente"),
        QT_TRANSLATE_NOOP("ui.intake.person", "Gemeente"),
        "",
    ),
    (
        "languages",
        QT_TRANSLATE_NOOP("ui.intake.person", "Ta&len"),
        QT_TRANSLATE_NOOP("ui.intake.person", "Gesproken talen"),
        QT_TRANSLATE_NOOP("ui.intake.person", "bv. Arabisch, Frans"),
    ),
)

#: The fields this section shows, in PersonInput's names.
PERSON_KEYS = (
    *(key for key, *_rest in LINE_FIELDS),
    "dutch_level",
    "education_level",
    "foreign_diploma",
    "foreign_diploma_recognised",
    "notes",
)


class PersonSection(Section):
    """Name, birth date, contact, address, languages, Dutch level, education and notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Persoon"), parent)
        self.lines: dict[str, QLineEdit] = {}
        for key, label, accessible, placeholder in LINE_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(QCoreApplication.translate("ui.intake.person", placeholder) if placeholder else "")
            self.lines[key] = edit
            self.field(
                key,
                QCoreApplication.translate("ui.intake.person", label),
                QCoreApplication.translate("ui.intake.person", accessible),
                edit,
            )
        self.dutch_level = combo([(t.code, t.label()) for t in DUTCH_LEVELS])
        self.field("dutch_level", self.tr("&Niveau Nederlands"), self.tr("Niveau Nederlands"), self.dutch_level)
        self.education_level = QLineEdit()
        self.field("education_level", self.tr("Opleidingsniveau"), self.tr("Opleidingsniveau"), self.education_level)
        self.foreign_diploma = QLineEdit()
        self.field(
            "foreign_diploma", self.tr("Buitenlands diploma"), self.tr("Buitenlands diploma"), self.foreign_diploma
        )
        self.diploma_recognised = combo(tri_items())
        self.field(
            "foreign_diploma_recognised",
            self.tr("Diploma erkend"),
            self.tr("Buitenlands diploma erkend"),
            self.diploma_recognised,
        )
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)
        self.field("notes", self.tr("Notities over de cliënt"), self.tr("Notities over de cliënt"), self.notes)

    def values(self) -> dict[str, object]:
        """This section's part of a PersonInput."""
        return {
            **{key: edit.text() for key, edit in self.lines.items()},
            "dutch_level": str(self.dutch_level.currentData()),
            "education_level": self.education_level.text(),
            "foreign_diploma": self.foreign_diploma.text(),
            "foreign_diploma_recognised": tri_value(self.diploma_recognised),
            "notes": self.notes.toPlainText(),
        }

    def fill(self, values: dict[str, object]) -> None:
        for key, edit in self.lines.items():
            edit.setText(str(values.get(key, "") or ""))
        set_combo(self.dutch_level, values.get("dutch_level", "onbekend"))
        self.education_level.setText(str(values.get("education_level", "") or ""))
        self.foreign_diploma.setText(str(values.get("foreign_diploma", "") or ""))
        recognised = values.get("foreign_diploma_recognised")
        set_tri(self.diploma_recognised, recognised if isinstance(recognised, bool) else None)
        self.notes.setPlainText(str(values.get("notes", "") or ""))
