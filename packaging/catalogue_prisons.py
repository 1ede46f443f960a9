"""Education inside the prisons of Flanders and Brussels, for the bundled catalogue (see build_catalogue.py).

Only what shared/reference/prisons-and-work-learning.md states, each with its page and that page's date:
- Vocvo has an onderwijscoördinator in every prison of Flanders and Brussels: the detainee's way in;
- De Rode Antraciet runs sport and culture in every prison of Flanders and Brussels;
- per prison, the courses a dated page names (Antwerpen c. 2017, Merksplas 2013, Mechelen 2018 ...).
Locations inside a prison refer to the prison's site code (migration 0110, the list of all prisons).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from typing import Any

from leerwinkel.catalogue.dataset import LocationRow, OfferingRow, ProviderRow

_MIGRATION = (
    Path(__file__).resolve().parent.parent / "leerwinkel/storage/migrations/versions/20261202_0110_add_prison_sites.py"
)


def _prisons() -> list[tuple[Any, ...]]:
    spec = importlib.util.spec_from_file_location("prison_sites_0110", _MIGRATION)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    mechelen = ("gevangenis-mechelen", "Gevangenis Mechelen", "Mechelen", "2800", *module.MECHELEN[:3], ())
    return [mechelen, *module.PRISONS]


#: Every site of the list; "prisons" in the strict sense (not FPC, detention or transition houses).
SITES = _prisons()
PRISON_CODES = [row[0] for row in SITES if row[0].startswith("gevangenis-")]

VOCVO_WORK = "https://vocvo.be/content/gedetineerden"
VOCVO_ABOUT = "https://www.vocvo.be/nl/gedetineerden/algemene%20werking/onze%20werking"
ANTRACIET = "https://www.derodeantraciet.be/historiek/"
CREVITS = "http://www.hildecrevits.be/nl/centra-voor-volwassenenonderwijs-kunnen-zich-nog-meer-specialiseren-onderwijs-voor-gedetineerden"


def location_key(provider: str, code: str) -> str:
    return f"{provider}--{code}"


def prison_locations(provider: str, codes: list[str], verified: dt.date | None) -> list[LocationRow]:
    """One location per prison for ``provider``, with the prison's address as the reference notes give it."""
    by_code = {row[0]: row for row in SITES}
    out = []
    for code in codes:
        _code, name, city, postcode, street, *_rest = by_code[code]
        out.append(
            LocationRow(
                id=location_key(provider, code),
                provider=provider,
                name=name,
                street=street,
                postcode=postcode,
                city=city,
                prison_site_code=code,
                sources=("shared/reference/prisons-and-work-learning.md §1",),
                last_verified=verified,
            )
        )
    return out


PROVIDERS = [
    ProviderRow(
        id="vocvo",
        name="Vocvo – onderwijs in de gevangenissen (met CBE en CVO)",
        kind="gevangenisonderwijs",
        description="Vocvo coördineert sinds 1 mei 2015 het onderwijs in de gevangenissen van Vlaanderen en "
        "Brussel, met een onderwijscoördinator in elke gevangenis; de lessen geven CVO's en centra voor "
        "basiseducatie (Ligo).",
        website="https://www.vocvo.be",
        sources=(VOCVO_WORK, VOCVO_ABOUT, "https://www.vocvo.be/nl/gedetineerden/beleidskader"),
        last_verified=None,
    ),
]

_ELSEWHERE = [code for code in PRISON_CODES if code != "gevangenis-mechelen"]  # Mechelen: a location of its own
LOCATIONS = prison_locations("vocvo", PRISON_CODES, None) + prison_locations("de-rode-antraciet", _ELSEWHERE, None)

