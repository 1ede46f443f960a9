"""Bad storage: not a database, a read-only data folder, a full disk. Clear Dutch, exit not 0, file untouched.

The read-only and full-disk cases use a real mount (tmpfs) in a private mount namespace, made with
``unshare``: as root (CI) directly, otherwise in a user namespace.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

import pytest

from tests.factories import TEST_USER
from tests.helpers import ROOT, run_cli, sha256_of


def _namespace_prefix() -> list[str]:
    if shutil.which("unshare") is None:
        pytest.fail("unshare (util-linux) is needed for the read-only and full-disk tests")
    base = ["unshare", "--mount", "--propagation", "private"]
    return base if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]


def _run_in_namespace(script: str, tmp_path: Path) -> tuple[int, str, str]:
    import subprocess

    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [*_namespace_prefix(), "sh", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=180,
        check=False,
    )
    return result.returncode, result.stdout, result.stderr


def _leerwinkel(*args: str) -> str:
    return " ".join(shlex.quote(a) for a in [sys.executable, "-m", "ui.launcher", *args])


def test_a_file_that_is_not_a_database_is_refused_and_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    bogus = data / "leerwinkel.sqlite3"
    bogus.write_bytes(b"Dit is een boodschappenlijstje, geen databank.\n" * 50)
    before = sha256_of(bogus)
    result = run_cli("info", env={"LEERWINKEL_DATA_DIR": str(data)})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "geen databank" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert sha256_of(bogus) == before
    assert not (data / "leerwinkel.sqlite3-wal").exists()


def test_a_read_only_data_folder_is_refused_and_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    created = run_cli("info", env={"LEERWINKEL_DATA_DIR": str(data)})
    assert created.returncode == 0, created.stderr
    database = data / "leerwinkel.sqlite3"
    before = sha256_of(database)
    script = (
        f"mount --bind {shlex.quote(str(data))} {shlex.quote(str(data))} && "
        f"mount -o remount,bind,ro {shlex.quote(str(data))} && "
        f"LEERWINKEL_DATA_DIR={shlex.quote(str(data))} {_leerwinkel('info')}"
    )
    code, _out, err = _run_in_namespace(script, tmp_path)
    assert code == 1, err
    assert "alleen-lezen" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert sha256_of(database) == before


def test_a_full_disk_is_reported_and_the_database_untouched(tmp_path: Path) -> None:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    data = mount / "data"
    script = (
        f"mount -t tmpfs -o size=2m tmpfs {shlex.quote(str(mount))} && "
        f"LEERWINKEL_DATA_DIR={shlex.quote(str(data))} "
        f"{_leerwinkel('setup', '--admin', TEST_USER, '--password-file', os.environ['LEERWINKEL_PASSWORD_FILE'])}"
        " >/dev/null && "
        f"LEERWINKEL_DATA_DIR={shlex.quote(str(data))} {_leerwinkel('info')} >/dev/null && "
        f"sha256sum {shlex.quote(str(data / 'leerwinkel.sqlite3'))} > {shlex.quote(str(tmp_path / 'before'))} && "
        f"(dd if=/dev/zero of={shlex.quote(str(mount / 'filler'))} bs=4k 2>/dev/null; true) && "
        f"LEERWINKEL_DATA_DIR={shlex.quote(str(data))} {_leerwinkel('db', 'upgrade')}; code=$?; "
        f"sha256sum {shlex.quote(str(data / 'leerwinkel.sqlite3'))} > {shlex.quote(str(tmp_path / 'after'))}; "
        "exit $code"
    )
    code, _out, err = _run_in_namespace(script, tmp_path)
    assert code == 1, err
    assert "schijf is vol" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    before = (tmp_path / "before").read_text().split()[0]
    after = (tmp_path / "after").read_text().split()[0]
    assert before == after
