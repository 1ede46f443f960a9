"""The first-run assistant: the administrator, the Leerwinkel's details, its sites and the retention period.

The first page creates the encrypted database (nothing can be stored before it exists) and shows the recovery
key once; the next pages store what they ask as soon as the user goes on, so stopping halfway keeps what was
already confirmed. Everything can be changed later in Instellingen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from leerwinkel.app import Leerwinkel
from leerwinkel.config import SETTINGS_BY_KEY, Config
from leerwinkel.credentials import Credentials
from leerwinkel.errors import LeerwinkelError
from leerwinkel.i18n import _
from leerwinkel.messages import describe
from leerwinkel.security.setup import setup_installation
from leerwinkel.settings.firstrun import FirstRunChoices, apply_first_run
from leerwinkel.settings.sites import OWN_KINDS, NewSite
from leerwinkel.taxonomy import SITE_KINDS
from ui.common.i18n import QT_TRANSLATE_NOOP
from ui.session.login import RecoveryKeyDialog, error_label, labelled_field, open_signed_in

ORGANISATION_FIELDS = (
    ("organisation.name", QT_TRANSLATE_NOOP("ui.session.firstrun", "&Naam van de Leerwinkel:")),
    ("organisation.street", QT_TRANSLATE_NOOP("ui.session.firstrun", "&Straat en nummer:")),
    ("organisation.postcode", QT_TRANSLATE_NOOP("ui.session.firstrun", "&Postcode:")),
    ("organisation.city", QT_TRANSLATE_NOOP("ui.session.firstrun", "&Gemeente:")),
    ("organisation.phone", QT_TRANSLATE_NOOP("ui.session.firstrun", "&Telefoon:")),
    ("organisation.email", QT_TRANSLATE_NOOP("ui.session.firstrun", "&E-mail:")),
    ("organisation.logo", QT_TRANSLATE_NOOP("ui.session.firstrun", "&Logo (PNG of JPEG):")),
)


def _intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class AdminPage(QWizardPage):
    """The administrator's account; going on creates the encrypted database and shows the recovery key."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.assistant = wizard
        self.setTitle(self.tr("Welkom bij Leerwinkel Intake"))
        self.setSubTitle(self.tr("Stap 1 van 4: het account van de beheerder"))
        form = QFormLayout()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        labelled_field(form, self.tr("&Gebruikersnaam:"), self.username, self.tr("Gebruikersnaam van de beheerder"))
        labelled_field(form, self.tr("&Wachtwoord:"), self.password, self.tr("Wachtwoord"))
        labelled_field(form, self.tr("&Herhaal wachtwoord:"), self.repeat, self.tr("Herhaal wachtwoord"))
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(
            _intro(
                self.tr(
                    "Maak eerst het account van de beheerder aan. De gegevens worden versleuteld bewaard; "
                    "zonder wachtwoord of herstelsleutel kan niemand ze lezen."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self.assistant.app is not None:
            return True  # came back with Vorige: the database exists already
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("De twee wachtwoorden zijn niet gelijk."))
            return False
        credentials = Credentials(self.username.text().strip(), self.password.text())
        try:
            result = setup_installation(self.assistant.config, credentials.username, credentials.password)
            self.assistant.app = open_signed_in(self.assistant.config, credentials)
        except LeerwinkelError as error:
            self.error.setText(describe(error))
            return False
        self.password.clear()
        self.repeat.clear()
        self.error.clear()
        for widget in (self.username, self.password, self.repeat):
            widget.setEnabled(False)
        if result.recovery_key:
            RecoveryKeyDialog.show_key(result.recovery_key, self)
        return True


class OrganisationPage(QWizardPage):
    """Name, address, phone, e-mail and logo: they head every letter and handout."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.assistant = wizard
        self.setTitle(self.tr("Je Leerwinkel"))
        self.setSubTitle(self.tr("Stap 2 van 4: deze gegevens staan op elke brief en elk afsprakenblad"))
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for key, text in ORGANISATION_FIELDS:
            edit = QLineEdit()
            self.fields[key] = edit
            if key == "organisation.logo":
                row = QWidget()
                box = QHBoxLayout(row)
                box.setContentsMargins(0, 0, 0, 0)
                box.addWidget(edit, 1)
                browse = QPushButton(self.tr("&Bladeren…"))
                browse.clicked.connect(self._choose_logo)
                box.addWidget(browse)
                label = labelled_field(
                    form,
                    QCoreApplication.translate("ui.session.firstrun", text),
                    edit,
                    _(SETTINGS_BY_KEY[key].description),
                    row=row,
                )
            else:
                label = labelled_field(
                    form,
                    QCoreApplication.translate("ui.session.firstrun", text),
                    edit,
                    _(SETTINGS_BY_KEY[key].description),
                )
            label.setObjectName(key)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        app = self.assistant.app
        if app is None:
            return
        current = app.settings.current()
        for key, edit in self.fields.items():
            edit.setText(str(current.get(key) or ""))

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Logo kiezen"), "", self.tr("Afbeeldingen (*.png *.jpg *.jpeg)")
        )
        if path:
            self.fields["organisation.logo"].setText(path)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        return self.assistant.store(
            FirstRunChoices(organisation={key: edit.text() for key, edit in self.fields.items()}), self.error
        )


class SitesPage(QWizardPage):
    """The offices, sitting days and prisons where the Leerwinkel works."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.assistant = wizard
        self.setTitle(self.tr("Waar werk je?"))
        self.setSubTitle(self.tr("Stap 3 van 4: vink de plaatsen aan waar intakes gebeuren"))
        self.sites = QListWidget()
        self.sites.setAccessibleName(self.tr("Plaatsen"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("bv. Zitdag Boom"))
        self.new_kind = QComboBox()
        for kind in OWN_KINDS:
            self.new_kind.addItem(SITE_KINDS.label(kind), kind)
        self.new_kind.setCurrentIndex(OWN_KINDS.index("zitdag"))
        self.new_kind.setAccessibleName(self.tr("Soort plaats"))
        self.new_place = QLineEdit()
        self.new_place.setPlaceholderText(self.tr("postcode en gemeente"))
        self.new_place.setAccessibleName(self.tr("Postcode en gemeente van de nieuwe plaats"))
        self.new_place.setMinimumWidth(170)
        add = QPushButton(self.tr("&Toevoegen"))
        add.clicked.connect(self._add)
        for edit in (self.new_name, self.new_place):
            edit.installEventFilter(self)  # Return adds the place instead of going to the next step
        row = QHBoxLayout()
        name_label = QLabel(self.tr("&Nieuwe plaats:"))
        name_label.setBuddy(self.new_name)
        self.new_name.setAccessibleName(self.tr("Naam van de nieuwe plaats"))
        for widget, stretch in ((name_label, 0), (self.new_name, 2), (self.new_kind, 0), (self.new_place, 1)):
            row.addWidget(widget, stretch)
        row.addWidget(add)
        self.added: list[NewSite] = []
        self.error = error_label()
        list_label = QLabel(self.tr("&Plaatsen in gebruik:"))
        list_label.setBuddy(self.sites)
        layout = QVBoxLayout(self)
        layout.addWidget(list_label)
        layout.addWidget(self.sites, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched in (self.new_name, self.new_place)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._add()
            return True
        return super().eventFilter(watched, event)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        app = self.assistant.app
        if app is None:
            return
        self.sites.clear()
        self.added.clear()
        for site in app.sites.all():
            place = " ".join(p for p in (site.postcode, site.municipality) if p)
            item = QListWidgetItem(f"{site.name}  ({SITE_KINDS.label(site.kind)}{', ' + place if place else ''})")
            item.setData(Qt.ItemDataRole.UserRole, site.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if site.active else Qt.CheckState.Unchecked)
            self.sites.addItem(item)

    def _add(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            self.new_name.setFocus()
            return
        postcode, _sep, municipality = self.new_place.text().strip().partition(" ")
        if not postcode.isdigit():
            postcode, municipality = "", self.new_place.text().strip()
        new = NewSite(name=name, kind=str(self.new_kind.currentData()), municipality=municipality, postcode=postcode)
        self.added.append(new)
        item = QListWidgetItem(f"{name}  ({SITE_KINDS.label(new.kind)}, {self.tr('nieuw')})")
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.sites.addItem(item)
        self.new_name.clear()
        self.new_place.clear()
        self.new_name.setFocus()

    def chosen(self) -> list[str]:
        codes = []
        for row in range(self.sites.count()):
            item = self.sites.item(row)
            code = item.data(Qt.ItemDataRole.UserRole)
            if code and item.checkState() == Qt.CheckState.Checked:
                codes.append(str(code))
        return codes

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        choices = FirstRunChoices(active_sites=self.chosen(), add_sites=tuple(self.added))
        if not self.assistant.store(choices, self.error):
            return False
        self.initializePage()  # the added sites are now ordinary rows: going back shows them ticked
        return True


class RetentionPage(QWizardPage):
    """How long client data is kept after the last contact."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.assistant = wizard
        spec = SETTINGS_BY_KEY["retention.years"]
        self.setTitle(self.tr("Bewaartermijn"))
        self.setSubTitle(self.tr("Stap 4 van 4: hoe lang blijven gegevens van een cliënt bewaard?"))
        self.years = QSpinBox()
        self.years.setRange(spec.minimum or 1, spec.maximum or 30)
        self.years.setSuffix(self.tr(" jaar"))
        self.years.setAccessibleName(self.tr("Bewaartermijn in jaren"))
        form = QFormLayout()
        labelled_field(form, self.tr("&Bewaren tot na het laatste contact:"), self.years, "", row=self.years)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(
            _intro(
                self.tr(
                    "Na deze termijn stelt het programma voor om de gegevens van een cliënt te wissen. Kies wat "
                    "je organisatie met de financiers afsprak; de meeste Leerwinkels bewaren 5 jaar."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        if self.assistant.app is not None:
            self.years.setValue(int(str(self.assistant.app.settings.current().get("retention.years"))))

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        return self.assistant.store(FirstRunChoices(retention_years=self.years.value()), self.error)


class FirstRunWizard(QWizard):
    """The assistant on a new installation; ``app`` is the signed-in facade once the first page is done."""

    def __init__(self, config: Config, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.app: Leerwinkel | None = None
        self.setWindowTitle(self.tr("Leerwinkel Intake instellen"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.admin = AdminPage(self)
        self.organisation = OrganisationPage(self)
        self.site_page = SitesPage(self)
        self.retention = RetentionPage(self)
        for page in (self.admin, self.organisation, self.site_page, self.retention):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Volgende >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< V&orige"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Klaar"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("&Stoppen"))
        self.resize(640, 520)

    def store(self, choices: FirstRunChoices, error: QLabel) -> bool:
        """Store one page's choices; a refusal is shown on the page and keeps the user there."""
        app = self.app
        if app is None or app.auth.current is None:
            return False
        try:
            apply_first_run(app.settings, app.sites, choices, actor=app.auth.current)
        except LeerwinkelError as problem:
            error.setText(describe(problem))
            return False
        error.clear()
        return True

    @classmethod
    def run(cls, config: Config, parent: QWidget | None = None) -> Leerwinkel | None:
        """Show the assistant; the signed-in facade (also when stopped after the first page), or None."""
        wizard = cls(config, parent)
        wizard.exec()
        return wizard.app
