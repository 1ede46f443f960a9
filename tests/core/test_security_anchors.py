"""Attacks by someone who holds the database key: each one is reported by `audit verify`, with when."""

from __future__ import annotations

import dataclasses
import io
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.cli import main
from leerwinkel.config import Config
from leerwinkel.credentials import Credentials
from leerwinkel.security.audit import event_hash
from leerwinkel.security.keyring import Keyring
from leerwinkel.storage.models import AuditEvent
from leerwinkel.storage.store import connect_sqlite_file
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, FakeClock

BALIE = Credentials("balie", "balie-wachtwoord-1")


@pytest.fixture
def config(sqlite_config: Config, migrated_data: Path) -> Iterator[Config]:
    """A day of work: a counsellor, some events, a backup, sessions closed (each leaves an anchor)."""
    clock = FakeClock(FIXED_NOW)
    app = open_app(sqlite_config, clock=clock, credentials=TEST_CREDENTIALS)
    try:
        app.auth.create_account(app.auth.current, BALIE.username, BALIE.password)
        for _ in range(3):
            app.audit.record(app.auth.current, "client.view", "client", uuid.uuid4())
        app.backups.create(app.auth.current)
        for _ in range(3):
            app.audit.record(app.auth.current, "client.view", "client", uuid.uuid4())
    finally:
        app.close()
    yield sqlite_config


def _open(config: Config, credentials: Credentials = TEST_CREDENTIALS) -> Leerwinkel:
    return open_app(dataclasses.replace(config, credentials=credentials), clock=FakeClock(FIXED_NOW))


def _key(config: Config) -> bytes:
    key = Keyring.load(config).unlock(BALIE)  # the attacker is a counsellor: it holds the database key
    assert key is not None
    return key


def _raw(config: Config, sql: str, **params: object) -> list[tuple[object, ...]]:
    """What a key holder can do with any SQLCipher client: read and change rows, sign in nowhere."""
    connection = connect_sqlite_file(config.sqlite_path, _key(config))
    try:
        rows = connection.execute(sql, params).fetchall()
        connection.commit()
        return [tuple(r) for r in rows]
    finally:
        connection.close()


def _kinds(config: Config) -> list[tuple[str, object]]:
    app = _open(config)
    try:
        result = app.audit.verify()
    finally:
        app.store.dispose()
    return [(p.kind, p.since) for p in result.problems]


def _last(config: Config) -> int:
    return int(str(_raw(config, "SELECT max(sequence) FROM audit_events")[0][0]))


def test_an_untouched_trail_verifies(config: Config) -> None:
    assert _kinds(config) == []
    out = io.StringIO()
    assert main(["--data-dir", str(config.data_dir), "audit", "verify"], out=out) == 0


def test_tail_cut_with_the_head_updated(config: Config) -> None:
    last = _last(config)
    digest = _raw(config, "SELECT hash FROM audit_events WHERE sequence = :s", s=last - 3)[0][0]
    head = json.dumps({"sequence": last - 3, "hash": digest})
    _raw(config, "DELETE FROM audit_events WHERE sequence > :s", s=last - 3)
    _raw(config, "UPDATE settings SET value = :v WHERE key = 'audit.head'", v=head)
    kinds = _kinds(config)
    assert kinds and kinds[0][0] == "cut" and kinds[0][1] is not None
    out = io.StringIO()
    assert main(["--data-dir", str(config.data_dir), "audit", "verify"], out=out) == 1
    assert "zijn gewist" in out.getvalue() and "anker van" in out.getvalue()


def test_newest_event_deleted(config: Config) -> None:
    last = _last(config)
    _raw(config, "DELETE FROM audit_events WHERE sequence = :s", s=last)
    kinds = _kinds(config)
    assert kinds and kinds[0][0] == "missing"  # the head still names it
    digest = _raw(config, "SELECT hash FROM audit_events WHERE sequence = :s", s=last - 1)[0][0]
    _raw(config, "DELETE FROM audit_events WHERE sequence >= :s", s=last)  # the verify session's own events
    head = json.dumps({"sequence": last - 1, "hash": digest})
    _raw(config, "UPDATE settings SET value = :v WHERE key = 'audit.head'", v=head)
    kinds = _kinds(config)
    assert kinds and kinds[0][0] in {"cut", "rewritten"} and kinds[0][1] is not None


def test_head_and_last_events_deleted(config: Config) -> None:
    _raw(config, "DELETE FROM audit_events WHERE sequence > :s", s=_last(config) - 2)
    _raw(config, "DELETE FROM settings WHERE key = 'audit.head'")
    assert "cut" in {kind for kind, _since in _kinds(config)}


def test_all_events_deleted(config: Config) -> None:
    _raw(config, "DELETE FROM audit_events")
    _raw(config, "DELETE FROM settings WHERE key = 'audit.head'")
    kinds = _kinds(config)
    assert [k for k, _ in kinds] == ["cut"] and kinds[0][1] is not None


