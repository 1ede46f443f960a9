"""Signed role grants: a role counts only when an administrator's key signed it (SQLite).

A grant is JSON naming the account (id and user name), its role, the public keys it signs audit
events with, who granted it and when, with an Ed25519 signature. The chain ends at a key pinned
outside the database at setup (``pinned_admin_key`` in keys.json: the first administrator's; the
recovery key's signing key also counts). Someone who holds the database key can still write a row
that says "admin", but not a grant that verifies: :func:`effective_role` gives such an account the
counsellor role, and ``audit verify`` reports it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leerwinkel.security.keys import b64, canonical, sign, unb64, verify_signature
from leerwinkel.storage.models import Counsellor

ROOT = "root"  # signed by the pinned first administrator's key
RECOVERY = "recovery"  # signed by the recovery key's signing key
MAX_DEPTH = 16


@dataclass(frozen=True)
class GrantCheck:
    ok: bool
    reason: str = ""  # "", "missing", "forged", "mismatch", "granter"
    sign_keys: tuple[bytes, ...] = ()


def make_grant(
    row: Counsellor, *, sign_keys: Sequence[bytes], by: str, signer: Any, at: str, role: str | None = None
) -> str:
    """A signed grant of ``row``'s role (JSON text to store in ``row.role_grant``)."""
    body = {
        "v": 1,
        "account": str(row.id),
        "username": row.username.casefold(),
        "role": role or row.role,
        "sign_keys": [b64(k) for k in dict.fromkeys(sign_keys)],
        "by": by,
        "at": at,
    }
    return json.dumps({**body, "signature": sign(signer, canonical(body))}, sort_keys=True)


def _parse(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def grant_keys(row: Counsellor) -> tuple[bytes, ...]:
    data = _parse(row.role_grant) or {}
    try:
        return tuple(unb64(k) for k in data.get("sign_keys", []))
    except ValueError:
        return ()


class GrantChecker:
    """Verifies grants in one unit of work, following each chain to a pinned key."""

    def __init__(self, session: Session, roots: Callable[[str], bytes | None]) -> None:
        self.session = session
        self.roots = roots
        self._cache: dict[uuid.UUID, GrantCheck] = {}

    def check(self, row: Counsellor, depth: int = 0) -> GrantCheck:
        if row.id in self._cache:
            return self._cache[row.id]
        result = self._check(row, depth)
        self._cache[row.id] = result
        return result

    def _check(self, row: Counsellor, depth: int) -> GrantCheck:
        data = _parse(row.role_grant)
        if data is None:
            return GrantCheck(False, "missing")
        body = {k: v for k, v in data.items() if k != "signature"}
        if (
            body.get("account") != str(row.id)
            or body.get("username") != row.username.casefold()
            or body.get("role") != row.role
        ):
            return GrantCheck(False, "mismatch")
        by = str(body.get("by", ""))
        candidates: tuple[bytes, ...]
        if by in (ROOT, RECOVERY):
            root = self.roots(by)
            candidates = (root,) if root else ()
        else:
            if depth >= MAX_DEPTH:
                return GrantCheck(False, "granter")
            try:
                granter = self.session.get(Counsellor, uuid.UUID(by))
            except ValueError:
                granter = None
            if granter is None or granter.role != "admin":
                return GrantCheck(False, "granter")
            granted = self.check(granter, depth + 1)
            if not granted.ok:
                return GrantCheck(False, "granter")
            candidates = granted.sign_keys
        signature = str(data.get("signature", ""))
        if not any(verify_signature(key, canonical(body), signature) for key in candidates):
            return GrantCheck(False, "forged")
        try:
            sign_keys = tuple(unb64(k) for k in body.get("sign_keys", []))
        except ValueError:
            return GrantCheck(False, "forged")
        return GrantCheck(True, "", sign_keys)


def roots_from(keyring: Any) -> Callable[[str], bytes | None]:
    """The pinned keys of a key file: the first administrator's, and the recovery key's."""

    def root(name: str) -> bytes | None:
        if name == ROOT:
            return keyring.pinned_admin_key  # type: ignore[no-any-return]
        recovery = getattr(keyring, "recovery", None)
        return getattr(recovery, "sign_public", None) if name == RECOVERY else None

    return root


def effective_role(session: Session, row: Counsellor, keyring: Any) -> str:
    """``row.role`` when its grant verifies; otherwise the counsellor role."""
    if row.role == "counsellor":
        return "counsellor"
    return row.role if GrantChecker(session, roots_from(keyring)).check(row).ok else "counsellor"


def unsigned_accounts(session: Session, keyring: Any) -> list[tuple[Counsellor, GrantCheck]]:
    """Accounts that can sign in and whose grant does not verify (for ``audit verify``)."""
    checker = GrantChecker(session, roots_from(keyring))
    found = []
    for row in session.scalars(select(Counsellor).where(Counsellor.password_hash.is_not(None))):
        result = checker.check(row)
        if not result.ok:
            found.append((row, result))
    return found
