"""First start: create the administrator, the database key and the recovery key."""

from __future__ import annotations

from dataclasses import dataclass, field

from leerwinkel.config import Config
from leerwinkel.errors import AlreadyExistsError, AuthenticationError
from leerwinkel.security.auth import Actor
from leerwinkel.security.crypto import DEFAULT_PARAMS, KdfParams, hash_password, new_database_key, new_recovery_key
from leerwinkel.security.keyring import Credentials, Keyring, check_password, check_username, is_set_up
from leerwinkel.storage.store import Clock, sqlite_file, system_clock


@dataclass(frozen=True)
class SetupResult:
    admin: Actor
    recovery_key: str | None = field(repr=False)  # None with PostgreSQL (no database key)


def setup_installation(
    config: Config,
    admin: str,
    password: str,
    *,
    clock: Clock = system_clock,
    params: KdfParams | None = None,
) -> SetupResult:
    """Create the first administrator (and on SQLite the encrypted database and the recovery key).

    Show ``recovery_key`` once and never store it. Raises AlreadyExistsError when already set up.
    """
    from leerwinkel.app import open_app

    params = params or DEFAULT_PARAMS
    name = check_username(admin)
    check_password(password)
    credentials = Credentials(name, password)
    if not config.uses_sqlite:
        app = open_app(config, clock=clock, credentials=None)
        try:
            actor = app.auth.create_first_admin(name, password)
        finally:
            app.close()
        return SetupResult(actor, None)
    path = sqlite_file(config)
    if is_set_up(config) or (path is not None and path.exists() and path.stat().st_size > 0):
        raise AlreadyExistsError("installation", str(config.data_dir))
    key = new_database_key()
    recovery_key = new_recovery_key()
    keyring = Keyring(first_admin=name)
    keyring.add_account(name, password, key, params=params)
    keyring.set_recovery(recovery_key, key, params=params)
    config.data_dir.mkdir(parents=True, exist_ok=True)
    keyring.save(config)
    app = open_app(config, clock=clock, credentials=credentials)
    try:
        signed_in = app.auth.current
        assert signed_in is not None
        app.audit.record(signed_in, "setup", "account", signed_in.id)
    finally:
        app.close()
    return SetupResult(signed_in, recovery_key)


def recover_account(
    config: Config,
    recovery_key: str,
    username: str,
    new_password: str,
    *,
    clock: Clock = system_clock,
    params: KdfParams = DEFAULT_PARAMS,
) -> None:
    """Set a new password for ``username`` with the recovery key (a forgotten administrator password)."""
    from sqlalchemy import func, select

    from leerwinkel.security.audit import record
    from leerwinkel.storage.models import Counsellor
    from leerwinkel.storage.store import open_database

    check_password(new_password)
    keyring = Keyring.load(config)
    key = keyring.unlock_with_recovery(recovery_key)
    if key is None:
        raise AuthenticationError("bad-recovery-key")
    from leerwinkel.config import device_id

    store = open_database(config, device_id=device_id(config), clock=clock, key=key)
    try:
        with store.unit_of_work() as session:
            row = session.scalars(select(Counsellor).where(func.lower(Counsellor.username) == username.lower())).first()
            if row is None:
                from leerwinkel.errors import NotFoundError

                raise NotFoundError("counsellor", username)
            row.password_hash = hash_password(new_password, params)
            row.active = True
            record(session, None, "account.password", "account", row.id, detail={"recovery": True})
            keyring.add_account(row.username, new_password, key, params=params)
            keyring.save(config)
    finally:
        store.dispose()
