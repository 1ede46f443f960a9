"""How each report figure is counted, in the user's words: one source for the screen, the PDF, the XLSX and the guide.

The precise definitions are in leerwinkel/reports/figures.py; these sentences say the same for a counsellor.
"""

from __future__ import annotations

from dataclasses import dataclass

from leerwinkel.messages import _
from leerwinkel.reports.tables import Table


@dataclass(frozen=True)
class Definition:
    """One figure: ``key`` as in the overview (or a chart), its Dutch ``label`` and how it is counted."""

    key: str
    label: str
    text: str


def figure_definitions() -> tuple[Definition, ...]:
    """Every figure the dashboard and the reports show, in the order the dashboard shows them."""
    return (
        Definition(
            "persons",
            _("Personen begeleid"),
            _(
                "Cliënten met minstens één intake in de periode (op de gekozen locatie); "
                "wie twee intakes had, telt één keer."
            ),
        ),
        Definition(
            "new_persons",
            _("Nieuw"),
            _("Begeleide personen die vóór de periode nog nooit een intake hadden, op geen enkele locatie."),
        ),
        Definition(
            "returning_persons",
            _("Terugkerend"),
            _(
                "Begeleide personen die vóór de periode al een intake hadden. "
                "Nieuw plus terugkerend is het aantal begeleide personen."
            ),
        ),
        Definition(
            "intakes",
            _("Intakes"),
            _("Intakes gehouden in de periode (op de locatie); één persoon kan er meer hebben."),
        ),
        Definition(
            "referrals",
            _("Verwijzingen"),
            _("Verwijzingen gemaakt in de periode (datum van de verwijzing), op de locatie."),
        ),
        Definition(
            "enrolled",
            _("Ingeschreven"),
            _(
                "Verwijzingen waarvan de inschrijving in de periode valt, ook als de verwijzing zelf van vroeger is. "
                "De inschrijving is de eerste statuswijziging naar ingeschreven, gestart of afgerond. "
                "Daarom kan dit cijfer groter zijn dan het aantal verwijzingen."
            ),
        ),
        Definition("started", _("Gestart"), _("Verwijzingen met een statuswijziging naar gestart in de periode.")),
        Definition("completed", _("Afgerond"), _("Verwijzingen met een statuswijziging naar afgerond in de periode.")),
        Definition(
            "dropped_out", _("Afgehaakt"), _("Verwijzingen met een statuswijziging naar afgehaakt in de periode.")
        ),
        Definition(
            "overdue_follow_ups",
            _("Opvolging te laat"),
            _(
                "Verwijzingen die nog open zijn (voorgesteld, verstuurd, ingeschreven of gestart) en waarvan de "
                "opvolgdatum vóór vandaag ligt; dit cijfer hangt niet af van de periode."
            ),
        ),
        Definition(
            "enrolment_days",
            _("Dagen tot inschrijving (gem.)"),
            _(
                "Voor elke inschrijving in de periode: het aantal dagen van de laatste intake (op of vóór de "
                "inschrijving) tot de inschrijving; het gemiddelde, op één decimaal."
            ),
        ),
        Definition(
            "referred_anyway",
            _("Toch verwezen"),
            _(
                "Verwijzingen in de periode naar aanbod dat volgens de catalogus niet paste bij de cliënt "
                "(bijvoorbeeld: wordt niet in de gevangenis gegeven). De trajectbegeleider gaf telkens een "
                "korte reden; die staat in de geschiedenis van de verwijzing."
            ),
        ),
        Definition(
            "outside_catalogue",
            _("Buiten de catalogus"),
            _(
                "Verwijzingen in de periode naar een aanbieder of dienst die niet in de catalogus staat; de "
                "trajectbegeleider typte de naam en het contact in. Per aanbieder tellen ze als “Geen aanbieder "
                "gekozen”."
            ),
        ),
        Definition(
            "trend",
            _("Verloop per maand"),
            _("Per kalendermaand: intakes, verwijzingen en inschrijvingen, geteld zoals hierboven."),
        ),
        Definition(
            "wishes",
            _("Leerwensen (personen)"),
            _("Begeleide personen met minstens één leerwens van die categorie; iemand telt één keer per categorie."),
        ),
        Definition(
            "thresholds",
            _("Drempels (personen)"),
            _("Begeleide personen die die drempel ervaren."),
        ),
        Definition(
            "referrals_by_provider",
            _("Verwijzingen per aanbieder"),
            _("Verwijzingen gemaakt in de periode, per aanbieder; zonder aanbieder: “Geen aanbieder gekozen”."),
        ),
        Definition(
            "outcomes_by",
            _("Resultaat per programma, aanbieder en aanbod"),
            _(
                "De verwijzingen gemaakt in de periode, en wat ervan werd: “Gestart” als de verwijzing ooit op "
                "“gestart” of “afgerond” stond, “Afgerond” als ze op “afgerond” stond, “Stage of betaald werk” als "
                "het resultaat stage/BIS of betaald werk is. Het percentage is stage of betaald werk van wie "
                "gestart is (bv. 10 van 14 mentees = 71%). Een programma is de categorie van de verwijzing."
            ),
        ),
    )


def definition(key: str) -> Definition:
    """The definition of the figure ``key``; KeyError for an unknown key (a programming error)."""
    for item in figure_definitions():
        if item.key == key:
            return item
    raise KeyError(key)


def small_counts_note() -> str:
    return _(
        "Aantallen van 1 tot 4 staan als “<5”, ook in de grafieken: daar is zo’n balk altijd even lang. "
        "Een percentage of gemiddelde op zo’n klein aantal staat als “–”."
    )


def definitions_table() -> Table:
    """How every figure is counted, as a table (the PDF's last section, the workbook's "Definities" sheet)."""
    return Table(
        "definitions",
        _("Definities"),
        (_("Cijfer"), _("Hoe het geteld wordt")),
        tuple((item.label, item.text) for item in figure_definitions()),
    )
