"""The facade: one object that opens the store and gathers the services the UI and CLI use."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from leerwinkel import __version__
from leerwinkel.config import Config, device_id, load_config
from leerwinkel.contacts.service import ContactService
from leerwinkel.errors import AuthenticationError, LeerwinkelError

if TYPE_CHECKING:
    from leerwinkel.actor import Actor
    from leerwinkel.backup import BackupInfo, RestoreResult
    from leerwinkel.credentials import Credentials
    from leerwinkel.storage.store import Clock, Store

# The services, SQLAlchemy, Alembic, ReportLab and the crypto libraries are imported when a facade is opened,
# not when this module is: the login dialog and `leerwinkel --version` / `--help` must not wait for them
# (benchmarks/startup.py). Importing this module only for its names stays cheap.

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Info:
    version: str
    data_dir: str
    database_url: str
    backend: str
    schema_revision: str | None
    head_revision: str
    row_counts: dict[str, int]


class Leerwinkel:
    """Everything the front-ends may call. Build it with :func:`open_app`; close it when done."""

    def __init__(self, config: Config, store: Store) -> None:
        from leerwinkel.catalogue.service import CatalogueService
        from leerwinkel.intake.actions import IntakeService
        from leerwinkel.intake.drafts import DraftService
        from leerwinkel.intake.merge import MergeService
        from leerwinkel.intake.service import ClientService
        from leerwinkel.intake.takeover import TakeoverService
        from leerwinkel.letters.service import LetterService
        from leerwinkel.referrals.replies import ReplyService
        from leerwinkel.referrals.service import ReferralService
        from leerwinkel.reports.service import ReportService

        self.config = config
        self.store = store
        self.letters = LetterService(store)
        self.clients = ClientService(store)
        self.takeover = TakeoverService(store, self.clients)  # the old spreadsheet: import, duplicates
        self.merges = MergeService(store)  # two records of one person become one
        self.intakes = IntakeService(store)  # the intake form's writes: save and refer, one unit of work each
        self.contacts = ContactService(store)  # contact log, hand-over, "Mijn cliënten"
        self.referrals = ReferralService(store)
        self.replies = ReplyService(store)
        self.drafts = DraftService(store)
        self.catalogue = CatalogueService(store)
        self.reports = ReportService(store)
        self._open_security(config, store)

    def _open_security(self, config: Config, store: Store) -> None:
        from leerwinkel.backup import BackupService
        from leerwinkel.i18n import LanguageSetting
        from leerwinkel.security.audit import AuditService
        from leerwinkel.security.auth import AuthService
        from leerwinkel.security.privacy import PrivacyService
        from leerwinkel.settings.service import SettingsService
        from leerwinkel.settings.sites import SitesService

        self.auth = AuthService(store, config)  # auth.current: the signed-in counsellor (an Actor)
        self.audit = AuditService(store, config)
        self.backups = BackupService(store, config)
        self.privacy = PrivacyService(store, config)
        self.settings = SettingsService(store)  # the user settings (administrators change them)
        self.sites = SitesService(store)  # the Leerwinkel's offices, sitting days and prisons
        from leerwinkel.sync.service import SyncService

        self.sync = SyncService(store)  # exchange files between the office and a session laptop
        from leerwinkel.sync.prisonmode import PrisonModeService
        from leerwinkel.sync.trails import check_received_trails

        self.audit.extra_checks.append(check_received_trails)  # `audit verify`: the trails other devices sent

        self.prison_mode = PrisonModeService(store, config.data_dir)  # today's session in one prison, per laptop
        self.language = LanguageSetting(config.data_dir)  # the window's language, chosen per installation

    def location(self) -> str:
        """Where the data is, for the status bar: the SQLite file, or the server's address (no password)."""
        return str(self.config.sqlite_path) if self.store.dialect == "sqlite" else self.store.url

    def info(self) -> Info:
        """Folders, backend, schema revision and row counts per table (no client data); reads only."""
        from leerwinkel.storage import migrate
        from leerwinkel.storage.store import row_counts

        return Info(
            version=__version__,
            data_dir=str(self.config.data_dir),
            database_url=self.store.url,
            backend=self.store.dialect,
            schema_revision=migrate.current_revision(self.store),
            head_revision=migrate.head_revision(),
            row_counts=row_counts(self.store),
        )

    def is_database_check_due(self) -> bool:
        """True when the database's full integrity check should run now (SQLite: never run, or a day ago)."""
        return self.store.is_integrity_check_due()

    def check_database(self, *, should_stop: Callable[[], bool] | None = None) -> bool | None:
        """Run the full integrity check (slow: call it off the UI thread; see leerwinkel.storage.integrity).

        True: sound; None: stopped by ``should_stop``, or nothing to check. Damage raises StorageError
        CORRUPT, and from then on every write is refused with it; the next open refuses the file.
        """
        verdict = self.store.check_integrity(should_stop=should_stop)
        if verdict is False and self.store.damage is not None:
            raise self.store.damage
        return verdict

    def is_daily_upkeep_due(self) -> bool:
        """True when :meth:`daily_upkeep` has work: the integrity check or the daily backup is due."""
        if self.store.damage is not None:  # said once; the next open refuses the file
            return False
        return self.is_database_check_due() or self.backups.is_daily_due()

    def daily_upkeep(self, actor: Actor | None, *, should_stop: Callable[[], bool] | None = None) -> BackupInfo | None:
        """The integrity check when it is due, then the daily backup when none of today exists.

        Slow on a large file (each reads all of it: seconds, up to half a minute at 100,000 clients): run it
        off the UI thread, after the window is shown. The backup comes only after a sound check, so a damaged
        file never pushes a good backup out of the rotation; damage raises StorageError CORRUPT. Returns the
        backup made now: None when one of today exists, there are none (PostgreSQL), or ``should_stop``
        stopped it (the application quits). The backup's audit event is one short write
        from the calling thread, which SQLite's busy timeout lines up with the writer thread's.
        """
        if self.is_database_check_due():
            self.check_database(should_stop=should_stop)
        if should_stop is not None and should_stop():
            return None
        return self.backups.create_daily(actor)

    def __enter__(self) -> Leerwinkel:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Sign out, anchor the audit trail's head outside the database, and release the database."""
        try:
            signed_in = self.auth.current is not None
            self.auth.logout()
            if signed_in:
                from leerwinkel.security.anchors import write_local_anchor

                write_local_anchor(self.config, self.store)
        except (LeerwinkelError, OSError):
            log.warning("could not record the logout or the audit anchor", exc_info=True)
        finally:
            self.store.dispose()


