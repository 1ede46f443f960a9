"""Anchors: the audit chain's head, kept outside the database (backups, reports, a local file).

Whoever holds the database key can rewrite the database, audit trail included. An anchor is a copy
of the chain head (sequence number and hash, with the time) written where a rewrite of the database
does not reach: beside every backup (in its ``.key`` file), on every exported report (PDF keywords,
the CSV and XLSX "Rapport" rows), and in ``audit-anchors.jsonl`` in the data folder each time a
session closes. Every exchange file carries the head too, signed with the device key
(leerwinkel.sync). ``audit verify`` compares the trail with the newest anchor it can find (and any file
given with ``--anchor``).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from leerwinkel.config import Config
from leerwinkel.fileio import FILE_MODE, atomic_write_bytes, secure_file
from leerwinkel.storage.models import Setting
from leerwinkel.storage.store import Store

HEAD_SETTING = "audit.head"
ANCHOR_FILENAME = "audit-anchors.jsonl"
KEEP_LOCAL = 500
_TEXT = re.compile(rb"leerwinkel-anchor:v1:(\d{1,12}):([0-9a-f]{64})")


@dataclass(frozen=True)
class Anchor:
    sequence: int
    hash: str
    at: str
    source: str  # where it was found: "local", a backup name, a file name

    @property
    def text(self) -> str:
        """The form printed on reports: ``leerwinkel-anchor:v1:SEQUENCE:HASH``."""
        return f"leerwinkel-anchor:v1:{self.sequence}:{self.hash}"


def current_anchor(store: Store) -> dict[str, object] | None:
    """The chain head now: {"sequence", "hash", "at"}; None for an empty trail."""
    with store.unit_of_work() as session:
        head = session.scalars(select(Setting).where(Setting.key == HEAD_SETTING)).first()
    if head is None:
        return None
    try:
        value: Any = json.loads(head.value)
        return {"sequence": int(value["sequence"]), "hash": str(value["hash"]), "at": store.now().isoformat()}
    except (ValueError, KeyError, TypeError):
        return None


def anchor_text(store: Store) -> str:
    """The anchor to print on an exported report ("" for an empty trail)."""
    anchor = current_anchor(store)
    if anchor is None:
        return ""
    return Anchor(int(str(anchor["sequence"])), str(anchor["hash"]), str(anchor["at"]), "").text


def anchor_for_exchange(store: Store) -> dict[str, object] | None:
    """The head for an exchange file (leerwinkel.sync signs its own copy with the device key)."""
    return current_anchor(store)


def write_local_anchor(config: Config, store: Store) -> None:
    """Append the current head to ``audit-anchors.jsonl`` (mode 600), keeping the last few hundred."""
    anchor = current_anchor(store)
    if anchor is None:
        return
    path = config.data_dir / ANCHOR_FILENAME
    line = json.dumps(anchor, sort_keys=True) + "\n"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    try:
        os.write(fd, line.encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    secure_file(path)
    lines = path.read_text(encoding="ascii").splitlines()
    if len(lines) > 2 * KEEP_LOCAL:
        atomic_write_bytes(path, ("\n".join(lines[-KEEP_LOCAL:]) + "\n").encode("ascii"))


def _from_dict(data: object, source: str) -> Anchor | None:
    if not isinstance(data, dict):
        return None
    try:
        sequence, digest = int(data["sequence"]), str(data["hash"])
    except (KeyError, TypeError, ValueError):
        return None
    if not re.fullmatch(r"[0-9a-f]{64}", digest):
        return None
    return Anchor(sequence, digest, str(data.get("at", "")), source)


def anchors_in_file(path: Path) -> list[Anchor]:
    """Anchors printed in a report (PDF, CSV, XLSX) or written as JSON lines."""
    found: list[Anchor] = []
    try:
        raw = path.read_bytes()
    except OSError:
        return found
    if path.suffix.lower() == ".xlsx":
        try:
            from openpyxl import load_workbook

            workbook = load_workbook(path, read_only=True)
            raw = b"\n".join(
                str(cell).encode("utf-8", "replace")
                for sheet in workbook
                for row in sheet.iter_rows(values_only=True)
                for cell in row
                if cell is not None
            )
        except Exception:
            return found
    for match in _TEXT.finditer(raw):
        found.append(Anchor(int(match.group(1)), match.group(2).decode("ascii"), "", path.name))
    for line in raw.splitlines():
        if line.startswith(b"{"):
            try:
                anchor = _from_dict(json.loads(line), path.name)
            except ValueError:
                anchor = None
            if anchor is not None:
                found.append(anchor)
    return found


def known_anchors(config: Config, extra: list[Path] | None = None) -> list[Anchor]:
    """Every anchor this installation can find: the local file, every backup's key file, ``extra`` files."""
    anchors = [dataclass_replace_source(a, "local") for a in anchors_in_file(config.data_dir / ANCHOR_FILENAME)]
    folder = config.backup_dir
    if folder.is_dir():
        for sidecar in sorted(folder.glob("*.key")):
            try:
                data = json.loads(sidecar.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            anchor = _from_dict(data.get("anchor") if isinstance(data, dict) else None, sidecar.name[:-4])
            if anchor is not None:
                anchors.append(anchor)
    for path in extra or []:
        anchors.extend(anchors_in_file(path))
    return anchors


def dataclass_replace_source(anchor: Anchor, source: str) -> Anchor:
    return Anchor(anchor.sequence, anchor.hash, anchor.at, source)
