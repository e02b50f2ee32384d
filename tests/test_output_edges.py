"""Nothing lost at the edges of output: short writes to stdout, -o that would destroy an input,
the shell's `>` rules for a file's permission and owner, widths from a broken COLUMNS.

Permission cases run as a real unprivileged user (setpriv); short writes under a real
RLIMIT_FSIZE (`ulimit -f`), with SIGXFSZ ignored so that write() returns EFBIG.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, Invoke
from tests.unprivileged import as_other_user

SAMPLE = REPO / "examples" / "answers.yaml"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534
as_root = pytest.mark.skipif(not IS_ROOT, reason="needs root (to own files as another user)")


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLCAREER_")}
    env.update(MLCAREER_HOME=str(home), XDG_CACHE_HOME=str(home / "cache"), NO_COLOR="1",
               MLCAREER_PAGER="cat", PYTHONPATH=str(REPO / "src"), COLUMNS="80")  # fmt: skip
    env.update(extra)
    return env


def _run(
    *args: str, home: Path, cwd: Path, user: int | None = None, **extra: str
) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "mlcareer", *args]
    if user is not None:
        argv = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", "--", *argv]
    return subprocess.run(argv, capture_output=True, text=True, env=_env(home, **extra), cwd=cwd,
                          timeout=60, stdin=subprocess.DEVNULL)  # fmt: skip


@pytest.fixture
def world() -> Iterator[Path]:
    """A directory every user can enter, with a home every user can write."""
    path = Path(tempfile.mkdtemp(prefix="mlcareer-out-"))
    path.chmod(0o755)
    (path / "home").mkdir()
    (path / "home").chmod(0o777)
    yield path
    shutil.rmtree(path, ignore_errors=True)


# -- short writes to stdout ------------------------------------------------------------------


def _limited(args: list[str], limit: int, out: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """mlcareer with stdout to ``out`` and a file-size limit of ``limit`` bytes, as `ulimit -f`."""

    def limit_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # so write() fails with EFBIG, as in a shell
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    with out.open("wb") as fh:
        return subprocess.run(
            [sys.executable, "-m", "mlcareer", *args], stdout=fh, stderr=subprocess.PIPE, text=True,
            env=_env(home), cwd=REPO, timeout=60, preexec_fn=limit_size, stdin=subprocess.DEVNULL,
        )  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [
        ["role", "ml-engineer", "--full"],
        ["role", "ml-engineer", "--json"],
        ["role", "ml-engineer", "--format", "html"],
        ["role", "ml-engineer", "--format", "markdown"],
        ["salary"],
    ],
    ids=["text", "json", "html", "markdown", "salary-table"],
)
def test_a_short_write_to_stdout_is_exit_1(tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "out"
    result = _limited(args, 4096, out, tmp_path / "home")  # `ulimit -f 4`
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("Error: cannot write to standard output: File too large"), result.stderr
    assert "Traceback" not in result.stderr
    assert out.stat().st_size == 4096


@pytest.mark.parametrize("args", [["quiz", "--help"], ["--help"], ["--version"]])
def test_help_cut_short_is_exit_1_once(tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "out"
    result = _limited(args, 64 if args == ["--version"] else 1024, out, tmp_path / "home")  # `ulimit -f 1`
    if args == ["--version"]:
        assert result.returncode == 0, "a version fits"
        return
    assert result.returncode == 1, result.stderr
    assert result.stderr == "Error: cannot write to standard output: File too large\n"


def test_a_quiz_cut_short_on_stdout_is_still_saved_and_says_so(tmp_path: Path) -> None:
    home = tmp_path / "home"
    out = tmp_path / "out"
    # 32 KB: room for the history database, not for the JSON document (about 54 KB)
    result = _limited(["quiz", "--answers", str(SAMPLE), "--json"], 32 * 1024, out, home)
    assert result.returncode == 1, result.stderr
    assert "cannot write to standard output: File too large" in result.stderr
    assert "the result was saved as #1: `mlcareer history show 1` shows it again" in result.stderr
    shown = _run("history", "show", "1", "--json", home=home, cwd=REPO)
    assert shown.returncode == 0 and json.loads(shown.stdout)["result"]["role"]["id"] == "ml-engineer"


def test_a_quiz_not_saved_and_cut_short_says_both(tmp_path: Path) -> None:
    result = _limited(["quiz", "--answers", str(SAMPLE), "--no-save"], 4096, tmp_path / "o", tmp_path / "h")
    assert result.returncode == 1
    assert "File too large; the result was not saved (--no-save)" in result.stderr


# -- -o never destroys an input --------------------------------------------------------------


def test_output_onto_the_answers_file_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    shutil.copy(SAMPLE, answers)
    (tmp_path / "link.yaml").symlink_to(answers)
    before = answers.read_bytes()
    for target in (answers, tmp_path / "link.yaml", tmp_path / "sub" / ".." / "a.yaml"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        for option in ("-o", "--report"):
            value = str(target) if option == "-o" else str(target.with_suffix(".md"))
            if option == "--report":
                continue  # a report must end in .md/.html/.svg: it cannot be the answers file
            result = invoke("quiz", "--answers", str(answers), option, value)
            assert result.exit_code == 1, result.stderr
            assert "it is the answers file this run reads; choose another file" in result.stderr
    plan = invoke("plan", "--answers", str(answers), "-o", str(answers))
    assert plan.exit_code == 1 and "answers file this run reads" in plan.stderr
    assert answers.read_bytes() == before
    assert invoke("history", "--json").stdout.count('"id"') == 0, "refused before anything was saved"


def test_output_onto_a_team_file_or_a_data_file_is_refused(
    invoke: Invoke, tmp_path: Path, mini_dir: Path
) -> None:
    folder = tmp_path / "class"
    shutil.copytree(REPO / "examples" / "team", folder)
    before = (folder / "ben.yaml").read_bytes()
    result = invoke("team", str(folder), "-o", str(folder / "ben.yaml"))
    assert result.exit_code == 1 and "it is an answers file this run reads" in result.stderr
    assert (folder / "ben.yaml").read_bytes() == before
    roles = (mini_dir / "roles.yaml").read_bytes()
    result = invoke("--data-dir", str(mini_dir), "roles", "-o", str(mini_dir / "roles.yaml"))
    assert result.exit_code == 1 and "choose another file" in result.stderr
    assert (mini_dir / "roles.yaml").read_bytes() == roles


def test_output_onto_the_history_database_is_refused_by_any_spelling(invoke: Invoke, tmp_path: Path) -> None:
    assert invoke("quiz", "--answers", str(SAMPLE)).exit_code == 0
    home = Path(os.environ["MLCAREER_HOME"])
    database = home / "history.sqlite3"
    before = database.read_bytes()
    (tmp_path / "alias").symlink_to(home)
    os.link(database, tmp_path / "hard-link.sqlite3")
    spellings = [
        database,
        tmp_path / "alias" / "history.sqlite3",
        home / "." / ".." / home.name / "history.sqlite3",
        tmp_path / "hard-link.sqlite3",
        home / "history.sqlite3-journal",
        tmp_path / "alias" / "history.sqlite3-wal",
    ]
    for target in spellings:
        for args in (["roles", "-o", str(target)], ["quiz", "--answers", str(SAMPLE), "-o", str(target)]):
            result = invoke(*args)
            assert result.exit_code == 1, (target, result.stderr)
            assert "it is your history database; choose another file" in result.stderr
    assert database.read_bytes() == before
    assert not (home / "history.sqlite3-journal").exists()
    assert not (home / "history.sqlite3-wal").exists()


@pytest.mark.parametrize("option", ["-o", "--report"])
def test_a_missing_directory_with_a_slash_is_refused(invoke: Invoke, tmp_path: Path, option: str) -> None:
    target = f"{tmp_path / 'newdir'}/"
    args = ["quiz", "--answers", str(SAMPLE), option, target]
    result = invoke(*args)
    assert result.exit_code == 1
    assert "no such directory (a name ending in / is a directory)" in result.stderr
    assert not (tmp_path / "newdir").exists()
    assert invoke("history", "--json").stdout.count('"id"') == 0, "refused before the quiz"
    existing = invoke("roles", "-o", f"{tmp_path}/")
    assert existing.exit_code == 1 and "it is a directory" in existing.stderr


def test_a_file_in_a_missing_directory_says_which(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("roles", "-o", str(tmp_path / "nope" / "roles.txt"))
    assert result.exit_code == 1
    assert f"there is no directory {tmp_path / 'nope'}" in result.stderr
    assert not (tmp_path / "nope").exists()


def test_a_hard_link_keeps_its_identity(invoke: Invoke, tmp_path: Path) -> None:
    first = tmp_path / "report.md"
    first.write_text("old\n")
    os.link(first, tmp_path / "same-report.md")
    inode = first.stat().st_ino
    result = invoke("role", "ml-engineer", "--format", "markdown", "-o", str(first))
    assert result.exit_code == 0, result.stderr
    assert first.stat().st_ino == inode and first.stat().st_nlink == 2
    assert (tmp_path / "same-report.md").read_text().startswith("# Machine Learning Engineer")


@as_other_user
def test_a_file_the_shell_could_not_write_is_refused_as_a_user(world: Path) -> None:
    home = world / "home"
    box = world / "box"
    box.mkdir()
    box.chmod(0o777)
    read_only = box / "mine.md"  # nobody's own, but 0444
    read_only.write_text("keep\n")
    os.chown(read_only, NOBODY, NOBODY)
    read_only.chmod(0o444)
    roots = box / "roots.md"  # root's 0644 file in a directory anyone may write
    roots.write_text("keep\n")
    roots.chmod(0o644)
    for target in (read_only, roots):
        report = ["quiz", "--answers", str(SAMPLE), "--report", str(target)]
        for args in (["roles", "-o", str(target)], report):
            result = _run(*args, home=home, cwd=world, user=NOBODY)
            assert result.returncode == 1, result.stderr
            assert f"cannot write {target}: permission denied (the file is not writable)" in result.stderr
            assert target.read_text() == "keep\n"
    assert (read_only.stat().st_uid, roots.stat().st_uid) == (NOBODY, 0)
    assert [p.name for p in box.iterdir() if p.name.endswith(".tmp")] == []


@as_other_user
def test_a_file_writable_by_a_user_but_owned_by_root_keeps_its_owner(world: Path) -> None:
    box = world / "box"
    box.mkdir()
    box.chmod(0o777)
    shared = box / "shared.md"
    shared.write_text("old\n")
    shared.chmod(0o666)
    inode = shared.stat().st_ino
    result = _run("roles", "--format", "markdown", "-o", str(shared), home=world / "home", cwd=world,
                  user=NOBODY)  # fmt: skip
    assert result.returncode == 0, result.stderr
    st = shared.stat()
    assert (st.st_uid, st.st_gid, oct(st.st_mode & 0o777), st.st_ino) == (0, 0, "0o666", inode)
    assert shared.read_text().startswith("# ")


@as_root
def test_root_writes_a_read_only_file_as_the_shell_would_and_keeps_mode_and_owner(
    invoke: Invoke, tmp_path: Path
) -> None:
    target = tmp_path / "theirs.md"
    target.write_text("old\n")
    os.chown(target, 1234, 5678)
    target.chmod(0o444)
    result = invoke("roles", "--format", "markdown", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    st = target.stat()
    assert (st.st_uid, st.st_gid, oct(st.st_mode & 0o777)) == (1234, 5678, "0o444")
    assert target.read_text().startswith("# ")


# -- widths ----------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", ["0", "-5", "abc", "", "99999999999", "3"])
def test_any_columns_value_prints_the_result(invoke: Invoke, columns: str) -> None:
    result = invoke("role", "ml-engineer", env={"COLUMNS": columns})
    assert result.exit_code == 0, result.stderr
    assert "Machine Learning" in result.stdout and "Summary" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 1000


@pytest.mark.parametrize("columns", ["0", "-1", "100000000"])
def test_any_columns_value_in_a_real_process(tmp_path: Path, columns: str) -> None:
    for args in (["role", "ml-engineer"], ["quiz", "--answers", str(SAMPLE)], ["--help"]):
        result = _run(*args, home=tmp_path, cwd=REPO, COLUMNS=columns)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip(), args
    saved = _run("history", home=tmp_path, cwd=REPO, COLUMNS=columns)
    assert "Machine Learning Engineer" in saved.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_quiz_whose_output_file_fails_still_says_it_was_saved(invoke: Invoke) -> None:
    result = invoke("quiz", "--answers", str(SAMPLE), "-o", "/dev/full")
    assert result.exit_code == 1
    assert "cannot write /dev/full" in result.stderr
    assert "Saved as result #1" in result.stderr


def test_output_and_report_to_one_file_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    result = invoke("quiz", "--answers", str(SAMPLE), "--format", "markdown", "-o", str(tmp_path / "r.md"),
                    "--report", str(tmp_path / "sub" / ".." / "r.md"))  # fmt: skip
    assert result.exit_code == 2
    assert "--output and --report name the same file" in result.stderr
    assert not (tmp_path / "r.md").exists()


def test_an_output_folder_may_be_named_with_a_slash(invoke: Invoke, tmp_path: Path) -> None:
    team = REPO / "examples" / "team"
    result = invoke("plan", "--answers", str(team), "--format", "html", "-o", f"{tmp_path / 'handouts'}/")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "handouts" / "index.html").is_file()
