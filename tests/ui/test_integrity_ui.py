"""The integrity check after sign-in: on its own worker, silent when the file is sound, one warning when not."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from leerwinkel.app import Leerwinkel, open_app
from leerwinkel.config import Config
from leerwinkel.storage import integrity
from leerwinkel.storage.models import Client
from tests.factories import TEST_CREDENTIALS
from tests.ui.messagemock import MessageMock
from ui.session.integrity import check_database_in_background

PAGE = 4096


def test_a_sound_database_is_checked_in_the_background_without_a_word(
    qtbot: QtBot, facade: Leerwinkel, migrated_data: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    op = check_database_in_background(window, facade)
    assert op is not None
    database = Config(data_dir=migrated_data).sqlite_path
    qtbot.waitUntil(lambda: integrity.read_state(database) is not None, timeout=30_000)
    assert integrity.read_state(database) == integrity.CheckState(facade.store.now(), True)
    assert check_database_in_background(window, facade) is None  # done for today


def test_damage_found_in_the_background_is_shown_once(
    expected_warnings: list[logging.LogRecord], qtbot: QtBot, message_mock: MessageMock, migrated_data: Path
) -> None:
    config = Config(data_dir=migrated_data)
    app = open_app(config, credentials=TEST_CREDENTIALS)
    with app.store.unit_of_work() as session:
        session.add_all(Client(first_name=f"Verzonnen-{i:04d}-{'x' * 60}") for i in range(1500))
    app.close()
    data = bytearray(config.sqlite_path.read_bytes())
    offset = (len(data) // PAGE - 1) * PAGE
    data[offset + 100 : offset + 200] = b"\xff" * 100
    config.sqlite_path.write_bytes(bytes(data))
    app = open_app(config, credentials=TEST_CREDENTIALS)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        check_database_in_background(window, app)
        qtbot.waitUntil(lambda: bool(message_mock.messages), timeout=30_000)
        assert "beschadigd" in message_mock.getmsg("warning").text
        assert check_database_in_background(window, app) is None  # said once in this session
    finally:
        app.close()
    assert any("damage" in record.getMessage() for record in expected_warnings)
