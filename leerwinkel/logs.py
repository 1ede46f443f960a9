"""Logging, configured once at start: a rotating file in the log folder plus a small memory tail."""

from __future__ import annotations

import collections
import logging
import logging.handlers
from pathlib import Path


class TailHandler(logging.Handler):
    """Keeps the last lines in memory, for the "Technische details kopiëren" button."""

    def __init__(self, capacity: int = 300) -> None:
        super().__init__()
        self.lines: collections.deque[str] = collections.deque(maxlen=capacity)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:  # pragma: no cover - logging must never raise
            self.handleError(record)

    def text(self) -> str:
        return "\n".join(self.lines)


FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(log_dir: Path | None, *, level: int = logging.INFO) -> TailHandler:
    """Send the application's log to ``log_dir/leerwinkel.log`` (rotated) and a memory tail.

    Never log client data (names, health, detention) at any level: log record ids instead.
    """
    root = logging.getLogger("leerwinkel")
    ui_root = logging.getLogger("ui")
    tail = TailHandler()
    tail.setFormatter(logging.Formatter(FORMAT))
    handlers: list[logging.Handler] = [tail]
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            file_handler = logging.handlers.RotatingFileHandler(
                log_dir / "leerwinkel.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
            )
            file_handler.setFormatter(logging.Formatter(FORMAT))
            handlers.append(file_handler)
        except OSError:
            pass  # a read-only data directory is reported by the store, not here
    for logger in (root, ui_root):
        for old in list(logger.handlers):
            logger.removeHandler(old)
            old.close()
        for handler in handlers:
            logger.addHandler(handler)
        logger.setLevel(level)
        logger.propagate = False
    return tail
