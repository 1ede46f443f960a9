"""Learning at an employer, mentoring and buddies, for the bundled catalogue (see build_catalogue.py).

From shared/reference/prisons-and-work-learning.md §3 (each with its page and date). The types the seed
names but no page describes as a measure (NT2-stage, schoolopdracht vanaf 15 jaar, a company academy
opened to jobseekers) are kept as types under "Partnerwerkgevers van de Leerwinkel": they state no fact,
say so ("nog geen partnerwerkgever ingevuld"), and the Leerwinkel fills them in with its own partners.
"""

from __future__ import annotations

import datetime as dt

from leerwinkel.catalogue.dataset import LocationRow, OfferingRow, ProviderRow

D = dt.date
TYPE_NOTE = "Type van werkplekleren zonder vaste regeling: nog geen partnerwerkgever ingevuld. Vul aan met een partner."

PROVIDERS = [
    ProviderRow(
        id="duo-for-a-job",
        name="DUO for a JOB",
        kind="mentoring",
        description="Intergenerationele mentoring naar werk; in Mechelen actief sinds de zomer van 2020.",
        phone="+32 (0)3 231 69 35",
        sources=(
            "https://www.hln.be/in-de-buurt/mechelen/-duo-s-for-a-job-zijn-een-feit-mechelse-50-plussers-helpen-"
            "jonge-werkzoekenden-met-niet-europese-migratieachtergrond-aan-werk~a4498bde/",
            "https://www.winkelhaak.be/duo",
        ),
        last_verified=D(2020, 9, 25),
    ),
    ProviderRow(
        id="stad-mechelen",
        name="Stad Mechelen",
        kind="lokaal-bestuur",
        sources=("http://www.gva.be/cnt/dmf20170917_03076871/mechelen-levert-attesten-af-aan-twintig-inburgeraars",),
        last_verified=D(2017, 9, 17),
    ),
    ProviderRow(
        id="fmdo",
        name="FMDO (Compagnons, regio Rivierenland)",
        kind="buddywerking",
        sources=("https://mechelen-prod.hosted-temp.com/digitaal-loket/buddywerking-compagnons?type=homepage",),
        last_verified=None,
    ),
    ProviderRow(
        id="leerwinkel-partners",
        name="Partnerwerkgevers van de Leerwinkel (in te vullen)",
        kind="werkgever",
        description="Types van leren bij een werkgever die de Leerwinkel invult met haar eigen partners.",
        sources=("shared/reference/prisons-and-work-learning.md §3",),
        last_verified=None,
    ),
]

LOCATIONS = [
    LocationRow(
        id="duo-for-a-job-antwerpen",
        provider="duo-for-a-job",
        name="Kantoor Antwerpen",
        street="Lange Winkelhaakstraat 26",
        postcode="2060",
        city="Antwerpen",
        sources=("https://www.winkelhaak.be/duo",),
    ),
    LocationRow(
        id="duo-for-a-job-sociaal-huis",
        provider="duo-for-a-job",
        name="Vergaderruimte in het Sociaal Huis",
        street="Lange Schipstraat 27",
        postcode="2800",
        city="Mechelen",
        sources=(PROVIDERS[0].sources[0],),
        last_verified=D(2020, 9, 25),
    ),
]

VDAB_IBO_T = (
    "https://www.vdab.be/persberichten/persberichten-algemeen/ook-vlamingen-met-beperkte-kennis-van-het-"
    "nederlands-zijn-meer",
    "https://trace.brussels/nieuws/nederlands-op-de-werkvloer-0",
)

