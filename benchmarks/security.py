"""Cost of security: argon2id unlock, SQLCipher against plain SQLite, backups. Run on demand.

.venv/bin/python -m benchmarks.security
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from leerwinkel.config import Config
from leerwinkel.security.crypto import DEFAULT_PARAMS, new_database_key, unwrap_key, wrap_key
from leerwinkel.storage import migrate
from leerwinkel.storage.models import Client
from leerwinkel.storage.store import Store, create_database_engine

ROWS = 5000


def _timed(label: str, func: object) -> float:
    assert callable(func)
    start = time.perf_counter()
    func()
    elapsed = time.perf_counter() - start
    print(f"{label:<44} {elapsed * 1000:9.1f} ms")
    return elapsed


def _store(folder: Path, key: bytes | None) -> Store:
    config = Config(data_dir=folder)
    folder.mkdir(parents=True)
    store = Store(create_database_engine(config, key), device_id="bench", key=key)
    migrate.upgrade(store)
    return store


def _insert(store: Store) -> None:
    for start in range(0, ROWS, 500):
        with store.unit_of_work() as session:
            session.add_all(Client(first_name=f"Bench{i}", notes="x" * 200) for i in range(start, start + 500))


def _read(store: Store) -> None:
    with store.unit_of_work() as session:
        assert len(session.query(Client).filter(Client.notes.like("%x%")).all()) == ROWS


def main() -> None:
    key = new_database_key()
    copy = wrap_key(key, "wachtwoord-bench", label="bench")
    print(f"argon2id parameters: {DEFAULT_PARAMS}")
    _timed("unlock (argon2id unwrap)", lambda: unwrap_key(copy, "wachtwoord-bench", label="bench"))
    with tempfile.TemporaryDirectory() as tmp:
        plain = _store(Path(tmp) / "plain", None)
        cipher = _store(Path(tmp) / "cipher", key)
        t_plain = _timed(f"insert {ROWS} clients, plain SQLite", lambda: _insert(plain))
        t_cipher = _timed(f"insert {ROWS} clients, SQLCipher", lambda: _insert(cipher))
        r_plain = _timed(f"read {ROWS} clients, plain SQLite", lambda: _read(plain))
        r_cipher = _timed(f"read {ROWS} clients, SQLCipher", lambda: _read(cipher))
        _timed("backup copy (SQLCipher)", lambda: cipher.copy_sqlite(Path(tmp) / "copy.lwbak"))
        print(f"ratio insert SQLCipher/plain: {t_cipher / t_plain:.2f}")
        print(f"ratio read   SQLCipher/plain: {r_cipher / r_plain:.2f}")
        plain.dispose()
        cipher.dispose()


if __name__ == "__main__":
    main()
