"""Reading and writing catalogue files in every format, chosen by the path (and the content)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leerwinkel.catalogue import hsds, hsds_import, hsds_tabular, native, spreadsheet
from leerwinkel.catalogue.dataset import Dataset, validate_dataset
from leerwinkel.catalogue.limits import check_size, check_xlsx
from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.fileio import atomic_write_bytes

#: Problems that leave nothing of the file to check further.
_WHOLE_FILE = frozenset(
    {
        "bad-encoding",
        "empty-file",
        "truncated",
        "bad-json",
        "bad-csv",
        "bad-csv-dialect",
        "bad-xlsx",
        "file-too-large",
        "xlsx-too-large",
        "too-deep",
        "too-many-rows",
        "too-many-columns",
        "missing-file",
        "unknown-format",
    }
)

from leerwinkel.catalogue.codes import EXPORT_FORMATS  # noqa: E402 - re-exported here


@dataclass(frozen=True)
class ReadResult:
    format: str  # json | csv | xlsx | hsds | hsds-csv
    data: Dataset
    bundle_version: str | None = None


def read_path(
    path: Path,
    *,
    known_providers: frozenset[str] = frozenset(),
    known_locations: frozenset[str] = frozenset(),
    prisons: frozenset[str] | None = None,
) -> ReadResult:
    """Read and check a catalogue file or folder; InvalidInputError lists every problem found.

    ``known_*`` are the ids already in the database, which the file may refer to; ``prisons`` the
    codes of the prison sites a location inside a prison must name (None: not checked).
    """
    problems: list[Problem] = []
    name = path.name
    fmt = "json"
    data = Dataset()
    bundle_version: str | None = None
    if not path.exists():
        raise InvalidInputError([Problem("missing-file", None, file=str(path))])
    if path.is_dir() or name == "datapackage.json":
        folder = path if path.is_dir() else path.parent
        if hsds_tabular.looks_tabular(folder):
            fmt = "hsds-csv"
            resources = hsds_tabular.package_resources(folder, problems)
            data = hsds_tabular.read_tabular(folder, resources, problems, known_providers=known_providers)
        else:
            fmt = "csv"
            tables = {t: folder / f"{t}.csv" for t in spreadsheet.TABLE_NAMES if (folder / f"{t}.csv").is_file()}
            if not tables:
                problems.append(Problem("unknown-format", None, file=str(path)))
            data = spreadsheet.read_csv_files(tables, problems)
    elif path.suffix.lower() == ".xlsx" or _starts_with(path, b"PK\x03\x04"):
        fmt = "xlsx"
        if check_xlsx(path, problems):
            data = spreadsheet.read_xlsx(path.read_bytes(), name, problems)
    elif not check_size(path, problems):
        fmt = path.suffix.lower().lstrip(".") or "json"
    elif path.suffix.lower() == ".csv":
        fmt = "csv"
        table = path.stem.lower()
        if table not in spreadsheet.TABLE_NAMES:
            problems.append(
                Problem("unknown-table", None, file=name, details={"tables": "providers, locations, offerings"})
            )
        else:
            data = spreadsheet.read_csv_files({table: path}, problems)
    else:
        document = native.parse_json(path.read_bytes(), name, problems)
        if document is not None:
            if native.is_native(document):
                data = native.read_native(document, name, problems)
                version = document.get("bundle_version")
                bundle_version = version if isinstance(version, str) else None
            else:
                fmt = "hsds"
                data = hsds_import.read_hsds(document, name, problems, known_providers=known_providers)
    if not any(p.reason in _WHOLE_FILE for p in problems):
        # Rows with problems were left out; their ids still count as present, so that the reference
        # check reports only references that are broken in the file itself.
        flawed = frozenset(p.record for p in problems if p.record)
        problems.extend(
            validate_dataset(
                data,
                file=name,
                known_providers=known_providers | flawed,
                known_locations=known_locations | flawed,
                prisons=prisons,
            )
        )
    if not problems and not (data.providers or data.locations or data.offerings):
        problems.append(Problem("no-records", None, file=name))
    if problems:
        raise InvalidInputError(problems)
    return ReadResult(format=fmt, data=data, bundle_version=bundle_version)


def _starts_with(path: Path, magic: bytes) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(magic)) == magic


def write_path(path: Path, data: Dataset, fmt: str, *, separator: str = ";") -> None:
    """Write the catalogue; csv and hsds-csv write a folder, the other formats one file.

    ``separator`` is for ``csv`` (";" for Excel in nl-BE, or ","); ``hsds-csv`` is always ",".
    """
    if fmt == "json":
        atomic_write_bytes(path, native.native_bytes(data))
    elif fmt == "csv":
        spreadsheet.write_csv_folder(path, data, separator=separator)
    elif fmt == "xlsx":
        atomic_write_bytes(path, spreadsheet.xlsx_data(data))
    elif fmt == "hsds":
        atomic_write_bytes(path, hsds.hsds_json_bytes(data))
    elif fmt == "hsds-csv":
        hsds.write_tabular(path, data)
    else:
        raise InvalidInputError.single("unknown-code", field="format", value=fmt, allowed=", ".join(EXPORT_FORMATS))


__all__ = ["EXPORT_FORMATS", "ReadResult", "read_path", "write_path"]
