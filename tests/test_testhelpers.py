"""The test suite's own guards: the reference folder, the log that fails a test, the migrated template."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Row, inspect, literal_column, select, table

from leerwinkel.app import open_app
from leerwinkel.config import Config
from tests.conftest import FIXED_NOW
from tests.factories import TEST_CREDENTIALS, open_test_store, provision_test_keyring
from tests.helpers import ROOT, _main_checkout, require_reference, sha256_of


def test_a_worktree_finds_the_reference_folder_beside_its_main_checkout(tmp_path: Path) -> None:
    main = tmp_path / "main"
    gitdir = main / ".git" / "worktrees" / "feature"
    gitdir.mkdir(parents=True)
    (gitdir / "commondir").write_text("../..\n")
    worktree = tmp_path / "wt" / "feature"
    worktree.mkdir(parents=True)
    (worktree / ".git").write_text(f"gitdir: {gitdir}\n")
    assert _main_checkout(worktree) == main.resolve()
    assert _main_checkout(main) == main


def test_missing_reference_data_fails_in_ci_and_skips_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEERWINKEL_REFERENCE_DIR", str(tmp_path / "nowhere"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="REFERENCE DATA MISSING"):
        require_reference("hsds-3.0")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="REFERENCE DATA MISSING"):
        require_reference("hsds-3.0")
    (tmp_path / "nowhere" / "hsds-3.0").mkdir(parents=True)
    assert require_reference("hsds-3.0") == tmp_path / "nowhere" / "hsds-3.0"


def test_an_expected_warning_is_collected(expected_warnings: list[logging.LogRecord]) -> None:
    logging.getLogger("leerwinkel.test").warning("expected %s", "here")
    logging.getLogger("someone.else").warning("not ours")
    assert [record.getMessage() for record in expected_warnings] == ["expected here"]


def test_an_unexpected_warning_fails_the_test(tmp_path: Path) -> None:
    probe = tmp_path / "test_probe.py"
    probe.write_text(
        textwrap.dedent(
            """
            import logging
            from tests.logfail import _log_collector, expected_warnings  # noqa: F401

            def test_quiet():
                logging.getLogger("leerwinkel.x").info("fine")

            def test_loud():
                logging.getLogger("leerwinkel.x").warning("surprise")

            def test_declared(expected_warnings):
                logging.getLogger("ui.x").error("declared")
            """
        )
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", str(probe)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    # the loud test's body passes; its teardown fails it (an error), the other two pass clean
    assert "3 passed, 1 error" in result.stdout, result.stdout
    assert "ERROR test_probe.py::test_loud" in result.stdout
    assert "WARNING leerwinkel.x: surprise" in result.stdout


def _dump(folder: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows (sorted), as the database of a test data folder holds them."""
    store = open_test_store(Config(data_dir=folder), now=FIXED_NOW)
    try:
        dump: dict[str, list[tuple[object, ...]]] = {}
        with store.engine.connect() as connection:
            for name in sorted(inspect(connection).get_table_names()):
                rows: Sequence[Row[Any]] = connection.execute(
                    select(literal_column("*")).select_from(table(name))
                ).all()
                dump[name] = sorted((tuple(row) for row in rows), key=repr)
        return dump
    finally:
        store.dispose()


def test_the_migrated_template_equals_a_fresh_migration_and_copies_are_independent(
    migrated_data: Path, _migrated_template: Path, tmp_path: Path
) -> None:
    template_files = {path.name: sha256_of(path) for path in _migrated_template.iterdir()}
    fresh = tmp_path / "fresh"
    provision_test_keyring(fresh)
    # A migration that seeds with a random id, the clock or a device id breaks this: its rows would
    # differ per test, and a shared template would hide what each test's own migration did.
    copy = _dump(migrated_data)
    assert copy == _dump(fresh)
    assert copy["sites"]  # the seeded sites at least
    open_app(Config(data_dir=migrated_data), credentials=TEST_CREDENTIALS).close()  # signs in and writes
    assert {path.name: sha256_of(path) for path in _migrated_template.iterdir()} == template_files
    assert (migrated_data / "device-id").read_bytes() != (_migrated_template / "device-id").read_bytes()