OFFERINGS = [
    OfferingRow(
        id="vocvo--onderwijscoordinator-in-elke-gevangenis",
        provider="vocvo",
        title="Onderwijscoördinator in de gevangenis: aanmelden voor een cursus",
        category="orientatie",
        description="In elke gevangenis van Vlaanderen en Brussel werkt een onderwijscoördinator van Vocvo. "
        "Die geeft zelf geen les, maar stelt het cursusaanbod samen met de scholen, plant de cursussen, "
        "maakt ze bekend en screent en begeleidt gedetineerden. Wie in de gevangenis een cursus wil volgen, "
        "meldt zich bij de onderwijscoördinator. Het aanbod verschilt per gevangenis; voorbeelden van "
        "beroepsopleidingen in Vlaamse gevangenissen (2017): bedrijfsbeheer, hulpkok, bakker, metselaar, "
        "heftruckbestuurder.",
        in_prison=True,
        locations=tuple(location_key("vocvo", code) for code in PRISON_CODES),
        sources=(VOCVO_WORK, CREVITS),
        last_verified=dt.date(2017, 5, 8),
    ),
    OfferingRow(
        id="vocvo--nt2-talen-en-computer-in-de-gevangenis-van-antwerpen",
        provider="vocvo",
        title="NT2, talen, computer en maatschappelijke oriëntatie in de gevangenis van Antwerpen",
        category="nt2",
        description="Het centrum voor basiseducatie en het CVO bieden in de gevangenis van Antwerpen trajecten "
        "op maat: Nederlands als tweede taal, en voor wie al Nederlands spreekt Frans, Engels, "
        "computerlessen en modules maatschappelijke oriëntatie. In 2015-16 volgden 349 gedetineerden in "
        "Antwerpen een cursus.",
        in_prison=True,
        reduced_for_prisoners=True,
        cost_note="Gedetineerden zijn vrijgesteld van inschrijvingsgeld.",
        locations=(location_key("vocvo", "gevangenis-antwerpen"),),
        sources=(
            "http://www.klasbak.net/index.php/bakberichten/archief/472-minister-van-onderwijs-hilde-crevits-en-"
            "minister-van-justitie-koen-geens-bezoeken-de-gevangenis-van-antwerpen",
            CREVITS,
            "http://www.ond.vlaanderen.be/volwassenenonderwijs/directies/vademecum.htm",
        ),
        last_verified=dt.date(2017, 5, 8),
    ),
    OfferingRow(
        id="vocvo--volwassenenonderwijs-in-de-gevangenis-van-merksplas",
        provider="vocvo",
        title="Volwassenenonderwijs in de gevangenis van Merksplas (o.a. hulpkok, sanitair, elektriciteit, AAV)",
        category="beroepsopleiding",
        description="Cursussen informatica, Engels, Spaans, NT2, hulpkok, sanitair, elektriciteit, "
        "bedrijfsbeheer en aanvullende algemene vorming (tweedekansonderwijs); ongeveer 150 gedetineerden "
        "begonnen in één semester een cursus. De namen van de scholen op de bron (2013) kunnen verouderd zijn.",
        in_prison=True,
        status_uncertain=True,
        status_note="Bron uit 2013: huidig aanbod en scholen niet bevestigd.",
        locations=(location_key("vocvo", "gevangenis-merksplas"),),
        sources=("https://nnieuws.be/artikel/gedetineerden-merksplas-volgen-met-succes-volwassenenonderwijs",),
        last_verified=dt.date(2013, 1, 22),
    ),
    OfferingRow(
        id="vocvo--werk-en-opleiding-in-het-penitentiair-schoolcentrum-hoogstraten",
        provider="vocvo",
        title="Werk en opleiding in het Penitentiair Schoolcentrum Hoogstraten",
        category="beroepsopleiding",
        description="Open inrichting met werk en een gevarieerd opleidingsaanbod (werkplaatsen, een bakkerij "
        "die brood levert aan bijna elke Vlaamse gevangenis). De sluiting werd aangekondigd.",
        in_prison=True,
        status_uncertain=True,
        status_note="Sluiting aangekondigd (ministerraad 25 maart 2024; volgens ACOD midden 2026).",
        locations=(location_key("vocvo", "gevangenis-hoogstraten"),),
        sources=(
            "https://justitie.belgium.be/nl/themas_en_dossiers/gevangenissen/belgische_gevangenissen/"
            "gevangenissen/meer_info/hoogstraten",
            "https://www.acodonline.be/artikelsdetails/sluiting-penitentiair-schoolcentrum-hoogstraten-kennis-"
            "van-zaken-is-overbodig/d8a8d489-16b5-46f2-b4eb-384f57178a5b",
        ),
        last_verified=dt.date(2024, 3, 25),
    ),
    OfferingRow(
        id="vocvo--e-learning-vanuit-de-cel-in-de-gevangenis-van-beveren",
        provider="vocvo",
        title="E-learning vanuit de cel (PrisonCloud) in de gevangenis van Beveren",
        category="andere",
        description="De gevangenis van Beveren heeft PrisonCloud, met onder meer e-learning vanuit de cel.",
        in_prison=True,
        schedules=("online",),
        locations=(location_key("vocvo", "gevangenis-beveren"),),
        sources=("https://www.cds-cvt.be/fr/commissions/350",),
        last_verified=None,
    ),
    OfferingRow(
        id="vocvo--nederlandse-les-voor-anderstalige-gedetineerden-in-mechelen",
        provider="vocvo",
        title="Nederlandse les voor anderstalige gedetineerden in de gevangenis van Mechelen",
        category="nt2",
        description="Ongeveer een derde van de gedetineerden in Mechelen sprak geen Nederlands. Het centrum "
        "voor basiseducatie gaf er taallessen, in 2018 uitgebreid met het project 'Oefenkansen Nederlands in "
        "de gevangenis van Mechelen' (oefenen tijdens het fitnessen).",
        in_prison=True,
        reduced_for_prisoners=True,
        literacy_required=False,
        status_uncertain=True,
        status_note="Bron uit 2018; het huidige aanbod in de gevangenis van Mechelen is niet bevestigd.",
        locations=(location_key("vocvo", "gevangenis-mechelen"),),
        sources=("https://www.hln.be/regio/mechelen/gedetineerden-leren-nederlands-tijdens-fitnessen~aae64f0c",),
        last_verified=dt.date(2018, 2, 17),
    ),
    OfferingRow(
        id="examencommissie--examens-vanuit-de-gevangenis-via-videoconferentie",
        provider="examencommissie",
        title="Mondelinge examens vanuit de gevangenis via videoconferentie",
        category="ce-examen",
        description="Sinds 1 januari 2020 stuurt de Examencommissie geen examinatoren meer naar de "
        "gevangenissen. Mondelinge examens voor gedetineerden gebeuren via videoconferentie op laptops van "
        "Vocvo; proef in de gevangenis van Brugge in het najaar van 2019, daarna uitgebreid naar andere "
        "gevangenissen (welke: niet bevestigd). Vraag het aan de onderwijscoördinator.",
        in_prison=True,
        locations=(location_key("vocvo", "gevangenis-brugge"),),
        sources=("https://www.vocvo.be/nl/gedetineerdenprojecten/project-videoconferentie",),
        last_verified=None,
    ),
]

#: De Rode Antraciet's existing offering: sport and culture in every prison (historiek page).
ANTRACIET_LOCATIONS = ("antraciet-gevangenis-mechelen", *(location_key("de-rode-antraciet", c) for c in _ELSEWHERE))
