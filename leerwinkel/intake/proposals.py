"""From an intake to the catalogue: the client profile that matching needs (nothing identifying)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from leerwinkel.catalogue.match import ClientProfile
from leerwinkel.intake.types import PersonInput
from leerwinkel.storage.models import Client, Site
from leerwinkel.taxonomy import DUTCH_LEVELS, TARGET_GROUPS


def client_profile(person: PersonInput) -> ClientProfile:
    """The matching profile of a person as typed in the intake form.

    Low literacy comes from the vulnerability ``laaggeletterd`` or the threshold ``geletterdheid``;
    a cost threshold asks for free or reduced-price offerings.
    """
    return _profile(
        municipality=person.municipality,
        dutch_level=person.dutch_level,
        vulnerabilities=person.vulnerabilities,
        thresholds=(t.code for t in person.thresholds),
        detained=person.detained,
        prison_site_code=person.prison_site_code or None,
        target_groups=person.target_groups,
    )


def stored_profile(session: Session, client: Client) -> ClientProfile:
    """The matching profile of a client as saved (the same rules as :func:`client_profile`)."""
    prison = session.get(Site, client.prison_site_id) if client.prison_site_id else None
    return _profile(
        municipality=client.municipality,
        dutch_level=client.dutch_level,
        vulnerabilities=(v.code for v in client.vulnerabilities),
        thresholds=(t.code for t in client.thresholds),
        detained=client.detained,
        prison_site_code=prison.code if prison is not None else None,
        target_groups=(t.code for t in client.target_groups),
    )


def _profile(
    *,
    municipality: str,
    dutch_level: str,
    vulnerabilities: Iterable[str],
    thresholds: Iterable[str],
    detained: bool,
    prison_site_code: str | None,
    target_groups: Iterable[str],
) -> ClientProfile:
    threshold_codes = set(thresholds)
    return ClientProfile(
        municipality=municipality.strip(),
        dutch_level=dutch_level if dutch_level in DUTCH_LEVELS else "onbekend",
        low_literacy="laaggeletterd" in set(vulnerabilities) or "geletterdheid" in threshold_codes,
        detained=detained,
        prison_site_code=prison_site_code if detained else None,
        budget="reduced" if "kostprijs" in threshold_codes else "any",
        target_groups=frozenset(code for code in target_groups if code in TARGET_GROUPS),
    )