def open_store(
    config: Config,
    *,
    clock: Clock | None = None,
    upgrade: bool = True,
    credentials: Credentials | None = None,
) -> Store:
    """Open the database and, unless told otherwise, bring its schema to head (backup first).

    SQLite is encrypted: ``credentials`` (or LEERWINKEL_USER / LEERWINKEL_PASSWORD_FILE) unlock its key.
    ``clock`` defaults to the system clock.
    """
    from leerwinkel.credentials import credentials_from_env
    from leerwinkel.security.keyring import unlock_account
    from leerwinkel.storage import migrate
    from leerwinkel.storage.store import check_data_dir, open_database, system_clock

    clock = clock or system_clock
    check_data_dir(config.data_dir)  # also with PostgreSQL: it holds the device id, logs and backups
    unlocked = None
    if config.uses_sqlite:
        from leerwinkel.security.rotation import finish_pending

        credentials = credentials or config.credentials or credentials_from_env()
        finish_pending(config, credentials)  # a key rotation interrupted by a crash
        unlocked = unlock_account(config, credentials, now=clock())
    store = open_database(
        config, device_id=device_id(config), clock=clock, key=unlocked.database_key if unlocked else None
    )
    store.unlocked = unlocked
    try:
        if upgrade:
            result = migrate.upgrade(store, backup_dir=config.backup_dir)
            if result.changed:
                log.info("schema now at %s", result.after)
    except BaseException:
        store.dispose()
        raise
    return store


