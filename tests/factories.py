"""Builders for test data: invented people only."""

from __future__ import annotations

import datetime as dt

from leerwinkel.app import open_store
from leerwinkel.config import Config
from leerwinkel.storage.store import Store


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def open_test_store(config: Config, *, now: dt.datetime) -> Store:
    return open_store(config, clock=FakeClock(now))
