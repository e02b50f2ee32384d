"""The wheel: built, installed into a fresh venv, run from a directory outside the repo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import REPO, once_per_run

pytestmark = pytest.mark.slow


def _install(root: Path) -> Path:
    """The bin directory of a fresh venv in ``root`` with the freshly built wheel installed."""
    dist = root / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(REPO)],
        check=True,
        cwd=root,
    )
    wheels = list(dist.glob("mlcareer-*.whl"))
    assert len(wheels) == 1
    env_dir = root / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheels[0])], check=True, cwd=root
    )
    return bin_dir


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built and installed once per test run."""
    return once_per_run(tmp_path_factory, "wheel", _install)


def _run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLCAREER_")}
    env.update(NO_COLOR="1", COLUMNS="80", MLCAREER_HOME=str(cwd / "home"))
    return subprocess.run(
        [str(bin_dir / "mlcareer"), *args], capture_output=True, text=True, cwd=cwd, env=env
    )


def test_wheel_ships_the_data(installed: Path, tmp_path: Path) -> None:
    result = _run(installed, "role", "ml-engineer", "--full", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Machine Learning Engineer" in result.stdout
    assert "Sources" in result.stdout


def test_wheel_commands_from_outside_the_repo(installed: Path, tmp_path: Path) -> None:
    assert _run(installed, "role", "ML Engineer", cwd=tmp_path).returncode == 0
    assert _run(installed, "roles", cwd=tmp_path).returncode == 0
    assert _run(installed, "compare", "ml-engineer", "data-scientist", cwd=tmp_path).returncode == 0
    checked = _run(installed, "validate", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    data = json.loads(_run(installed, "role", "mle", "--json", cwd=tmp_path).stdout)
    assert data["role"]["id"] == "ml-engineer"
    typo = _run(installed, "role", "ml-enginer", cwd=tmp_path)
    assert typo.returncode == 1 and "ml-engineer" in typo.stderr


def test_python_dash_m(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(installed / "python"), "-m", "mlcareer", "roles", "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["roles"]


def test_wheel_quiz_and_history(installed: Path, tmp_path: Path) -> None:
    template = _run(installed, "quiz", "--template", cwd=tmp_path)
    assert template.returncode == 0, template.stderr
    answers = tmp_path / "answers.yaml"
    filled = template.stdout.replace(":\n", ": 2\n").replace("name: 2", "name: Wheel")
    answers.write_text(filled, encoding="utf-8")
    result = _run(installed, "quiz", "--answers", str(answers), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["readiness"]["percent"] is not None
    listed = json.loads(_run(installed, "history", "--json", cwd=tmp_path).stdout)["results"]
    assert len(listed) == 1
    assert (tmp_path / "home" / "history.sqlite3").exists()


def test_the_first_run_of_an_install_is_parsed_before_typer_loads(installed: Path, tmp_path: Path) -> None:
    """The wheel ships the command line's recording (``mlcareer/recording.json``), made for the
    typer it installs: the very first run, with an empty cache, is parsed without Typer."""
    probe = (
        "import sys; sys.argv = ['mlcareer', 'role', 'ml-engineer']\n"
        "from mlcareer.__main__ import main\n"
        "try:\n    main()\nfinally:\n    sys.stderr.write('TYPER ' + str('typer' in sys.modules))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLCAREER_")}
    env.update(NO_COLOR="1", MLCAREER_HOME=str(tmp_path / "home"), MLCAREER_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run(
        [str(installed / "python"), "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.endswith("TYPER False"), done.stderr
    assert "Machine Learning Engineer" in done.stdout
    assert not list((tmp_path / "cache").glob("grammar-*.json"))  # nothing needed recording