def _rewrite(config: Config, sequence: int, *, as_actor: uuid.UUID | None = None) -> None:
    """Edit one event and recompute the chain after it, as a key holder can."""
    app = _open(config, BALIE)
    try:
        with app.store.engine.begin() as connection:
            rows = connection.execute(
                select(AuditEvent.__table__).where(AuditEvent.sequence >= sequence).order_by(AuditEvent.sequence)
            ).all()
            previous = rows[0].previous_hash
            for row in rows:
                detail = '{"x":1}' if row.sequence == sequence else row.detail
                actor = as_actor if (as_actor and row.sequence == sequence) else row.actor_id
                digest = event_hash(
                    sequence=row.sequence,
                    occurred_at=row.occurred_at,
                    actor_id=actor,
                    action=row.action,
                    object_type=row.object_type,
                    object_id=row.object_id,
                    detail=detail,
                    previous_hash=previous,
                )
                connection.execute(
                    text(
                        "UPDATE audit_events SET detail = :d, actor_id = :a, previous_hash = :p, hash = :h "
                        "WHERE sequence = :s"
                    ),
                    {"d": detail, "a": actor.hex if actor else None, "p": previous, "h": digest, "s": row.sequence},
                )
                previous = digest
            head = json.dumps({"sequence": rows[-1].sequence, "hash": previous})
            connection.execute(text("UPDATE settings SET value = :v WHERE key = 'audit.head'"), {"v": head})
    finally:
        app.store.dispose()


def test_an_edited_event_with_the_chain_recomputed(config: Config) -> None:
    _rewrite(config, _last(config) - 4)
    kinds = {kind for kind, _since in _kinds(config)}
    assert {"signature", "rewritten"} <= kinds


def test_an_event_moved_to_another_account_with_the_chain_recomputed(config: Config) -> None:
    balie = uuid.UUID(str(_raw(config, "SELECT id FROM counsellors WHERE username = 'balie'")[0][0]))
    _rewrite(config, _last(config) - 4, as_actor=balie)
    kinds = _kinds(config)
    assert "signature" in {k for k, _ in kinds} and all(since is not None for _, since in kinds)


def test_a_counsellor_who_makes_itself_administrator(config: Config, tmp_path: Path) -> None:
    _raw(config, "UPDATE counsellors SET role = 'admin' WHERE username = 'balie'")
    app = _open(config, BALIE)
    try:
        assert app.auth.current is not None and app.auth.current.role == "counsellor"  # refused
        assert not app.auth.current.is_admin
    finally:
        app.close()
    # a grant it signs itself does not count either
    grant = _raw(config, "SELECT role_grant FROM counsellors WHERE username = 'balie'")[0][0]
    forged = json.loads(str(grant))
    forged["role"] = "admin"
    _raw(config, "UPDATE counsellors SET role_grant = :g WHERE username = 'balie'", g=json.dumps(forged))
    app = _open(config, BALIE)
    try:
        assert app.auth.current is not None and not app.auth.current.is_admin
    finally:
        app.close()
    kinds = _kinds(config)
    assert ("role" in {k for k, _ in kinds}) and all(since is not None for _, since in kinds)
    out = io.StringIO()
    assert main(["--data-dir", str(config.data_dir), "audit", "verify"], out=out) == 1
    assert "rol die geen beheerder ondertekende" in out.getvalue()


def test_reports_carry_the_anchor_and_verify_reads_it(config: Config, tmp_path: Path) -> None:
    report = tmp_path / "rapport.pdf"
    args = ["--data-dir", str(config.data_dir)]
    assert main([*args, "report", "--from", "2026-01-01", "--to", "2026-03-31", "--out", str(report)]) == 0
    assert b"leerwinkel-anchor:v1:" in report.read_bytes()
    # the key holder also wipes every anchor it can reach in the data folder
    _raw(config, "DELETE FROM audit_events WHERE sequence > 2")
    _raw(config, "DELETE FROM settings WHERE key = 'audit.head'")
    (config.data_dir / "audit-anchors.jsonl").unlink()
    for sidecar in config.backup_dir.glob("*.key"):
        data = json.loads(sidecar.read_text(encoding="utf-8"))
        data["anchor"] = {}
        sidecar.write_text(json.dumps(data), encoding="utf-8")
    out = io.StringIO()
    assert main([*args, "audit", "verify", "--anchor", str(report)], out=out) == 1
    assert "rapport.pdf" in out.getvalue()


def test_a_role_signed_by_an_administrator_counts(config: Config) -> None:
    args = ["--data-dir", str(config.data_dir), "--user", "test-beheerder"]
    out = io.StringIO()
    password = config.data_dir.parent / "pw"
    password.write_text(TEST_CREDENTIALS.password + "\n", encoding="utf-8")
    assert main([*args, "--password-file", str(password), "account", "role", "balie", "admin"], out=out) == 0
    app = _open(config, BALIE)
    try:
        assert app.auth.current is not None and app.auth.current.is_admin
        app.auth.create_account(app.auth.current, "nieuw", "nieuw-wachtwoord-1")  # its grants count too
    finally:
        app.close()
    nieuw = _open(config, Credentials("nieuw", "nieuw-wachtwoord-1"))
    nieuw.close()
    assert _kinds(config) == []


def test_a_new_recovery_key_replaces_the_old_one(config: Config) -> None:
    from leerwinkel.errors import AuthenticationError
    from leerwinkel.security.setup import recover_account

    app = _open(config)
    try:
        old_entry = Keyring.load(config).recovery
        new_key = app.auth.new_recovery_key(app.auth.current)
    finally:
        app.close()
    assert Keyring.load(config).recovery != old_entry
    recover_account(config, new_key, "balie", "hersteld-wachtwoord-9")
    app = _open(config, Credentials("balie", "hersteld-wachtwoord-9"))
    app.close()
    with pytest.raises(AuthenticationError):
        recover_account(config, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", "balie", "nog-een-wachtwoord-9")
