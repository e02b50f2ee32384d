"""The SQLite history store: location, schema version, saves, damaged files, trend and diff."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
import yaml

from mlcareer.domain.careers import role_by_id
from mlcareer.domain.quiz import quiz_data, score
from mlcareer.history.diff import diff_last, trends
from mlcareer.history.entry import Entry, SkillSnapshot, entry_from
from mlcareer.history.store import SCHEMA_VERSION, HistoryError, Store, data_home, database_path
from mlcareer.pack.catalog import load_catalog, shipped_data_dir
from tests.conftest import REPO, Invoke

SHIPPED = load_catalog(shipped_data_dir())


def _entry(readiness: int | None = 50, role: str = "ml-engineer", **skills: int | None) -> Entry:
    snaps = [SkillSnapshot(k, k.title(), v, 3) for k, v in skills.items()]
    return Entry(0, "2025-01-01T10:00:00Z", role, role.title(), readiness, "entry", False, snaps, {})


def test_data_home_follows_mlcareer_home_then_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MLCAREER_HOME", str(tmp_path / "home"))
    assert database_path() == tmp_path / "home" / "history.sqlite3"
    monkeypatch.delenv("MLCAREER_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_home() == tmp_path / "xdg" / "mlcareer"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/is/ignored")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert data_home() == tmp_path / ".local" / "share" / "mlcareer"


def test_save_and_load_newest_first(tmp_path: Path) -> None:
    store = Store(tmp_path / "deep" / "h.sqlite3")
    assert store.load() == []
    assert not store.path.exists()  # reading never creates the file
    first = store.save(_entry(40, programming=2))
    second = store.save(_entry(60, programming=3))
    assert (first, second) == (1, 2)
    loaded = store.load()
    assert [e.id for e in loaded] == [2, 1]
    assert loaded[0].skills == [SkillSnapshot("programming", "Programming", 3, 3)]
    with sqlite3.connect(store.path) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_entry_from_a_result_keeps_every_answered_skill() -> None:
    answers = {q.id: 2 for q in quiz_data(SHIPPED).questions}
    result = score(SHIPPED, role_by_id(SHIPPED, "data-scientist"), answers)
    entry = entry_from(result)
    # the data scientist's five skills are named without a grade: shown at the pack's default (2),
    # too few graded to score, so no readiness is saved
    assert entry.role == "data-scientist" and entry.readiness is None and entry.level == "entry"
    assert {s.skill for s in entry.skills} == {s.id for s in SHIPPED.skills}
    expected = {s.skill: s.expected for s in entry.skills}
    stated = {e.skill.id for e in result.expectations.items}
    assert len(stated) == 5 and all(expected[s] == 2 for s in stated)
    assert all(v is None for s, v in expected.items() if s not in stated)  # not stated: no expectation
    assert entry.answers == answers
    assert entry.taken_at.endswith("Z")


def test_concurrent_saves_all_land(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    start = threading.Barrier(6)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            start.wait()
            for _ in range(5):
                Store(path).save(_entry())
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    assert len(Store(path).load()) == 30


def test_two_processes_saving_at_once_both_land(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    code = (
        "import sys; from mlcareer.history.store import Store, Entry\n"
        "e = Entry(0, '2025-01-01T10:00:00Z', 'r', 'R', 1, None, False, [], {})\n"
        "for _ in range(20): Store(__import__('pathlib').Path(sys.argv[1])).save(e)\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, str(path)], cwd=REPO) for _ in range(2)]
    assert [p.wait(60) for p in procs] == [0, 0]
    assert len(Store(path).load()) == 40


def _unchanged(path: Path, action: object) -> HistoryError:
    before = path.read_bytes()
    with pytest.raises(HistoryError) as info:
        action()  # type: ignore[operator]
    assert path.read_bytes() == before
    assert "left unchanged" in str(info.value)
    return info.value


def test_a_damaged_file_is_reported_and_never_touched(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"this is not a database\n" * 200)
    store = Store(path)
    for action in (store.check, store.load, lambda: store.save(_entry()), store.clear):
        error = _unchanged(path, action)
        assert "not a readable SQLite database" in str(error)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.sqlite3"]


def test_a_newer_schema_is_reported_and_never_touched(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE results (id INTEGER PRIMARY KEY, future TEXT)")
        con.execute("PRAGMA user_version = 7")
    con.close()
    store = Store(path)
    for action in (store.check, store.load, lambda: store.save(_entry()), store.clear):
        error = _unchanged(path, action)
        assert "newer mlcareer (schema 7" in str(error)


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE notes (body TEXT)")
    con.close()
    error = _unchanged(path, lambda: Store(path).save(_entry()))
    assert "not an mlcareer history database" in str(error)


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX file permissions")
def test_an_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    Store(path).save(_entry())
    if os.geteuid() != 0:
        path.chmod(0)
        try:
            with pytest.raises(HistoryError, match="permission denied"):
                Store(path).load()
        finally:
            path.chmod(0o600)
        return
    # Root reads any file: read it as an unprivileged user instead, from a folder they may enter.
    if shutil.which("setpriv") is None:
        pytest.skip("root reads any file, and setpriv (to read as another user) is not installed")
    world = Path(tempfile.mkdtemp(prefix="mlcareer-history-"))
    try:
        world.chmod(0o755)
        shutil.copy(path, world / "h.sqlite3")
        (world / "h.sqlite3").chmod(0o600)  # root's own: no one else may read it
        code = (
            "import sys\n"
            "from mlcareer.history.store import HistoryError, Store\n"
            "try:\n"
            "    Store(__import__('pathlib').Path(sys.argv[1])).load()\n"
            "except HistoryError as exc:\n"
            "    print(exc)\n"
        )
        argv = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", code]
        done = subprocess.run([*argv, str(world / "h.sqlite3")], capture_output=True, text=True, cwd=world)
    finally:
        shutil.rmtree(world)
    if "No module named" in done.stderr:
        pytest.skip("the unprivileged user cannot import mlcareer here")
    assert "permission denied" in done.stdout, done.stdout + done.stderr


def test_an_empty_file_becomes_a_history(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"")
    Store(path).check()
    Store(path).save(_entry())
    assert len(Store(path).load()) == 1


def test_clear_deletes_rows_but_keeps_the_file(tmp_path: Path) -> None:
    store = Store(tmp_path / "h.sqlite3")
    assert store.clear() == 0
    assert not store.path.exists()
    store.save(_entry())
    store.save(_entry())
    assert store.clear() == 2
    assert store.path.exists() and store.load() == []


def test_trend_compares_with_the_previous_result_for_the_same_role() -> None:
    entries = [
        _entry(70),
        _entry(None, role="data-scientist"),
        _entry(55),
        _entry(None, role="data-scientist"),
        _entry(60),
    ]
    entries = [
        Entry(i, e.taken_at, e.role, e.role_title, e.readiness, e.level, e.quick, e.skills, {})
        for i, e in zip(range(5, 0, -1), entries, strict=True)
    ]
    found = trends(entries)
    assert [t.change for t in found] == [15, None, -5, None, None]
    assert [t.previous.id if t.previous else None for t in found] == [3, 2, 1, None, None]


def test_diff_of_the_last_two_results() -> None:
    after = _entry(80, programming=3, statistics=2, research=None)
    before = _entry(60, programming=1, statistics=2, communication=4)
    diff = diff_last([after, before])
    changes = {c.skill: (c.before, c.after, c.change) for c in diff.skills}
    assert changes == {
        "programming": (1, 3, 2),
        "statistics": (2, 2, 0),
        "communication": (4, None, None),
    }
    assert diff.readiness_change == 20
    with pytest.raises(Exception, match="there is only one"):
        diff_last([after])


def test_no_permission_is_reported_without_touching_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "h.sqlite3"
    Store(path).save(_entry())
    monkeypatch.setattr("mlcareer.history.store.os.access", lambda *_args: False)
    error = _unchanged(path, Store(path).load)
    assert "permission denied" in str(error)
    _unchanged(path, lambda: Store(path).save(_entry()))


def test_damaged_pages_are_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    store = Store(path)
    for _ in range(50):
        store.save(_entry(programming=3, statistics=2, communication=1))
    data = bytearray(path.read_bytes())
    page = 4096
    data[page : 3 * page] = b"\xff" * (2 * page)
    path.write_bytes(bytes(data))
    _unchanged(path, store.load)
    _unchanged(path, lambda: store.save(_entry()))


def test_results_that_answered_different_questions_do_not_compare(invoke: Invoke) -> None:
    """A quiz that changed between two results (a question added) is said, not silently diffed."""
    answers = yaml.safe_load((REPO / "examples" / "answers.yaml").read_text())
    older = {k: v for k, v in answers.items() if k != "mathematics"}  # before the quiz asked it
    store = Store()
    catalog = load_catalog(shipped_data_dir())
    role = role_by_id(catalog, "ml-engineer")
    store.save(entry_from(score(catalog, role, older)))
    store.save(entry_from(score(catalog, role, answers)))
    result = invoke("history", "--diff", "1", "2", "--json")
    data = json.loads(result.stdout)
    assert (
        data["comparable"] is False and "answered different questions (mathematics" in data["not_comparable"]
    )