OFFERINGS = [
    OfferingRow(
        id="vdab-mechelen--ibo-t-individuele-beroepsopleiding-met-taalondersteuning",
        provider="vdab-mechelen",
        title="IBO-T – individuele beroepsopleiding met taalondersteuning",
        category="werkplekleren",
        description="Een IBO op de werkvloer met een taalcoach, voor anderstalige werkzoekenden: 'Nederlands "
        "op de werkvloer'. Volgens VDAB volgden sinds 2021 260 werkzoekenden een IBO-T. Duur en kosten staan "
        "niet op de bron (voor een IBO: 1 tot 6 maanden).",
        target_groups=("werkzoekende", "anderstalige-nieuwkomer"),
        locations=("vdab-mechelen",),
        sources=VDAB_IBO_T,
        last_verified=D(2024, 3, 1),
    ),
    OfferingRow(
        id="vdab-mechelen--korte-opleiding-met-stage-op-de-werkvloer",
        provider="vdab-mechelen",
        title="Korte opleiding met stage op de werkvloer (opleiding bij een bedrijf)",
        category="werkplekleren",
        description="Een bedrijf, uitzendkantoor of sociale-economiebedrijf leidt werkzoekenden op de eigen "
        "werkvloer op voor openstaande vacatures, met goedkeuring van VDAB; hoogstens 5 volle of 10 halve dagen.",
        is_free=True,
        cost_note="Gratis; de werkzoekende behoudt de uitkering als VDAB dat toestaat, zonder loon of premie.",
        target_groups=("werkzoekende",),
        locations=("vdab-mechelen",),
        sources=("https://werkgevers.vdab.be/werkgevers/korte-opleiding-met-stage",),
        last_verified=None,
    ),
    OfferingRow(
        id="duo-for-a-job--mentoring-naar-werk-voor-jonge-werkzoekenden",
        provider="duo-for-a-job",
        title="Mentoring naar werk voor jonge werkzoekenden (DUO for a JOB)",
        category="mentoring",
        description="Een vrijwillige mentor van 50 jaar of ouder begeleidt een werkzoekende van 18 tot 33 jaar "
        "met een niet-Europese migratieachtergrond naar werk; het duo komt 6 maanden lang 2 tot 3 uur per week "
        "samen. Of het gratis is voor de mentee, staat niet op de bron.",
        schedule_note="6 maanden, 2 tot 3 uur per week.",
        target_groups=("werkzoekende",),
        locations=("duo-for-a-job-sociaal-huis", "duo-for-a-job-antwerpen"),
        sources=PROVIDERS[0].sources,
        last_verified=D(2020, 9, 25),
    ),
    OfferingRow(
        id="stad-mechelen--samen-inburgeren-buddyproject",
        provider="stad-mechelen",
        title="Samen Inburgeren: buddyproject voor nieuwkomers in Mechelen",
        category="mentoring",
        description="Een Nederlandstalige buddy en een inburgeraar met gedeelde interesses oefenen samen "
        "Nederlands en ontdekken de stad; sinds 2012, ongeveer 150 duo's tegen 2017.",
        schedule_note="6 maanden, minstens twee keer per maand.",
        target_groups=("anderstalige-nieuwkomer",),
        sources=(
            "https://ccre-cemr.org/impactgoal-society/buddy-projects",
            "http://www.gva.be/cnt/dmf20170917_03076871/mechelen-levert-attesten-af-aan-twintig-inburgeraars",
        ),
        last_verified=D(2017, 9, 17),
    ),
    OfferingRow(
        id="fmdo--compagnons-buddywerking-regio-rivierenland",
        provider="fmdo",
        title="Compagnons: buddy met een gedeelde hobby (regio Rivierenland)",
        category="mentoring",
        description="Een buddy, gekoppeld op een gedeelde hobby, om Nederlands te oefenen en een netwerk uit "
        "te bouwen. Voor volwassenen uit regio Rivierenland met wettig verblijf en een basiskennis Nederlands "
        "(anders eerst een conversatietafel); voorrang voor inburgeraars in het participatie- en "
        "netwerktraject. Inschrijven via de website van FMDO: intake, maandelijkse koppeling, evaluatie.",
        schedule_note="6 maanden.",
        target_groups=("anderstalige-nieuwkomer",),
        sources=("https://mechelen-prod.hosted-temp.com/digitaal-loket/buddywerking-compagnons?type=homepage",),
        last_verified=None,
    ),
    OfferingRow(
        id="agii-mechelen--buddy-in-het-inburgeringstraject",
        provider="agii-mechelen",
        title="Buddy in het inburgeringstraject (40 uur)",
        category="mentoring",
        description="Niet-EU-inburgeraars brengen 40 uur door met een Vlaamse buddy (een onbetaalde "
        "vrijwilliger); kandidaten registreren zich op mijnbuddy.be.",
        target_groups=("anderstalige-nieuwkomer",),
        locations=("agii-mechelen",),
        sources=("https://www.hbvl.be/cnt/dmf20220922_97100770",),
        last_verified=D(2022, 9, 22),
    ),
    OfferingRow(
        id="leerwinkel-partners--bedrijfsacademie-opengesteld-voor-werkzoekenden",
        provider="leerwinkel-partners",
        title="Bedrijfsacademie opengesteld voor werkzoekenden",
        category="werkplekleren",
        description="Een bedrijf dat zijn interne academie openstelt voor werkzoekenden. Er is geen algemene "
        "regeling; één voorbeeld (Geysen Academy, Westerlo) wilde 'op termijn' werkzoekenden opleiden met VDAB.",
        status_uncertain=True,
        status_note=TYPE_NOTE,
        target_groups=("werkzoekende",),
        sources=("https://www.vlaamsparlement.be/commissies/commissievergaderingen/1339182/verslag/1341127",),
        last_verified=None,
    ),
    OfferingRow(
        id="leerwinkel-partners--nt2-stage-bij-een-werkgever",
        provider="leerwinkel-partners",
        title="NT2-stage bij een werkgever (taalstage)",
        category="werkplekleren",
        description="Nederlands oefenen bij een werkgever naast de lessen. Geen afzonderlijke VDAB-maatregel "
        "gevonden; de dichtste regeling is de IBO-T.",
        status_uncertain=True,
        status_note=TYPE_NOTE,
        target_groups=("anderstalige-nieuwkomer",),
        sources=(
            "http://inburgeringlimburg.be/nieuws/anderstalige-cursisten-in-limburg-oefenen-nederlands-via-een-taalstage",
        ),
        last_verified=None,
    ),
    OfferingRow(
        id="leerwinkel-partners--schoolopdracht-vanaf-15-jaar",
        provider="leerwinkel-partners",
        title="Schoolopdracht bij een werkgever (vanaf 15 jaar)",
        category="werkplekleren",
        description="Een stage of opdracht bij een werkgever in het kader van een opleiding, vanaf 15 jaar. "
        "Niet beschreven in de referentienotities.",
        status_uncertain=True,
        status_note=TYPE_NOTE,
        sources=("shared/reference/prisons-and-work-learning.md §3 (niet gevonden)",),
        last_verified=None,
    ),
]
