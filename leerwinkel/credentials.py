"""Who signs in: a user name and a password, typed or read from a password file named in the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from leerwinkel.errors import InvalidInputError, Problem

USER_ENV = "LEERWINKEL_USER"
PASSWORD_FILE_ENV = "LEERWINKEL_PASSWORD_FILE"
MAX_PASSWORD_FILE_BYTES = 64 * 1024


@dataclass(frozen=True)
class Credentials:
    """A user name and a password, as typed or read from a password file."""

    username: str
    password: str = field(repr=False)


def read_password_file(path: Path) -> str:
    """The first line of a password file, without its line end (UTF-8, at most 64 KiB)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_PASSWORD_FILE_BYTES + 1)
    except OSError as error:
        raise InvalidInputError([Problem("unreadable-file", field="password_file", file=str(path))]) from error
    if len(raw) > MAX_PASSWORD_FILE_BYTES:
        raise InvalidInputError(
            [Problem("password-file-too-large", field="password_file", file=str(path), details={"maximum_kib": 64})]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInputError(
            [Problem("bad-encoding", field="password_file", file=str(path), details={"position": error.start})]
        ) from error
    return text.splitlines()[0] if text else ""


def credentials_from_env(environ: Mapping[str, str] | None = None) -> Credentials | None:
    """Credentials from LEERWINKEL_USER and LEERWINKEL_PASSWORD_FILE, when both are set."""
    env = os.environ if environ is None else environ
    user = env.get(USER_ENV, "").strip()
    password_file = env.get(PASSWORD_FILE_ENV, "").strip()
    if not user or not password_file:
        return None
    return Credentials(user, read_password_file(Path(password_file)))
