"""A warning or error logged by our own code fails the test that caused it, unless the test expects it.

As qutebrowser's tests/helpers/logfail.py: a quiet log is part of every test's assertion. A test that
provokes a warning on purpose asks for the ``expected_warnings`` fixture and asserts on what it got.
Records are taken where they are made (the record factory), so a command that configures logging in the
test's process (propagate off, its own handlers) cannot hide them; that configuration is undone after.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

OURS = ("leerwinkel", "ui")


class LogCollector:
    """Keeps the WARNING+ records of our own loggers (leerwinkel.*, ui.*)."""

    def __init__(self) -> None:
        self.records: list[logging.LogRecord] = []
        self.expected = False

    def take(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING and record.name.split(".")[0] in OURS:
            self.records.append(record)


@pytest.fixture(autouse=True)
def _log_collector() -> Iterator[LogCollector]:
    collector = LogCollector()
    make_record = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        collector.take(record)
        return record

    loggers = [logging.getLogger(name) for name in OURS]
    saved = [(logger.handlers[:], logger.propagate, logger.level) for logger in loggers]
    logging.setLogRecordFactory(factory)
    try:
        yield collector
    finally:
        logging.setLogRecordFactory(make_record)
        for logger, (handlers, propagate, level) in zip(loggers, saved, strict=True):
            for handler in logger.handlers[:]:
                if handler not in handlers:
                    logger.removeHandler(handler)
                    handler.close()
            logger.propagate, logger.level = propagate, level
    if collector.records and not collector.expected:
        lines = "\n".join(f"  {r.levelname} {r.name}: {r.getMessage()}" for r in collector.records)
        pytest.fail(f"unexpected warnings in the log (ask for the expected_warnings fixture if they belong):\n{lines}")


@pytest.fixture
def expected_warnings(_log_collector: LogCollector) -> list[logging.LogRecord]:
    """The WARNING+ records our code logs during the test (live); asking for it declares them expected."""
    _log_collector.expected = True
    return _log_collector.records
