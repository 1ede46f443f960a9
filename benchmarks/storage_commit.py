"""Cost of one small save through the store, next to a bare SQLAlchemy ORM commit on the same settings.

Both run on an SQLite file with WAL and synchronous=FULL in a temporary folder.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session

from benchmarks.setup_data import set_up
from leerwinkel.app import open_store
from leerwinkel.storage.models import Base, Client

ROUNDS = 300


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


def bare(folder: Path) -> list[float]:
    engine = create_engine(f"sqlite:///{folder / 'bare.sqlite3'}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute("PRAGMA journal_mode = WAL")
        dbapi_connection.execute("PRAGMA synchronous = FULL")

    Base.metadata.create_all(engine)
    samples = []
    for i in range(ROUNDS):
        start = time.perf_counter()
        with Session(engine) as session:
            session.add(Client(first_name=f"Test{i}"))
            session.commit()
        samples.append(time.perf_counter() - start)
    engine.dispose()
    return samples


def ours(folder: Path) -> list[float]:
    config, credentials = set_up(folder / "ours")
    store = open_store(config, credentials=credentials)
    samples = []
    for i in range(ROUNDS):
        start = time.perf_counter()
        with store.unit_of_work() as session:
            session.add(Client(first_name=f"Test{i}"))
        samples.append(time.perf_counter() - start)
    store.dispose()
    return samples


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bare_p50, bare_p95 = _percentiles(bare(folder))
        our_p50, our_p95 = _percentiles(ours(folder))
    print(f"one-row commit, {ROUNDS} rounds (ms)   p50      p95")
    print(f"  bare SQLAlchemy ORM             {bare_p50:7.3f}  {bare_p95:7.3f}")
    print(f"  Store.unit_of_work              {our_p50:7.3f}  {our_p95:7.3f}")
    print(f"  ratio                           {our_p50 / bare_p50:7.2f}  {our_p95 / bare_p95:7.2f}")


if __name__ == "__main__":
    main()
