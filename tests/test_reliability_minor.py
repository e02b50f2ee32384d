"""The minor faults of the third reliability round (issue 26), one test or more for each."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlcareer.files import read_regular
from mlcareer.history.store import HistoryError, data_home
from mlcareer.pack import cache
from mlcareer.pack.catalog import load, load_catalog
from tests.conftest import MINI, REPO, Invoke
from tests.unprivileged import as_other_user

SAMPLE = str(REPO / "examples" / "answers.yaml")
NOBODY = 65534


def _db() -> Path:
    return Path(os.environ["MLCAREER_HOME"]) / "history.sqlite3"


@pytest.fixture
def world() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="mlcareer-minor-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


# -- a file you cannot read is not "missing" ----------------------------------------------------


@as_other_user
def test_an_unreadable_answers_file_is_not_reported_as_missing(world: Path) -> None:
    shutil.copy(SAMPLE, world / "private.yaml")
    (world / "private.yaml").chmod(0o600)
    shut = world / "shut"
    shut.mkdir(mode=0o700)
    shutil.copy(SAMPLE, shut / "a.yaml")
    home = world / "home"
    home.mkdir(mode=0o777)
    home.chmod(0o777)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLCAREER_")}
    env.update(MLCAREER_HOME=str(home), PYTHONPATH=str(REPO / "src"), NO_COLOR="1")
    for command in ("quiz", "plan"):
        for path, reason in (
            (world / "private.yaml", "permission denied"),
            (shut / "a.yaml", "permission denied (a directory on its path cannot be searched)"),
        ):
            result = subprocess.run(
                ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--",
                 sys.executable, "-m", "mlcareer", command, "--answers", str(path)],
                capture_output=True, text=True, env=env, cwd=world, timeout=60, stdin=subprocess.DEVNULL,
            )  # fmt: skip
            assert result.returncode == 1, result.stderr
            assert f"{path.name}: {reason}" in result.stderr
            assert "does not exist" not in result.stderr and "Traceback" not in result.stderr


def test_a_missing_answers_file_is_still_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("quiz", "--answers", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2 and "does not exist" in result.stderr
    folder = invoke("quiz", "--answers", str(tmp_path))
    assert folder.exit_code == 2 and "is a directory" in folder.stderr
    missing = invoke("plan", "--answers", str(tmp_path / "nope"))
    assert missing.exit_code == 2 and "path" in missing.stderr and "does not exist" in missing.stderr


# -- history show N of a damaged row -------------------------------------------------------------


def test_history_show_of_a_damaged_result_says_it_cannot_be_read(invoke: Invoke) -> None:
    assert invoke("quiz", "--answers", SAMPLE).exit_code == 0
    assert invoke("quiz", "--answers", SAMPLE).exit_code == 0
    with sqlite3.connect(_db()) as con:
        con.execute("UPDATE results SET answers = 'not json' WHERE id = 2")
    con.close()
    listed = invoke("history")
    assert "result #2 cannot be read" in listed.stderr
    for args in (["history", "show", "2"], ["history", "--diff", "1", "2"]):
        result = invoke(*args)
        assert result.exit_code == 1
        assert "Error: result #2 cannot be read (" in result.stderr, result.stderr
        assert "no saved result" not in result.stderr


# -- HOME, MLCAREER_HOME, MLCAREER_CACHE_DIR -----------------------------------------------------


def test_a_relative_home_is_named_as_such(monkeypatch: pytest.MonkeyPatch) -> None:
    import pwd

    def no_entry(uid: int) -> pwd.struct_passwd:
        raise KeyError(uid)

    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    for name in ("MLCAREER_HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", "relative/home")
    with pytest.raises(HistoryError, match=r"HOME is not an absolute path \(relative/home\)"):
        data_home()
    monkeypatch.delenv("HOME")
    with pytest.raises(HistoryError, match="HOME is not set"):
        data_home()


def test_a_relative_mlcareer_home_is_refused_not_resolved(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MLCAREER_HOME", "relative-data")
    history = invoke("history")
    assert history.exit_code == 1
    assert "MLCAREER_HOME is a relative path (relative-data); set it to an absolute one" in history.stderr
    quiz = invoke("quiz", "--answers", SAMPLE, "--json")
    assert quiz.exit_code == 1 and json.loads(quiz.stdout)["role"], "still shown"
    assert "not saved" in quiz.stderr
    assert not (tmp_path / "relative-data").exists()


def test_a_relative_cache_dir_is_ignored_not_resolved(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MLCAREER_CACHE_DIR", "relative-cache")
    assert cache.cache_dir() == Path(os.environ["XDG_CACHE_HOME"]) / "mlcareer"
    load.cache_clear()
    assert invoke("--data-dir", str(MINI), "roles").exit_code == 0
    assert not (tmp_path / "relative-cache").exists()


# -- the cache secret ----------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"short"])
def test_an_empty_or_short_cache_secret_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    where = tmp_path / "cache"
    where.mkdir(mode=0o700)
    secret = where / f"secret-{os.geteuid()}"
    secret.write_bytes(content)  # as a crash or a full disk leaves it while it is made
    secret.chmod(0o600)
    monkeypatch.setenv("MLCAREER_CACHE_DIR", str(where))
    cache.put(MINI, "key-1", load_catalog(MINI))
    assert len(secret.read_bytes()) == cache.SECRET_BYTES
    assert oct(secret.stat().st_mode & 0o777) == "0o600"
    assert cache.get(MINI, "key-1") is not None, "the cache works again"
    assert [p.name for p in where.iterdir() if p.name.endswith(".tmp")] == []


def test_a_secret_that_is_not_ours_is_never_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    where = tmp_path / "cache"
    where.mkdir(mode=0o700)
    secret = where / f"secret-{os.geteuid()}"
    secret.write_bytes(b"")
    secret.chmod(0o644)  # readable by others: not a secret, and not made by mlcareer
    monkeypatch.setenv("MLCAREER_CACHE_DIR", str(where))
    cache.put(MINI, "key-2", load_catalog(MINI))
    assert secret.read_bytes() == b"" and cache.get(MINI, "key-2") is None


# -- a result whose role has left the data -------------------------------------------------------


def test_a_saved_role_that_left_the_data_is_named(invoke: Invoke) -> None:
    assert invoke("quiz", "--answers", SAMPLE).exit_code == 0
    with sqlite3.connect(_db()) as con:
        con.execute("UPDATE results SET role = 'retired-role', role_title = 'Retired Role'")
    con.close()
    plan = invoke("plan")
    assert plan.exit_code == 1
    assert "your latest saved result, #1, was taken against the role 'retired-role'" in plan.stderr
    assert "unknown role" not in plan.stderr
    show = invoke("history", "show", "1")
    assert show.exit_code == 1
    assert "result #1 was taken against the role 'retired-role' (Retired Role)" in show.stderr
    assert "unknown role" not in show.stderr


# -- plan --answers with a quick-form file -------------------------------------------------------


def test_plan_from_a_quick_form_file_says_to_add_quick(invoke: Invoke, tmp_path: Path) -> None:
    template = invoke("quiz", "--template", "--quick").stdout
    asked = template.splitlines()
    filled = "\n".join(f"{q} 2" if q and not q.startswith(("#", "name:")) else q for q in asked)
    path = tmp_path / "quick.yaml"
    path.write_text(filled)
    result = invoke("plan", "--answers", str(path))
    assert result.exit_code == 2
    assert "quick.yaml answers the 11 questions of the quick form; score it with --quick" in result.stderr
    assert invoke("plan", "--answers", str(path), "--quick").exit_code == 0


# -- SIGQUIT while an output file is written -----------------------------------------------------


def test_sigquit_before_the_rename_leaves_no_temporary_file(tmp_path: Path) -> None:
    code = (
        "import os, resource, signal, sys\n"
        "resource.setrlimit(resource.RLIMIT_CORE, (0, 0))\n"
        # A shell starts a background job with SIGQUIT ignored, and mlcareer rightly leaves an
        # ignored signal ignored: the child asks for the default, whoever started the tests.
        "signal.signal(signal.SIGQUIT, signal.SIG_DFL)\n"
        "real = os.replace\n"
        "def replace(src, dst):\n"
        "    if str(dst).endswith('out.txt'):  # not the cache's own rename\n"
        "        os.kill(os.getpid(), signal.SIGQUIT)\n"
        "    real(src, dst)\n"
        "os.replace = replace\n"
        "sys.argv = ['mlcareer', 'roles', '-o', sys.argv[1]]\n"
        "from mlcareer.__main__ import main\n"
        "main()\n"
    )
    target = tmp_path / "out" / "out.txt"
    target.parent.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", code, str(target)], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert result.returncode == -signal.SIGQUIT, result.stderr
    assert list(target.parent.iterdir()) == [], "neither the file nor its temporary"


# -- memory ---------------------------------------------------------------------------------------


def test_reading_a_small_file_does_not_allocate_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_bytes(b"x: 1\n" * 100)
    tracemalloc.start()
    try:
        data = read_regular(path, 16 * 1024 * 1024 + 1)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert data == path.read_bytes()
    assert peak < 1024 * 1024, f"peak {peak:,} bytes for a 500-byte file"


def test_reading_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"y" * 300_000)
    assert len(read_regular(path, 100_001)) == 100_001
    assert len(read_regular(path, 10_000_000)) == 300_000


def test_out_of_memory_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import mlcareer.domain.careers as careers\n"
        "def find_role(*args, **kwargs):\n"
        "    raise MemoryError\n"
        "careers.find_role = find_role\n"
        "sys.argv = ['mlcareer', 'role', 'ml-engineer']\n"
        "from mlcareer.__main__ import main\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path,
        env={**os.environ, "MLCAREER_HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == "Error: out of memory (is a memory limit such as `ulimit -v` set?)\n"


# -- JSON file values and a BLS period -----------------------------------------------------------


def test_plan_json_of_a_non_utf8_answers_path_is_strict_utf8(invoke: Invoke, tmp_path: Path) -> None:
    odd = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"answers-\xff.yaml"))
    shutil.copy(SAMPLE, odd)
    result = invoke("plan", "--answers", odd, "--json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["from"]["file"].endswith("answers-\\xff.yaml")
    result.stdout.encode("utf-8")  # strict: a lone surrogate would raise


def test_a_period_that_ends_where_it_begins_is_not_100_years(invoke: Invoke, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    text = (data / "occupations.yaml").read_text()
    (data / "occupations.yaml").write_text(text.replace('period: "2022-32"', 'period: "2022-2022"'))
    result = invoke("validate", str(data))
    assert result.exit_code == 1
    assert "the period 2022-2022 ends in 2022, not after it begins in 2022" in result.stderr + result.stdout
    assert "100 years" not in result.stderr + result.stdout
