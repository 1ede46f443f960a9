"""Merging two records of one person (issue 14 §9): fields chosen, every row moved, the merge audited."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from leerwinkel.cli import EXIT_OK, EXIT_USAGE, main
from leerwinkel.errors import ConflictError, InvalidInputError
from leerwinkel.intake.merge import MergeService, client_tables
from leerwinkel.intake.service import ClientService
from leerwinkel.intake.types import ConsentInput, IntakeInput, PersonInput, ThresholdInput, WishInput
from leerwinkel.letters.model import LetterAction
from leerwinkel.letters.service import LetterService
from leerwinkel.referrals.service import ReferralService
from leerwinkel.storage.models import AuditEvent, Client, Intake, LearningWish, Letter, Referral
from leerwinkel.storage.store import Store
from tests.core.test_intake_integration import add_counsellor
from tests.factories import counsellor_actor


def intake(wish: str, **person: object) -> IntakeInput:
    return IntakeInput(
        person=PersonInput(**person),  # type: ignore[arg-type]
        wishes=(WishInput(wish),),
        consent=ConsentInput(store_data=True, share_with_provider=True),
    )


def test_merge_moves_everything_and_keeps_the_chosen_fields(store: Store, tmp_path: Path) -> None:
    clients, referrals, letters, merges = (
        ClientService(store),
        ReferralService(store),
        LetterService(store),
        MergeService(store),
    )
    lien = add_counsellor(store, "lien", "Lien Verzonnen")
    first = clients.record_intake(
        intake(
            "nt2",
            first_name="Łukasz",
            last_name="Wiśniewski",
            municipality="Lier",
            phone="0470 11 22 33",
            thresholds=(ThresholdInput("vervoer", "geen auto"),),
            notes="Eerste record",
        ),
        actor=lien,
    )
    second = clients.record_intake(
        intake(
            "vca",
            first_name="Lukasz",
            last_name="Wisniewski",
            birth_date="12/07/1985",
            municipality="Lier",
            phone="0499 99 88 77",
            thresholds=(ThresholdInput("tijd"),),
            notes="Tweede record",
        ),
        actor=lien,
    )
    referral = referrals.create(second.client.id, category="vca", actor=lien).referral
    letters.record(letters.handout(referral.id), LetterAction.PRINTED, actor=lien)

    sides = merges.compare(first.client.id, second.client.id, actor=lien)
    assert {"first_name", "birth_date", "phone"} <= set(sides.differing())
    assert sides.other_counts["referrals"] == 1 and sides.kept_counts["referrals"] == 0

    result = merges.merge(sides.kept, sides.other, take=frozenset({"phone"}), actor=lien)
    kept = result.client
    assert (kept.first_name, kept.phone, kept.birth_date.isoformat() if kept.birth_date else None) == (
        "Łukasz",
        "0499 99 88 77",
        "1985-07-12",
    )
    assert [t.code for t in kept.thresholds] == ["tijd", "vervoer"]
    assert kept.notes == "Eerste record\nTweede record"
    assert result.moved["intakes"] == 1 and result.moved["referrals"] == 1 and result.moved["letters"] >= 1
    with store.unit_of_work() as session:
        assert session.get(Client, second.client.id) is None
        for model in (Intake, LearningWish, Referral):
            owners = set(session.scalars(select(model.client_id)))
            assert owners == {first.client.id}, model
        assert session.scalar(select(func.count()).select_from(Letter).where(Letter.client_id == second.client.id)) == 0
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "client.merge")).one()
        assert event.object_id == str(first.client.id) and str(second.client.id) in event.detail
        assert "ukasz" not in event.detail.casefold()
    assert [c.name for c in clients.search("lukasz")] == ["Łukasz Wiśniewski"]


def test_merge_refuses_stale_records_and_the_same_client(store: Store) -> None:
    clients, merges = ClientService(store), MergeService(store)
    me = counsellor_actor(store)
    one = clients.record_intake(intake("nt2", first_name="Noor"), actor=me).client
    two = clients.record_intake(intake("nt2", first_name="Noortje"), actor=me).client
    changed = PersonInput(**{**two.to_input().__dict__, "phone": "0470 00 00 01"})
    clients.update_client(two, changed, actor=me)  # someone else saved it meanwhile
    with pytest.raises(ConflictError):
        merges.merge(one, two, actor=me)
    with pytest.raises(InvalidInputError):
        merges.merge(one, one, actor=me)
    with pytest.raises(InvalidInputError):
        merges.merge(one, clients.get(two.id), take=frozenset({"geheim"}), actor=me)


def test_every_table_pointing_at_clients_is_moved_or_rebuilt() -> None:
    names = {t.name for t in client_tables()}
    assert {"intakes", "learning_wishes", "consents", "referrals", "letters"} <= names
    assert not names & {"client_target_groups", "client_vulnerabilities", "client_thresholds"}


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_clients_merge_on_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "oud.csv"
    source.write_text(
        "Voornaam;Familienaam;Gemeente;GSM;Leerwens\nSaar;Fictief;Lier;;NT2\nSara;Fictief;Lier;0470 12 34 56;vca\n",
        encoding="utf-8",
    )
    assert run("clients", "import", str(source), "--duplicates", "import")[0] == EXIT_OK
    listed = json.loads(run("clients", "list", "--json")[1])
    ids = {c["first_name"]: c["id"] for c in listed}
    code, out, _ = run("clients", "merge", ids["Saar"], ids["Sara"][:8], "--dry-run")
    assert code == EXIT_OK and "0470 12 34 56" in out and "niets samengevoegd" in out
    assert len(json.loads(run("clients", "list", "--json")[1])) == 2
    code, out, err = run("clients", "merge", ids["Saar"], ids["Sara"], "--take", "first_name")
    assert code == EXIT_OK, err
    (merged,) = json.loads(run("clients", "list", "--json")[1])
    assert (merged["id"], merged["first_name"], merged["phone"]) == (ids["Saar"], "Sara", "0470 12 34 56")
    code, _, err = run("clients", "merge", ids["Saar"], ids["Sara"])
    assert code == EXIT_USAGE and "Geen cliënt" in err
