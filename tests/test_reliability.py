"""Faults around the user's own files: nothing saved before is ever lost, and the user is told."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, Invoke

SAMPLE = str(REPO / "examples" / "answers.yaml")


def _db() -> Path:
    return Path(os.environ["MLCAREER_HOME"]) / "history.sqlite3"


def _saved(invoke: Invoke) -> list[dict[str, Any]]:
    result = invoke("history", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    results: list[dict[str, Any]] = data["results"] if isinstance(data, dict) else data
    return results


class _FullDisk:
    """A connection that fails every INSERT the way SQLite does when the disk is full."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self._con = con

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.lstrip().upper().startswith("INSERT"):
            raise sqlite3.OperationalError("database or disk is full")
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def test_disk_full_keeps_earlier_results_and_shows_the_new_one(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert invoke("quiz", "--answers", SAMPLE).exit_code == 0
    before = _db().read_bytes()
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: _FullDisk(real_connect(*a, **k)))
    result = invoke("quiz", "--answers", SAMPLE, "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["readiness"]["percent"] >= 0, "the result is still shown"
    assert "not saved" in result.stderr and "full" in result.stderr
    assert "Traceback" not in result.stderr
    monkeypatch.setattr(sqlite3, "connect", real_connect)
    assert _db().read_bytes() == before, "the rolled-back transaction left the file as it was"
    assert len(_saved(invoke)) == 1


def test_missing_home_directory_is_created(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "not" / "yet" / "there"
    monkeypatch.setenv("MLCAREER_HOME", str(home))
    assert invoke("quiz", "--answers", SAMPLE).exit_code == 0
    assert (home / "history.sqlite3").is_file()
    assert len(_saved(invoke)) == 1


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc, where nobody can create files")
def test_read_only_home_still_shows_the_result(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLCAREER_HOME", "/proc/mlcareer-home")
    result = invoke("quiz", "--answers", SAMPLE, "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["role"]
    assert "Error: the result was not saved: cannot create /proc/mlcareer-home" in result.stderr
    history = invoke("history")
    assert history.exit_code == 0 and "No saved results yet" in history.stdout


def test_corrupt_history_is_never_overwritten_by_a_quiz(invoke: Invoke) -> None:
    _db().parent.mkdir(parents=True, exist_ok=True)
    _db().write_bytes(b"SQLite format 3\x00" + b"\xde\xad\xbe\xef" * 256)
    before = _db().read_bytes()
    for args in (
        ["quiz", "--answers", SAMPLE],
        ["history"],
        ["history", "--diff"],
        ["history", "--clear", "--yes"],
    ):
        result = invoke(*args)
        assert result.exit_code == 1, args
        assert "Traceback" not in result.stderr
        assert _db().read_bytes() == before, args
