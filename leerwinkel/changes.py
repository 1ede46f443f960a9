"""What a mutation changed: one set of flags for the whole app, so each view refreshes only when it must."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """The change flags every mutation returns (compare Anki's ``OpChanges``).

    The main window publishes them once through its hub; each page refreshes when one of its flags is set.
    Combine two with ``|``. ``Changes()`` means nothing changed.
    """

    clients: bool = False
    intakes: bool = False
    referrals: bool = False
    drafts: bool = False
    catalogue: bool = False
    settings: bool = False
    letters: bool = False
    accounts: bool = False
    contacts: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in dataclasses.fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in dataclasses.fields(self))

    @classmethod
    def everything(cls) -> Changes:
        """Every flag set: after a restore, an import or a sign-in as somebody else."""
        return cls(**{f.name: True for f in dataclasses.fields(cls)})

    def names(self) -> tuple[str, ...]:
        """The names of the flags that are set (for logs and tests)."""
        return tuple(f.name for f in dataclasses.fields(self) if getattr(self, f.name))
