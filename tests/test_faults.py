"""Faults found by attacking the Reliability promises (issue 15), one test or more per cause.

Where permissions matter the test runs as a real unprivileged user (root ignores permission
bits); special files are made with mknod and mkfifo in a temporary directory, never in /dev.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mlcareer.pack import cache
from mlcareer.pack.catalog import load, load_catalog
from mlcareer.records import as_data, replace
from tests import processes
from tests.conftest import MINI, PRINT_PEAK_KIB, REPO, Invoke
from tests.processes import cpu_seconds

SAMPLE = str(REPO / "examples" / "answers.yaml")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534
HAS_SETPRIV = shutil.which("setpriv") is not None
as_root = pytest.mark.skipif(not IS_ROOT, reason="needs root (mknod, or to become another user)")
as_other_user = pytest.mark.skipif(
    not (IS_ROOT and HAS_SETPRIV), reason="needs root and setpriv to run as an unprivileged user"
)


def _db() -> Path:
    return Path(os.environ["MLCAREER_HOME"]) / "history.sqlite3"


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(extra)
    return env


def _run(
    *args: str | bytes,
    env: dict[str, str] | None = None,
    user: int | None = None,
    cwd: Path | None = None,
    shell_redirect: str = "",
) -> subprocess.CompletedProcess[str]:
    """mlcareer in a real process; ``user``: as that uid (and gid), with no groups."""
    argv: list[str | bytes] = [sys.executable, "-m", "mlcareer", *args]
    if shell_redirect:
        argv = ["/bin/sh", "-c", f'exec "$@" {shell_redirect}', "sh", *argv]
    if user is not None:
        argv = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", "--", *argv]
    return processes.run(
        argv,
        capture_output=not shell_redirect,
        stdout=subprocess.PIPE if shell_redirect and ">&-" not in shell_redirect else None,
        stderr=subprocess.PIPE if shell_redirect else None,
        text=True,
        env=env if env is not None else _env(),
        cwd=cwd or REPO,
    )


@pytest.fixture
def world() -> Iterator[Path]:
    """A directory every user can enter (pytest's own are private to root)."""
    path = Path(tempfile.mkdtemp(prefix="mlcareer-faults-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _saved(invoke: Invoke) -> list[dict[str, Any]]:
    result = invoke("history", "--json")
    assert result.exit_code == 0, result.stderr
    return list(json.loads(result.stdout)["results"])


# -- 1. a crash during a save ---------------------------------------------------------------


def _strace_works() -> bool:
    if shutil.which("strace") is None:
        return False
    probe = subprocess.run(["strace", "-qq", "-o", "/dev/null", "true"], capture_output=True, check=False)
    return probe.returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not _strace_works(), reason="needs strace, allowed to trace (ptrace)")
def test_sigkill_while_the_journal_is_deleted_locks_no_one_out(invoke: Invoke) -> None:
    assert invoke("quiz", "--answers", SAMPLE).exit_code == 0
    journal = f"{_db()}-journal"
    # The save's last step deletes the rollback journal: die right there, as on a power cut.
    killed = processes.run(
        ["strace", "-f", "-qq", "-o", "/dev/null", "-P", journal, "-e", "trace=unlink,unlinkat",
         "-e", "inject=unlink,unlinkat:signal=KILL", sys.executable, "-m", "mlcareer",
         "quiz", "--answers", SAMPLE],
        capture_output=True, text=True, env=_env(), cwd=REPO,
    )  # fmt: skip
    assert killed.returncode != 0, killed.stderr
    assert os.path.getsize(journal) > 0, "a hot journal is left behind"
    after = invoke("history", "--json")
    assert after.exit_code == 0, after.stderr
    assert len(json.loads(after.stdout)["results"]) == 1, "every committed result is there"
    assert invoke("quiz", "--answers", SAMPLE).exit_code == 0, "and the next one is saved"
    assert len(_saved(invoke)) == 2
    assert invoke("history", "--clear", "--yes").exit_code == 0


def test_a_writer_killed_mid_transaction_locks_no_one_out(invoke: Invoke) -> None:
    assert invoke("quiz", "--answers", SAMPLE).exit_code == 0
    # A tiny page cache makes SQLite write pages to the file before the commit, so the
    # killed transaction leaves a hot journal that must be rolled back.
    code = (
        "import os, sqlite3, sys\n"
        "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "con.execute('PRAGMA cache_size = 1')\n"
        "con.execute('BEGIN IMMEDIATE')\n"
        "for i in range(3000):\n"
        '    con.execute("INSERT INTO results (taken_at, role, role_title, quick, skills, answers)'
        " VALUES ('2025-01-01T00:00:00Z', 'r', ?, 0, '[]', '{}')\", ('x' * 500,))\n"
        "os.kill(os.getpid(), 9)\n"
    )
    killed = processes.run([sys.executable, "-c", code, str(_db())], capture_output=True)
    assert killed.returncode == -signal.SIGKILL
    assert os.path.getsize(f"{_db()}-journal") > 0
    for args in (["history"], ["history", "--diff"]):
        result = invoke(*args)
        assert "read-only" not in result.stderr, result.stderr
    assert len(_saved(invoke)) == 1
    assert invoke("quiz", "--answers", SAMPLE).exit_code == 0
    assert len(_saved(invoke)) == 2


@pytest.mark.slow
@as_other_user
def test_a_hot_journal_that_cannot_be_rolled_back_is_explained(world: Path) -> None:
    home = world / "home"
    home.mkdir()
    env = _env(MLCAREER_HOME=str(home), XDG_CACHE_HOME=str(world / "cache"))
    assert _run("quiz", "--answers", SAMPLE, env=env).returncode == 0
    (home / "history.sqlite3-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 1000)
    result = _run("history", env=env, user=NOBODY)  # cannot write the file or the directory
    assert result.returncode == 1
    assert "cut short" in result.stderr and "permission to write" in result.stderr, result.stderr


# -- 2. special files as --output -------------------------------------------------------------


@as_root
def test_output_to_a_character_device_is_written_in_place(invoke: Invoke, tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    result = invoke("roles", "-o", str(null))
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(null.stat().st_mode), "still the device"
    full = tmp_path / "full"
    os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    result = invoke("roles", "--json", "-o", str(full))
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert stat.S_ISCHR(full.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_to_a_fifo_reaches_its_reader(invoke: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = invoke("roles", "--json", "-o", str(fifo))
    reader.join(60)
    assert result.exit_code == 0, result.stderr
    assert json.loads(got[0])
    assert stat.S_ISFIFO(fifo.stat().st_mode), "still the FIFO"


def test_dash_is_stdout(invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("roles", "--json", "-o", "-")
    assert result.exit_code == 0 and json.loads(result.stdout)
    assert "Wrote" not in result.stderr
    template = invoke("quiz", "--template", "-o", "-")
    assert template.exit_code == 0 and "programming" in template.stdout
    assert list(tmp_path.iterdir()) == [], "no file named -"


def test_a_link_to_this_process_stdout_is_written_in_place(tmp_path: Path) -> None:
    link = tmp_path / "out"
    link.symlink_to("/proc/self/fd/1")
    result = _run("roles", "--json", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout), "the output went to stdout"
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1", "the link is kept"


# -- 3. read-only home, as a real unprivileged user -------------------------------------------


@pytest.mark.slow
@as_other_user
def test_read_only_home_shows_the_result_as_an_unprivileged_user(world: Path) -> None:
    home = world / "home"
    home.mkdir(mode=0o555)
    home.chmod(0o555)
    env = _env(MLCAREER_HOME=str(home), XDG_CACHE_HOME=str(world / "cache"))
    result = _run("quiz", "--answers", SAMPLE, "--json", env=env, user=NOBODY)
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["readiness"]["percent"] >= 0, "the result is shown"
    lines = result.stderr.strip().splitlines()
    assert "will not be saved" in lines[0] and "--no-save" in lines[0], "said up front"
    assert lines[-1].startswith("Error: the result was not saved")
    assert list(home.iterdir()) == []
    assert _run("quiz", "--answers", SAMPLE, "--no-save", env=env, user=NOBODY).returncode == 0


def test_without_answers_an_unwritable_history_is_said_before_the_questions(
    invoke: Invoke, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.write_text("not a directory")
    result = invoke("quiz", env={"MLCAREER_HOME": str(home)})
    assert result.exit_code == 1 and result.stdout == ""
    assert "is not a writable directory" in result.stderr and "add --no-save" in result.stderr


# -- 4. messages quote input: cleaned like stdout ---------------------------------------------


RAW = ("\x1b", "\x00", "\x07")


def _clean(text: str) -> bool:
    return not any(ch in text for ch in RAW)


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("a.yaml", '"\\e]0;X\\a": 2\nprogramming: 9\n'),
        ("a.json", '{"\\u001b[31mred": 1, "nul\\u0000": 2}'),
    ],
)
def test_unknown_answer_ids_are_shown_escaped(invoke: Invoke, tmp_path: Path, name: str, body: str) -> None:
    path = tmp_path / name
    path.write_text(body)
    result = invoke("quiz", "--answers", str(path), "--no-save")
    assert result.exit_code == 1
    assert _clean(result.stderr), repr(result.stderr)
    assert "\\x1b" in result.stderr


def test_data_file_keys_and_names_are_shown_escaped(invoke: Invoke, mini_dir: Path) -> None:
    roles = mini_dir / "roles.yaml"
    roles.write_text(roles.read_text() + '"\\e[2Jbad\\0": 1\n')
    (mini_dir / "x\x1b[31m.yaml").write_text("a: 1\n")
    text = (mini_dir / "skills.yaml").read_text()
    (mini_dir / "skills.yaml").write_text(text.replace("  - id:", '  - "\\e[5mfield": 1\n    id:', 1))
    for args in (["roles"], ["validate", str(mini_dir)]):
        result = invoke("--data-dir", str(mini_dir), *args)
        assert result.exit_code == 1
        assert _clean(result.stderr), repr(result.stderr)
        assert result.stderr.count("\\x1b") >= 2


def _insert(**columns: Any) -> None:
    row = {
        "taken_at": "2025-01-01T10:00:00Z",
        "role": "ml-engineer",
        "role_title": "ML Engineer",
        "readiness": 50,
        "level": "entry",
        "quick": 0,
        "skills": '[{"skill": "programming", "name": "Programming", "you": 2, "expected": 3}]',
        "answers": '{"programming": 2}',
    }
    row.update(columns)
    con = sqlite3.connect(_db())
    with con:
        con.execute(
            f"INSERT INTO results ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
        )
    con.close()


def test_damaged_history_text_is_shown_escaped(invoke: Invoke) -> None:
    assert invoke("quiz", "--answers", SAMPLE).exit_code == 0
    _insert(level="\x1b]0;pwned\x07", role_title="T\x1b[2J\x00")
    _insert(taken_at="\x1b[31m2025")
    for args in (["history"], ["history", "--diff"], ["history", "--json"]):
        result = invoke(*args)
        assert _clean(result.stdout + result.stderr), repr(result.stdout + result.stderr)
    assert "result #3 cannot be read" in invoke("history").stderr


# -- 5. a data directory whose name is not UTF-8 -----------------------------------------------


def test_a_data_directory_named_with_any_bytes_is_cached(tmp_path: Path) -> None:
    odd = os.path.join(os.fsencode(tmp_path), b"data-\xff")
    shutil.copytree(MINI, os.fsdecode(odd))  # the same bytes on disk (surrogateescape)
    load.cache_clear()
    first = load_catalog(Path(os.fsdecode(odd)))
    assert list(cache.cache_dir().glob("catalog-*.json"))  # type: ignore[union-attr]
    load.cache_clear()
    assert as_data(load_catalog(Path(os.fsdecode(odd)))) == as_data(first)


# -- 6. the cache is authenticated ----------------------------------------------------------------


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini_dir: Path) -> Path:
    monkeypatch.setenv("MLCAREER_CACHE_DIR", str(tmp_path / "cache"))
    load.cache_clear()
    load_catalog(mini_dir)
    load.cache_clear()
    (entry,) = (tmp_path / "cache").glob("catalog-*.json")
    return entry


def _forge(entry: Path, edit: Any) -> None:
    """Change an entry as someone without the secret can: body edited, every check recomputed."""
    import hashlib
    import hmac

    head, body = entry.read_bytes().split(b"\n", 1)
    meta = json.loads(head)
    data = json.loads(body)
    edit(data)
    body = json.dumps(data).encode()
    guess = hmac.new(b"not the secret", body, "sha256").hexdigest()
    meta.update(size=len(body), mac=guess, body=hashlib.sha256(body).hexdigest())
    entry.write_bytes(json.dumps(meta).encode() + b"\n" + body)


def _at(entry: Any, model: str, field: str) -> int:
    """Where ``field`` of ``model`` sits in an entry's positional records (from its layout)."""
    names = [name for name, _ in entry["layout"]["models"][model]]
    return names.index(field)


def _cheaper_pay(d: Any) -> None:
    salaries = d["catalog"][_at(d, "Catalog", "salaries")]
    figure = salaries[_at(d, "Salaries", "figures")][0]
    figure[_at(d, "SalaryFigure", "low")], figure[_at(d, "SalaryFigure", "high")] = 1, 2


def _no_title(d: Any) -> None:
    d["catalog"][_at(d, "Catalog", "roles")][0].pop(_at(d, "Role", "title"))


def _escape(d: Any) -> None:
    d["catalog"][_at(d, "Catalog", "roles")][0][_at(d, "Role", "summary")] = "\x1b]0;pwned\x07"


@pytest.mark.parametrize(
    "edit",
    [_cheaper_pay, _no_title, _escape],
    ids=["pay", "missing-title", "escape"],
)
def test_a_forged_entry_costs_only_speed(invoke: Invoke, cached: Path, mini_dir: Path, edit: Any) -> None:
    expected = invoke("--data-dir", str(mini_dir), "role", "engineer")
    load.cache_clear()
    _forge(cached, edit)
    again = invoke("--data-dir", str(mini_dir), "role", "engineer")
    assert again.exit_code == 0, again.stderr
    assert again.stdout == expected.stdout
    assert "$1 - $2" not in again.stdout and _clean(again.stdout)


def test_a_secret_that_is_not_the_users_own_is_not_used(cached: Path, mini_dir: Path) -> None:
    secret = next(cached.parent.glob("secret-*"))
    secret.chmod(0o644)
    wanted = json.loads(cached.read_bytes().split(b"\n", 1)[0])["key"]
    assert cache.get(mini_dir, wanted) is None, "a secret others can read is no secret"
    secret.chmod(0o600)
    assert cache.get(mini_dir, wanted) is not None
    if IS_ROOT:
        os.chown(secret, NOBODY, NOBODY)
        assert cache.get(mini_dir, wanted) is None, "someone else's secret"


def test_hostile_scope_is_cleaned_at_render_time() -> None:
    from mlcareer.domain.salaries import salary_report
    from mlcareer.pack.catalog import shipped_data_dir
    from mlcareer.render.salary import salary_page
    from mlcareer.render.to_text import page
    from mlcareer.terminal.console import plain_text

    data = load_catalog(shipped_data_dir())
    figures = [replace(f, scope="\x1b]0;X\x07 scope") for f in data.salaries.figures]
    hostile = replace(data, salaries=replace(data.salaries, figures=figures))
    assert _clean(plain_text(page(salary_page(salary_report(hostile)))))


# -- 7. FIFOs are refused before they are opened ------------------------------------------------


@pytest.mark.parametrize("name", ["roles.yaml", "quiz.yaml"])
def test_a_fifo_data_file_is_refused(tmp_path: Path, name: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    (data / name).unlink()
    os.mkfifo(data / name)
    result = _run("--data-dir", str(data), "roles")
    assert result.returncode == 1
    assert f"{name}: cannot read: is a named pipe (FIFO), not a regular file" in result.stderr


def test_a_fifo_history_or_answers_file_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    os.mkfifo(home / "history.sqlite3")
    env = _env(MLCAREER_HOME=str(home))
    result = _run("history", env=env)
    assert result.returncode == 1 and "is a named pipe (FIFO), not a regular file" in result.stderr
    answers = tmp_path / "answers.yaml"
    os.mkfifo(answers)
    result = _run("quiz", "--answers", str(answers), "--no-save")
    assert result.returncode == 1 and "is a named pipe (FIFO)" in result.stderr


@pytest.mark.parametrize("kind", ["fifo", "link-to-dev-zero"])
def test_a_fifo_or_device_link_as_cache_entry_costs_only_speed(
    cached: Path, mini_dir: Path, kind: str
) -> None:
    wanted = json.loads(cached.read_bytes().split(b"\n", 1)[0])["key"]
    cached.unlink()
    if kind == "fifo":
        os.mkfifo(cached)
    else:
        cached.symlink_to("/dev/zero")
    # In a process of its own, with a memory limit: before the fix this hung, or grew without end.
    code = (
        "import resource, sys; from pathlib import Path; from mlcareer.pack import cache\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
        "print(cache.get(Path(sys.argv[1]), sys.argv[2]))\n"
    ) + PRINT_PEAK_KIB
    result = processes.run(
        [sys.executable, "-c", code, str(mini_dir), wanted],
        capture_output=True,
        text=True,
        env=_env(),
    )
    found, kib = result.stdout.split()
    assert found == "None", result.stderr
    assert int(kib) < 300 * 1024, "the read is bounded"


# -- 8. messages, never tracebacks ----------------------------------------------------------------


LONG = "n" * 256


def test_a_path_component_over_255_bytes(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    long = str(tmp_path / LONG)
    result = invoke("roles", "-o", long)
    assert result.exit_code == 1 and "name is too long" in result.stderr
    result = invoke("--data-dir", long, "roles")
    assert result.exit_code == 1 and "name is too long" in result.stderr
    monkeypatch.setenv("MLCAREER_DATA_DIR", long)
    assert invoke("roles").exit_code == 1
    monkeypatch.delenv("MLCAREER_DATA_DIR")
    monkeypatch.setenv("MLCAREER_HOME", long)
    result = invoke("history")
    assert result.exit_code == 1 and "name is too long" in result.stderr
    result = invoke("quiz", "--answers", SAMPLE, "--json")
    assert result.exit_code == 1 and json.loads(result.stdout)["role"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"programming": ' + "9" * 5000 + "}", "a number of 5000 digits"),
        ('{"programming": NaN}', "NaN is not a number JSON allows"),
    ],
    ids=["deep", "5000-digits", "nan"],
)
def test_hostile_json_answers(invoke: Invoke, tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "a.json"
    path.write_text(body)
    result = invoke("quiz", "--answers", str(path), "--no-save")
    assert result.exit_code == 1
    assert message in result.stderr


def test_a_salary_of_ten_to_the_400_is_refused_at_validation(invoke: Invoke, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    salaries = data / "salaries.yaml"
    text = salaries.read_text()
    number = next(
        line.split(":")[1].strip() for line in text.splitlines() if line.strip().startswith("high:")
    )
    salaries.write_text(text.replace(f"high: {number}", "high: 1" + "0" * 400, 1))
    for args in (["validate", str(data)], ["salary"], ["role", "ml-engineer"]):
        result = invoke("--data-dir", str(data), *args)
        assert result.exit_code == 1, args
        assert "must be less than or equal to" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    "damage",
    [
        {"answers": "[]"},
        {"answers": "1e999"},
        {"skills": '[{"skill": "programming", "name": "P", "you": "three", "expected": 3}]'},
        {"readiness": "high"},
        {"taken_at": "0001-01-01T00:00:00Z"},
        {"taken_at": "9999-12-31T23:59:59Z"},
        {"skills": "[" * 5000},
    ],
    ids=["answers-list", "answers-inf", "string-answer", "text-readiness", "year-1", "year-9999", "deep"],
)
@pytest.mark.parametrize("zone", ["Etc/GMT+12", "Etc/GMT-14"])
def test_damaged_history_rows_are_left_out_and_named(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, damage: dict[str, str], zone: str
) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        assert invoke("quiz", "--answers", SAMPLE).exit_code == 0
        _insert(**damage)
        assert invoke("quiz", "--answers", SAMPLE).exit_code == 0
        for args in (
            ["history"],
            ["history", "--diff"],
            ["history", "--json"],
            ["history", "-f", "markdown"],
        ):
            result = invoke(*args)
            assert result.exit_code == 0, (args, result.stderr)
            assert "result #2 cannot be read" in result.stderr
        assert len(_saved(invoke)) == 2
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


@pytest.mark.slow
@as_root
def test_no_home_and_no_password_entry(world: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "MLCAREER_HOME", "XDG_CACHE_HOME")}
    env.pop("XDG_DATA_HOME", None)
    uid = 54321  # no entry in the password database
    if shutil.which("setpriv") is None:
        pytest.skip("needs setpriv")
    try:
        import pwd

        pwd.getpwuid(uid)
        pytest.skip(f"uid {uid} has a password entry here")
    except KeyError:
        pass
    roles = _run("roles", env=env, user=uid, cwd=world)
    assert roles.returncode == 0, roles.stderr
    assert not (world / "~").exists(), "no directory literally named ~"
    history = _run("history", env=env, user=uid, cwd=world)
    assert (
        history.returncode == 1
        and "no home directory" in history.stderr
        and "MLCAREER_HOME" in history.stderr
    )
    quiz = _run("quiz", "--answers", SAMPLE, env=env, user=uid, cwd=world)
    assert quiz.returncode == 1 and "Readiness" in quiz.stdout
    assert list(world.iterdir()) == []


# -- 9. a closed stdout is an error -----------------------------------------------------------------


def test_closed_stdout_is_exit_1_and_nothing_saved(tmp_path: Path) -> None:
    env = _env(MLCAREER_HOME=str(tmp_path / "home"))
    for args in (["roles"], ["roles", "--json"], ["quiz", "--answers", SAMPLE]):
        result = _run(*args, env=env, shell_redirect=">&-")
        assert result.returncode == 1, args
        assert "standard output is closed" in result.stderr
    assert not (tmp_path / "home").exists(), "a result shown nowhere is not saved"


def test_a_full_disk_on_stdout_is_exit_1(tmp_path: Path) -> None:
    for args in (["--help"], ["--version"], ["roles", "--json"]):
        result = _run(*args, shell_redirect=">/dev/full")
        assert result.returncode == 1, args
        assert result.stderr.strip() == "Error: cannot write to standard output: No space left on device"


# -- 10. output files --------------------------------------------------------------------------------


def test_replacing_a_file_keeps_its_mode(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "secret.json"
    target.write_text("old")
    target.chmod(0o600)
    assert invoke("roles", "--json", "-o", str(target)).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert json.loads(target.read_text())


def test_a_255_byte_file_name_is_written(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / ("r" * 250 + ".json")
    result = invoke("roles", "--json", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert json.loads(target.read_text())


def test_a_link_is_followed_and_kept(invoke: Invoke, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert invoke("roles", "--json", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and json.loads(real.read_text())


def test_sigterm_before_the_rename_leaves_no_temporary_file(tmp_path: Path) -> None:
    code = (
        "import os, signal, sys\n"
        "real = os.replace\n"
        "def replace(src, dst):\n"
        "    if str(dst).endswith('out.txt'):  # not the cache's own rename\n"
        "        os.kill(os.getpid(), signal.SIGTERM)\n"
        "    real(src, dst)\n"
        "os.replace = replace\n"
        "sys.argv = ['mlcareer', 'roles', '-o', sys.argv[1]]\n"
        "from mlcareer.__main__ import main\n"
        "main()\n"
    )
    target = tmp_path / "out.txt"
    result = processes.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True)
    assert result.returncode == -signal.SIGTERM, result.stderr
    assert list(tmp_path.iterdir()) == [], "neither the file nor its temporary"


# -- 11. bounded work for hostile sizes -------------------------------------------------------------


def test_many_unknown_answer_ids_are_linear_and_capped(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({f"unknown-{i}": 1 for i in range(40_000)}, indent=1))
    with cpu_seconds() as spent:
        result = invoke("quiz", "--answers", str(path), "--no-save")
    assert spent.seconds < 5
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Error: 40,0") and "problems in" in lines[0]
    assert len(lines) <= 103
    assert "more problems, not listed" in lines[-1]
    assert "a.json:2: unknown-0: unknown question id" in result.stderr


def test_an_answers_file_over_1_mb_is_refused_unread(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("".join(f"k{i}: 1\n" for i in range(200_000)))
    result = invoke("quiz", "--answers", str(path), "--no-save")
    assert result.exit_code == 1 and "larger than 1 MB" in result.stderr


def test_many_unknown_keys_in_a_data_file_are_capped(invoke: Invoke, mini_dir: Path) -> None:
    levels = mini_dir / "levels.yaml"
    levels.write_text(levels.read_text() + "".join(f"k{i}: 1\n" for i in range(20_000)))
    with cpu_seconds() as spent:
        result = invoke("--data-dir", str(mini_dir), "validate")
    assert spent.seconds < 10
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) <= 103 and "20,000 problems" in lines[0]
    assert "19,900 more problems, not listed" in lines[-1]


# -- 12. cache details ----------------------------------------------------------------------------------


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MLCAREER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / ".cache" / "mlcareer"


# -- 13. clearer messages ---------------------------------------------------------------------------------


def test_a_dangling_history_link_is_named(invoke: Invoke) -> None:
    _db().parent.mkdir(parents=True, exist_ok=True)
    _db().symlink_to("/nonexistent/elsewhere.sqlite3")
    result = invoke("history")
    assert result.exit_code == 1
    assert "symbolic link to '/nonexistent/elsewhere.sqlite3', which does not exist" in result.stderr
    assert "permission denied" not in result.stderr


def test_a_nul_byte_in_a_data_file_has_a_line(invoke: Invoke, mini_dir: Path) -> None:
    roles = mini_dir / "roles.yaml"
    lines = roles.read_text().splitlines(keepends=True)
    lines[4] = lines[4].rstrip("\n") + "\x00\n"
    roles.write_text("".join(lines))
    result = invoke("--data-dir", str(mini_dir), "validate")
    assert result.exit_code == 1
    assert "roles.yaml:5: character U+0000 is not allowed in YAML" in result.stderr
    assert "<unicode string>" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_tab_completion_reads_the_same_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The completion fast path mirrors the cache: no FIFO read, relative XDG ignored, any bytes."""
    from mlcareer import fastcomplete

    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "roles.yaml").unlink()
    os.mkfifo(data / "roles.yaml")
    code = "import sys; from mlcareer import fastcomplete; print(fastcomplete.data_key(sys.argv[1]))"
    result = processes.run([sys.executable, "-c", code, str(data)], capture_output=True, text=True)
    assert result.stdout.strip() == "None", result.stderr
    monkeypatch.delenv("MLCAREER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert fastcomplete.cache_dir() == str(tmp_path / ".cache" / "mlcareer")
    odd = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"data-\xff"))
    assert fastcomplete.index_path(odd)
