"""Hostile input for intakes and ``clients import`` (issue 6 §7): a clear message or a correct save, never
a crash or a partial write."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from leerwinkel.cli import EXIT_OK, EXIT_USAGE, main
from leerwinkel.errors import InvalidInputError
from leerwinkel.intake.service import ClientService
from leerwinkel.intake.types import IntakeInput, PersonInput, WishInput
from leerwinkel.messages import describe
from leerwinkel.storage.models import AuditEvent, Client
from leerwinkel.storage.store import Store
from tests.factories import counsellor_actor

#: Text that must be stored exactly as typed (after trimming outer spaces).
KEPT = {
    "sql": "Robert'); DROP TABLE clients;--",
    "like": "100% _echt_ \\ niet",
    "formula": '=HYPERLINK("http://x","klik")',
    "plus": "+32 @SUM(A1)",
    "rtl-mark": "\u200fمحمد\u200e Al-Saïd",
    "rtl-override": "Ali\u202egnp.exe",
    "emoji": "Zoë 🙂👩🏽‍🎓",
    "markup": "<b>Noor</b><img src=x>",
    "combining": "Nguyễn Thị Đặng",
}
#: Text that is refused with a message.
REFUSED = {
    "nul": ("Ali\x00ce", "control-characters"),
    "bell": ("Ali\x07ce", "control-characters"),
    "escape": ("\x1b[31mRood", "control-characters"),
    "newline": ("twee\nregels", "control-characters"),
    "long": ("A" * 100_000, "too-long"),
}
BAD_DATES = (
    "31/02/1990",
    "00/00/0000",
    "29/02/2023",
    "1/1/1800",
    "99/99/99999",
    "1990-13-01",
    "vandaag",
    "01/01/1990; DROP TABLE clients",
    "0" * 10_000,
    "\x00",
    "٣١/١٢/٢٠٩٩",  # Arabic-Indic digits: a date in the future
)


def count(store: Store, model: type) -> int:
    with store.unit_of_work() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def form(**person: str) -> IntakeInput:
    values: dict[str, object] = {"first_name": "Proef"}
    values.update(person)
    return IntakeInput(person=PersonInput(**values), wishes=(WishInput("nt2", "gewoon"),))  # type: ignore[arg-type]


@pytest.mark.parametrize("case", sorted(KEPT))
def test_odd_but_valid_text_is_stored_exactly(store: Store, case: str) -> None:
    clients = ClientService(store)
    value = KEPT[case]
    saved = clients.record_intake(
        form(first_name=value, last_name=value, notes=value, municipality="Mechelen"), actor=counsellor_actor(store)
    )
    stored = clients.get(saved.client.id)
    assert (stored.first_name, stored.last_name, stored.notes) == (value, value, value)
    found = clients.search(value.split()[0][:6])
    assert saved.client.id in [c.id for c in found]


@pytest.mark.parametrize("case", sorted(REFUSED))
@pytest.mark.parametrize("field", ["first_name", "municipality", "phone", "email"])
def test_control_characters_and_huge_text_are_refused_with_a_message(
    sqlite_store: Store, case: str, field: str
) -> None:
    clients = ClientService(sqlite_store)
    value, _reason = REFUSED[case]
    with pytest.raises(InvalidInputError) as caught:
        clients.record_intake(form(**{field: value}), actor=counsellor_actor(sqlite_store))
    message = describe(caught.value)
    assert message and len(message) < 400 and "\x00" not in message and "\x1b" not in message
    assert count(sqlite_store, Client) == 0 and count(sqlite_store, AuditEvent) == 0


def test_huge_notes_are_refused_and_nul_in_notes_too(sqlite_store: Store) -> None:
    clients = ClientService(sqlite_store)
    for notes in ("x" * 20_001, "regel\x00"):
        with pytest.raises(InvalidInputError):
            clients.record_intake(form(notes=notes), actor=counsellor_actor(sqlite_store))
    assert (
        clients.record_intake(form(notes="regel 1\nregel 2\ttab"), actor=counsellor_actor(sqlite_store)).client.notes
        == "regel 1\nregel 2\ttab"
    )


@pytest.mark.parametrize("text", BAD_DATES)
def test_invalid_dates_get_a_short_dutch_message(sqlite_store: Store, text: str) -> None:
    clients = ClientService(sqlite_store)
    for field in ("birth_date",):
        with pytest.raises(InvalidInputError) as caught:
            clients.record_intake(form(**{field: text}), actor=counsellor_actor(sqlite_store))
        message = describe(caught.value)
        assert "Geboortedatum" in message and len(message) < 300 and "\x00" not in message
    bad_appointment = IntakeInput(person=PersonInput(first_name="Proef"), next_appointment=f"{text} 25:99")
    with pytest.raises(InvalidInputError):
        clients.record_intake(bad_appointment, actor=counsellor_actor(sqlite_store))
    assert count(sqlite_store, Client) == 0


def test_lone_surrogates_are_refused_not_crashing(sqlite_store: Store) -> None:
    clients = ClientService(sqlite_store)
    with pytest.raises(InvalidInputError) as caught:
        clients.record_intake(form(first_name="Half\ud800"), actor=counsellor_actor(sqlite_store))
    assert describe(caught.value)
    assert count(sqlite_store, Client) == 0


# -- clients import --------------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def listed() -> list[dict[str, object]]:
    code, out, _ = run("clients", "list", "--json")
    assert code == EXIT_OK
    return list(json.loads(out))


def test_import_keeps_odd_text_exactly(tmp_path: Path) -> None:
    source = tmp_path / "oud.csv"
    rows = "".join(f'"{v.replace(chr(34), chr(34) * 2)}";Fictief;Mechelen\n' for v in KEPT.values())
    source.write_text("Voornaam;Familienaam;Gemeente\n" + rows, encoding="utf-8")
    code, _, err = run("clients", "import", str(source))
    assert (code, err) == (EXIT_OK, ""), err
    assert {c["first_name"] for c in listed()} == set(KEPT.values())


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_import_refuses_hostile_rows_all_or_nothing(tmp_path: Path, case: str) -> None:
    value, _reason = REFUSED[case]
    source = tmp_path / "oud.csv"
    cell = '"' + value.replace('"', '""') + '"'
    source.write_text(f"Voornaam;Gemeente\nGoed;Mechelen\n{cell};Lier\n", encoding="utf-8", newline="")
    code, out, err = run("clients", "import", str(source))
    assert code == EXIT_USAGE and out == "" and "rij 3" in err, err
    assert len(err) < 1000 and "\x00" not in err
    assert listed() == []


@pytest.mark.parametrize("text", BAD_DATES)
def test_import_invalid_dates(tmp_path: Path, text: str) -> None:
    source = tmp_path / "oud.csv"
    cell = '"' + text.replace('"', '""') + '"'
    source.write_text(f"Voornaam;Geboortedatum\nGoed;01/01/1990\nSlecht;{cell}\n", encoding="utf-8", newline="")
    code, _, err = run("clients", "import", str(source))
    assert code == EXIT_USAGE and "rij 3" in err and "Geboortedatum" in err, err
    assert len(err) < 1000 and "\x00" not in err
    assert listed() == []


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe\x00V\x00o\x00o\x00r",  # UTF-16 without a proper header line
        b"Voornaam\n\x81\x8d\x8f bad\n",  # neither UTF-8 nor Windows-1252 (bytes it leaves undefined)
        b"\x00\x00\x00\x00",
        b"",
        b"Voornaam\n" + b"A" * 2_000_000 + b"\n",
        b"PK\x03\x04 not really a zip",
    ],
)
def test_import_unreadable_files_give_a_clear_message(tmp_path: Path, content: bytes) -> None:
    source = tmp_path / "oud.csv"
    source.write_bytes(content)
    code, out, err = run("clients", "import", str(source))
    assert code == EXIT_USAGE and out == "" and err.strip(), err
    assert len(err) < 1000
    assert listed() == []


def test_import_of_a_missing_file_and_a_hostile_file_name(tmp_path: Path) -> None:
    code, _, err = run("clients", "import", str(tmp_path / "bestaat-niet.csv"))
    assert code == EXIT_USAGE and err.strip()
    odd = tmp_path / "=cmd|' '!A0;DROP.csv"
    odd.write_text("Voornaam\nProef\n", encoding="utf-8")
    code, _, err = run("clients", "import", str(odd))
    assert code == EXIT_OK, err