def open_app(
    config: Config | None = None,
    *,
    data_dir: Path | None = None,
    clock: Clock | None = None,
    credentials: Credentials | None = None,
) -> Leerwinkel:
    """Open (and on first start create) the database, sign in, and return the facade.

    On SQLite the credentials (else LEERWINKEL_USER / LEERWINKEL_PASSWORD_FILE) unlock the database and
    sign in; on PostgreSQL, given credentials sign in against the accounts table (a database without
    accounts yet opens with nobody signed in). ``app.auth.current`` is the signed-in counsellor.
    With ``config.require_account`` (every command line), nobody signed in is AuthenticationError.
    """
    from leerwinkel.credentials import credentials_from_env

    config = config or load_config(data_dir)
    credentials = credentials or config.credentials
    if config.uses_sqlite:
        credentials = credentials or credentials_from_env()
    store = open_store(config, clock=clock, credentials=credentials)
    try:
        app = Leerwinkel(config, store)
        if credentials is not None:
            if config.uses_sqlite:
                app.auth.sign_in_after_unlock(credentials)
            elif app.auth.has_accounts():
                app.auth.login(credentials)
        if config.require_account and app.auth.current is None:
            # PostgreSQL opens without a key: the account is the only thing between a command and the data
            raise AuthenticationError("credentials-required" if app.auth.has_accounts() else "not-set-up")
        app.catalogue.load_bundle()  # first start, or a newer bundled catalogue in this release
        if app.auth.current is not None:
            app.drafts.purge_expired()  # an expired draft is erased, not only hidden
    except BaseException:
        store.dispose()
        raise
    return app


def restore_from_backup(
    config: Config, name: str | None = None, *, credentials: Credentials | None = None, clock: Clock | None = None
) -> RestoreResult:
    """Put a backup in place of the database: the one called ``name``, or the newest that verifies.

    The restore runs as the signed-in administrator of the opened app; when the database cannot be opened
    (corrupt, or not a database) it goes through :func:`restore_damaged` instead. The current file is moved
    aside either way. Raises PermissionDeniedError for a counsellor, NotFoundError for an unknown name,
    InvalidInputError("no-backup") when no backup verifies.
    """
    from leerwinkel.errors import StorageError, StorageProblem

    try:
        app = open_app(config, clock=clock, credentials=credentials)
    except StorageError as error:
        if error.problem not in {StorageProblem.CORRUPT, StorageProblem.NOT_A_DATABASE}:
            raise
        return restore_damaged(config, name, credentials=credentials, clock=clock)
    with app:
        return app.backups.restore(app.auth.current, app.backups.choose(name))


def restore_damaged(
    config: Config,
    backup: str | Path | None = None,
    *,
    credentials: Credentials | None = None,
    clock: Clock | None = None,
) -> RestoreResult:
    """Restore ``backup`` (None: the newest that verifies) over a database that cannot be opened.

    The key file unlocks the backup with ``credentials`` (else the config's or the environment's); the
    damaged file is moved aside, then the restored database is opened to record the restore in the audit
    trail. Raises AuthenticationError for wrong credentials, and what :func:`leerwinkel.backup.choose_backup` raises.
    """
    from leerwinkel.backup import restore_with_credentials
    from leerwinkel.credentials import credentials_from_env
    from leerwinkel.storage.store import system_clock

    credentials = credentials or config.credentials or credentials_from_env()
    now = clock() if clock is not None else system_clock()
    result = restore_with_credentials(config, credentials, backup, now=now)
    with open_app(config, clock=clock, credentials=credentials) as app:
        app.audit.record(
            app.auth.current, "backup.restore", "backup", result.restored_from.name, detail={"damaged": True}
        )
    return result
