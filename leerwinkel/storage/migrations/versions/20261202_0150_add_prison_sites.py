"""every prison of Flanders and Brussels as a site, with address, phone, note and sources

Sites get the columns street, phone, note, sources and own (the Leerwinkel holds intakes there: the
five sites seeded by 0002). The prisons, forensic psychiatric centres, detention and transition houses
of Flanders and Brussels are added from the reference notes
(shared/reference/prisons-and-work-learning.md, section 1), each with the public pages that support it.
A fact the notes do not give (a house number, a postcode, a phone) stays empty. Ids are fixed (uuid5
of the code), as in 0002, so every desk gets the same sites.

Revision ID: 0150
Revises: 0141
Create Date: 2026-12-02 07:20:00
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0150"
down_revision: str | None = "0141"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
#: this revision moves or creates data: tests/migrations/test_data_migrations.py has a test_<id>_... for it
MOVES_DATA = True

SITE_NAMESPACE = uuid.UUID("5d7f6c52-3f0b-4f53-9a0e-6f1f4b3b2a10")
OWN = ("mechelen-sociaal-huis", "zitdag-lier", "zitdag-willebroek", "zitdag-agii-mechelen", "gevangenis-mechelen")

# Frozen here on purpose: a data migration never imports today's models.
sites = sa.table(
    "sites",
    sa.column("id", sa.Uuid()),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("updated_at", sa.DateTime(timezone=True)),
    sa.column("updated_by_device", sa.String()),
    sa.column("version", sa.Integer()),
    sa.column("code", sa.String()),
    sa.column("name", sa.String()),
    sa.column("kind", sa.String()),
    sa.column("municipality", sa.String()),
    sa.column("postcode", sa.String()),
    sa.column("active", sa.Boolean()),
    sa.column("street", sa.String()),
    sa.column("phone", sa.String()),
    sa.column("note", sa.Text()),
    sa.column("sources", sa.Text()),
    sa.column("own", sa.Boolean()),
)

SMBG = "http://www.smbg-famd.be/nl/{}.html"
FODJ = (
    "https://justitie.belgium.be/nl/themas_en_dossiers/gevangenissen/belgische_gevangenissen/gevangenissen/meer_info/{}"
)
GOV_OVL = "https://www.gouverneuroost-vlaanderen.be/bevoegdheden/veiligheid/gevangenissen"
NOTES = "shared/reference/prisons-and-work-learning.md §1"

# code, name, municipality, postcode, street, phone, note, sources
PRISONS: list[tuple[str, str, str, str, str, str, str, tuple[str, ...]]] = [
    (
        "gevangenis-antwerpen",
        "Gevangenis Antwerpen",
        "Antwerpen",
        "2000",
        "Begijnenstraat 42",
        "",
        "Vooral arresthuis voor mannen en vrouwen, met psychiatrische annex.",
        (
            "https://www.cds-cvt.be/fr/commissions/899",
            "https://justitie.belgium.be/fr/themes_et_dossiers/prisons/prisons_belges/prisons/plus_d_infos/anvers",
        ),
    ),
    (
        "gevangenis-wortel",
        "Penitentiaire inrichting Wortel",
        "Wortel",
        "2323",
        "Kolonielaan 17",
        "03/340.45.11",
        "Halfopen; mannen met straffen tot 3 jaar.",
        (SMBG.format("wor"),),
    ),
    (
        "gevangenis-merksplas",
        "Penitentiaire inrichting Merksplas",
        "Merksplas",
        "2330",
        "Steenweg op Wortel 1",
        "014/47 33 11",
        "Gesloten strafinrichting, met een afdeling voor geïnterneerden.",
        (SMBG.format("mer"),),
    ),
    (
        "gevangenis-hoogstraten",
        "Penitentiair Schoolcentrum Hoogstraten",
        "Hoogstraten",
        "2320",
        "Gelmelstraat 131",
        "03/340 48 00",
        "Open inrichting, gericht op werk en opleiding. Sluiting aangekondigd (ministerraad 25 maart 2024; "
        "volgens ACOD midden 2026): status onzeker.",
        (
            SMBG.format("hoo"),
            FODJ.format("hoogstraten"),
            "https://www.acodonline.be/artikelsdetails/"
            "sluiting-penitentiair-schoolcentrum-hoogstraten-kennis-van-zaken-is-overbodig/d8a8d489-16b5-46f2-b4eb-384f57178a5b",
        ),
    ),
    (
        "gevangenis-turnhout",
        "Gevangenis Turnhout",
        "Turnhout",
        "2300",
        "Wezenstraat 1",
        "014/41.10.47",
        "Beklaagden, veroordeelden en geïnterneerden.",
        (SMBG.format("tur"), FODJ.format("turnhout")),
    ),
    (
        "fpc-antwerpen",
        "Forensisch psychiatrisch centrum Antwerpen",
        "Antwerpen",
        "",
        "Beatrijslaan 100",
        "",
        "Voor geïnterneerden (geopend 29 juni 2017).",
        (
            "https://www.bouwenwonen.net/artikel/"
            "Eerstesteenlegging-forensisch-psychiatrisch-centrum-in-Antwerpen/35172",
            "https://www.koengeens.be/fr/news/2017/06/29/forensisch-psychiatrisch-centrum-antwerpen",
        ),
    ),
    (
        "detentiehuis-olen",
        "Detentiehuis Olen",
        "Olen",
        "",
        "Laatweg",
        "",
        "Detentiehuis voor straffen tot 3 jaar; ingehuldigd 15 juli 2025.",
        ("https://www.indegazette.be/derde-detentiehuis-in-belgie-opent-deuren-in-olen/",),
    ),
    (
        "transitiehuis-mechelen",
        "Transitiehuis Mechelen",
        "Mechelen",
        "",
        "Hanswijkstraat 46-48",
        "",
        "Transitiehuis (15 plaatsen) voor gedetineerden kort voor hun vrijlating.",
        (
            "https://www.regiedergebouwen.be/nl/transitiehuizen",
            "https://www.bartsomers.be/eerste-transitiehuizen-in-mechelen-en-spa/",
        ),
    ),
    (
        "gevangenis-gent",
        "Gevangenis Gent",
        "Gent",
        "9000",
        "Nieuwe Wandeling 89",
        "09 234 65 00",
        "Arrest- en strafhuis, met vrouwenafdeling en psychiatrische afdeling.",
        (GOV_OVL, SMBG.format("gen")),
    ),
    (
        "gevangenis-beveren",
        "Gevangenis Beveren",
        "Beveren",
        "9120",
        "Schaarbeekstraat 2",
        "03 253 44 11",
        "Mannen; PrisonCloud met e-learning vanuit de cel.",
        (GOV_OVL, "https://www.cds-cvt.be/fr/commissions/350"),
    ),
    (
        "gevangenis-oudenaarde",
        "Gevangenis Oudenaarde",
        "Oudenaarde",
        "9700",
        "Bourgondiëstraat 6",
        "055 33 86 86",
        "Strafhuis, vooral lange straffen, mannen.",
        (GOV_OVL, SMBG.format("oud")),
    ),
    (
        "gevangenis-dendermonde",
        "Gevangenis Dendermonde",
        "Dendermonde",
        "9200",
        "Tanneweg 1",
        "052 33 91 33",
        "Arrest- en strafhuis voor mannen, in gebruik sinds maart 2023.",
        (
            GOV_OVL,
            "https://justice.belgium.be/de/themen_und_akten/gefaengnisse/belgische_gefaengnisse/"
            "gefaengnisse/adresse_gefaengnis_dendermonde",
        ),
    ),
    (
        "gevangenis-dendermonde-hulp",
        "Hulpgevangenis Dendermonde",
        "Dendermonde",
        "9200",
        "Sint-Jacobstraat 26",
        "",
        "Heropend op 28 mei 2024.",
        (
            "https://news.belgium.be/nl/opening-hulpgevangenis-dendermonde-voor-een-detentie-op-maat",
            SMBG.format("den"),
        ),
    ),
    (
        "fpc-gent",
        "Forensisch psychiatrisch centrum Gent",
        "Gent",
        "",
        "",
        "",
        "Voor mannelijke geïnterneerden (Wondelgemse Meersen; geen huisnummer gevonden).",
        ("http://www.fpcgent.be/over-fpc-gent/",),
    ),
    (
        "gevangenis-brugge",
        "Penitentiair Complex Brugge",
        "Sint-Andries (Brugge)",
        "8200",
        "Legeweg 200",
        "",
        "Vooral arresthuis, ook lange straffen; vrouwenafdeling en psychiatrische annex.",
        (
            "https://justice.belgium.be/fr/themes_et_dossiers/prisons/prisons_belges/prisons/adres_gevangenis_brugge",
            FODJ.format("brugge"),
        ),
    ),
    (
        "gevangenis-ieper",
        "Gevangenis Ieper",
        "Ieper",
        "8900",
        "Elverdingestraat 72",
        "057/22 05 00",
        "Heropend in januari 2024 na renovatie (telefoon van vóór de renovatie).",
        (
            SMBG.format("iep"),
            FODJ.format("ieper"),
            "https://kw.be/nieuws/criminaliteit/gevangenis/"
            "gevangenis-van-ieper-na-twee-jaar-renovatie-weer-open-de-mooiste-van-het-land/",
        ),
    ),
    (
        "gevangenis-ruiselede",
        "Penitentiair Landbouwcentrum Ruiselede",
        "Ruiselede",
        "8755",
        "Bruggesteenweg 128",
        "051/65 03 60",
        "Open inrichting (landbouwbedrijf) voor veroordeelden.",
        (SMBG.format("rui"),),
    ),
    (
        "detentiehuis-kortrijk",
        "Detentiehuis Kortrijk",
        "Kortrijk",
        "",
        "Sint-Denijseweg",
        "",
        "Eerste detentiehuis, geopend 12 september 2022.",
        ("https://www.regiedergebouwen.be/nl/projects/detentiehuis",),
    ),
    (
        "gevangenis-hasselt",
        "Gevangenis Hasselt",
        "Hasselt",
        "3500",
        "Zwarte brug 4",
        "011/27 80 00",
        "Arrest- en strafhuis voor mannen en vrouwen.",
        (SMBG.format("has"), FODJ.format("hasselt")),
    ),
    (
        "gevangenis-tongeren",
        "Gevangenis Tongeren",
        "Tongeren",
        "",
        "",
        "",
        "Opnieuw gevangenis voor volwassenen sinds september 2020; adres niet gevonden.",
        ("https://www.vrt.be/vrtnws/nl/2020/09/03/geen-jongeren-meer-in-gevangenis-van-tongeren/",),
    ),
    (
        "gevangenis-leuven-centraal",
        "Gevangenis Leuven-Centraal",
        "Leuven",
        "3000",
        "Geldenaakse Vest 64",
        "016/31 03 50",
        "Gesloten strafhuis, straffen van 5 jaar of meer.",
        (SMBG.format("leu1"), FODJ.format("leuven_centraal")),
    ),
    (
        "gevangenis-leuven-hulp",
        "Hulpgevangenis Leuven",
        "Leuven",
        "3000",
        "Maria Theresiastraat 74",
        "016/28 47 11",
        "Arresthuis met psychiatrische afdeling.",
        (SMBG.format("leu2"), FODJ.format("leuven_hulp")),
    ),
    (
        "gevangenis-haren",
        "Gevangenis Haren",
        "Haren (Brussel)",
        "1130",
        "Witloofstraat",
        "",
        "Gevangenisdorp voor mannen en vrouwen, ingehuldigd 30 september 2022.",
        (
            "http://www.regiedergebouwen.be/nl/projects/gevangenisdorp",
            "https://justitie.belgium.be/nl/nieuws/persberichten/grootste_gevangenis_van_ons_land_in_haren_ingehuldigd",
        ),
    ),
    (
        "gevangenis-sint-gillis",
        "Gevangenis Sint-Gillis",
        "Sint-Gillis",
        "1060",
        "Ducpétiauxlaan 106",
        "02/543 56 11",
        "Sluiting gepland maar onzeker (april 2024): status onzeker.",
        (
            SMBG.format("stg"),
            "https://www.bruzz.be/actua/samenleving/"
            "onduidelijk-gevangenis-sint-gillis-eind-dit-jaar-kan-sluiten-2024-04-30",
        ),
    ),
]

MECHELEN = (
    "Liersesteenweg 2",
    "015/44 62 70",
    "Gesloten arresthuis voor mannen (arrondissement Mechelen), ook straffen tot 10 jaar.",
    (SMBG.format("mec"), FODJ.format("mechelen")),
)


def site_id(code: str) -> uuid.UUID:
    return uuid.uuid5(SITE_NAMESPACE, code)


def upgrade() -> None:
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.add_column(sa.Column("street", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("phone", sa.String(length=40), server_default="", nullable=False))
        batch_op.add_column(sa.Column("note", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("sources", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("own", sa.Boolean(), server_default=sa.false(), nullable=False))
    bind = op.get_bind()
    bind.execute(sites.update().where(sites.c.code.in_(OWN)).values(own=True))
    street, phone, note, sources = MECHELEN
    bind.execute(
        sites.update()
        .where(sites.c.code == "gevangenis-mechelen", sites.c.street == "")
        .values(street=street, phone=phone, note=note, sources="\n".join((*sources, NOTES)))
    )
    now = dt.datetime(2026, 12, 2, tzinfo=dt.UTC)
    if bind.dialect.name == "sqlite":
        now = now.replace(tzinfo=None)  # stored as naive UTC on SQLite, like UTCDateTime does
    existing = {row[0] for row in bind.execute(sa.select(sites.c.code))}
    op.bulk_insert(
        sites,
        [
            {
                "id": site_id(code),
                "created_at": now,
                "updated_at": now,
                "updated_by_device": "migration",
                "version": 1,
                "code": code,
                "name": name,
                "kind": "gevangenis",
                "municipality": city,
                "postcode": postcode,
                "active": True,
                "street": street,
                "phone": phone,
                "note": note,
                "sources": "\n".join((*sources, NOTES)),
                "own": False,
            }
            for code, name, city, postcode, street, phone, note, sources in PRISONS
            if code not in existing
        ],
    )


def downgrade() -> None:
    # The added prisons go unless a client, intake or referral refers to them (no data is lost).
    bind = op.get_bind()
    for code, *_rest in PRISONS:
        bind.execute(
            sa.text(
                "DELETE FROM sites WHERE code = :code "
                "AND NOT EXISTS (SELECT 1 FROM intakes WHERE intakes.site_id = sites.id) "
                "AND NOT EXISTS (SELECT 1 FROM referrals WHERE referrals.site_id = sites.id) "
                "AND NOT EXISTS (SELECT 1 FROM clients WHERE clients.prison_site_id = sites.id)"
            ),
            {"code": code},
        )
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): a batch copy of the table would drop "sites",
    # which clients, intakes and referrals refer to, and fail on their foreign keys.
    for column in ("own", "sources", "note", "phone", "street"):
        op.drop_column("sites", column)
