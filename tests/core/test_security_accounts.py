"""Accounts: argon2id hashes with their parameters, roles, the permission check and the login delay."""

from __future__ import annotations

import pytest

from leerwinkel.actor import require_admin
from leerwinkel.app import Leerwinkel
from leerwinkel.credentials import Credentials
from leerwinkel.errors import AlreadyExistsError, AuthenticationError, InvalidInputError, PermissionDeniedError
from leerwinkel.messages import describe
from leerwinkel.security.keyring import login_throttle
from leerwinkel.security.throttle import delay_after
from leerwinkel.storage.models import Counsellor
from tests.factories import TEST_CREDENTIALS, TEST_USER, FakeClock


def test_admin_is_signed_in_and_hash_carries_its_parameters(app: Leerwinkel) -> None:
    actor = app.auth.current
    assert actor is not None and actor.is_admin and actor.username == TEST_USER
    with app.store.unit_of_work() as session:
        row = session.query(Counsellor).filter_by(username=TEST_USER).one()
        assert row.password_hash is not None
        assert row.password_hash.startswith("$argon2id$v=19$m=")
        assert TEST_CREDENTIALS.password not in row.password_hash


def test_only_admins_manage_accounts(app: Leerwinkel) -> None:
    admin = app.auth.current
    counsellor = app.auth.create_account(admin, "balie", "een-goed-wachtwoord")
    assert counsellor.role == "counsellor"
    with pytest.raises(AlreadyExistsError):
        app.auth.create_account(admin, "BALIE", "een-goed-wachtwoord")
    app.auth.logout()
    actor = app.auth.login(Credentials("balie", "een-goed-wachtwoord"))
    assert not actor.is_admin
    with pytest.raises(PermissionDeniedError) as caught:
        app.auth.create_account(actor, "nog-een", "een-goed-wachtwoord")
    assert "beheerder" in describe(caught.value)
    with pytest.raises(PermissionDeniedError):
        require_admin(actor, "audit.view")
    with pytest.raises(PermissionDeniedError):
        require_admin(None, "audit.view")
    app.auth.change_password(actor, "balie", "nieuw-wachtwoord-2")  # one's own password: allowed
    with pytest.raises(PermissionDeniedError):
        app.auth.change_password(actor, TEST_USER, "overgenomen-123")


@pytest.mark.parametrize(
    ("name", "password", "reason"),
    [
        ("", "een-goed-wachtwoord", "required"),
        ("x" * 81, "een-goed-wachtwoord", "too-long"),
        ("Robert'); DROP TABLE counsellors;--", "een-goed-wachtwoord", "bad-username"),
        ("jan\x00", "een-goed-wachtwoord", "bad-username"),
        ("\u202ejan", "een-goed-wachtwoord", "bad-username"),
        ("jan", "kort", "password-too-short"),
        ("jan", "wacht\x00woord-lang", "control-characters"),
        ("jan", "p" * 2000, "too-long"),
    ],
)
def test_hostile_account_input_is_refused_and_changes_nothing(
    app: Leerwinkel, name: str, password: str, reason: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        app.auth.create_account(app.auth.current, name, password)
    assert caught.value.problems[0].reason == reason
    assert describe(caught.value)
    assert [a.username for a in app.auth.accounts(app.auth.current)] == [TEST_USER]


def test_emoji_in_display_name_is_saved(app: Leerwinkel) -> None:
    account = app.auth.create_account(app.auth.current, "emoji", "een-goed-wachtwoord", display_name="Balie 🌷 ‏ب")
    assert account.display_name == "Balie 🌷 ‏ب"


def test_failed_logins_get_an_increasing_delay(app: Leerwinkel, clock: FakeClock) -> None:
    app.auth.logout()
    wrong = Credentials(TEST_USER, "niet-het-wachtwoord")
    for _ in range(4):
        with pytest.raises(AuthenticationError) as caught:
            app.auth.login(wrong)
        assert caught.value.wait_seconds == 0
    with pytest.raises(AuthenticationError) as fifth:
        app.auth.login(wrong)
    assert fifth.value.wait_seconds == delay_after(5) > 0
    with pytest.raises(AuthenticationError) as throttled:
        app.auth.login(TEST_CREDENTIALS)  # even the right password waits
    assert throttled.value.reason == "throttled"
    assert "Wacht" in describe(throttled.value)
    clock.advance(seconds=delay_after(5) + 1)
    with pytest.raises(AuthenticationError) as sixth:
        app.auth.login(wrong)
    assert sixth.value.wait_seconds == delay_after(6) > delay_after(5)
    clock.advance(seconds=delay_after(6) + 1)
    assert app.auth.login(TEST_CREDENTIALS).username == TEST_USER
    assert login_throttle(app.config).succeeded(TEST_USER, clock()).failures == []
    actions = [e.action for e in app.audit.events(app.auth.current)]
    assert actions.count("login.failed") == 6


def test_delay_schedule() -> None:
    assert [delay_after(n) for n in range(1, 9)] == [0, 0, 0, 0, 2, 4, 8, 16]
    assert delay_after(100) == 300


def test_unlock_after_inactivity_checks_the_password(app: Leerwinkel) -> None:
    assert app.auth.verify(TEST_CREDENTIALS.password)
    assert not app.auth.verify("iets anders")
    actions = [e.action for e in app.audit.events(app.auth.current, limit=2)]
    assert actions == ["unlock.failed", "unlock"]


def test_the_last_admin_cannot_be_disabled_and_a_disabled_account_cannot_sign_in(app: Leerwinkel) -> None:
    admin = app.auth.current
    with pytest.raises(InvalidInputError) as caught:
        app.auth.set_active(admin, TEST_USER, False)
    assert caught.value.problems[0].reason == "last-admin"
    app.auth.create_account(admin, "balie", "een-goed-wachtwoord")
    app.auth.set_active(admin, "balie", False)
    with pytest.raises(AuthenticationError):
        app.auth.login(Credentials("balie", "een-goed-wachtwoord"))
    if app.config.uses_sqlite:
        from leerwinkel.security.keyring import Keyring

        assert Keyring.load(app.config).find("balie") is None
