"""Safe writes: to a temporary name in the same folder, fsync, then rename (never half a file)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

#: Every file the app writes is readable by its owner only, and so is every folder it makes.
FILE_MODE = 0o600
DIR_MODE = 0o700
UMASK = 0o077


def harden_process() -> int:
    """Set the umask so that files made by libraries too (SQLite's WAL, logs) start private.

    Call once at start (the command line and the window do); returns the previous umask. The
    explicit modes below do not rely on it.
    """
    return os.umask(UMASK)


def secure_dir(path: Path) -> None:
    """Create ``path`` (and missing parents) and make it 700 when it is ours."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    _chmod_own(path, DIR_MODE)


def secure_file(path: Path) -> None:
    """Make an existing file 600 when it is ours (a file another user owns is left alone)."""
    _chmod_own(path, FILE_MODE)


def _chmod_own(path: Path, mode: int) -> None:
    try:
        info = path.stat()
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return
        if info.st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except FileNotFoundError:
        pass


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "wb", *, encoding: str | None = None) -> Iterator[IO[bytes] | IO[str]]:
    """Yield a file that replaces ``path`` only when the block ends without error (mode 600).

    On a full disk or any other error the temporary file is removed and ``path`` is left as it was;
    OS errors leave as StorageError. Do not keep the handle beyond the block.
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise _storage_error(error, path) from error
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline="" if "b" not in mode else None) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise _storage_error(error, path) from error
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_writer(path, "wb") as handle:
        handle.write(data)  # type: ignore[arg-type]


def _storage_error(error: OSError, path: Path) -> Exception:
    """The StorageError for an OS error (imported here: the launcher imports this module before the login
    dialog is painted, and the storage errors bring sqlite3)."""
    from leerwinkel.storage.errors import storage_error_from

    return storage_error_from(error, location=str(path)) or error
