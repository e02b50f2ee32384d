"""Paths the user names: one way to examine them (mlcareer.files.examine) and the shared folder reader
(mlcareer.domain.team.gather). Permission cases run as a real unprivileged user (root ignores
permission bits); they are skipped, with the reason, where that cannot be done.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mlcareer.domain.team import gather
from mlcareer.files import PathError, examine, shown
from tests.conftest import REPO, Invoke
from tests.unprivileged import as_other_user

TEAM = REPO / "examples" / "team"
LONG = "x" * 256
NOBODY = 65534


@pytest.fixture
def world() -> Iterator[Path]:
    """A directory every user can enter (pytest's own are private to root)."""
    path = Path(tempfile.mkdtemp(prefix="mlcareer-paths-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _class(where: Path) -> Path:
    folder = where / "class"
    folder.mkdir()
    for name in ("ana.yaml", "ben.yaml", "cho.yaml"):
        shutil.copy(TEAM / name, folder / name)
    return folder


# -- examine -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / LONG, "the name is too long"),
        (lambda d: d / "a.yaml" / "b.yaml", "a part of the path is not a directory"),
        (lambda d: d / "loop", "too many symbolic links"),
        (lambda d: d / "missing.yaml", "it does not exist"),
        (lambda d: d / "dangling", "it is a symbolic link to nowhere-at-all, which does not exist"),
    ],
    ids=["ENAMETOOLONG", "ENOTDIR", "ELOOP", "ENOENT", "dangling link"],
)
def test_examine_turns_each_error_into_one_line(
    tmp_path: Path, make: Callable[[Path], Path], reason: str
) -> None:
    (tmp_path / "a.yaml").write_text("x: 1\n")
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "dangling").symlink_to("nowhere-at-all")
    path = make(tmp_path)
    with pytest.raises(PathError) as caught:
        examine(path, "read")
    message = str(caught.value)
    assert message.startswith(f"cannot read {shown(path)}: "), message
    assert reason in message
    assert "\n" not in message


def test_shown_makes_bytes_and_newlines_visible() -> None:
    assert shown(os.fsdecode(b"data-\xff\xfe")) == "data-\\xff\\xfe"
    assert shown("two\nlines") == "two\\nlines"
    assert shown(b"esc\x1b[31m") == "esc\\x1b[31m"


# -- gather --------------------------------------------------------------------------------


def test_the_same_folder_in_two_spellings_counts_each_file_once(tmp_path: Path) -> None:
    folder = _class(tmp_path)
    (tmp_path / "link").symlink_to(folder)
    os.link(folder / "ana.yaml", tmp_path / "ana-again.yaml")
    found = gather([folder, tmp_path / "link", Path(f"{folder}/../class/"), folder / "ben.yaml",
                    tmp_path / "ana-again.yaml"])  # fmt: skip
    assert [p.name for p in found.files] == ["ana.yaml", "ben.yaml", "cho.yaml"]
    assert found.skipped == ()


def test_special_files_in_a_folder_are_named_and_others_ignored(tmp_path: Path) -> None:
    folder = _class(tmp_path)
    os.mkfifo(folder / "dan.yaml")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(folder / "eve.json"))
        (folder / "notes.md").write_text("# not answers\n")
        (folder / "old.yml").mkdir()
        (folder / "gone.yaml").symlink_to("nowhere")
        found = gather([folder])
    assert [p.name for p in found.files] == ["ana.yaml", "ben.yaml", "cho.yaml"]
    reasons = {s.path.name: (s.reason, s.error) for s in found.skipped}
    assert reasons["dan.yaml"] == ("it is a named pipe (FIFO), not an answers file", True)
    assert reasons["eve.json"] == ("it is a socket, not an answers file", True)
    assert reasons["old.yml"] == ("it is a directory, not an answers file", True)
    assert "symbolic link to nowhere" in reasons["gone.yaml"][0]
    assert "notes.md" not in reasons


def test_own_json_report_in_the_folder_is_skipped_with_a_notice(invoke: Invoke, tmp_path: Path) -> None:
    folder = _class(tmp_path)
    first = invoke("team", str(folder), "--json", "-o", str(folder / "team.json"))
    assert first.exit_code == 0, first.stderr
    again = invoke("team", str(folder), "--json", "-o", str(folder / "team.json"))
    assert again.exit_code == 0, again.stderr
    assert "Skipped" in again.stderr and "team.json" in again.stderr
    assert "report mlcareer wrote" in again.stderr
    assert len(json.loads((folder / "team.json").read_text())["people"]) == 3
    named = invoke("team", str(folder / "ana.yaml"), str(folder / "team.json"))
    assert named.exit_code == 1
    assert "cannot read" in named.stderr and "not an answers file" in named.stderr


def test_team_counts_a_folder_named_twice_once(invoke: Invoke, tmp_path: Path) -> None:
    folder = _class(tmp_path)
    result = invoke("team", str(folder), f"{folder}/", str(folder / ".." / "class"), "--json")
    assert result.exit_code == 0, result.stderr
    assert [p["name"] for p in json.loads(result.stdout)["people"]] == ["Ana", "Ben", "Cho"]


