"""Record ids: random everywhere, consecutive only within one save's rows of one table."""

from __future__ import annotations

import dataclasses
import uuid

import pytest
from sqlalchemy import select

from leerwinkel.ids import MAX_RUN, new_id, new_ids
from leerwinkel.intake.actions import IntakeService, OpenIntake
from leerwinkel.intake.types import ThresholdInput
from leerwinkel.storage.models import Client, ClientThreshold, Intake, LearningWish
from leerwinkel.storage.store import Store
from tests.core.test_intake import full_intake
from tests.factories import counsellor_actor


def test_a_run_of_ids_is_random_version_4_uuids_in_the_order_given() -> None:
    runs = [new_ids(5) for _ in range(200)]
    for run in runs:
        assert all(i.version == 4 and i.variant == uuid.RFC_4122 for i in run)
        assert run == sorted(run) and [i.int - run[0].int for i in run] == [0, 1, 2, 3, 4]
        assert [i.hex for i in run] == sorted(i.hex for i in run)  # as SQLite stores and sorts them
    starts = {run[0].hex[:28] for run in runs}
    assert len(starts) == len(runs)  # every run starts somewhere else
    assert new_ids(0) == []
    assert len(set(new_ids(MAX_RUN))) == MAX_RUN
    with pytest.raises(ValueError):
        new_ids(MAX_RUN + 1)
    assert new_id().version == 4


def test_what_people_read_of_an_id_stays_random_and_only_children_share_a_start(store: Store) -> None:
    """A new client's save: its thresholds and wishes each come as one run (one index page each), while the
    client and the intake, whose first hex digits people read and type, get ids of their own."""
    service = IntakeService(store)
    actor = counsellor_actor(store)
    person = dataclasses.replace(
        full_intake().person,
        thresholds=tuple(ThresholdInput(code) for code in ("taal", "vervoer", "kostprijs", "digitaal")),
    )
    saved = [service.save(OpenIntake(dataclasses.replace(full_intake(), person=person)), actor=actor) for _ in (1, 2)]
    with store.unit_of_work() as session:
        for one in saved:
            for model in (ClientThreshold, LearningWish):
                ids = session.scalars(select(model.id).where(model.client_id == one.client.id)).all()
                assert len(ids) >= 2 and len({i.hex[:28] for i in ids}) == 1, model.__name__
        clients = session.scalars(select(Client.id).where(Client.id.in_([s.client.id for s in saved]))).all()
        intakes = session.scalars(select(Intake.id).where(Intake.client_id.in_([s.client.id for s in saved]))).all()
    eight = {i.hex[:8] for i in (*clients, *intakes)}
    assert len(eight) == 4  # no two share the digits a reference shows
