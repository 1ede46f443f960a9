"""Safe writes: to a temporary name in the same folder, fsync, then rename (never half a file)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from leerwinkel.storage.errors import storage_error_from


@contextlib.contextmanager
def atomic_writer(path: Path, mode: str = "wb", *, encoding: str | None = None) -> Iterator[IO[bytes] | IO[str]]:
    """Yield a file that replaces ``path`` only when the block ends without error.

    On a full disk or any other error the temporary file is removed and ``path`` is left as it was;
    OS errors leave as StorageError. Do not keep the handle beyond the block.
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise storage_error_from(error, location=str(path)) or error from error
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline="" if "b" not in mode else None) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise storage_error_from(error, location=str(path)) or error from error
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_writer(path, "wb") as handle:
        handle.write(data)  # type: ignore[arg-type]
