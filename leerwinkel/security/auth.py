"""Accounts and the signed-in counsellor: login, logout, passwords, roles (the actor is in leerwinkel.actor)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from leerwinkel.actor import ROLE_ADMIN, ROLE_COUNSELLOR, ROLES, Actor, require_admin
from leerwinkel.config import SETTINGS_BY_KEY, Config
from leerwinkel.credentials import Credentials
from leerwinkel.errors import (
    AlreadyExistsError,
    AuthenticationError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from leerwinkel.ids import CounsellorId
from leerwinkel.security.audit import record
from leerwinkel.security.crypto import KdfParams, hash_password, new_recovery_key, target_params, verify_password
from leerwinkel.security.grants import RECOVERY, GrantChecker, grant_keys, make_grant, roots_from
from leerwinkel.security.keyring import Keyring, Unlock, check_password, check_username, login_throttle
from leerwinkel.security.rotation import rotate_database_key
from leerwinkel.security.signin import maintain_keys, verified_actor
from leerwinkel.security.throttle import Cleared, delay_after
from leerwinkel.storage.models import AuditEvent, Counsellor, Setting
from leerwinkel.storage.store import Store

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from leerwinkel.security.rotation import RotationResult


#: how far back the audit trail's failed logins count towards the delay (the file keeps its own count)
FAILURE_WINDOW = dt.timedelta(days=1)


@dataclass(frozen=True)
class Account:
    id: CounsellorId
    username: str
    display_name: str
    role: str
    active: bool


def _actor(row: Counsellor) -> Actor:
    return Actor(CounsellorId(row.id), row.username, row.display_name, row.role)


def _account(row: Counsellor) -> Account:
    return Account(CounsellorId(row.id), row.username, row.display_name, row.role, row.active)


def _audited_failures(session: Session, account_id: object, now: dt.datetime) -> list[dt.datetime]:
    """The account's failed logins in the audit trail since its last sign-in (of the last FAILURE_WINDOW)."""
    rows = session.execute(
        select(AuditEvent.action, AuditEvent.occurred_at)
        .where(
            AuditEvent.occurred_at >= now - FAILURE_WINDOW,
            AuditEvent.object_type == "account",
            AuditEvent.object_id == str(account_id),
            AuditEvent.action.in_(("login", "login.failed")),
        )
        .order_by(AuditEvent.sequence)
    ).all()
    failures: list[dt.datetime] = []
    for action, when in rows:
        if action == "login":
            failures.clear()
        else:
            failures.append(when)
    return failures


def _check_wait(failures: list[dt.datetime], now: dt.datetime) -> None:
    """AuthenticationError("throttled") while the delay after ``failures`` has not passed."""
    wait = delay_after(len(failures))
    if failures and wait > 0:
        remaining = (failures[-1] + dt.timedelta(seconds=wait) - now).total_seconds()
        if remaining > 0:
            raise AuthenticationError("throttled", wait_seconds=remaining)


def _find(session: Session, username: str) -> Counsellor | None:
    return session.scalars(
        select(Counsellor).where(func.lower(Counsellor.username) == username.strip().lower())
    ).first()


