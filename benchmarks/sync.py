"""Exchange file: export and import of 10,000 intakes with their referrals, against a floor. Run on demand.

.venv/bin/python -m benchmarks.sync

The floor, measured in the same run on the same kind of database (SQLCipher): bare HPKE encryption (or
decryption) of the file's plaintext bytes, plus a bare ``executemany`` of the same rows into empty tables.
Each is timed cold (first time in this process) and warm (again, on fresh databases). The issue asks for
export and import each within 5x the floor.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite
from sqlalchemy import insert, select

from leerwinkel.actor import Actor
from leerwinkel.config import Config
from leerwinkel.ids import CounsellorId
from leerwinkel.security.crypto import new_database_key
from leerwinkel.storage import migrate
from leerwinkel.storage.models import Client, Intake, LearningWish, Referral, ReferralStatusChange
from leerwinkel.storage.store import Store, create_database_engine
from leerwinkel.sync import devices
from leerwinkel.sync.pack import decrypt_body, read_header
from leerwinkel.sync.service import SyncService

INTAKES = 10_000
TABLES = (Client, Intake, LearningWish, Referral, ReferralStatusChange)
ACTOR = Actor(CounsellorId(uuid.UUID(int=7)), "bench", "Bench", "admin")
NOW = dt.datetime(2026, 3, 16, 9, 30, tzinfo=dt.UTC)


def _timed(label: str, func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    elapsed = time.perf_counter() - start
    print(f"  {label:<52} {elapsed * 1000:9.1f} ms")
    return elapsed


def _store(folder: Path, name: str) -> Store:
    path = folder / name
    path.mkdir(parents=True)
    key = new_database_key()
    store = Store(create_database_engine(Config(data_dir=path), key), device_id=name, key=key)
    migrate.upgrade(store)
    return store


def _fill(store: Store) -> None:
    """10,000 clients, each with an intake, a learning wish, a referral and its first status."""
    rows: dict[Any, list[dict[str, Any]]] = {model: [] for model in TABLES}
    stamp = {"created_at": NOW, "updated_at": NOW, "updated_by_device": store.device_id, "version": 1}
    for i in range(INTAKES):
        client, intake, wish, referral = (uuid.uuid4() for _ in range(4))
        day = dt.date(2025, 1, 1) + dt.timedelta(days=i % 365)
        rows[Client].append(
            {"id": client, "first_name": f"Voornaam{i}", "last_name": f"Familienaam{i}", "municipality": "Mechelen",
             "notes": "Wil graag een diploma secundair onderwijs halen." * 2, "search_key": f"voornaam{i}", **stamp}
        )  # fmt: skip
        rows[Intake].append(
            {"id": intake, "client_id": client, "held_on": day, "notes": "Intake in de zitdag.", **stamp}
        )
        rows[LearningWish].append(
            {"id": wish, "client_id": client, "intake_id": intake, "category": "ce-examen", "description": "Diploma",
             **stamp}
        )  # fmt: skip
        rows[Referral].append(
            {"id": referral, "client_id": client, "wish_id": wish, "category": "ce-examen", "referred_on": day,
             "external_provider": "Examencommissie", "note": "Inschrijving voor de volgende zittijd.", **stamp}
        )  # fmt: skip
        rows[ReferralStatusChange].append(
            {"id": uuid.uuid4(), "referral_id": referral, "status": "voorgesteld", "changed_on": day,
             "changed_at": NOW, **stamp}
        )  # fmt: skip
    with store.engine.begin() as connection:
        for model in TABLES:
            connection.execute(insert(model), rows[model])


def _enrol(office: SyncService, laptop: SyncService, folder: Path, name: str) -> None:
    folder.mkdir()
    office.configure(ACTOR, name=name)
    laptop.configure(ACTOR, name="Laptop")
    office.write_enrolment(ACTOR, folder / "kantoor.json")
    laptop.write_enrolment(ACTOR, folder / "laptop.json")
    office.enrol(ACTOR, folder / "laptop.json")
    laptop.enrol(ACTOR, folder / "kantoor.json")


def _rows(store: Store) -> dict[Any, list[dict[str, Any]]]:
    with store.engine.connect() as connection:
        return {m: [dict(r._mapping) for r in connection.execute(select(m.__table__))] for m in TABLES}


def _executemany(store: Store, rows: dict[Any, list[dict[str, Any]]]) -> None:
    with store.engine.begin() as connection:
        for model in TABLES:
            connection.execute(insert(model), rows[model])


def _round(
    label: str, laptop: SyncService, office: Store, floor: Store, rows: dict[Any, list[dict[str, Any]]], folder: Path
) -> tuple[float, float, float, float]:
    """One export and import, and the floor for it; returns (export, import, export floor, import floor)."""
    office_sync = SyncService(office)
    _enrol(office_sync, laptop, folder / label, f"Kantoor {label}")
    target = folder / f"{label}.lwsync"
    print(f"{label}: {INTAKES} intakes with referrals ({sum(len(r) for r in rows.values())} rows)")
    export = _timed("export (sync export)", lambda: laptop.export(ACTOR, to=f"Kantoor {label}", target=target))
    import_ = _timed("import (sync import)", lambda: office_sync.import_file(ACTOR, target))
    with office.unit_of_work() as session:
        keys = devices.keys_of(devices.identity(session, office.device_id))
    payload = decrypt_body(read_header(target.read_bytes()), box=keys.box, passphrase=None)
    plain = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    suite = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.AES_256_GCM)
    recipient = X25519PrivateKey.generate()
    sealed: list[bytes] = []
    encrypt = _timed(
        f"floor: HPKE encrypt {len(plain) / 1e6:.1f} MB",
        lambda: sealed.append(suite.encrypt(plain, recipient.public_key(), info=b"bench")),
    )
    decrypt = _timed("floor: HPKE decrypt", lambda: suite.decrypt(sealed[0], recipient, info=b"bench"))
    many = _timed("floor: executemany of the same rows", lambda: _executemany(floor, rows))
    print(f"  file size {target.stat().st_size / 1e6:.1f} MB")
    return export, import_, encrypt + many, decrypt + many


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        laptop = _store(folder, "laptop")
        _fill(laptop)
        rows = _rows(laptop)
        stores = [laptop]
        results = []
        for label in ("cold", "warm"):
            office, floor = _store(folder, f"office-{label}"), _store(folder, f"floor-{label}")
            stores += [office, floor]
            results.append((label, *_round(label, SyncService(laptop), office, floor, rows, folder)))
        for label, export, import_, export_floor, import_floor in results:
            print(
                f"ratio {label}: export/floor {export / export_floor:.2f}, import/floor {import_ / import_floor:.2f} "
                "(target: within 5)"
            )
        for store in stores:
            store.dispose()


if __name__ == "__main__":
    main()
