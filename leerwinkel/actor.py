"""Who is acting: the signed-in account that services receive and pass on to the audit trail.

A low-level module (it imports only ids and errors), so storage, the audit trail and every service can name
an actor without importing the account service. Services that only administrators may run call
:func:`require_admin` first::

    def import_catalogue(self, actor: Actor | None, ...):
        require_admin(actor, "catalogue.import")
"""

from __future__ import annotations

from dataclasses import dataclass

from leerwinkel.errors import PermissionDeniedError
from leerwinkel.ids import CounsellorId

ROLE_COUNSELLOR = "counsellor"
ROLE_ADMIN = "admin"
ROLES = (ROLE_COUNSELLOR, ROLE_ADMIN)


@dataclass(frozen=True)
class Actor:
    """Who is acting: the signed-in account. Pass it to services; they pass it to the audit trail."""

    id: CounsellorId
    username: str
    display_name: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == ROLE_ADMIN


def require_admin(actor: Actor | None, action: str) -> Actor:
    """Return ``actor`` when it is an administrator; otherwise raise PermissionDeniedError(action)."""
    if actor is None or not actor.is_admin:
        raise PermissionDeniedError(action)
    return actor


def require_actor(actor: Actor | None, action: str) -> Actor:
    """Return ``actor`` when somebody is signed in; otherwise raise PermissionDeniedError(action)."""
    if actor is None:
        raise PermissionDeniedError(action)
    return actor
