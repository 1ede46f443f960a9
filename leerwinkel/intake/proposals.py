"""From an intake to the catalogue: the client profile that matching needs (nothing identifying)."""

from __future__ import annotations

from leerwinkel.catalogue.match import ClientProfile
from leerwinkel.intake.types import PersonInput
from leerwinkel.taxonomy import DUTCH_LEVELS, TARGET_GROUPS


def client_profile(person: PersonInput) -> ClientProfile:
    """The matching profile of a person as typed in the intake form.

    Low literacy comes from the vulnerability ``laaggeletterd`` or the threshold ``geletterdheid``;
    a cost threshold asks for free or reduced-price offerings.
    """
    thresholds = {t.code for t in person.thresholds}
    return ClientProfile(
        municipality=person.municipality.strip(),
        dutch_level=person.dutch_level if person.dutch_level in DUTCH_LEVELS else "onbekend",
        low_literacy="laaggeletterd" in person.vulnerabilities or "geletterdheid" in thresholds,
        detained=person.detained,
        prison_site_code=person.prison_site_code or None if person.detained else None,
        budget="reduced" if "kostprijs" in thresholds else "any",
        target_groups=frozenset(code for code in person.target_groups if code in TARGET_GROUPS),
    )
