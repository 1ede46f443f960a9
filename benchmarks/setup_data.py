"""A set-up (encrypted) data folder for the benchmarks, as ``leerwinkel setup`` makes it."""

from __future__ import annotations

from pathlib import Path

from leerwinkel.config import Config
from leerwinkel.credentials import Credentials
from leerwinkel.security.setup import setup_installation

BENCH_CREDENTIALS = Credentials("bench-beheerder", "bench-wachtwoord-1")


def set_up(data_dir: Path) -> tuple[Config, Credentials]:
    """Create the administrator and the encrypted database in ``data_dir``; return how to open it."""
    config = Config(data_dir=data_dir)
    setup_installation(config, BENCH_CREDENTIALS.username, BENCH_CREDENTIALS.password)
    return config, BENCH_CREDENTIALS
