"""What every command of ``leerwinkel <command>`` shares: the exit codes and the one JSON printer."""

from __future__ import annotations

import datetime as dt
import json
from typing import TextIO

EXIT_OK = 0
EXIT_ERROR = 1
#: bad usage, or input that was refused (nothing changed)
EXIT_USAGE = 2


def _plain(value: object) -> object:
    """What json cannot write by itself: dates as ISO 8601, sets sorted, anything else (UUID, Path) as text."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    return str(value)


def print_json(data: object, out: TextIO) -> None:
    """``data`` as indented UTF-8 JSON and a line end: the output of every ``--json`` option."""
    json.dump(data, out, ensure_ascii=False, indent=2, default=_plain)
    out.write("\n")
