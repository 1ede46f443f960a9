"""Per offering: the pages that support it, the date of those pages, status and structured facts.

Keyed by (provider id, position of the offer in providers-regio-mechelen.json), as build_catalogue.py's
OVERLAY. Every value comes from catalogue-facts.md or prisons-and-work-learning.md (beside the JSON).

- ``sources``: the pages that support this offering (not the provider's whole list);
- ``verified``: the date of the newest dated page among them (when a page gives only a month or a year,
  its first day); None when none of the pages is dated, so the offering shows as never checked;
- ``status_uncertain``/``status_note``: where the notes say the offering may have stopped or changed;
- other keys are OfferingRow fields the notes support (schedules, costs, target groups ...).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

D = dt.date
MECHELEN_2023 = "http://www.mechelen.be/leerwinkel-bestaat-2-jaar"
HLN_2022 = "https://www.hln.be/mechelen/leerwinkel-blaast-eerste-kaarsje-uit-dienstverlening-verdubbeld~a6417515/"
VOCVO_LIO = "https://www.vocvo.be/nl/lio-begin-en-levensloop"
LIO_PAGE = "https://www.vocvo.be/nl/gedetineerden/learning-inside-out"
DEMORGEN_2023 = (
    "https://www.demorgen.be/nieuws/blokken-in-de-cel-voor-heel-wat-gedetineerden-verleden-tijd-"
    "studieprogramma-verliest-subsidies~be0bb14a/"
)
LIO_STATUS = (
    "LIO zou op 1 januari 2024 stoppen (De Morgen, juli 2023); mechelen.be noemde LIO in oktober 2023 nog als "
    "partner. Of het nog bestaat, is niet bevestigd."
)
PVI_STATUS = "De provincie besliste het PVI af te stoten (verhuisd eind 2015); de huidige status is onbekend."
PULS_2023 = "https://www.pulsmagazine.be/2023/12/12/ons-opleidingsaanbod-evolueert-mee-met-de-arbeidsmarkt/"
HLN_2020 = (
    "https://www.hln.be/in-de-buurt/mechelen/pitzemburg-opent-campus-tesse-om-enorme-groei-op-te-vangen~aa2574ce/"
)
TKO = "https://vlaanderen.be/een-diploma-secundair-onderwijs-behalen-via-het-secundair-volwassenenonderwijs"
LIGO = "https://www.onderwijskiezer.be/v2/volwassen/volw_basiseducatie.php"
LIGO_AUTISM = (
    "https://nl.participate-autisme.be/hulpmiddelen/praktische-gids/infofiches/basiseducatie-volwassenonderwijs"
)
NT2_OFFER = (
    "https://onderwijs.vlaanderen.be/nl/directies-en-administraties/onderwijsinhoud-en-leerlingenbegeleiding/"
    "volwassenenonderwijs/nederlands-tweede-taal-aanbod-en-afsprakenkader"
)
AP_CLOSING = "https://time.news/ap-university-mechelen-turnhout-thomas-more-takes-over"
AP_OOZO = (
    "https://www.oozo.nl/nieuws/gulpen-wittem/mechelen/6774805/sluiting-campus-in-mechelen-jammer-dit-is-voor-"
    "veel-studenten-lekker-dichtbij"
)
SECURE_KIBO = (
    "https://www.securex.be/nl/lex4you/werkgever/themas/verplichtingen-werkgever/stages-en-opleidingen-voor-"
    "werkzoekenden/wat-houdt-de-ibo-voor-kwetsbare-werkzoekenden-of-k-ibo-in"
)
VCA_PRISON = "https://www.vocvo.be/nl/examens-vca-de-gevangenis"
PVI = "https://www.provincieantwerpen.be/aanbod/doe/pvi/vca/wat-houdt-vca-in.html"
DIGIBANK = "https://www.mechelen.be/projecten/digibank-mechelen"
DIGIBANKPUNT = "https://www.voormechelen.be/elke_mechelse_deelgemeente_heeft_nu_eigen_digibankpunt"
NARIC = "https://www.naricvlaanderen.be/nl/duurtijd-en-kostprijs"

FACTS: dict[tuple[str, int], dict[str, Any]] = {
    ("leerwinkel-regio-mechelen", 0): {"sources": (MECHELEN_2023,), "verified": D(2023, 10, 11)},
    ("leerwinkel-regio-mechelen", 1): {
        "sources": (HLN_2022, MECHELEN_2023),
        "verified": D(2023, 10, 11),
        "target_groups": ("werkzoekende",),
    },
    ("leerwinkel-regio-mechelen", 2): {
        "sources": (MECHELEN_2023,),
        "verified": D(2023, 10, 11),
        "status_uncertain": True,
        "status_note": "De maandelijkse zitdag bij het Agentschap was in 2023 een proef; of die nog loopt, is niet "
        "bevestigd. De adressen van de zitdagen in Lier en Willebroek zijn niet gekend.",
    },
    ("leerwinkel-regio-mechelen", 3): {
        "sources": (HLN_2022, MECHELEN_2023),
        "verified": D(2023, 10, 11),
        "target_groups": ("gedetineerde",),
    },
    ("crescendo-cvo", 0): {
        "sources": (HLN_2020, TKO),
        "verified": D(2020, 1, 1),
        "target_groups": ("vroege-schoolverlater", "ouder-zonder-diploma"),
    },
    ("crescendo-cvo", 1): {"sources": (HLN_2020,), "verified": D(2020, 1, 1)},
    ("crescendo-cvo", 2): {
        "sources": ("https://g-o.be/nieuwe-hotspot-voor-onderwijs-en-bedrijfsexpertise/",),
        "verified": D(2016, 1, 1),
    },
    ("lbc-mechelen", 0): {"sources": (PULS_2023, "https://www.cvotsm.be/cvo/vragen"), "verified": D(2023, 12, 12)},
    ("lbc-mechelen", 1): {"sources": (PULS_2023, "https://www.cvotsm.be/cvo/vragen"), "verified": D(2023, 12, 12)},
    ("lbc-mechelen", 2): {"sources": ("https://www.cvotsm.be/cvo/vragen",), "verified": None},
    ("cvo-campus-vijfhoek", 0): {
        "sources": ("https://www.standaard.be/cnt/nbra27082003_031", "http://tkomechelen.be/"),
        "verified": D(2003, 8, 27),
        "target_groups": ("vroege-schoolverlater", "ouder-zonder-diploma"),
    },
    ("ligo-regio-mechelen", 0): {"sources": (LIGO, LIGO_AUTISM), "verified": None},
    ("ligo-regio-mechelen", 1): {"sources": (LIGO, NT2_OFFER), "verified": None},
    ("ligo-regio-mechelen", 2): {"sources": (LIGO,), "verified": None},
    ("ligo-regio-mechelen", 3): {"sources": (LIGO,), "verified": None},
    ("ligo-regio-mechelen", 4): {
        "sources": (VCA_PRISON,),
        "verified": D(2020, 12, 21),
        "target_groups": ("gedetineerde",),
    },
    ("thomas-more-mechelen", 0): {
        "sources": (
            "https://architectura.be/nl/nieuws/50755/vernieuwbouw-thomas-more-campus-de-vest-van-stramien-en-"
            "arcade-in-de-startblokken",
            AP_CLOSING,
        ),
        "verified": D(2026, 2, 3),
    },
    ("ap-hogeschool", 0): {
        "sources": (AP_OOZO, AP_CLOSING, "https://www.ap.be/toelatingsvoorwaarden-voor-bachelors"),
        "verified": D(2026, 2, 3),
        "status_uncertain": True,
        "status_note": "AP sluit de campus in Mechelen (bericht van 3 februari 2026); wie er studeert, kan in "
        "principe afwerken. Thomas More neemt opleidingen over.",
    },
    ("ap-hogeschool", 1): {
        "sources": (
            "https://www.hln.be/in-de-buurt/antwerpen/22-procent-meer-studenten-voor-ap-hogeschool-dankzij-"
            "graduaatsopleidingen~a0b6ea92/",
        ),
        "verified": D(2019, 1, 1),
    },
    ("vdab-mechelen", 0): {
        "sources": (
            "https://www.vlaanderen.be/en/working/individual-vocational-training-programme-ibo-job-seekers",
            "https://partners.vdab.be/werkgevers/ibo",
        ),
        "verified": None,
        "is_free": True,
        "cost_note": "De cursist houdt de uitkering en krijgt een IBO-premie van VDAB.",
        "target_groups": ("werkzoekende",),
    },
    ("vdab-mechelen", 1): {
        "sources": (
            SECURE_KIBO,
            "https://www.vdab.be/nieuws/pers/reactie-vdab-op-rapport-van-het-rekenhof-over-ibo",
        ),
        "verified": D(2021, 1, 20),
        "target_groups": ("werkzoekende",),
    },
    ("vdab-mechelen", 2): {
        "sources": (
            "https://www.vdab.be/opleidingen/leren-en-werken/beroepsinlevingsstage",
            "https://werkgevers.vdab.be/werkgevers/bis/faq",
        ),
        "verified": None,
        "cost_note": "Betaalde stage: de werkgever betaalt een stagevergoeding van minstens de helft van het GGMMI "
        "(voltijds).",
        "target_groups": ("werkzoekende", "werknemer"),
    },
    ("vdab-mechelen", 3): {"sources": (NT2_OFFER,), "verified": None, "target_groups": ("werkzoekende",)},
    ("vdab-mechelen", 4): {"sources": (DIGIBANKPUNT, DIGIBANK), "verified": None},
    ("vdab-mechelen", 5): {
        "sources": (MECHELEN_2023,),
        "verified": D(2023, 10, 11),
        "target_groups": ("werkzoekende",),
    },
    ("syntra-ab", 0): {"sources": ("https://www.syntra-ab.be/de-geschiedenis-van-syntra-ab",), "verified": None},
    ("syntra-ab", 1): {"sources": ("https://www.syntra-ab.be/de-geschiedenis-van-syntra-ab",), "verified": None},
    ("syntra-ab", 2): {"sources": (NT2_OFFER,), "verified": None},
    ("examencommissie", 0): {
        "sources": (
            "https://vlaanderen.be/examencommissiesecundaironderwijs",
            "https://examencommissiesecundaironderwijs.be/examenreglement",
            "https://w.jabbeke.be/Productencatalogus.aspx?vid=680",
        ),
        "verified": D(2021, 7, 1),
        "schedules": ("afstandsonderwijs",),
    },
    ("examencommissie", 1): {"sources": (TKO,), "verified": None},
    ("agii-mechelen", 0): {
        "sources": ("http://www.hvnoostvlaanderen.be/wat-doen-we/intake-testing-orientering/", NT2_OFFER),
        "verified": None,
        "dutch_level_min": "A0",
        "target_groups": ("anderstalige-nieuwkomer",),
    },
    ("agii-mechelen", 1): {
        "sources": ("http://www.agii.vlaanderen/2017/",),
        "verified": D(2017, 1, 1),
        "target_groups": ("anderstalige-nieuwkomer",),
    },
    ("agii-mechelen", 2): {
        "sources": (MECHELEN_2023,),
        "verified": D(2023, 10, 11),
        "status_uncertain": True,
        "status_note": "In 2023 een proef; of de maandelijkse zitdag nog loopt, is niet bevestigd.",
    },
    ("naric-vlaanderen", 0): {"sources": (NARIC,), "verified": None},
    ("naric-vlaanderen", 1): {"sources": (NARIC,), "verified": None},
    ("naric-vlaanderen", 2): {
        "sources": (NARIC, "http://mijndiploma.be/faq/hoeveel-kost-de-procedure-diplomagelijkschakeling"),
        "verified": None,
    },
    ("gevangenis-mechelen", 0): {
        "sources": (HLN_2022, VOCVO_LIO),
        "verified": D(2022, 10, 1),
        "status_uncertain": True,
        "status_note": LIO_STATUS,
        "target_groups": ("gedetineerde",),
    },
    ("gevangenis-mechelen", 1): {
        "sources": (DEMORGEN_2023, LIGO),
        "verified": D(2023, 7, 1),
        "target_groups": ("gedetineerde",),
    },
    ("lio-vocvo", 0): {
        "sources": (VOCVO_LIO, LIO_PAGE, DEMORGEN_2023),
        "verified": D(2023, 7, 1),
        "status_uncertain": True,
        "status_note": LIO_STATUS,
        "target_groups": ("gedetineerde",),
    },
    ("lio-vocvo", 1): {
        "sources": (VOCVO_LIO, LIO_PAGE),
        "verified": D(2023, 7, 1),
        "status_uncertain": True,
        "status_note": LIO_STATUS,
        "target_groups": ("gedetineerde",),
    },
    ("lio-vocvo", 2): {
        "sources": (VOCVO_LIO, LIO_PAGE),
        "verified": D(2023, 7, 1),
        "status_uncertain": True,
        "status_note": LIO_STATUS,
        "target_groups": ("gedetineerde",),
    },
    ("de-rode-antraciet", 0): {
        "sources": (
            "https://www.derodeantraciet.be/historiek/",
            "https://www.derodeantraciet.be/actueel/nieuwe-beheersovereenkomst/",
        ),
        "verified": D(2017, 3, 8),
        "target_groups": ("gedetineerde",),
    },
    ("besacc-vca", 0): {
        "sources": ("https://www.besacc-vca.be/basisveiligheid-b-vca/", "https://www.besacc-vca.be/diplomaregister/"),
        "verified": None,
    },
    ("pvi-antwerpen", 0): {
        "sources": (PVI, "https://stefandewinter.be/category/provincieraad/page/3/"),
        "verified": None,
        "status_uncertain": True,
        "status_note": PVI_STATUS,
    },
    ("pvi-antwerpen", 1): {
        "sources": (VCA_PRISON, PVI),
        "verified": D(2020, 12, 21),
        "status_uncertain": True,
        "status_note": PVI_STATUS,
        "target_groups": ("gedetineerde",),
    },
    ("ergoteam", 0): {"sources": ("http://www.ergoteam.be/index.cfm?Id=106",), "verified": None},
    ("be-consult", 0): {"sources": ("https://be-consult.be/vca-examens/examenreglement",), "verified": None},
    ("digibank-mechelen", 0): {"sources": (DIGIBANK, DIGIBANKPUNT), "verified": None},
    ("digibank-mechelen", 1): {"sources": (DIGIBANK,), "verified": None},
    ("digibank-mechelen", 2): {"sources": ("https://koenanciaux.be/13-digipunten-in-mechelen",), "verified": None},
    ("duoday", 0): {
        "sources": (
            "https://www.gripvzw.be/nl/artikel/312/duoday-als-opstap-naar-echt-werk",
            "http://www.standaard.be/cnt/dmf20190524_04421392",
        ),
        "verified": D(2019, 5, 24),
        "target_groups": ("werkzoekende",),
    },
}
