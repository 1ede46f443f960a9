"""The Leerwinkel's own sites: its offices, sitting days and the prisons it works in.

Every prison and the seeded places exist as rows; a Leerwinkel switches on the ones it uses (``active``)
and adds its own offices and sitting days. Inactive sites stay, so old intakes keep their place.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from leerwinkel.actor import Actor, require_admin
from leerwinkel.changes import Changes
from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.security.audit import record
from leerwinkel.storage.models import Site
from leerwinkel.storage.store import Store
from leerwinkel.taxonomy import SITE_KINDS

#: Kinds a Leerwinkel adds itself; prisons come from the bundled list of every prison.
OWN_KINDS = ("kantoor", "zitdag", "partner")
_POSTCODE = re.compile(r"^([1-9]\d{3})?$")


@dataclass(frozen=True)
class SiteEntry:
    """One site as the first-run assistant and Instellingen show it."""

    code: str
    name: str
    kind: str
    municipality: str
    postcode: str
    active: bool

    @property
    def is_prison(self) -> bool:
        return self.kind == "gevangenis"


@dataclass(frozen=True)
class NewSite:
    """An office, sitting day or partner place that the Leerwinkel adds itself."""

    name: str
    kind: str = "zitdag"
    municipality: str = ""
    postcode: str = ""


def site_code(kind: str, name: str) -> str:
    """A stable code from the kind and the name: ("zitdag", "Zitdag Boom") -> "zitdag-boom"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    if not slug.startswith(kind):
        slug = f"{kind}-{slug}" if slug else kind
    return slug[:40].rstrip("-")


class SitesService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> tuple[SiteEntry, ...]:
        """Every site, offices first, then sitting days, partners and prisons, each by name."""
        order = {kind: n for n, kind in enumerate(("kantoor", "zitdag", "partner", "gevangenis"))}
        with self.store.unit_of_work() as session:
            rows = session.scalars(select(Site)).all()
            entries = [SiteEntry(s.code, s.name, s.kind, s.municipality, s.postcode, s.active) for s in rows]
        return tuple(sorted(entries, key=lambda e: (order.get(e.kind, 9), e.name.casefold())))

    def configure(self, *, active: Collection[str], add: Sequence[NewSite] = (), actor: Actor | None) -> Changes:
        """Switch on exactly the sites in ``active`` (codes) and add new ones (switched on), in one step.

        Administrators only. Raises InvalidInputError for an unknown code, an empty name, a kind a
        Leerwinkel cannot add (prisons come from the list) or a bad postcode; then nothing changes.
        """
        require_admin(actor, "sites.configure")
        problems: list[Problem] = []
        for number, new in enumerate(add, start=1):
            if not new.name.strip():
                problems.append(Problem("required", "site_name", row=number))
            if new.kind not in OWN_KINDS:
                problems.append(Problem("bad-value", "site_kind", row=number, details={"value": new.kind}))
            if not _POSTCODE.match(new.postcode.strip()):
                problems.append(Problem("bad-postcode", "postcode", row=number, details={"value": new.postcode}))
        with self.store.unit_of_work() as session:
            sites = {s.code: s for s in session.scalars(select(Site)).all()}
            unknown = sorted(set(active) - set(sites))
            problems += [Problem("bad-value", "site_code", details={"value": code}) for code in unknown]
            if problems:
                raise InvalidInputError(problems)
            for code, site in sites.items():
                if site.active != (code in active):
                    site.active = code in active
                    record(session, actor, "site.activate" if site.active else "site.deactivate", "site", code)
            for new in add:
                code = site_code(new.kind, new.name)
                if code in sites:
                    sites[code].active = True
                    continue
                SITE_KINDS.validate(new.kind, field="site_kind")
                site = Site(
                    code=code,
                    name=new.name.strip(),
                    kind=new.kind,
                    municipality=new.municipality.strip(),
                    postcode=new.postcode.strip(),
                    active=True,
                )
                session.add(site)
                sites[code] = site
                record(session, actor, "site.add", "site", code)
        return Changes(settings=True)
