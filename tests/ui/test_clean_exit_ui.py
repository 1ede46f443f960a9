"""A day in the window ends cleanly: no write-ahead log left, so the next sign-in skips the full integrity check.

The integrity check reads the whole file (seconds on a large database) and runs at open only after an unclean
end, which SQLite's left-over log shows (leerwinkel/storage/integrity.py). If the window's normal exit left a
connection open, every sign-in would pay for the check again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from leerwinkel.app import open_app
from leerwinkel.config import Config
from leerwinkel.storage import integrity
from tests.factories import TEST_CREDENTIALS
from ui.common.operations import wait_for_background_work


def test_a_day_in_the_window_leaves_no_log_and_the_next_sign_in_does_not_check_in_full(
    qtbot: QtBot, migrated_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.mainwindow import MainWindow
    from ui.session.lifecycle import finish_session, watch_session
    from ui.session.upkeep import is_running

    config = Config(data_dir=migrated_data)
    app = open_app(config, credentials=TEST_CREDENTIALS)
    window = MainWindow(app)
    qtbot.addWidget(window)
    lock = watch_session(window, app)
    window.show()
    for key in ("clients", "catalogue", "followup", "reports", "settings", "today"):
        window.show_page(key)
    window.catalogue_page.search_field.setText("vca")  # searches on a worker
    qtbot.waitUntil(lambda: integrity.read_state(config.sqlite_path) is not None, timeout=30_000)  # the upkeep
    qtbot.waitUntil(lambda: not is_running(app), timeout=30_000)
    assert wait_for_background_work(timeout=30)
    lock.stop()
    window.close()
    assert integrity.ended_uncleanly(config.sqlite_path)  # while open, the log holds the day's writes
    finish_session(app)
    assert not integrity.ended_uncleanly(config.sqlite_path)

    def refuse(*_args: object, **_kwargs: object) -> bool:
        raise AssertionError("the full integrity check ran at open after a clean exit")

    monkeypatch.setattr(integrity, "run_quick_check", refuse)
    open_app(config, credentials=TEST_CREDENTIALS).close()


def test_terminated_the_window_ends_the_session_as_closing_it_does(tmp_path: Path) -> None:
    """SIGTERM (the desktop logging out, a shutdown, a service manager) used to stop the window mid-way: the
    log stayed behind, and the next sign-in paid for a full integrity check (issue 15). Now it ends as a
    closed window: the backup at exit (a client was saved), the database closed, no log left."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from leerwinkel.backup import list_backups
    from tests.factories import provision_test_keyring
    from tests.helpers import ROOT

    data_dir, marker = tmp_path / "terminated", tmp_path / "ready"
    provision_test_keyring(data_dir)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    errors = tmp_path / "stderr.txt"
    with errors.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.terminated_app", str(data_dir), str(marker)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        deadline = time.monotonic() + 90
        while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert process.poll() is None, errors.read_text(encoding="utf-8", errors="replace")
        assert marker.exists(), "the window was not shown in time"
        config = Config(data_dir=data_dir)
        assert integrity.ended_uncleanly(config.sqlite_path)  # open: the log holds the day's writes
        os.kill(process.pid, signal.SIGTERM)
        assert process.wait(timeout=90) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    assert not integrity.ended_uncleanly(config.sqlite_path)
    assert [info.path.name.endswith(".lwbak") for info in list_backups(config)] == [True]
    log = (config.log_dir / "leerwinkel.log").read_text(encoding="utf-8")
    assert "terminated: ending the session" in log
