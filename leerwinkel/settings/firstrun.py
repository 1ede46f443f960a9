"""What a new installation is told on its first start: the Leerwinkel, its sites and the retention period.

The window's first-run assistant and ``leerwinkel setup`` with options both end here, so both store the
same things the same way; everything can be changed later in Instellingen.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from leerwinkel.actor import Actor
from leerwinkel.changes import Changes
from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.settings.service import SettingsService, validate_settings
from leerwinkel.settings.sites import OWN_KINDS, NewSite, SitesService


@dataclass(frozen=True)
class FirstRunChoices:
    """``organisation``: setting keys such as "organisation.name" to values; ``active_sites``: site codes
    to switch on (None keeps the seeded ones); ``add_sites``: the Leerwinkel's own offices and sitting days."""

    organisation: Mapping[str, str] = field(default_factory=dict)
    active_sites: Collection[str] | None = None
    add_sites: Sequence[NewSite] = ()
    retention_years: int | None = None

    def settings(self) -> dict[str, object]:
        values: dict[str, object] = dict(self.organisation)
        if self.retention_years is not None:
            values["retention.years"] = self.retention_years
        return values


def check_choices(choices: FirstRunChoices) -> None:
    """Everything that can be checked before a database exists; InvalidInputError lists every problem."""
    problems: list[Problem] = []
    unknown = [key for key in choices.organisation if not key.startswith("organisation.")]
    problems += [Problem("bad-value", "setting", details={"value": key}) for key in unknown]
    try:
        validate_settings(choices.settings())
    except InvalidInputError as error:
        problems += error.problems
    for number, new in enumerate(choices.add_sites, start=1):
        if new.kind not in OWN_KINDS:
            problems.append(Problem("bad-value", "site_kind", row=number, details={"value": new.kind}))
        if not new.name.strip():
            problems.append(Problem("required", "site_name", row=number))
    if problems:
        raise InvalidInputError(problems)


def apply_first_run(
    settings: SettingsService, sites: SitesService, choices: FirstRunChoices, *, actor: Actor
) -> Changes:
    """Store the choices (administrator). Settings and sites are each all or nothing."""
    check_choices(choices)
    changes = Changes()
    values = choices.settings()
    if values:
        settings.update(actor, values)
        changes = changes | Changes(settings=True)
    if choices.active_sites is not None or choices.add_sites:
        active = (
            set(choices.active_sites) if choices.active_sites is not None else {s.code for s in sites.all() if s.active}
        )
        changes = changes | sites.configure(active=active, add=choices.add_sites, actor=actor)
    return changes


def parse_new_site(text: str) -> NewSite:
    """ "zitdag:Zitdag Boom:2850 Boom" (kind:name[:postcode municipality]) as typed on the command line."""
    kind, _sep, rest = text.partition(":")
    name, _sep, place = rest.partition(":")
    postcode, _sep, municipality = place.strip().partition(" ")
    if not postcode.isdigit():
        postcode, municipality = "", place.strip()
    return NewSite(name=name.strip(), kind=kind.strip().lower(), municipality=municipality.strip(), postcode=postcode)
