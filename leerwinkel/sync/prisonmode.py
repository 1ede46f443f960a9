"""Prison mode: this installation works in one prison today, so search, proposals and prints stay inside it.

The choice belongs to the laptop, not to the data: it is kept in a small file in the data folder (like the
window's language), never in the settings table that travels in a session pack or is shared by every desk
on PostgreSQL. It holds for the day it was chosen on: a restart in the prison keeps it, the next morning
starts without it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from leerwinkel.dates import local_date
from leerwinkel.errors import InvalidInputError
from leerwinkel.fileio import atomic_write_bytes
from leerwinkel.storage.models import Site
from leerwinkel.storage.store import Store

log = logging.getLogger(__name__)

FILENAME = "prison-mode.json"


@dataclass(frozen=True)
class PrisonSite:
    """A prison to choose for a session."""

    code: str
    name: str
    own: bool  # the Leerwinkel works in it (it comes first in a list)


@dataclass(frozen=True)
class PrisonMode:
    """Today's session in one prison: the catalogue, the proposals and the session print keep to ``site_code``."""

    site_code: str
    site_name: str
    day: dt.date


class PrisonModeService:
    """Start, read and stop prison mode for this installation (the facade's ``prison_mode``)."""

    def __init__(self, store: Store, data_dir: Path) -> None:
        self.store = store
        self.path = data_dir / FILENAME

    def prisons(self) -> list[PrisonSite]:
        """The active prisons, the ones the Leerwinkel works in first, each by name."""
        with self.store.unit_of_work() as session:
            rows = session.scalars(select(Site).where(Site.kind == "gevangenis", Site.active.is_(True))).all()
            ordered = sorted(rows, key=lambda r: (not r.own, r.name.casefold()))
            return [PrisonSite(code=row.code, name=row.name, own=row.own) for row in ordered]

    def current(self) -> PrisonMode | None:
        """Prison mode as chosen today, or None (never chosen, chosen on another day, or the prison is gone)."""
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            code, day = str(stored["site"]), dt.date.fromisoformat(str(stored["day"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("prison mode file unreadable; prison mode is off")
            return None
        if day != local_date(self.store.now()):
            return None
        site = self._prison(code)
        if site is None:
            return None
        return PrisonMode(site_code=site.code, site_name=site.name, day=day)

    def start(self, site_code: str) -> PrisonMode:
        """Work in this prison for the rest of today (kept over a restart).

        Raises InvalidInputError("unknown-prison") for a code that is not an active prison.
        """
        site = self._prison(site_code)
        if site is None:
            raise InvalidInputError.single("unknown-prison", field="prison_site_code", value=site_code)
        day = local_date(self.store.now())
        text = json.dumps({"site": site.code, "day": day.isoformat()})
        atomic_write_bytes(self.path, text.encode("utf-8"))
        log.info("prison mode on: %s", site.code)
        return PrisonMode(site_code=site.code, site_name=site.name, day=day)

    def stop(self) -> None:
        """Back to the whole catalogue; nothing else changes."""
        self.path.unlink(missing_ok=True)
        log.info("prison mode off")

    def _prison(self, code: str) -> PrisonSite | None:
        with self.store.unit_of_work() as session:
            row = session.scalars(
                select(Site).where(Site.code == code, Site.kind == "gevangenis", Site.active.is_(True))
            ).first()
            return PrisonSite(code=row.code, name=row.name, own=row.own) if row is not None else None


__all__ = ["PrisonMode", "PrisonModeService", "PrisonSite"]
