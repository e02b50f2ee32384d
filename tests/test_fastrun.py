"""The command line's fast path (``mlcareer.fastrun``) agrees with Typer on every command line.

What the fast path parses is recorded from the real Click commands (``cli.runspec``). On random
command lines, each one the fast path takes must be one that Typer takes too, calling the same
function with the same values (compared by value and by type); anything else, errors included,
is left to Typer, which then says what it says. In real processes, the output, the errors and the
exit code are the same byte for byte, and a parsed run loads no Typer or Click.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
import typer.testing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from mlcareer import fastrun
from mlcareer.cli import app
from mlcareer.cli.index import recording_of
from mlcareer.cli.runspec import run_spec
from mlcareer.commands.state import fresh_state
from mlcareer.files import fresh_run
from mlcareer.formats import resolve
from mlcareer.pack import fastindex
from tests.conftest import WITHOUT_SHIPPED

REPO = Path(__file__).parent.parent
EXAMPLES = REPO / "examples"
ANSWERS = str(EXAMPLES / "answers.yaml")
TEAM = sorted(str(p) for p in (EXAMPLES / "team").glob("*.yaml"))
#: Random words of a command line: any text but NUL, which no argument of a real process holds.
ARG_TEXT = st.text(st.characters(blacklist_characters="\x00"), max_size=6)


@pytest.fixture(scope="module")
def group() -> Any:
    """The program's Click group, built once: Typer parses every command line below with it."""
    return typer.main.get_command(app)


@pytest.fixture(scope="module")
def spec(group: Any) -> dict[str, Any]:
    return run_spec(group)


def test_the_read_commands_are_recorded_with_their_work(spec: dict[str, Any]) -> None:
    """Every read command that the benchmark times is parsed by the fast path, each with a
    function of mlcareer.commands; a command with subcommands stays with Typer."""
    expected = {"role", "roles", "compare", "salary", "path", "skill", "skills", "quiz", "plan", "team"}
    assert expected <= set(spec["commands"])
    assert "history" not in spec["commands"]
    for name, command in spec["commands"].items():
        assert command["body"].startswith("mlcareer.commands."), name
        assert callable(resolve(command["body"]))
    assert [p["name"] for p in spec["group"]] == ["data_dir", "no_pager"]
    json.dumps(spec)  # it is stored as JSON


def _words(spec: dict[str, Any], tmp: Path) -> list[str]:
    """The vocabulary random command lines are made of: every recorded option string, the
    words that must go to Typer, and values good and bad for each kind of parameter."""
    options = {o for c in spec["commands"].values() for p in c["params"] for o in p["opts"]}
    options |= {o for p in spec["group"] for o in p["opts"]}
    awkward = ["--help", "-h", "--", "--version", "--json=1", "-sskills", "--format=json", "--level=senior"]
    awkward += ["--data-dir=" + str(tmp / "nowhere"), "--nope", "-", "", "-1", "--answers=-"]
    values = ["ml-engineer", "ML Engineer", "MLE", "data-scientist", "nobody", "python", "senior", "SENIOR"]
    values += ["junior", "bogus", "json", "JSON", "markdown", "html", "mermaid", "skills", "Pay", "bls"]
    values += ["3", "0", "x", "out/", str(tmp / "out.md"), ANSWERS, str(EXAMPLES / "team"), *TEAM[:2]]
    values += [str(tmp / "missing.yaml"), "USD", "model-training", "junior-ml-engineer"]
    return sorted(options) + awkward + values + sorted(spec["commands"]) + ["quiz", "history", "validate"]


class Calls:
    """What Typer passed to the group's callback and to the command's work, in one run."""

    def __init__(self, group: Any) -> None:
        self.group = group  # what parses: the program's Click group
        self.program: dict[str, Any] | None = None
        self.given: dict[str, Any] | None = None


