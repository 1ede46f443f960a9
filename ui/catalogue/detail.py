"""The detail pane of the Catalogus page: what is known of one offering, unknown fields left out.

The sources sit behind one "Bronnen" link (a counsellor rarely needs the URLs); status onzeker and an
old or missing check are said at the top, where a counsellor looks first.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import QInputDialog, QTextBrowser, QWidget

from leerwinkel.catalogue.records import OfferingInfo
from leerwinkel.dates import format_date
from leerwinkel.taxonomy import SCHEDULES, TARGET_GROUPS, WISH_CATEGORIES

SOURCES_LINK = "#bronnen"


class OfferingDetail(QTextBrowser):
    """Read-only rich text; the "Bronnen" link shows or hides the list of sources."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # offline app: links are never opened in a browser from here
        self.setAccessibleName(self.tr("Details van het aanbod"))
        self.anchorClicked.connect(self._on_anchor)
        self._info: OfferingInfo | None = None
        self._stale = False
        self.sources_shown = False

    def show_offering(self, info: OfferingInfo | None, *, stale: bool = False) -> None:
        """Show ``info``; ``stale``: nobody checked it in the last 12 months (the search knows)."""
        self._info = info
        self._stale = stale
        self.sources_shown = False
        self._render()

    def show_message(self, text: str) -> None:
        self._info = None
        self.setPlainText(text)

    def toggle_sources(self) -> None:
        self.sources_shown = not self.sources_shown
        self._render()

    def _on_anchor(self, url: QUrl) -> None:
        if url.toString() == SOURCES_LINK:
            self.toggle_sources()

    def _render(self) -> None:
        if self._info is None:
            self.setPlainText("")
            return
        self.setHtml(self.offering_html(self._info))

    def offering_html(self, info: OfferingInfo) -> str:
        e = html.escape
        parts = [f"<h3>{e(info.title)}</h3>"]
        warnings = []
        if not info.active:
            warnings.append(self.tr("Stopgezet."))
        if info.status_uncertain:
            warnings.append(" ".join(p for p in (self.tr("Status onzeker."), info.status_note) if p))
        if warnings:
            parts.append("".join(f"<p><b>{e(w)}</b></p>" for w in warnings))
        rows: list[tuple[str, str]] = [
            (self.tr("Aanbieder"), info.provider_name),
            (self.tr("Categorie"), WISH_CATEGORIES.label(info.category)),
        ]
        places = []
        for loc in info.locations:
            text = ", ".join(p for p in (loc.name, loc.street, " ".join(q for q in (loc.postcode, loc.city) if q)) if p)
            if loc.prison_site_code:
                text += " " + self.tr("(in de gevangenis)")
            if text:
                places.append(text)
        if places:
            rows.append((self.tr("Locaties") if len(places) > 1 else self.tr("Locatie"), "\n".join(places)))
        schedules = ", ".join(SCHEDULES.label(code) for code in sorted(info.schedules))
        if schedules:
            rows.append((self.tr("Lesmomenten"), schedules))
        if info.schedule_note:
            rows.append((self.tr("Wanneer"), info.schedule_note))
        cost = []
        if info.is_free is True:
            cost.append(self.tr("gratis"))
        if info.reduced_for_jobseekers:
            cost.append(self.tr("gratis of korting voor werkzoekenden"))
        if info.reduced_for_prisoners:
            cost.append(self.tr("gratis of korting voor gedetineerden"))
        if info.cost_note:
            cost.append(info.cost_note)
        elif info.is_free is False:
            cost.append(self.tr("betalend"))
        if cost:
            rows.append((self.tr("Kostprijs"), "; ".join(cost)))
        if info.target_groups:
            rows.append((self.tr("Voor"), ", ".join(TARGET_GROUPS.label(code) for code in info.target_groups)))
        if info.in_prison:
            rows.append((self.tr("In de gevangenis"), self.tr("ja")))
        if info.dutch_level_min:
            rows.append((self.tr("Vereist niveau Nederlands"), info.dutch_level_min))
        if info.literacy_required is not None:
            rows.append(
                (self.tr("Vlot lezen en schrijven nodig"), self.tr("ja") if info.literacy_required else self.tr("nee"))
            )
        for label, value in (
            (self.tr("Toelating"), info.admission),
            (self.tr("Meebrengen"), info.what_to_bring),
            (self.tr("Website"), info.website),
            (self.tr("E-mail"), info.email),
            (self.tr("Telefoon"), info.phone),
        ):
            if value:
                rows.append((label, value))
        parts.append("".join(f"<p>{e(label)}: {e(value).replace(chr(10), '<br>')}</p>" for label, value in rows))
        if info.description:
            parts.append(f"<p>{e(info.description)}</p>")
        checked = self._checked_text(info)
        parts.append(f"<p><i>{e(checked)}</i></p>")
        if info.sources:
            label = (
                self.tr("Bronnen verbergen")
                if self.sources_shown
                else self.tr("Bronnen (%1)").replace("%1", str(len(info.sources)))
            )
            parts.append(f'<p><a href="{SOURCES_LINK}">{e(label)}</a></p>')
            if self.sources_shown:
                parts.append("<ul>" + "".join(f"<li>{e(source)}</li>" for source in info.sources) + "</ul>")
        return "".join(parts)

    def _checked_text(self, info: OfferingInfo) -> str:
        if info.last_verified is None:
            return self.tr("Nog nooit nagekeken.")
        text = self.tr("Laatst nagekeken: %1").replace("%1", format_date(info.last_verified))
        if self._stale:
            text += " " + self.tr("(meer dan 12 maanden geleden)")
        return text


class CheckSourceDialog:
    """Asks how an offering was checked: the page that was read, or "telefonisch"."""

    @classmethod
    def ask(cls, parent: QWidget) -> str | None:
        """The answer, or None when cancelled (tests replace this classmethod)."""
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("ui.catalogue.detail", "Nagekeken"),
            QCoreApplication.translate(
                "ui.catalogue.detail",
                "Hoe heb je het nagekeken? Het webadres van de pagina (https://…) of “telefonisch”:",
            ),
            text="telefonisch",
        )
        return text.strip() if ok and text.strip() else None
