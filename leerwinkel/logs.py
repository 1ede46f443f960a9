"""Logging, configured once at start: a rotating file in the log folder plus a small memory tail.

The log never holds client data. Messages carry record ids and codes only, and tracebacks are
written without exception messages (a message may repeat what was typed: ``int('Jan')`` says
``'Jan'``); our own errors are logged by their codes, field and row (:func:`safe_summary`).
"""

from __future__ import annotations

import collections
import logging
import logging.handlers
import os
import traceback
from pathlib import Path
from types import TracebackType

from leerwinkel.errors import (
    AuthenticationError,
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StorageError,
)
from leerwinkel.fileio import FILE_MODE, secure_dir, secure_file

LOG_FILENAME = "leerwinkel.log"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


def safe_summary(error: BaseException) -> str:
    """What may be said about an error in the log: its type and codes, never a typed value."""
    name = type(error).__name__
    if isinstance(error, InvalidInputError):
        parts = [
            f"{p.reason}(field={p.field or '-'}, row={p.row if p.row is not None else '-'})" for p in error.problems
        ]
        return f"{name}: {'; '.join(parts[:20])}" + (f" (+{len(parts) - 20})" if len(parts) > 20 else "")
    if isinstance(error, StorageError):
        return f"{name}: {error.problem.value}"
    if isinstance(error, AuthenticationError):
        return f"{name}: {error.reason}"
    if isinstance(error, PermissionDeniedError):
        return f"{name}: {error.action}"
    if isinstance(error, NotFoundError):
        return f"{name}: {error.entity}"  # the key may be what was typed
    if isinstance(error, ConflictError):
        return f"{name}: {error.entity} {error.record_id} {','.join(error.changed_fields)}"
    if isinstance(error, OSError) and error.errno is not None:
        return f"{name}: errno {error.errno}"  # no file name: it may name a client
    return name


def safe_traceback(error: BaseException) -> str:
    """The traceback of ``error`` and its causes, with each exception shown by :func:`safe_summary`."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    for index, exc in enumerate(reversed(chain)):
        if index:
            lines.append("\nwhich led to:\n")
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_tb(exc.__traceback__))
        lines.append(safe_summary(exc) + "\n")
    return "".join(lines).rstrip("\n")


class SafeFormatter(logging.Formatter):
    """A formatter whose tracebacks leave out exception messages (see the module docstring)."""

    def formatException(self, ei: ExcInfo) -> str:  # noqa: N802 - logging.Formatter's name
        error = ei[1]
        if error is None:
            return ""
        return safe_traceback(error)


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


class PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that only its owner can read (mode 600), the rotated files too."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        os.close(fd)
        secure_file(Path(self.baseFilename))
        return super()._open()


FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(log_dir: Path | None, *, level: int = logging.INFO) -> TailHandler:
    """Send the application's log to ``log_dir/leerwinkel.log`` (rotated) and a memory tail.

    Never log client data (names, health, detention) at any level: log record ids instead.
    """
    root = logging.getLogger("leerwinkel")
    ui_root = logging.getLogger("ui")
    tail = TailHandler()
    tail.setFormatter(SafeFormatter(FORMAT))
    handlers: list[logging.Handler] = [tail]
    if log_dir is not None:
        try:
            secure_dir(log_dir)
            file_handler = PrivateFileHandler(
                log_dir / LOG_FILENAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
            )
            file_handler.setFormatter(SafeFormatter(FORMAT))
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
