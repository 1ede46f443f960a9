"""Key upkeep at sign-in (SQLite): migrate and rehash the key file entry, pin and check role grants."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.orm import Session

from leerwinkel.actor import Actor
from leerwinkel.config import Config
from leerwinkel.credentials import Credentials
from leerwinkel.security.anchors import current_anchor
from leerwinkel.security.audit import record
from leerwinkel.security.crypto import KdfParams
from leerwinkel.security.grants import ROOT, GrantChecker, grant_keys, make_grant, roots_from
from leerwinkel.security.keyring import Keyring, Unlock, needs_rehash
from leerwinkel.security.keys import AccountKeys, new_backup_keypair
from leerwinkel.security.throttle import LoginThrottle, new_throttle_key
from leerwinkel.storage.models import Counsellor
from leerwinkel.storage.store import Store


def maintain_keys(store: Store, config: Config, actor: Actor, credentials: Credentials, *, params: KdfParams) -> None:
    """After an unlock: migrate a format 1 entry, upgrade weak parameters (check_needs_rehash), and
    at the first administrator's first sign-in after an upgrade pin its signing key and create the
    backup key; give the key file a throttle key (the login-attempts file is sealed with it from then
    on). The signing key is kept when an entry is rewritten.
    """
    unlocked = store.unlocked
    key = store.database_key
    if not isinstance(unlocked, Unlock) or key is None:
        return
    keyring = Keyring.load(config)
    name = keyring.find(credentials.username)
    if name is None:
        return
    first_admin = name.casefold() == keyring.first_admin.casefold() and actor.is_admin
    changed = False
    backup_private = unlocked.backup_private
    if first_admin and keyring.backup_public is None:
        backup_private, keyring.backup_public = new_backup_keypair()
        if isinstance(keyring.recovery, AccountKeys):
            keyring.recovery.give_backup(backup_private)
        changed = True
    entry = keyring.accounts[name]
    if needs_rehash(entry, params) or changed:
        signer = unlocked.keys.signer if unlocked.keys is not None else None
        keys = keyring.add_account(
            name, credentials.password, key, params=params, backup_private=backup_private, signer=signer
        )
        unlocked = dataclasses.replace(unlocked, keys=keys, backup_private=backup_private)
        changed = True
    if first_admin and keyring.pinned_admin_key is None and unlocked.keys is not None:
        keyring.pinned_admin_key = unlocked.keys.sign_public
        changed = True
    if keyring.throttle_key is None:
        # an installation from before the sealed throttle: seal the count first, then keep its key
        keyring.throttle_key = new_throttle_key()
        LoginThrottle(config.data_dir, key=None).seal(keyring.throttle_key)
        changed = True
    if keyring.signed_from is None:
        head = current_anchor(store)
        keyring.signed_from = int(str(head["sequence"])) + 1 if head else 1  # older events were never signed
        changed = True
    if changed:
        keyring.save(config)
        store.unlocked = unlocked


def verified_actor(store: Store, config: Config, actor: Actor) -> Actor:
    """``actor`` with the role its signed grant allows (an unsigned or forged admin role counts as counsellor).

    The first administrator gets its grant from the pinned key; a signed-in administrator with a valid
    grant signs the grants that are missing (counsellors, after an upgrade) or that lack an account's
    current signing key (after an administrator set a new password).
    """
    unlocked = store.unlocked
    keys = unlocked.keys if isinstance(unlocked, Unlock) else None
    keyring = Keyring.load(config)
    now = store.now().isoformat()
    with store.unit_of_work() as session:
        row = session.get(Counsellor, actor.id)
        assert row is not None
        checker = GrantChecker(session, roots_from(keyring))
        if (
            keys is not None
            and row.username.casefold() == keyring.first_admin.casefold()
            and keyring.pinned_admin_key == keys.sign_public
            and not checker.check(row).ok
        ):
            row.role_grant = make_grant(
                row, sign_keys=[*grant_keys(row), keys.sign_public], by=ROOT, signer=keys.signer, at=now
            )
            session.flush()
            checker = GrantChecker(session, roots_from(keyring))
        granted = checker.check(row)
        role = row.role if granted.ok or row.role == "counsellor" else "counsellor"
        if role != row.role:
            record(session, None, "role.refused", "account", row.id, detail={"reason": granted.reason})
        elif role == "admin" and keys is not None:
            _sign_missing_grants(session, checker, keyring, row, keys.signer, now)
    return dataclasses.replace(actor, role=role)


def _sign_missing_grants(
    session: object, checker: GrantChecker, keyring: Keyring, admin: Counsellor, signer: object, now: str
) -> None:
    assert isinstance(session, Session)
    for row in session.scalars(select(Counsellor).where(Counsellor.password_hash.is_not(None))):
        current = keyring.sign_public(row.username)
        result = checker.check(row)
        if result.ok and (current is None or current in result.sign_keys):
            continue
        if not result.ok and row.role != "counsellor":
            continue  # an administrator role nobody signed stays refused: `account role` grants it
        keys = [*(result.sign_keys if result.ok else ()), *([current] if current else [])]
        row.role_grant = make_grant(row, sign_keys=keys, by=str(admin.id), signer=signer, at=now)
