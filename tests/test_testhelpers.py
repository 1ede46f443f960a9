"""The test suite's own guards: the reference folder, and the log that fails a test."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers import ROOT, _main_checkout, require_reference


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
