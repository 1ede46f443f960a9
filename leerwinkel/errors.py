"""Error types of the core: they carry data, never sentences (see messages.py)."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Sequence
from dataclasses import dataclass


class LeerwinkelError(Exception):
    """Root of every error the application expects and can explain to a user."""


class NotFoundError(LeerwinkelError):
    def __init__(self, entity: str, key: object) -> None:
        super().__init__(entity)  # not the key in args (and so in tracebacks): it may be what was typed
        self.entity = entity
        self.key = key


class AlreadyExistsError(LeerwinkelError):
    def __init__(self, entity: str, key: object) -> None:
        super().__init__(entity)
        self.entity = entity
        self.key = key


@dataclass(frozen=True, repr=False)
class Problem:
    """One thing wrong with some input: where it is, and why (a reason code plus details).

    ``details`` may repeat what was typed (a phone number, a name): the repr, and so every
    traceback and log line, shows only the detail keys, never their values.
    """

    reason: str
    field: str | None = None
    file: str | None = None
    row: int | None = None
    record: str | None = None
    details: dict[str, object] = dataclasses.field(default_factory=dict)

    def __repr__(self) -> str:
        keys = ",".join(sorted(self.details))
        return f"Problem(reason={self.reason!r}, field={self.field!r}, row={self.row!r}, details=[{keys}])"


class InvalidInputError(LeerwinkelError):
    """Input was refused; ``problems`` lists every problem found, not only the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(list(problems))
        self.problems: list[Problem] = list(problems)

    @classmethod
    def single(cls, reason: str, *, field: str | None = None, **details: object) -> InvalidInputError:
        return cls([Problem(reason=reason, field=field, details=dict(details))])


class ConflictError(LeerwinkelError):
    """Somebody else saved the same record first; ``changed_fields`` says what they changed."""

    def __init__(self, entity: str, record_id: object, changed_fields: Sequence[str]) -> None:
        super().__init__(entity, record_id, list(changed_fields))
        self.entity = entity
        self.record_id = record_id
        self.changed_fields: list[str] = list(changed_fields)


class StorageProblem(enum.Enum):
    DISK_FULL = "disk-full"
    READ_ONLY = "read-only"
    LOCKED = "locked"
    NOT_A_DATABASE = "not-a-database"
    CORRUPT = "corrupt"
    TOO_NEW = "too-new"
    UNREACHABLE = "unreachable"
    NOT_ENCRYPTED = "not-encrypted"
    WRONG_KEY = "wrong-key"


class StorageError(LeerwinkelError):
    """The environment stops us from reading or writing data (not a bug in the app)."""

    def __init__(self, problem: StorageProblem, *, location: str = "", detail: str = "") -> None:
        super().__init__(problem, location, detail)
        self.problem = problem
        self.location = location
        self.detail = detail


class PermissionDeniedError(LeerwinkelError):
    def __init__(self, action: str) -> None:
        super().__init__(action)
        self.action = action


class AuthenticationError(LeerwinkelError):
    """Signing in or unlocking failed; ``location`` names the file concerned (e.g. keys.json)."""

    def __init__(
        self, reason: str = "bad-credentials", *, wait_seconds: float = 0.0, location: str = "", detail: str = ""
    ) -> None:
        super().__init__(reason, wait_seconds)
        self.reason = reason
        self.wait_seconds = wait_seconds
        self.location = location
        self.detail = detail


class ExchangeError(LeerwinkelError):
    """An exchange file (or enrolment file) was refused; nothing was changed.

    ``reason`` is a code (see messages.EXCHANGE_SENTENCES), ``location`` the file, ``detail`` a device
    id, a version or a sequence number: never client data.
    """

    def __init__(self, reason: str, *, location: str = "", detail: str = "") -> None:
        super().__init__(reason, location, detail)
        self.reason = reason
        self.location = location
        self.detail = detail
