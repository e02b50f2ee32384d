"""Shell completion: the callbacks, and real completion requests as bash, zsh and fish send them."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
import typer.main
from typer.testing import CliRunner, Result

from mlcareer.cli import app
from mlcareer.cli.complete import complete_role, complete_skill


def _context(*args: str) -> typer.Context:
    """The context Typer hands a completion callback after parsing ``args`` (as in `mlcareer ARGS role`)."""
    group = typer.main.get_command(app)
    ctx = group.make_context("mlcareer", [*args, "role"], resilient_parsing=True)
    return typer.Context(group.commands["role"], parent=ctx, info_name="role")  # type: ignore[attr-defined]


def _bash(runner: CliRunner, line: str, env: dict[str, str] | None = None) -> Result:
    """Complete the last word of ``line`` the way Typer's bash script asks."""
    words = line.split(" ")
    full = {"_MLCAREER_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    return runner.invoke(app, [], env={**full, **(env or {})}, catch_exceptions=False)


def test_role_callback_offers_matching_ids_with_titles() -> None:
    offered = complete_role(_context(), "ml")
    assert ("ml-engineer", "Machine Learning Engineer") in offered
    assert [value for value, _ in offered] == ["ml-engineer", "ml-infrastructure-engineer"]
    everything = complete_role(_context(), "")
    assert len(everything) == 24 and ("data-scientist", "Data Scientist") in everything


def test_skill_callback_offers_matching_ids_with_names() -> None:
    assert complete_skill(_context(), "deep") == [
        ("deep-learning", "Deep learning and neural networks (TensorFlow, PyTorch)")
    ]
    assert [value for value, _ in complete_skill(_context(), "model-")] == [
        "model-training",
        "model-deployment",
        "model-evaluation",
    ]


def test_callbacks_follow_the_data_dir(mini_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert [v for v, _ in complete_role(_context("--data-dir", str(mini_dir)), "")] == [
        "junior-engineer",
        "engineer",
        "vision-engineer",
    ]
    monkeypatch.setenv("MLCAREER_DATA_DIR", str(mini_dir))
    assert [v for v, _ in complete_skill(_context(), "")] == ["programming", "statistics", "communication"]


def test_callbacks_complete_nothing_on_broken_data(mini_dir: Path, tmp_path: Path) -> None:
    (mini_dir / "roles.yaml").write_text("roles: [\n")
    assert complete_role(_context("--data-dir", str(mini_dir)), "") == []
    assert complete_skill(_context("--data-dir", str(tmp_path / "missing")), "") == []


def test_help_text_cannot_inject_markup_or_lines(mini_dir: Path) -> None:
    roles = mini_dir / "roles.yaml"
    roles.write_text(roles.read_text().replace("title: Engineer\n", 'title: "[/red]Eng\\n\\x1b[2Jineer"\n'))
    offered = dict(complete_role(_context("--data-dir", str(mini_dir)), "eng"))
    assert offered == {"engineer": "\\[/red]Eng \\x1b[2Jineer"}  # the ESC is visible, never sent


def test_bash_completion_of_role_ml(runner: CliRunner) -> None:
    result = _bash(runner, "mlcareer role ml")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split() == ["ml-engineer", "ml-infrastructure-engineer"]


def test_bash_completion_of_compare_both_arguments(runner: CliRunner) -> None:
    assert "ml-engineer" in _bash(runner, "mlcareer compare ml").stdout.split()
    assert _bash(runner, "mlcareer compare ml-engineer data-").stdout.split() == ["data-scientist"]


def test_bash_completion_of_skill_and_enums(runner: CliRunner) -> None:
    assert _bash(runner, "mlcareer skill prog").stdout.split() == ["programming"]
    assert _bash(runner, "mlcareer role ml-engineer --section s").stdout.split() == [
        "summary",
        "skills",
        "salary",
        "sources",
    ]
    assert _bash(runner, "mlcareer roles --level ").stdout.split() == [
        "entry",
        "mid",
        "senior",
        "executive",
        "junior",
    ]
    assert {"skills", "skill"} <= set(_bash(runner, "mlcareer sk").stdout.split())


def test_bash_completion_reads_data_dir_and_survives_a_broken_one(runner: CliRunner, mini_dir: Path) -> None:
    assert _bash(runner, f"mlcareer --data-dir {mini_dir} role ").stdout.split() == [
        "junior-engineer",
        "engineer",
        "vision-engineer",
    ]
    assert _bash(runner, "mlcareer role ", env={"MLCAREER_DATA_DIR": str(mini_dir)}).stdout.split()[0] == (
        "junior-engineer"
    )
    (mini_dir / "skills.yaml").write_text("skills: [\n")
    broken = _bash(runner, f"mlcareer --data-dir {mini_dir} role ml")
    assert broken.exit_code == 0 and broken.stdout.strip() == "" and "Traceback" not in broken.stderr


def test_zsh_and_fish_completion_show_titles(runner: CliRunner) -> None:
    zsh = runner.invoke(
        app, [], env={"_MLCAREER_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "mlcareer role ml"}
    )
    assert '"ml-engineer":"Machine Learning Engineer"' in zsh.stdout
    fish = runner.invoke(
        app,
        [],
        env={
            "_MLCAREER_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            "_TYPER_COMPLETE_ARGS": "mlcareer skill deep",
        },
    )
    assert fish.stdout.strip() == "deep-learning\tDeep learning and neural networks (TensorFlow, PyTorch)"


def test_show_completion_prints_a_script(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    # Typer detects the shell from the process tree (shellingham), which a test run does not
    # control (CI has no interactive shell): the test says which shell the user runs.
    import typer.completion

    monkeypatch.setattr(typer.completion, "_get_shell_name", lambda: "bash")
    result = runner.invoke(app, ["--show-completion"])
    assert result.exit_code == 0, (result.stderr, result.exception)
    assert "_MLCAREER_COMPLETE=complete_bash" in result.stdout


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("mlcareer path --from ml", ["ml-engineer", "ml-infrastructure-engineer"]),
        ("mlcareer path --to chief", ["chief-data-officer", "chief-technology-officer"]),
        ("mlcareer salary --role lead", ["lead-ml-engineer"]),
        ("mlcareer quiz --role nlp", ["nlp-engineer"]),
        ("mlcareer role mle --format mark", ["markdown"]),
    ],
)
def test_role_options_complete_everywhere(runner: CliRunner, line: str, expected: list[str]) -> None:
    assert _bash(runner, line).stdout.split() == expected