@pytest.fixture
def typer_calls(monkeypatch: pytest.MonkeyPatch, spec: dict[str, Any], group: Any) -> Iterator[Calls]:
    """Replace the group's callback's work and every command's work with a recorder."""
    calls = Calls(group)
    # Typer's runner builds the group anew for every command line (tens of ms): use the one built.
    monkeypatch.setattr(typer.testing, "_get_command", lambda typer_app: group)

    def keep_program(**values: Any) -> None:
        calls.program = values

    monkeypatch.setattr(sys.modules["mlcareer.cli.app"], "apply", keep_program)
    for command in spec["commands"].values():
        module, _, function = command["body"].partition(":")

        def keep(*args: Any, **values: Any) -> None:
            assert not args, "every value goes by name"
            calls.given = values

        monkeypatch.setattr(importlib.import_module(module), function, keep)
    yield calls


def _fast(spec: dict[str, Any], argv: list[str]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """What the fast path would call: the program's values and the command's, or None (Typer's)."""
    parsed = fastrun.parse(argv, spec)
    if parsed is None:
        return None
    with fresh_state(), fresh_run():
        try:
            return fastrun.values(parsed.group, parsed.program), fastrun.values(
                parsed.command["params"], parsed.given
            )
        except Exception:
            return None


def _typed(values: dict[str, Any]) -> dict[str, tuple[type, Any]]:
    def typed(value: Any) -> Any:
        if isinstance(value, list):
            return [typed(v) for v in value]
        return (type(value), value)

    return {k: typed(v) for k, v in values.items()}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_command_lines_parse_as_typer_parses_them(
    data: st.DataObject, spec: dict[str, Any], typer_calls: Calls, tmp_path: Path
) -> None:
    """Every command line the fast path takes, Typer takes too, with the same values."""
    words = _words(spec, tmp_path)
    command = data.draw(st.sampled_from([*sorted(spec["commands"]), "quiz", "validate", "--no-pager"]))
    rest = data.draw(st.lists(st.one_of(st.sampled_from(words), ARG_TEXT), max_size=7))
    argv = [command, *rest] if data.draw(st.booleans()) else [*rest[:2], command, *rest[2:]]
    _agrees(argv, spec, typer_calls)


def _agrees(argv: list[str], spec: dict[str, Any], typer_calls: Calls) -> None:
    """If the fast path takes ``argv``, Typer takes it too and passes the very same values."""
    fast = _fast(spec, argv)
    if fast is None:
        return  # Typer parses it, and says what is wrong if anything is
    typer_calls.program = typer_calls.given = None
    result = CliRunner().invoke(app, argv, catch_exceptions=False)
    assert result.exit_code == 0, (argv, result.output)
    assert typer_calls.program is not None and typer_calls.given is not None, argv
    assert _typed(typer_calls.program) == _typed(fast[0]), argv
    assert _typed(typer_calls.given) == _typed(fast[1]), argv


@st.composite
def well_formed(draw: st.DrawFn, spec: dict[str, Any], words: list[str]) -> list[str]:
    """A command line made of one recorded command's own parameters (and the program's), each
    given a value from the vocabulary or random text, in any order and spelling."""
    name = draw(st.sampled_from(sorted(spec["commands"])))
    params = [*spec["commands"][name]["params"], *spec["group"]]
    plain = [w for w in words if not w.startswith("-")]
    value = st.one_of(st.sampled_from(plain), st.sampled_from(["-", "--json", "-x"]), ARG_TEXT)
    required = [p for p in params if p["required"]]
    chosen = draw(st.lists(st.sampled_from(params), max_size=5, unique_by=lambda p: str(p["name"])))
    pieces: list[list[str]] = []
    for param in [*required, *(p for p in chosen if not p["required"])]:
        if param["kind"] == "argument":
            pieces.append([draw(value)])
        elif param["kind"] == "flag":
            pieces.append([draw(st.sampled_from(param["opts"]))])
        else:
            option, text = draw(st.sampled_from(param["opts"])), draw(value)
            glued = option.startswith("--") and draw(st.booleans())
            pieces.append([f"{option}={text}"] if glued else [option, text])
    order = draw(st.permutations(pieces))
    return [name, *(word for piece in order for word in piece)]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_well_formed_command_lines_parse_as_typer_parses_them(
    data: st.DataObject, spec: dict[str, Any], typer_calls: Calls, tmp_path: Path
) -> None:
    """Command lines made of a command's own options, most of which the fast path takes."""
    _agrees(data.draw(well_formed(spec, _words(spec, tmp_path))), spec, typer_calls)


@pytest.mark.parametrize(
    "argv",
    [
        ["role", "ml-engineer"],
        ["role", "ml-engineer", "--json"],
        ["role", "--section", "Skills", "ml-engineer", "--no-pager"],
        ["--no-pager", "roles", "--level", "junior"],
        ["roles", "--level=SENIOR", "--search", "data"],
        ["salary", "--level", "senior", "--source", "bls"],
        ["path", "--from", "junior-ml-engineer", "--to", "chief-technology-officer", "-f", "mermaid"],
        ["skill", "python", "-o", "-"],
        ["compare", "ml-engineer", "data-scientist", "--format", "JSON"],
        ["quiz", "--answers", ANSWERS, "--json", "--no-save", "--role", "MLE"],
        ["plan", "--answers", ANSWERS, "--next", "2", "--done", "x", "--done", "y"],
        ["team", *TEAM, "--role", "data-scientist"],
        ["team", str(EXAMPLES / "team"), "--since", str(EXAMPLES / "team-earlier"), "--json"],
    ],
)
def test_common_command_lines_are_taken_and_agree(
    argv: list[str], spec: dict[str, Any], typer_calls: Calls
) -> None:
    """The command lines people type most are parsed by the fast path, as Typer parses them."""
    fast = _fast(spec, argv)
    assert fast is not None, argv
    result = CliRunner().invoke(app, argv, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert _typed(typer_calls.given or {}) == _typed(fast[1])
    assert _typed(typer_calls.program or {}) == _typed(fast[0])


@pytest.mark.parametrize(
    "argv",
    [
        ["role"],  # a missing argument
        ["role", "a", "b"],  # one too many
        ["role", "ml-engineer", "--help"],
        ["role", "ml-engineer", "--", "x"],
        ["role", "ml-engineer", "-sskills"],  # a bundle of short options
        ["role", "ml-engineer", "--section", "nowhere"],  # a reader refuses it
        ["role", "ml-engineer", "--json", "--json"],
        ["roles", "--search", "--json"],  # a value that begins with -
        ["roles", "--level"],
        ["plan", "--next", "0"],  # out of range
        ["plan", "--next", "two"],
        ["history"],
        ["quiz", "--answers"],
        ["--version"],
        [],
    ],
)
def test_what_it_does_not_parse_goes_to_typer(argv: list[str], spec: dict[str, Any]) -> None:
    assert _fast(spec, argv) is None


# ---------------------------------------------------------------- in real processes


def _run(
    argv: list[str], env: dict[str, str], *, typer: bool, shipped: bool = True
) -> tuple[int, str, str, bool]:
    """mlcareer in a real process, through its console entry (the fast path first) or straight to
    Typer: exit code, stdout, stderr, and whether Typer was loaded (``shipped``: with the
    recording shipped with mlcareer usable, as in an install)."""
    entry = "from mlcareer.cli import main as run" if typer else "from mlcareer.__main__ import main as run"
    probe = (
        ("" if shipped else WITHOUT_SHIPPED) + f"import sys; sys.argv = ['mlcareer', *{argv!r}]\n{entry}\n"
        "try:\n    run()\nfinally:\n"
        "    sys.stderr.write('\\nTYPER LOADED' if 'typer' in sys.modules else '')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    loaded = done.stderr.endswith("\nTYPER LOADED")
    return done.returncode, done.stdout, done.stderr.removesuffix("\nTYPER LOADED"), loaded


CASES = [
    ["role", "ml-engineer"],
    ["role", "ml-engineer", "--json"],
    ["roles"],
    ["salary", "--level", "senior"],
    ["path", "--from", "junior-ml-engineer", "--to", "chief-technology-officer"],
    ["skill", "python"],
    ["quiz", "--answers", ANSWERS, "--json", "--no-save"],
    ["plan", "--answers", ANSWERS],
    ["team", *TEAM],
    ["role", "nobody"],  # exit 1, from the work: the fast path reports it as Typer's group does
    ["team", *TEAM, str(EXAMPLES)],  # a folder with no answers in it: the others are still shown
    ["roles", "--level", "nowhere"],  # a reader refuses it: Typer's usage error
    ["role", "ml-engineer", "--help"],
]


@pytest.mark.slow
def test_in_a_real_process_the_fast_path_answers_byte_for_byte_as_typer(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MLCAREER_DATA", "_MLCAREER", "_TYPER"))}
    env |= {"MLCAREER_CACHE_DIR": str(tmp_path / "cache"), "MLCAREER_HOME": str(tmp_path / "home")}
    _run(["roles"], env, typer=True)  # builds the catalog
    for argv in CASES:
        slow = _run(argv, env, typer=True)
        fast = _run(argv, env, typer=False)
        assert fast[:3] == slow[:3], argv
        plain = "--help" not in argv and "nowhere" not in argv
        assert fast[3] is not plain, (argv, "Typer loaded" if fast[3] else "Typer not loaded")


@pytest.mark.slow
def test_a_recording_from_other_code_is_recorded_again_by_the_next_run(tmp_path: Path) -> None:
    """After an upgrade the catalog cache may still be good while the recording is not: the
    run that finds it unusable goes to Typer and records it again, and the next is fast."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MLCAREER_DATA", "_MLCAREER", "_TYPER"))}
    env |= {"MLCAREER_CACHE_DIR": str(tmp_path / "cache"), "MLCAREER_HOME": str(tmp_path / "home")}
    _run(["roles"], env, typer=True, shipped=False)
    (recording,) = (tmp_path / "cache").glob("grammar-*.json")
    data = json.loads(recording.read_text())
    recording.write_text(json.dumps({**data, "key": "made by another version"}))
    first = _run(["roles"], env, typer=False, shipped=False)
    second = _run(["roles"], env, typer=False, shipped=False)
    assert first[0] == second[0] == 0 and first[1] == second[1]
    assert first[3] and not second[3], "Typer loaded once, then not"
    assert json.loads(recording.read_text())["key"] == data["key"]


def test_the_shipped_recording_is_what_the_commands_record_now(group: Any) -> None:
    """mlcareer ships the recording its commands make (``python -m mlcareer.cli.record`` writes
    it): regenerate it after changing a command, an option, a choice or a format. Made for
    another typer than the one installed here, it must not be used at all."""
    shipped = json.loads(Path(fastindex.shipped_path()).read_text(encoding="utf-8"))
    now = recording_of(group)
    if shipped["typer"] == fastindex.typer_stamp():
        assert shipped == now, "run `python -m mlcareer.cli.record` to record the commands again"
        assert fastindex.read_run() == now["run"]  # used, in a fresh cache
    else:
        assert fastindex.read_run() is None  # made for another typer: Typer parses
    parsed = set(shipped["run"]["commands"])
    assert {"role", "roles", "salary", "path", "skill", "quiz", "plan", "team"} <= parsed


@pytest.mark.slow
def test_the_first_run_after_an_install_is_parsed_before_typer_loads(tmp_path: Path) -> None:
    """An empty cache (the first run, or a new user): the shipped recording parses the command
    line, so nothing needs recording, and the answer is Typer's byte for byte."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MLCAREER_DATA", "_MLCAREER", "_TYPER"))}
    env |= {"MLCAREER_HOME": str(tmp_path / "home")}
    fast = _run(["role", "ml-engineer"], {**env, "MLCAREER_CACHE_DIR": str(tmp_path / "one")}, typer=False)
    slow = _run(["role", "ml-engineer"], {**env, "MLCAREER_CACHE_DIR": str(tmp_path / "two")}, typer=True)
    assert fast[:3] == slow[:3] and fast[0] == 0
    assert (fast[3], slow[3]) == (False, True)
    assert not list((tmp_path / "one").glob("grammar-*.json"))
