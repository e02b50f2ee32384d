"""The completion fast path answers exactly as Typer does, or leaves the answer to Typer.

Every request below is sent both to Typer (in-process, as its bash, zsh and fish scripts send
it) and to ``mlcareer.fastcomplete``; wherever the fast path answers, the two must be equal.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
import typer.testing
from typer.testing import CliRunner

from mlcareer import fastcomplete
from mlcareer.cli import app
from mlcareer.cli.complete import complete_role, complete_skill
from mlcareer.cli.index import record_index
from mlcareer.pack import cache
from mlcareer.pack.catalog import RawDirectory, load, load_catalog, read_directory, shipped_data_dir
from tests.conftest import Invoke

SHELLS = ("bash", "zsh", "fish")


def _index(directory: Path) -> None:
    """Write the id index for a directory, as a full run does."""
    raw = read_directory(directory)
    assert isinstance(raw, RawDirectory)
    key = cache.key(raw.extras, raw.files)
    assert key is not None
    load.cache_clear()
    record_index(directory, key, load_catalog(directory), typer.main.get_command(app))


def _env(shell: str, line: str, fish_action: str = "get-args") -> dict[str, str]:
    if shell == "bash":
        words = line.split(" ")
        return {"_MLCAREER_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    env = {"_MLCAREER_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": line}
    if shell == "fish":
        env["_TYPER_COMPLETE_FISH_ACTION"] = fish_action
    return env


def _compare(runner: CliRunner, env: dict[str, str]) -> bool:
    """Assert the fast path agrees with Typer; return whether it answered at all."""
    fast = fastcomplete.answer({**os.environ, **env})
    typer_says = runner.invoke(app, [], env=env, catch_exceptions=False)
    if fast is None:
        return False
    assert fast == (typer_says.stdout, typer_says.exit_code), env
    return True


# Requests the fast path must answer itself (the common Tab presses), for every shell.
ANSWERED = [
    "mlcareer role ml",
    "mlcareer role ",
    "mlcareer role zzz",
    "mlcareer role --json ml",
    "mlcareer role --section skills d",
    "mlcareer role -s skills d",
    "mlcareer role --section=skills d",
    "mlcareer compare ml-engineer data-",
    "mlcareer compare ",
    "mlcareer skill prog",
    "mlcareer skill deep",
    "mlcareer skill ",
    "mlcareer path --from ml",
    "mlcareer path --to chief",
    "mlcareer path --from ml-engineer --to ",
    "mlcareer path --to --from ml",
    "mlcareer salary --role lead",
    "mlcareer salary -r lead",
    "mlcareer salary --level senior --role ",
    "mlcareer quiz --role nlp",
    "mlcareer quiz --quick --no-save -r ",
]

# Requests left to Typer: option names, enum values, paths, commands, anything unusual.
LEFT = [
    "mlcareer ",
    "mlcareer ro",
    "mlcareer role --",
    "mlcareer role --section s",
    "mlcareer role ml-engineer --format mark",
    "mlcareer role ml-engineer ",
    "mlcareer role -- ml",
    "mlcareer roles --level ",
    "mlcareer validate ",
    "mlcareer --version role ml",
    "mlcareer --data-dir ",
    "mlcareer path --from=ml",
    "mlcareer role --output ",
]


@pytest.mark.slow
@pytest.mark.parametrize("shell", SHELLS)
def test_fast_path_answers_common_requests_as_typer_does(runner: CliRunner, shell: str) -> None:
    _index(shipped_data_dir())
    for line in ANSWERED:
        assert _compare(runner, _env(shell, line)), f"fast path declined {line!r} in {shell}"
    for line in LEFT:
        assert fastcomplete.answer({**os.environ, **_env(shell, line)}) is None, line
        _compare(runner, _env(shell, line))


def test_fish_is_args_agrees(runner: CliRunner) -> None:
    _index(shipped_data_dir())
    for line in ("mlcareer role ml", "mlcareer role zzz", "mlcareer skill "):
        assert _compare(runner, _env("fish", line, "is-args"))


def test_data_dir_from_the_line_and_the_environment(runner: CliRunner, mini_dir: Path) -> None:
    _index(mini_dir)
    for shell in SHELLS:
        assert _compare(runner, _env(shell, f"mlcareer --data-dir {mini_dir} role "))
        assert _compare(runner, _env(shell, f"mlcareer --data-dir={mini_dir} skill "))
        env = {**_env(shell, "mlcareer role "), "MLCAREER_DATA_DIR": str(mini_dir)}
        assert _compare(runner, env)


def test_a_stale_or_damaged_index_is_never_used(runner: CliRunner, mini_dir: Path) -> None:
    _index(mini_dir)
    env = _env("bash", f"mlcareer --data-dir {mini_dir} role ")
    assert fastcomplete.answer({**os.environ, **env}) is not None
    roles = mini_dir / "roles.yaml"
    roles.write_text(roles.read_text().replace("id: engineer\n", "id: staff-engineer\n", 1))
    assert fastcomplete.answer({**os.environ, **env}) is None  # the files changed: not proved current
    (mini_dir / "extra.yaml").write_text("x: 1\n")
    assert fastcomplete.answer({**os.environ, **env}) is None
    (mini_dir / "extra.yaml").unlink()
    roles.write_text(roles.read_text().replace("id: staff-engineer\n", "id: engineer\n", 1))
    assert fastcomplete.answer({**os.environ, **env}) is not None
    found = fastcomplete.index_path(str(mini_dir))
    assert found is not None
    index = Path(found)
    index.write_bytes(index.read_bytes().replace(b"vision-engineer", b"vision-engineeR"))
    assert fastcomplete.answer({**os.environ, **env}) is None


def test_typer_fallback_writes_the_index(runner: CliRunner, mini_dir: Path) -> None:
    env = _env("bash", f"mlcareer --data-dir {mini_dir} role ")
    assert fastcomplete.answer({**os.environ, **env}) is None
    load.cache_clear()
    runner.invoke(app, [], env=env)
    assert _compare(runner, env)


@pytest.mark.parametrize(
    "title",
    [
        "[/red]Eng\\x1b[2Jineer",
        "Lead: ML",
        'The "Best" Engineer\'s $HOME `id`',
        "Ingénieur",
        "A very long title " * 6,
        "Tab\tand  spaces",
    ],
)
def test_unusual_titles_are_answered_identically_or_left_to_typer(
    runner: CliRunner, mini_dir: Path, title: str
) -> None:
    roles = mini_dir / "roles.yaml"
    roles.write_text(roles.read_text().replace("title: Engineer\n", f"title: {json.dumps(title)}\n"))
    _index(mini_dir)
    for shell in SHELLS:
        _compare(runner, _env(shell, f"mlcareer --data-dir {mini_dir} role eng"))


@pytest.mark.slow
def test_random_requests_agree_with_typer(
    runner: CliRunner, mini_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _index(shipped_data_dir())
    _index(mini_dir)
    # Typer's runner builds the group anew for every request (tens of ms): build it once.
    group = typer.main.get_command(app)
    monkeypatch.setattr(typer.testing, "_get_command", lambda typer_app: group)
    words = [
        "role", "roles", "compare", "skill", "skills", "path", "salary", "quiz", "history", "validate",
        "ml-engineer", "data", "--section", "-s", "skills", "--format", "-f", "json", "--json", "-h",
        "--help", "--from", "--to", "--role", "-r", "--level", "senior", "--output", "-o", "out.txt",
        "--quick", "--no-save", "--", "-", "--section=skills", "--from=ml-engineer", "-sskills",
        "--data-dir", f"--data-dir={mini_dir}", str(mini_dir), "--version", "--bogus",
    ]  # fmt: skip
    incompletes = ["", "ml", "d", "chief", "deep", "prog", "-", "--f", "--from=ml", "zzz", "eng"]
    plausible = [
        "--json", "-h", "--section skills", "-s summary", "--format json", "--from ml-engineer", "--to",
        "--role", "-r", "--level senior", "ml-engineer", "--quick", "--no-save", "--output out.txt",
        "--from", "--section", "data-scientist",
    ]  # fmt: skip
    recorded = fastcomplete.read_grammar()
    assert recorded is not None
    grammar = recorded[1]
    rng = random.Random(14)
    answered = 0
    for _ in range(400):
        if rng.random() < 0.3:
            args = [rng.choice(words) for _ in range(rng.randint(0, 4))]
        elif rng.random() < 0.3:
            args = [rng.choice(["role", "compare", "skill", "path", "salary", "quiz"])]
            args += [rng.choice(plausible) for _ in range(rng.randint(0, 3))]
        else:  # most real requests name a command, then words that command takes
            command = rng.choice(sorted(grammar))
            _, values, flags = grammar[command]
            sensible = [*sorted(flags), *(f"{o} x" for o in sorted(values)), *sorted(values), "ml-engineer"]
            args = [command, *(rng.choice(sensible) for _ in range(rng.randint(0, 3)))]
        if rng.random() < 0.2:
            args[:0] = rng.choice([["--data-dir", str(mini_dir)], [f"--data-dir={mini_dir}"], ["--version"]])
        line = " ".join(["mlcareer", *args, rng.choice(incompletes)]).replace("  ", " ")
        answered += _compare(runner, _env(rng.choice(SHELLS), line))
    assert answered > 40  # the comparison means something only if the fast path answers


@pytest.mark.usefixtures("without_shipped")
def test_a_full_run_records_the_grammar_of_the_click_tree(invoke: Invoke, mini_dir: Path) -> None:
    """The grammar the fast path reads is recorded by a full run from the commands Typer builds
    (where no shipped recording is usable), for every command that completes ids; this derives
    it again, by another road, and compares."""
    assert fastcomplete.read_grammar() is None  # a fresh cache
    ran = invoke("--data-dir", str(mini_dir), "roles", "--json")  # builds a catalog: index and grammar
    assert ran.exit_code == 0
    recorded = fastcomplete.read_grammar()
    assert recorded is not None
    group = typer.main.get_command(app)
    ids = {complete_role: "role", complete_skill: "skill"}

    def completes(param: object) -> str | None:
        """The id callback Typer wrapped (in one or more closures) for this parameter, if any."""
        todo = [getattr(param, "_custom_shell_complete", None)]
        while todo:
            function = todo.pop()
            if function in ids:
                return ids[function]
            todo += [
                c.cell_contents
                for c in getattr(function, "__closure__", None) or ()
                if callable(c.cell_contents)
            ]
        return None

    group_values = [o for p in group.params if not getattr(p, "is_flag", True) for o in p.opts]
    assert tuple(group_values) == recorded[0] == ("--data-dir",)
    derived = {}
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        if hasattr(command, "commands"):
            continue  # a command with subcommands (history) is Typer's
        ctx = group.make_context("mlcareer", [name], resilient_parsing=True)
        params = command.get_params(ctx)
        arguments = tuple(completes(p) for p in params if p.param_type_name == "argument")
        options = [p for p in params if p.param_type_name == "option"]
        values = {o: completes(p) for p in options if not p.is_flag for o in p.opts}
        flags = frozenset(o for p in options if p.is_flag for o in p.opts)
        if not all(p.nargs == 1 and not getattr(p, "multiple", False) for p in params):
            assert name not in recorded[1]  # variadic commands (team FILE...) are Typer's
            continue
        if "role" in arguments or "skill" in arguments or set(values.values()) - {None}:
            derived[name] = (arguments, values, flags)
    assert derived == recorded[1]
    assert {"role", "compare", "skill", "path", "salary", "quiz"} <= set(derived)  # plan repeats --done


def test_a_grammar_recorded_from_other_commands_is_never_used(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    _index(shipped_data_dir())
    env = _env("bash", "mlcareer role ml")
    assert fastcomplete.answer({**os.environ, **env}) is not None
    monkeypatch.setattr("mlcareer.pack.fastindex.code_key", lambda: "other command modules")
    assert fastcomplete.read_grammar() is None
    assert fastcomplete.answer({**os.environ, **env}) is None  # Typer answers
    _compare(runner, env)


def test_key_and_names_match_the_cache(mini_dir: Path, tmp_path: Path) -> None:
    (mini_dir / "notes.yml").write_text("")
    (mini_dir / "quiz.yaml").unlink(missing_ok=True)
    for directory in (shipped_data_dir(), mini_dir):
        raw = read_directory(directory)
        assert isinstance(raw, RawDirectory)
        assert fastcomplete.data_key(str(directory)) == cache.key(raw.extras, raw.files)
        where, found = cache.cache_dir(), fastcomplete.index_path(str(directory))
        assert where is not None and found is not None
        entry = cache._entry(where, directory)
        index = Path(found)
        assert index.parent == entry.parent and index.name == entry.name.replace(".json", ".ids")


@pytest.mark.slow
def test_console_script_answers_before_typer_loads(tmp_path: Path) -> None:
    """In a real process: the fast answer, with no Typer, pydantic or Rich imported."""
    env = {
        **os.environ,
        "MLCAREER_CACHE_DIR": str(tmp_path),
        "_MLCAREER_COMPLETE": "complete_zsh",
        "_TYPER_COMPLETE_ARGS": "mlcareer role ml",
    }
    env.pop("TERMINAL_WIDTH", None)
    via_typer = [sys.executable, "-c", "from mlcareer.cli import main; main()"]
    slow = subprocess.run(via_typer, env=env, capture_output=True, text=True, check=True)  # writes the index
    probe = (
        "import sys, runpy; sys.argv = ['mlcareer']\n"
        "try:\n    runpy.run_module('mlcareer', run_name='__main__')\n"
        "except SystemExit as e:\n"
        "    assert not {'typer', 'pydantic', 'rich'} & set(sys.modules), sorted(sys.modules)\n"
        "    raise\n"
    )
    fast = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert fast.returncode == 0, fast.stderr
    assert fast.stdout == slow.stdout and '"ml-engineer":"Machine Learning Engineer"' in fast.stdout
