"""``leerwinkel letter ...``: writes the PDF and registers it; refuses unknown ids and categories (exit 2)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from leerwinkel.config import Config
from leerwinkel.letters.service import LetterService
from leerwinkel.storage.store import Store
from tests.helpers import run_cli
from tests.lettersdata import build_referral
from tests.pdfcheck import pdf_text


def test_referral_handout_and_catalogue_commands(sqlite_store: Store, sqlite_config: Config, tmp_path: Path) -> None:
    built = build_referral(sqlite_store)
    data = str(sqlite_config.data_dir)
    letter = tmp_path / "brief.pdf"
    handout = tmp_path / "blad.pdf"
    sheet = tmp_path / "aanbod.pdf"
    result = run_cli("--data-dir", data, "letter", "referral", str(built.referral_id), "--out", str(letter))
    assert result.returncode == 0, result.stderr
    assert "Nguyễn Thị Đặng" in pdf_text(letter.read_bytes())
    result = run_cli(
        "--data-dir", data, "letter", "handout", str(built.referral_id), "--lang", "nl-en", "--out", str(handout)
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(handout.read_bytes())
    assert "Your next step" in text and "Je volgende stap" in text
    result = run_cli(
        "--data-dir", data, "letter", "catalogue", "--category", "nt2", "--prison", "gevangenis-mechelen",
        "--out", str(sheet),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Gevangenis Mechelen" in pdf_text(sheet.read_bytes())
    records = LetterService(sqlite_store).letters_for_referral(built.referral_id)
    assert [r.language for r in records] == ["nl", "nl-en"]


@pytest.mark.parametrize(
    "args",
    [
        ["referral", str(uuid.UUID(int=7))],
        ["referral", "geen-id"],
        ["handout", str(uuid.UUID(int=7))],
        ["handout", str(uuid.UUID(int=7)), "--lang", "nl-xx"],
        ["catalogue", "--category", "geen-categorie"],
        ["catalogue", "--category", "nt2", "--prison", "geen-gevangenis"],
    ],
)
def test_unknown_id_or_category_gives_exit_2_and_no_file(
    sqlite_store: Store, sqlite_config: Config, tmp_path: Path, args: list[str]
) -> None:
    out = tmp_path / "niet.pdf"
    result = run_cli("--data-dir", str(sqlite_config.data_dir), "letter", *args, "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.strip() and "Traceback" not in result.stderr
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_refused_consent_gives_exit_2(sqlite_store: Store, sqlite_config: Config, tmp_path: Path) -> None:
    built = build_referral(sqlite_store, share=False)
    out = tmp_path / "brief.pdf"
    result = run_cli(
        "--data-dir", str(sqlite_config.data_dir), "letter", "referral", str(built.referral_id),
        "--with-vulnerabilities", "--out", str(out),
    )  # fmt: skip
    assert result.returncode == 2
    assert "toestemming" in result.stderr
    assert not out.exists()