def test_a_newline_in_a_name_cannot_add_a_row(invoke: Invoke, tmp_path: Path) -> None:
    folder = _class(tmp_path)
    text = (folder / "ana.yaml").read_text().replace("name: Ana", 'name: "Ana\\n| Fake | 4 | 4 |"')
    assert text != (folder / "ana.yaml").read_text()
    (folder / "ana.yaml").write_text(text)
    nameless = (TEAM / "ben.yaml").read_text().replace("name: Ben\n", "")
    (folder / "ben\nFake row.yaml").write_text(nameless)  # named by the file, then
    (folder / "ben.yaml").unlink()
    plain = invoke("team", str(folder))
    assert plain.exit_code == 0, plain.stderr
    assert "Ana\\n| Fake" in plain.stdout and "ben\\nFake row" in plain.stdout
    assert not any(line.lstrip().startswith(("| Fake", "Fake row")) for line in plain.stdout.splitlines())
    markdown = invoke("team", str(folder), "--format", "markdown")
    rows = [line for line in markdown.stdout.splitlines() if line.startswith("|")]
    assert not any(line.startswith("| Fake") for line in rows)


def test_fifo_in_a_folder_is_named_and_the_others_shown(invoke: Invoke, tmp_path: Path) -> None:
    folder = _class(tmp_path)
    os.mkfifo(folder / "dan.yaml")
    result = invoke("team", str(folder), "--json")
    assert result.exit_code == 1
    assert "dan.yaml: it is a named pipe (FIFO)" in result.stderr
    doc = json.loads(result.stdout)
    assert len(doc["people"]) == 3
    assert any("dan.yaml" in p["file"] for p in doc["problems"])


def test_non_utf8_file_names_are_valid_json(invoke: Invoke, tmp_path: Path) -> None:
    folder = _class(tmp_path)
    odd = os.fsdecode(os.path.join(os.fsencode(folder), b"d\xffn.yaml"))
    shutil.copy(TEAM / "ben.yaml", odd)
    (folder / "ben.yaml").unlink()
    result = invoke("team", str(folder), "--json")
    assert result.exit_code == 0, result.stderr
    files = [p["file"] for p in json.loads(result.stdout)["people"]]
    assert any(f.endswith("d\\xffn.yaml") for f in files), files
    assert all(f.encode("utf-8") for f in files)  # no lone surrogate: strict UTF-8 encodes it
    result.stdout.encode("utf-8")


@pytest.mark.parametrize("case", ["long-file", "long-dir-entry"])
def test_team_with_a_256_byte_name_is_one_line_exit_1(invoke: Invoke, tmp_path: Path, case: str) -> None:
    path = tmp_path / LONG if case == "long-file" else tmp_path / LONG / "ana.yaml"
    result = invoke("team", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot read ") and "name is too long" in result.stderr
    assert "Traceback" not in result.stderr


def _run_as_nobody(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLCAREER_")}
    env.update(MLCAREER_HOME=str(home), XDG_CACHE_HOME=str(home / "cache"), NO_COLOR="1",
               MLCAREER_PAGER="cat", PYTHONPATH=str(REPO / "src"))  # fmt: skip
    argv = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--",
            sys.executable, "-m", "mlcareer", *args]  # fmt: skip
    return subprocess.run(argv, capture_output=True, text=True, env=env, cwd=cwd, timeout=60,
                          stdin=subprocess.DEVNULL)  # fmt: skip


@as_other_user
def test_team_on_folders_nobody_can_search_or_list(world: Path) -> None:
    home = world / "home"
    home.mkdir(mode=0o777)
    home.chmod(0o777)
    folder = _class(world)
    folder.chmod(0o755)
    for f in folder.iterdir():
        f.chmod(0o644)
    shut = world / "shut"  # no search permission: its files cannot even be looked at
    shutil.copytree(folder, shut)
    shut.chmod(0o600)
    unlisted = world / "unlisted"  # search but no read: cannot be listed
    shutil.copytree(folder, unlisted)
    unlisted.chmod(0o311)
    private = folder / "dan.yaml"
    shutil.copy(TEAM / "ana.yaml", private)
    private.chmod(0o600)
    result = _run_as_nobody("team", str(folder), str(shut), str(shut / "ana.yaml"), str(unlisted),
                            "--json", cwd=world, home=home)  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    err = result.stderr
    denied = "permission denied (a directory on its path cannot be searched)"
    assert f"cannot read {shut / 'ana.yaml'}: {denied}" in err
    assert f"cannot read {unlisted}: permission denied (it cannot be listed)" in err
    assert "cannot read class/dan.yaml: permission denied" in err
    assert len(json.loads(result.stdout)["people"]) == 3  # the readable ones are still shown


@as_other_user
def test_template_output_into_a_folder_nobody_can_search(world: Path) -> None:
    home = world / "home"
    home.mkdir()
    home.chmod(0o777)
    shut = world / "shut"
    shut.mkdir(mode=0o700)
    for target in (shut / "t.yaml", world / LONG, world / LONG / "t.yaml"):
        result = _run_as_nobody("quiz", "--template", "-o", str(target), cwd=world, home=home)
        assert result.returncode == 1, result.stderr
        assert result.stderr.startswith("Error: cannot write "), result.stderr
        assert "Traceback" not in result.stderr


def test_examine_raises_path_error_with_errno(tmp_path: Path) -> None:
    with pytest.raises(PathError) as caught:
        examine(tmp_path / LONG)
    assert caught.value.errno == errno.ENAMETOOLONG
