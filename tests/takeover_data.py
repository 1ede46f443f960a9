"""An old Leerwinkel spreadsheet as people keep it: 40 invented people, Dutch headings, hard names.

Every person here is fictional. ``write_csv`` saves it as Belgian Excel would (semicolons, or commas
or tabs) in UTF-8, UTF-8 with BOM, UTF-16 or Windows-1252 (where Excel writes "?" for letters the
code page lacks); ``write_xlsx`` as a workbook. ``write_oversized_xlsx`` makes a small file that
unpacks far past the import limit, without keeping anything big on disk for long.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

HEADING = (
    "Voornaam",
    "Familienaam",
    "Geboortedatum",
    "Straat",
    "Huisnummer",
    "Postcode",
    "Gemeente",
    "GSM",
    "E-mail",
    "Moedertaal",
    "Leerwens",
    "Drempels",
    "Doelgroep",
    "Datum intake",
    "Begeleider",
    "Opmerking",
)

#: first name, family name, birth date as typed, municipality, wish as typed, thresholds, target group
_PEOPLE = (
    ("Ayşe", "Özdemir", "03/04/1990", "Mechelen", "NT2", "vervoer", "werkzoekende"),
    ("Minh", "Nguyễn", "1988-11-23", "Mechelen", "Nederlands leren", "kinderopvang, taal", "anderstalige nieuwkomer"),
    ("Łukasz", "Wiśniewski", "12/07/1985", "Lier", "vca", "tijd", "werknemer"),
    ("Đorđe", "Ðorđević", "1979-02-28", "Willebroek", "CE examen", "zelfvertrouwen", "werkzoekende"),
    ("Siobhan", "O'Brien", "30/09/1996", "Mechelen", "hoger onderwijs", "kostprijs", ""),
    ("Jens", "'t Kint", "1993-05-14", "Bonheiden", "basisveiligheid", "", "werkzoekende"),
    ("Els", "Van den Bossche-De Smet", "17/01/1975", "Mechelen", "secundair diploma", "tijd, kinderopvang", ""),
    ("يوسف", "العلوي", "1991-08-08", "Mechelen", "NT2", "taal", "anderstalige nieuwkomer"),
    ("Chloë", "Vermeulen", "05/12/2001", "Lier", "Beroepsopleiding", "informatie", "vroegtijdige schoolverlater"),
    ("Rachid", "El Amrani", "1984-03-19", "Mechelen", "vca", "", "gedetineerde"),
    ("Zoë", "Janssens", "22/06/1999", "Duffel", "Nederlands leren", "digitaal", ""),
    ("François", "Dubois", "1970-10-01", "Mechelen", "Erkenning diploma", "administratie", "werkzoekende"),
    ("Bart", "Peeters", "14/02/1982", "Sint-Katelijne-Waver", "CE examen", "", "ouder zonder diploma"),
    ("Fatma", "Yılmaz", "1995-07-30", "Mechelen", "NT2", "kinderopvang", "anderstalige nieuwkomer"),
    ("Tomasz", "Kowalczyk", "09/09/1987", "Willebroek", "vca", "vervoer", "werknemer"),
    ("Amélie", "Lambrechts", "2000-01-15", "Lier", "stage", "netwerk", ""),
    ("Kofi", "Mensah", "27/03/1992", "Mechelen", "Nederlands leren", "taal, tijd", "werkzoekende"),
    ("Nina", "De Wit", "1998-12-03", "Mechelen", "orientatie", "informatie", ""),
    ("Sven", "Goossens", "11/11/1980", "Puurs-Sint-Amands", "CE examen", "zelfvertrouwen", "gedetineerde"),
    ("Hanne", "Claes", "1994-04-25", "Mechelen", "lezen en schrijven", "geletterdheid", ""),
    ("Mohamed", "Benali", "06/06/1986", "Mechelen", "vca", "", "werkzoekende"),
    ("Olga", "Petrenko", "1990-09-17", "Lier", "NT2", "taal", "anderstalige nieuwkomer"),
    ("Pieter", "Van Acker", "19/05/1977", "Berlaar", "Beroepsopleiding", "tijd", "werknemer"),
    ("Sara", "D'Hondt", "2002-02-02", "Mechelen", "secundair diploma", "", "vroegtijdige schoolverlater"),
    ("Ahmad", "Karimi", "13/08/1997", "Mechelen", "Nederlands leren", "erkenning", "anderstalige nieuwkomer"),
    ("Lotte", "Maes", "1989-10-10", "Heist-op-den-Berg", "mentoring", "netwerk", ""),
    ("Dries", "Wouters", "24/12/1983", "Mechelen", "vca", "vervoer", "gedetineerde"),
    ("Ines", "Smets", "1996-03-08", "Lier", "CE examen", "kostprijs", ""),
    ("Tariq", "Haddad", "01/01/1990", "Mechelen", "NT2", "", "werkzoekende"),
    ("Marie", "Willems", "1976-06-21", "Willebroek", "digitale vaardigheden", "digitaal", ""),
    ("Youssef", "Ait Lahcen", "15/10/1994", "Mechelen", "vca", "detentie", "gedetineerde"),
    ("Joke", "Mertens", "1981-07-07", "Bonheiden", "hoger onderwijs", "tijd", "werknemer"),
    ("Daan", "Verstraeten", "28/02/2003", "Mechelen", "Beroepsopleiding", "", "vroegtijdige schoolverlater"),
    ("Leyla", "Aydın", "1992-11-30", "Mechelen", "Nederlands leren", "kinderopvang", "anderstalige nieuwkomer"),
    ("Wout", "Jacobs", "04/04/1988", "Lier", "vca", "", ""),
    ("Agnieszka", "Zając", "1986-05-05", "Willebroek", "NT2", "taal", "werknemer"),
    ("Koen", "Hermans", "16/09/1972", "Mechelen", "CE examen", "zelfvertrouwen", ""),
    ("Emma", "Van Damme", "2000-08-18", "Duffel", "orientatie", "informatie", ""),
    ("Samir", "Bouzid", "20/03/1985", "Mechelen", "rijbewijs", "vervoer", "werkzoekende"),
    ("Greet", "Verhaegen", "1968-12-12", "Mechelen", "lezen en schrijven", "geletterdheid, digitaal", ""),
)

#: What the wish typed in each row means (the same synonyms as the catalogue search); "andere" is kept as text.
EXPECTED_WISHES = {
    "NT2": "nt2",
    "Nederlands leren": "nt2",
    "vca": "vca",
    "basisveiligheid": "vca",
    "CE examen": "ce-examen",
    "secundair diploma": "secundair-diploma",
    "hoger onderwijs": "hoger-onderwijs",
    "Beroepsopleiding": "beroepsopleiding",
    "Erkenning diploma": "erkenning",
    "stage": "werkplekleren",
    "orientatie": "orientatie",
    "lezen en schrijven": "basiseducatie",
    "mentoring": "mentoring",
    "digitale vaardigheden": "basiseducatie",
    "rijbewijs": "andere",
}


def rows() -> list[list[str]]:
    """The 40 rows, cells as text in HEADING order."""
    out = []
    for index, (first, last, born, town, wish, thresholds, group) in enumerate(_PEOPLE):
        postcode = {"Mechelen": "2800", "Lier": "2500", "Willebroek": "2830", "Duffel": "2570"}.get(town, "")
        out.append(
            [
                first,
                last,
                born,
                f"Verzonnenstraat {index + 1}" if index % 3 == 0 else "",
                str(index + 1) if index % 3 == 0 else "",
                postcode,
                town,
                f"0470 00 {index:02d} {index:02d}" if index % 2 == 0 else "",
                f"persoon{index + 1}@voorbeeld.be" if index % 4 == 0 else "",
                ("Turks", "Vietnamees", "Pools", "Servisch", "Engels")[index % 5],
                wish,
                thresholds,
                group,
                "03/02/2025" if index % 2 else "2025-02-03",
                ("Lien", "Tarik", "")[index % 3],
                "Belt liever na 16 uur; komt met de bus" if index % 5 == 0 else "",
            ]
        )
    return out


def csv_text(delimiter: str = ";", *, extra_rows: list[list[str]] | None = None) -> str:
    """The sheet as CSV text: cells with the separator, quotes or line breaks are quoted."""

    def cell(value: str) -> str:
        if any(ch in value for ch in (delimiter, '"', "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value

    lines = [delimiter.join(cell(c) for c in row) for row in [list(HEADING), *rows(), *(extra_rows or [])]]
    return "\r\n".join(lines) + "\r\n"


#: How each variant is saved: Python codec, and what the import should name it.
ENCODINGS = {
    "utf-8": ("utf-8", "UTF-8"),
    "utf-8-bom": ("utf-8-sig", "UTF-8 met BOM"),
    "utf-16": ("utf-16", "UTF-16"),
    "cp1252": ("cp1252", "Windows-1252"),
}


def write_csv(path: Path, *, encoding: str = "utf-8", delimiter: str = ";", **kwargs: list[list[str]]) -> Path:
    codec = ENCODINGS[encoding][0]
    path.write_bytes(csv_text(delimiter, **kwargs).encode(codec, errors="replace"))
    return path


def write_xlsx(path: Path) -> Path:
    """The sheet as a workbook; birth dates typed as dates where Excel would have made them dates."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Cliënten"
    sheet.append(list(HEADING))
    for row in rows():
        cells: list[object] = list(row)
        if "-" in row[2]:
            cells[2] = dt.datetime.strptime(row[2], "%Y-%m-%d")
        sheet.append(cells)
    workbook.save(path)
    return path


def write_oversized_xlsx(path: Path, *, unpacked_mib: int = 110) -> Path:
    """A valid-looking workbook whose sheet unpacks to ``unpacked_mib`` MiB (it compresses to about 1%)."""
    row = "<row>" + "".join(f'<c t="inlineStr"><is><t>cel {i}</t></is></c>' for i in range(20)) + "</row>"
    block = row * 1000
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0"?><worksheet xmlns="' + _NS + b'"><sheetData>')
            written = 0
            while written < unpacked_mib * 1024 * 1024:
                data = block.encode()
                sheet.write(data)
                written += len(data)
            sheet.write(b"</sheetData></worksheet>")
    return path


_NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