class AuthService:
    """Holds the signed-in counsellor (``current``) and manages accounts.

    On SQLite the key file (keys.json) keeps one wrapped copy of the database key per account: creating
    an account or changing a password updates it, so the new password opens the database.
    """

    def __init__(self, store: Store, config: Config, *, params: KdfParams | None = None) -> None:
        self.store = store
        self.config = config
        self._params = params
        self.current: Actor | None = None
        self.last_rotation: RotationResult | None = None  # what the latest key rotation could not carry over

    @property
    def params(self) -> KdfParams:
        """The argon2id parameters of new hashes and key copies (and what weaker ones are upgraded to)."""
        return self._params or target_params()

    @params.setter
    def params(self, value: KdfParams) -> None:
        self._params = value

    # -- session -----------------------------------------------------------------------------------

    def login(self, credentials: Credentials) -> Actor:
        """Check the password against the stored argon2id hash and sign in.

        Wrong passwords count towards the increasing delay (AuthenticationError with wait_seconds);
        both outcomes go to the audit trail. The delay is the longer of the login-attempts file's and
        the audit trail's (failures since the account's last sign-in), so deleting the file at a desk
        does not reset it for an account.
        """
        now = self.store.now()
        throttle = login_throttle(self.config)
        throttle.check(credentials.username, now)
        audited: list[dt.datetime] = []
        with self.store.unit_of_work() as session:
            row = _find(session, credentials.username)
            if row is not None:
                # the database's own count (PostgreSQL: the only one that a desk cannot delete)
                audited = _audited_failures(session, row.id, now)
                _check_wait(audited, now)
            ok = row is not None and row.active and verify_password(row.password_hash, credentials.password)
            if not ok:
                # the account's id when it exists; never the typed name (it may be a mistyped password)
                record(session, None, "login.failed", "account", row.id if row is not None else "unknown")
        if not ok or row is None:
            wait = throttle.failed(credentials.username, now, audited=True)
            wait = max(wait, delay_after(len(audited) + 1) if row is not None else 0.0)
            raise AuthenticationError("bad-credentials", wait_seconds=wait)
        actor = _actor(row)
        if self.store.is_encrypted:
            # another account at the same open database: its own keys sign what it does from now on

            found = Keyring.load(self.config).unlock_account(credentials)
            if found is not None and found.database_key == self.store.database_key:
                self.store.unlocked = found
            actor = verified_actor(self.store, self.config, actor)
        return self.start_session(actor)

    def start_session(self, actor: Actor) -> Actor:
        """Sign in an account whose password was already checked (by unlocking the database key).

        Failed attempts the audit trail does not have yet are recorded now, and so is every reset of
        the login-attempts file that was detected meanwhile (``login.reset``).
        """
        cleared = login_throttle(self.config).succeeded(actor.username, self.store.now())
        with self.store.unit_of_work() as session:
            self._record_cleared(actor, cleared, session=session)
            record(session, actor, "login", "account", actor.id)
        self.current = actor
        return actor

    def _record_cleared(self, actor: Actor, cleared: Cleared, *, session: Session | None = None) -> None:
        """Audit what the login-attempts file held back: failures before the unlock, detected resets."""
        if session is None:
            if cleared.failures or cleared.resets:
                with self.store.unit_of_work() as own:
                    self._record_cleared(actor, cleared, session=own)
            return
        for when in cleared.failures:
            record(session, None, "login.failed", "account", actor.id, at=when)
        for when in cleared.resets:
            record(session, None, "login.reset", "account", actor.id, at=when)

    def sign_in_after_unlock(self, credentials: Credentials) -> Actor:
        """After the key file opened the database: find the account and start its session.

        The first open of a new database creates the first administrator named in the key file.
        """
        with self.store.unit_of_work() as session:
            row = _find(session, credentials.username)
            if row is None:
                keyring = Keyring.load(self.config)
                # Only accounts that can sign in count; counsellor rows without a password (imported,
                # or named on letters) do not stop the first administrator from being created.
                empty = (
                    session.scalar(
                        select(func.count()).select_from(Counsellor).where(Counsellor.password_hash.is_not(None))
                    )
                    == 0
                )
                if not empty or keyring.first_admin.casefold() != credentials.username.strip().casefold():
                    raise AuthenticationError("bad-credentials")
                # the first administrator's hash takes the parameters of its key copy
                params = keyring.accounts[keyring.find(keyring.first_admin) or keyring.first_admin].params
                row = Counsellor(
                    username=keyring.first_admin,
                    display_name=keyring.first_admin,
                    role=ROLE_ADMIN,
                    password_hash=hash_password(credentials.password, params),
                )
                session.add(row)
                session.flush()
            if not row.active:
                raise AuthenticationError("bad-credentials")
            actor = _actor(row)
        if self.store.is_encrypted:
            maintain_keys(self.store, self.config, actor, credentials, params=self.params)
            actor = verified_actor(self.store, self.config, actor)  # the role counts only with a signed grant
        return self.start_session(actor)

    def verify(self, password: str) -> bool:
        """Unlock after inactivity: True when ``password`` is the current user's (audited either way)."""
        actor = self.current
        if actor is None:
            return False
        now = self.store.now()
        throttle = login_throttle(self.config)
        throttle.check(actor.username, now)
        with self.store.unit_of_work() as session:
            row = session.get(Counsellor, actor.id)
            ok = row is not None and row.active and verify_password(row.password_hash, password)
            record(session, actor, "unlock" if ok else "unlock.failed", "account", actor.id)
        if ok:
            self._record_cleared(actor, throttle.succeeded(actor.username, now))
        else:
            wait = throttle.failed(actor.username, now, audited=True)
            if wait > 0:
                raise AuthenticationError("bad-credentials", wait_seconds=wait)
        return ok

    def logout(self) -> None:
        """Sign out (audited as ``logout``); nothing happens when nobody is signed in."""
        if self.current is None:
            return
        with self.store.unit_of_work() as session:
            record(session, self.current, "logout", "account", self.current.id)
        self.current = None

    def lock_minutes(self) -> int:
        """Minutes without activity before the window locks (setting security.lock_minutes)."""
        import json

        spec = SETTINGS_BY_KEY["security.lock_minutes"]
        default = int(str(spec.default))
        with self.store.unit_of_work() as session:
            row = session.scalars(select(Setting).where(Setting.key == spec.key)).first()
        try:
            value = int(json.loads(row.value)) if row is not None else default
        except (ValueError, TypeError):
            return default
        return value if (spec.minimum or 1) <= value <= (spec.maximum or 240) else default

    # -- accounts ----------------------------------------------------------------------------------

    def has_accounts(self) -> bool:
        """True once any account exists (PostgreSQL: False until setup made the first administrator)."""
        with self.store.unit_of_work() as session:
            return bool(session.scalar(select(func.count()).select_from(Counsellor)))

    def create_first_admin(self, username: str, password: str) -> Actor:
        """The first administrator of a database without accounts (PostgreSQL setup)."""
        name = check_username(username)
        check_password(password)
        with self.store.unit_of_work() as session:
            if session.scalar(select(func.count()).select_from(Counsellor)):
                raise AlreadyExistsError("counsellor", name)
            row = Counsellor(
                username=name, display_name=name, role=ROLE_ADMIN, password_hash=hash_password(password, self.params)
            )
            session.add(row)
            session.flush()
            actor = _actor(row)
            record(session, actor, "setup", "account", row.id)
        return actor

    def accounts(self, actor: Actor | None) -> list[Account]:
        """Every account, by user name (administrators only: PermissionDeniedError otherwise)."""
        require_admin(actor, "account.list")
        with self.store.unit_of_work() as session:
            return [_account(row) for row in session.scalars(select(Counsellor).order_by(Counsellor.username))]

    def create_account(
        self, actor: Actor | None, username: str, password: str, *, role: str = ROLE_COUNSELLOR, display_name: str = ""
    ) -> Account:
        """Create an account (administrators only); on SQLite its password then opens the database."""
        require_admin(actor, "account.create")
        name = check_username(username)
        check_password(password)
        if role not in ROLES:
            raise InvalidInputError.single("unknown-code", field="role", value=role, allowed=", ".join(ROLES))
        display = display_name.strip() or name
        if len(display) > 200:
            raise InvalidInputError.single("too-long", field="display_name", maximum=200)
        keyring, keys = self._new_keys(name, password, admin=role == ROLE_ADMIN)
        with self.store.unit_of_work() as session:
            if _find(session, name) is not None:
                raise AlreadyExistsError("counsellor", name)
            row = Counsellor(
                username=name, display_name=display, role=role, password_hash=hash_password(password, self.params)
            )
            session.add(row)
            session.flush()
            self._grant(row, actor, keys)
            record(session, actor, "account.create", "account", row.id, detail={"role": role})
            account = _account(row)
        # the key file changes only after the account is committed (a failed save leaves no key copy)
        if keyring is not None:
            keyring.save(self.config)
        return account

    def set_role(self, actor: Actor | None, username: str, role: str) -> None:
        """Give an account another role, signed by the acting administrator (audited as account.role)."""
        require_admin(actor, "account.role")
        if role not in ROLES:
            raise InvalidInputError.single("unknown-code", field="role", value=role, allowed=", ".join(ROLES))
        with self.store.unit_of_work() as session:
            row = _find(session, username)
            if row is None:
                raise NotFoundError("counsellor", username)
            if row.role == ROLE_ADMIN and role != ROLE_ADMIN:
                self._check_not_last_admin(session)
            row.role = role
            self._grant(row, actor, None)
            record(session, actor, "account.role", "account", row.id, detail={"role": role})

    @staticmethod
    def _check_not_last_admin(session: Session) -> None:
        admins = session.scalar(
            select(func.count())
            .select_from(Counsellor)
            .where(Counsellor.role == ROLE_ADMIN, Counsellor.active.is_(True))
        )
        if (admins or 0) <= 1:
            raise InvalidInputError.single("last-admin", field="username")

    def _grant(self, row: Counsellor, actor: Actor | None, keys: object) -> None:
        """Sign ``row``'s role with the acting administrator's key (SQLite; PostgreSQL keeps the role row)."""
        unlocked = self.store.unlocked
        if not isinstance(unlocked, Unlock) or unlocked.keys is None or actor is None:
            return
        sign_keys = list(grant_keys(row))
        new = getattr(keys, "sign_public", None) or Keyring.load(self.config).sign_public(row.username)
        if new is not None:
            sign_keys.append(new)
        row.role_grant = make_grant(
            row, sign_keys=sign_keys, by=str(actor.id), signer=unlocked.keys.signer, at=self.store.now().isoformat()
        )

    def _new_keys(self, name: str, password: str, *, admin: bool) -> tuple[Keyring | None, object]:
        """A key file with a new entry for ``name`` (not saved yet), and its unlocked keys; SQLite only."""
        key = self.store.database_key
        if key is None:
            return None, None
        backup_private = getattr(self.store.unlocked, "backup_private", None) if admin else None
        keyring = Keyring.load(self.config)
        keys = keyring.add_account(name, password, key, params=self.params, backup_private=backup_private)
        return keyring, keys

    def change_password(self, actor: Actor | None, username: str, new_password: str) -> None:
        """Set a new password: one's own, or anyone's for an administrator."""
        if actor is None or (not actor.is_admin and actor.username.casefold() != username.strip().casefold()):
            raise PermissionDeniedError("account.password")
        check_password(new_password)
        with self.store.unit_of_work() as session:
            row = _find(session, username)
            if row is None:
                raise NotFoundError("counsellor", username)
            row.password_hash = hash_password(new_password, self.params)
            record(session, actor, "account.password", "account", row.id)
            name = row.username
        if self.store.is_encrypted:
            # the old password (and any copy of the old key file) must open nothing any more
            own = actor.username.casefold() == name.casefold()
            keys = getattr(self.store.unlocked, "keys", None)
            keep = {name.casefold(): keys.signer} if own and keys is not None else None
            self._rotate(actor, replace={name: new_password}, keep_signer=keep)
            if own:
                self.store.unlocked = Keyring.load(self.config).unlock_account(Credentials(name, new_password))
            else:
                with self.store.unit_of_work() as session:
                    row = _find(session, name)
                    if row is not None:
                        self._grant(row, actor, None)  # its new signing key, signed by the administrator

    def set_active(self, actor: Actor | None, username: str, active: bool) -> None:
        """Deactivate (or reactivate) an account; a deactivated account's key copy is removed.

        A reactivated account needs a new password (change_password) to open an encrypted database
        again. The last active administrator cannot be deactivated.
        """
        require_admin(actor, "account.update")
        with self.store.unit_of_work() as session:
            row = _find(session, username)
            if row is None:
                raise NotFoundError("counsellor", username)
            if not active and row.role == ROLE_ADMIN:
                self._check_not_last_admin(session)
            row.active = active
            record(session, actor, "account.update", "account", row.id, detail={"active": active})
            name = row.username
        if not active and self.store.is_encrypted:
            # revocation: a new database key that the disabled account is never given
            self._rotate(actor, remove=frozenset({name}))

    def _rotate(
        self,
        actor: Actor | None,
        *,
        remove: frozenset[str] = frozenset(),
        replace: dict[str, str] | None = None,
        keep_signer: dict[str, object] | None = None,
    ) -> None:
        self.last_rotation = rotate_database_key(
            self.config,
            self.store,
            self.store.unlocked,
            remove=remove,
            replace=replace,
            params=self.params,
            keep_signer=keep_signer,
        )
        with self.store.unit_of_work() as session:
            record(
                session,
                actor,
                "key.rotate",
                "database",
                "",
                detail={
                    "generation": self.last_rotation.generation,
                    "dropped": len(self.last_rotation.dropped),
                    "backups": self.last_rotation.backups_reencrypted,
                },
            )

    def new_recovery_key(self, actor: Actor | None) -> str:
        """Replace the recovery key (administrators; SQLite): show the returned key once, never store it.

        The new key gets the database key and the backup key; the old one opens nothing new.
        """
        require_admin(actor, "account.recovery")
        key = self.store.database_key
        if key is None:
            raise InvalidInputError.single("backup-postgres")
        backup_private = getattr(self.store.unlocked, "backup_private", None)
        recovery = new_recovery_key()

        keyring = Keyring.load(self.config)
        with self.store.unit_of_work() as session:
            checker = GrantChecker(session, roots_from(keyring))
            for row in session.scalars(select(Counsellor).where(Counsellor.role_grant.is_not(None))):
                if '"by": "' + RECOVERY + '"' in (row.role_grant or "") and checker.check(row).ok:
                    self._grant(row, actor, None)  # signed by the old recovery key: re-signed before it goes
            record(session, actor, "account.recovery", "account", "")
        keyring = Keyring.load(self.config)
        keyring.set_recovery(recovery, key, params=self.params, backup_private=backup_private)
        keyring.save(self.config)
        return recovery
