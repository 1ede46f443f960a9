"""Regenerate resources/catalogue/catalogue.json from the reference facts.

Usage: python packaging/build_catalogue.py REFERENCE_DIR [OUTPUT]

REFERENCE_DIR holds providers-regio-mechelen.json (the providers and their offers) and
catalogue-facts.md (the notes behind it). This script adds only what those notes state: stable ids,
the taxonomy category, the places (only addresses the notes confirm), and structured facts
(schedule, cost, prison, literacy) each tied to a line of the notes. Anything not found stays empty.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling catalogue_*.py modules

import catalogue_facts
import catalogue_prisons
import catalogue_work

from leerwinkel.catalogue.dataset import Dataset, LocationRow, OfferingRow, ProviderRow, validate_dataset
from leerwinkel.catalogue.native import native_bytes

#: The day the reference notes were compiled; no longer a record's last-verified date (see catalogue_facts.py).
VERIFIED = dt.date(2026, 11, 27)
BUNDLE_VERSION = "2026.12.02"

PROVIDER_KEYS = {
    "Leerwinkel Regio Mechelen": "leerwinkel-regio-mechelen",
    "Crescendo CVO": "crescendo-cvo",
    "LBC Volwassenenonderwijs": "lbc-mechelen",
    "CVO Campus Vijfhoek": "cvo-campus-vijfhoek",
    "Ligo": "ligo-regio-mechelen",
    "Thomas More": "thomas-more-mechelen",
    "AP Hogeschool": "ap-hogeschool",
    "VDAB": "vdab-mechelen",
    "Syntra AB": "syntra-ab",
    "Examencommissie": "examencommissie",
    "Agentschap Integratie": "agii-mechelen",
    "NARIC": "naric-vlaanderen",
    "Gevangenis Mechelen": "gevangenis-mechelen",
    "Learning Inside Out": "lio-vocvo",
    "De Rode Antraciet": "de-rode-antraciet",
    "Contractor Safety": "besacc-vca",
    "Provinciaal Veiligheidsinstituut": "pvi-antwerpen",
    "Ergoteam": "ergoteam",
    "Be-Consult": "be-consult",
    "Digibank Mechelen": "digibank-mechelen",
    "DUOday": "duoday",
}

#: Categories in the reference JSON that are not taxonomy codes, and where they belong.
CATEGORY_MAP = {
    "digitale-vaardigheden": "basiseducatie",  # facts §2 Basiseducatie: ICT/digital skills
    "erkenning-diploma": "erkenning",
    "taal-andere": "andere",
}

PRISON_MECHELEN = {"street": "Liersesteenweg 2", "postcode": "2800", "city": "Mechelen"}

#: Places, only with what facts §1, §5 and §7 confirm: (id, provider, fields).
LOCATIONS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "lrm-sociaal-huis",
        "leerwinkel-regio-mechelen",
        {"name": "Sociaal Huis", "street": "Lange Schipstraat 27", "postcode": "2800", "city": "Mechelen"},
    ),
    ("lrm-zitdag-lier", "leerwinkel-regio-mechelen", {"name": "Zitdag Lier", "city": "Lier"}),
    ("lrm-zitdag-willebroek", "leerwinkel-regio-mechelen", {"name": "Zitdag Willebroek", "city": "Willebroek"}),
    (
        "lrm-zitdag-agii",
        "leerwinkel-regio-mechelen",
        {
            "name": "Zitdag bij het Agentschap Integratie en Inburgering",
            "street": "Brusselsepoortstraat 8",
            "postcode": "2800",
            "city": "Mechelen",
        },
    ),
    (
        "lrm-gevangenis-mechelen",
        "leerwinkel-regio-mechelen",
        {"name": "Gevangenis Mechelen", **PRISON_MECHELEN, "prison_site_code": "gevangenis-mechelen"},
    ),
    (
        "crescendo-leopoldstraat",
        "crescendo-cvo",
        {"name": "Campus Leopoldstraat", "street": "Leopoldstraat 42", "postcode": "2800", "city": "Mechelen"},
    ),
    ("crescendo-vaartdijk", "crescendo-cvo", {"name": "Campus Vaartdijk", "street": "Vaartdijk", "city": "Mechelen"}),
    ("lbc-centrum-mechelen", "lbc-mechelen", {"name": "Centrum Mechelen", "city": "Mechelen"}),
    (
        "vijfhoek-campus",
        "cvo-campus-vijfhoek",
        {"name": "Campus Vijfhoek", "street": "Onze-Lieve-Vrouwestraat", "city": "Mechelen"},
    ),
    (
        "ligo-gevangenis-antwerpen",
        "ligo-regio-mechelen",
        {"name": "Gevangenis Antwerpen", "city": "Antwerpen", "prison_site_code": "gevangenis-antwerpen"},
    ),
    (
        "thomas-more-de-vest",
        "thomas-more-mechelen",
        {"name": "Campus De Vest", "street": "Zandpoortvest", "postcode": "2800", "city": "Mechelen"},
    ),
    ("ap-campus-mechelen", "ap-hogeschool", {"name": "Campus Mechelen (sluit)", "city": "Mechelen"}),
    ("ap-antwerpen", "ap-hogeschool", {"name": "Antwerpen", "city": "Antwerpen"}),
    ("vdab-mechelen", "vdab-mechelen", {"name": "VDAB Mechelen", "city": "Mechelen"}),
    (
        "examencommissie-brussel",
        "examencommissie",
        {
            "name": "Examencentrum, Consciencegebouw (1ste verdieping)",
            "street": "Koning Albert II-laan 15",
            "postcode": "1210",
            "city": "Brussel",
        },
    ),
    (
        "agii-mechelen",
        "agii-mechelen",
        {
            "name": "Kantoor Mechelen (Huis van het Nederlands)",
            "street": "Brusselsepoortstraat 8",
            "postcode": "2800",
            "city": "Mechelen",
        },
    ),
    (
        "naric-brussel",
        "naric-vlaanderen",
        {
            "name": "Hendrik Consciencegebouw, Toren C, 2de verdieping",
            "street": "Koning Albert II-laan 15",
            "postcode": "1210",
            "city": "Brussel",
            "opening_hours": "Bezoek alleen op afspraak.",
        },
    ),
    (
        "gevangenis-mechelen",
        "gevangenis-mechelen",
        {
            "name": "Gevangenis Mechelen",
            **PRISON_MECHELEN,
            "phone": "015 44 62 70",
            "prison_site_code": "gevangenis-mechelen",
        },
    ),
    (
        "lio-gevangenis-mechelen",
        "lio-vocvo",
        {"name": "Gevangenis Mechelen", **PRISON_MECHELEN, "prison_site_code": "gevangenis-mechelen"},
    ),
    (
        "antraciet-gevangenis-mechelen",
        "de-rode-antraciet",
        {"name": "Gevangenis Mechelen", **PRISON_MECHELEN, "prison_site_code": "gevangenis-mechelen"},
    ),
    (
        "besacc-mechelen",
        "besacc-vca",
        {
            "name": "Contractor Safety Management",
            "street": "Kannunik De Deckerstraat 20 A",
            "postcode": "2800",
            "city": "Mechelen",
        },
    ),
    (
        "pvi-gevangenis-antwerpen",
        "pvi-antwerpen",
        {"name": "Gevangenis Antwerpen", "city": "Antwerpen", "prison_site_code": "gevangenis-antwerpen"},
    ),
    (
        "ergoteam-voordries",
        "ergoteam",
        {"name": "Ergoteam", "street": "Voordries 3", "postcode": "9050", "city": "Gentbrugge"},
    ),
    (
        "ergoteam-bedrijvencentrum-gent",
        "ergoteam",
        {"name": "Bedrijvencentrum Gent", "street": "Kerkstraat 106", "postcode": "9050", "city": "Gentbrugge"},
    ),
    (
        "ergoteam-fusionscoop",
        "ergoteam",
        {"name": "Centrum Fusionscoop", "street": "Lange Dijkstraat 60", "postcode": "2060", "city": "Antwerpen"},
    ),
    (
        "digibank-sociaal-huis",
        "digibank-mechelen",
        {"name": "Digibankpunt Sociaal Huis", "street": "Lange Schipstraat 27", "postcode": "2800", "city": "Mechelen"},
    ),
    ("digibank-vdab", "digibank-mechelen", {"name": "Digibankpunt VDAB Mechelen", "city": "Mechelen"}),
    (
        "digibank-den-abeel",
        "digibank-mechelen",
        {
            "name": "Digibankpunt LDC Den Abeel",
            "street": "Jozef Verbertstraat",
            "city": "Mechelen",
            "opening_hours": "Vrijdag 10:00-12:00",
        },
    ),
]

CVO_CBE_FEES = {  # facts §3: exemption for detainees and for several groups of jobseekers
    "reduced_for_jobseekers": True,
    "reduced_for_prisoners": True,
}

#: Structured facts per offer, keyed by (provider id, position of the offer in the reference JSON).
OVERLAY: dict[tuple[str, int], dict[str, Any]] = {
    ("leerwinkel-regio-mechelen", 0): {"is_free": True, "locations": ["lrm-sociaal-huis"]},
    ("leerwinkel-regio-mechelen", 1): {"is_free": True, "locations": ["lrm-sociaal-huis"]},
    ("leerwinkel-regio-mechelen", 2): {
        "is_free": True,
        "locations": ["lrm-zitdag-lier", "lrm-zitdag-willebroek", "lrm-zitdag-agii"],
    },
    ("leerwinkel-regio-mechelen", 3): {"is_free": True, "in_prison": True, "locations": ["lrm-gevangenis-mechelen"]},
    ("crescendo-cvo", 0): {
        **CVO_CBE_FEES,
        "locations": ["crescendo-leopoldstraat"],
        "cost_note": "Algemene vorming in het volwassenenonderwijs: geen inschrijvingsgeld, enkel materiaalkosten.",
        "admission": "Vanaf 18 jaar (of 18 worden voor 31 december); Belgische nationaliteit of wettig verblijf; "
        "gedetineerden tonen een attest van detentie.",
    },
    ("crescendo-cvo", 1): {
        **CVO_CBE_FEES,
        "locations": ["crescendo-vaartdijk"],
        "cost_note": "€1,50 per lestijd (standaardtarief volwassenenonderwijs).",
    },
    ("crescendo-cvo", 2): {"locations": ["crescendo-leopoldstraat"], "active": False},
    ("lbc-mechelen", 0): {
        **CVO_CBE_FEES,
        "locations": ["lbc-centrum-mechelen"],
        "cost_note": "NT2: hoogstens €0,60 per lestijd; verminderd tarief €0,30 per lestijd.",
        "admission": "Voor een eerste NT2-cursus eerst naar het Agentschap Integratie en Inburgering voor "
        "niveaubepaling en doorverwijzing.",
    },
    ("lbc-mechelen", 1): {
        **CVO_CBE_FEES,
        "locations": ["lbc-centrum-mechelen"],
        "admission": "Voor personenzorg eerst een intake.",
    },
    ("lbc-mechelen", 2): {"category": "erkenning", "locations": ["lbc-centrum-mechelen"]},
    ("cvo-campus-vijfhoek", 0): {
        **CVO_CBE_FEES,
        "schedules": ["dag"],
        "locations": ["vijfhoek-campus"],
        "schedule_note": "Lessen meestal 8u30-17u; schoolvakanties zoals in het secundair; instappen in september "
        "of januari.",
        "cost_note": "Algemene vorming in het volwassenenonderwijs: geen inschrijvingsgeld, enkel materiaalkosten.",
    },
    ("ligo-regio-mechelen", 0): {
        **CVO_CBE_FEES,
        "literacy_required": False,
        "cost_note": "De meeste cursisten betalen geen inschrijvingsgeld.",
        "admission": "Vanaf 18 jaar (sommige cursussen vanaf 16), wettig verblijf; gedetineerden enkel een attest "
        "van detentie.",
    },
    ("ligo-regio-mechelen", 1): {**CVO_CBE_FEES, "literacy_required": False, "dutch_level_min": "A0"},
    ("ligo-regio-mechelen", 2): {**CVO_CBE_FEES},
    ("ligo-regio-mechelen", 3): {**CVO_CBE_FEES, "category": "basiseducatie"},
    ("ligo-regio-mechelen", 4): {
        **CVO_CBE_FEES,
        "in_prison": True,
        "locations": ["ligo-gevangenis-antwerpen"],
        "schedule_note": "Twee keer per jaar.",
    },
    ("thomas-more-mechelen", 0): {"locations": ["thomas-more-de-vest"]},
    ("ap-hogeschool", 0): {
        "locations": ["ap-campus-mechelen"],
        "admission": "Voor een bachelor: diploma secundair onderwijs of gelijkwaardig.",
    },
    ("ap-hogeschool", 1): {"locations": ["ap-antwerpen"]},
    ("vdab-mechelen", 0): {"locations": ["vdab-mechelen"]},
    ("vdab-mechelen", 1): {"locations": ["vdab-mechelen"]},
    ("vdab-mechelen", 2): {"locations": ["vdab-mechelen"]},
    ("vdab-mechelen", 3): {"locations": ["vdab-mechelen"]},
    ("vdab-mechelen", 4): {"is_free": True, "locations": ["vdab-mechelen"]},
    ("vdab-mechelen", 5): {"locations": ["vdab-mechelen"]},
    ("examencommissie", 0): {
        "is_free": False,
        "locations": ["examencommissie-brussel"],
        "schedule_note": "Zelfstudie zonder lessen; examens meestal digitaal in het examencentrum in Brussel.",
        "cost_note": "€38 per studierichting per graad (reglement 2021, niet terugbetaald; huidig bedrag niet "
        "nagegaan).",
        "what_to_bring": "Geldige identiteitskaart; recente pasfoto op het kandidatenplatform.",
    },
    ("examencommissie", 1): {"locations": ["examencommissie-brussel"]},
    ("agii-mechelen", 0): {"is_free": True, "locations": ["agii-mechelen"], "literacy_required": False},
    ("agii-mechelen", 1): {"locations": ["agii-mechelen"]},
    ("agii-mechelen", 2): {"is_free": True, "locations": ["agii-mechelen"]},
    ("naric-vlaanderen", 0): {
        "is_free": False,
        "cost_note": "€90; richttermijn 60 dagen.",
        "locations": ["naric-brussel"],
    },
    ("naric-vlaanderen", 1): {
        "is_free": False,
        "cost_note": "€180 (doctoraat €300); richttermijn 120 dagen.",
        "locations": ["naric-brussel"],
    },
    ("naric-vlaanderen", 2): {"is_free": True, "locations": ["naric-brussel"]},
    ("gevangenis-mechelen", 0): {"is_free": True, "in_prison": True, "locations": ["gevangenis-mechelen"]},
    ("gevangenis-mechelen", 1): {
        "in_prison": True,
        "reduced_for_prisoners": True,
        "literacy_required": False,
        "locations": ["gevangenis-mechelen"],
        "cost_note": "Gedetineerden zijn vrijgesteld van inschrijvingsgeld.",
    },
    ("lio-vocvo", 0): {"in_prison": True, "locations": ["lio-gevangenis-mechelen"]},
    ("lio-vocvo", 1): {"in_prison": True, "locations": ["lio-gevangenis-mechelen"]},
    ("lio-vocvo", 2): {"in_prison": True, "locations": ["lio-gevangenis-mechelen"]},
    ("de-rode-antraciet", 0): {"in_prison": True, "locations": list(catalogue_prisons.ANTRACIET_LOCATIONS)},
    ("besacc-vca", 0): {"locations": ["besacc-mechelen"]},
    ("pvi-antwerpen", 0): {
        "literacy_required": False,
        "admission": "Geen deelnamevoorwaarden behalve de identiteitskaart.",
    },
    ("pvi-antwerpen", 1): {"in_prison": True, "locations": ["pvi-gevangenis-antwerpen"]},
    ("ergoteam", 0): {
        "literacy_required": False,
        "locations": ["ergoteam-voordries", "ergoteam-fusionscoop"],
        "admission": "Minimumleeftijd 16 jaar.",
    },
    ("be-consult", 0): {"literacy_required": False},
    ("digibank-mechelen", 0): {
        "is_free": True,
        "locations": ["digibank-sociaal-huis", "digibank-vdab", "digibank-den-abeel"],
    },
    ("digibank-mechelen", 1): {},
    ("digibank-mechelen", 2): {"is_free": True},
    ("duoday", 0): {"schedule_note": "Eén dag per jaar."},
}

#: Offers the notes describe but the reference JSON does not list as a separate offer.
EXTRA_OFFERS: list[OfferingRow] = [
    OfferingRow(
        id="vdab-mechelen--nt2-op-de-werkvloer-ibo-met-taalcoaching",
        provider="vdab-mechelen",
        title="NT2 op de werkvloer: IBO met gratis taalcoaching",
        category="werkplekleren",
        description="VDAB biedt een IBO met gratis taalcoaching aan werkgevers die een werkzoekende opleiden die "
        "nog niet goed Nederlands spreekt. Een NT2-stage als afzonderlijke VDAB-maatregel werd niet bevestigd.",
        locations=("vdab-mechelen",),
        sources=("https://partners.vdab.be/werkgevers/ibo",),
        last_verified=None,
        target_groups=("werkzoekende", "anderstalige-nieuwkomer"),
    ),
]

#: Lines of the notes that the overlay relies on, added to the sources of each offering.
FACT_SOURCES = {
    "cvo": "https://vlaanderen.be/een-diploma-secundair-onderwijs-behalen-via-het-secundair-volwassenenonderwijs",
    "fees": "http://cdn.vlaanderen.be/onderwijs-en-vorming/school-en-studiekosten/kosten-volwassenenonderwijs",
    "exemptions": "https://www.steenokkerzeel.be/product/90/vrijstelling-of-vermindering-van-inschrijvingsgeld-in-het-volwassenenonderwijs",
    "nt2-fees": "https://modernetalen.be/nl/nederlands/prijs-nederlands",
    "ligo": "https://www.onderwijskiezer.be/v2/volwassen/volw_basiseducatie.php",
}


def slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def provider_key(name: str) -> str:
    for prefix, key in PROVIDER_KEYS.items():
        if name.startswith(prefix):
            return key
    raise SystemExit(f"no stable id for provider {name!r}: add it to PROVIDER_KEYS")


def build(reference: Path) -> Dataset:
    raw = json.loads((reference / "providers-regio-mechelen.json").read_text(encoding="utf-8"))
    providers: list[ProviderRow] = []
    offerings: list[OfferingRow] = []
    sources_of: dict[str, tuple[str, ...]] = {}
    used_overlays: set[tuple[str, int]] = set()
    for item in raw:
        key = provider_key(item["name"])
        sources = tuple(item.get("sources") or ())
        sources_of[key] = sources
        providers.append(
            ProviderRow(
                id=key,
                name=item["name"],
                kind=item.get("kind") or "",
                description=item.get("verified") or "",
                website=item.get("website") or "",
                email=item.get("email") or "",
                phone=item.get("phone") or "",
                sources=sources,
                last_verified=VERIFIED,
            )
        )
        for index, offer in enumerate(item.get("offers") or []):
            extra = dict(OVERLAY.get((key, index), {}))
            used_overlays.add((key, index))
            if (key, index) not in catalogue_facts.FACTS:
                raise SystemExit(f"no sources for offer {key} {index}: add it to catalogue_facts.FACTS")
            facts = dict(catalogue_facts.FACTS[(key, index)])
            own_sources: tuple[str, ...] = facts.pop("sources")
            verified: dt.date | None = facts.pop("verified")
            extra.update(facts)
            category = extra.pop("category", None) or CATEGORY_MAP.get(offer["category"], offer["category"])
            extra_sources = []
            if extra.get("reduced_for_prisoners") and "cost_note" not in extra:
                extra_sources.append(FACT_SOURCES["exemptions"])
            adult_education = key in {"crescendo-cvo", "lbc-mechelen", "cvo-campus-vijfhoek", "ligo-regio-mechelen"}
            if "cost_note" in extra and "€" in extra["cost_note"] and adult_education:
                extra_sources.extend([FACT_SOURCES["fees"], FACT_SOURCES["nt2-fees"]])
            offerings.append(
                OfferingRow(
                    id=f"{key}--{slug(offer['title'])}"[:120],
                    provider=key,
                    title=offer["title"],
                    category=category,
                    description=offer.get("notes") or "",
                    schedules=tuple(extra.pop("schedules", ())),
                    locations=tuple(extra.pop("locations", ())),
                    sources=tuple(dict.fromkeys(own_sources + tuple(extra_sources))),
                    last_verified=verified,
                    **extra,
                )
            )
    offerings.extend(EXTRA_OFFERS)
    offerings.extend(catalogue_prisons.OFFERINGS)
    providers.extend(catalogue_prisons.PROVIDERS)
    offerings.extend(catalogue_work.OFFERINGS)
    providers.extend(catalogue_work.PROVIDERS)
    unused = set(OVERLAY) - used_overlays
    if unused:
        raise SystemExit(f"overlay entries without an offer in the reference: {sorted(unused)}")
    # A provider (and its places) is as recent as the newest dated page about one of its offerings.
    newest: dict[str, dt.date] = {}
    for row in offerings:
        if row.last_verified and (row.provider not in newest or row.last_verified > newest[row.provider]):
            newest[row.provider] = row.last_verified
    providers = [replace(p, last_verified=newest.get(p.id)) for p in providers]
    locations = [
        LocationRow(
            id=key, provider=provider, sources=sources_of[provider], last_verified=newest.get(provider), **values
        )
        for key, provider, values in LOCATIONS
    ]
    locations.extend(catalogue_prisons.LOCATIONS)
    locations.extend(catalogue_work.LOCATIONS)
    data = Dataset(tuple(providers), tuple(locations), tuple(offerings)).sorted()
    prisons = frozenset(row[0] for row in catalogue_prisons.SITES)
    problems = validate_dataset(data, prisons=prisons)
    if problems:
        raise SystemExit(f"the built catalogue is not valid: {problems}")
    return data


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__)
        return 2
    reference = Path(argv[1])
    output = (
        Path(argv[2])
        if len(argv) == 3
        else Path(__file__).resolve().parent.parent / "resources" / "catalogue" / "catalogue.json"
    )
    data = build(reference)
    output.write_bytes(native_bytes(data, bundle_version=BUNDLE_VERSION))
    print(
        f"{output}: {len(data.providers)} providers, {len(data.locations)} locations, {len(data.offerings)} offerings"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
