"""Options that mean one thing, results read back from the history, and errors that show the way out."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from mlcareer.cli import app
from mlcareer.cli.app import hoist_global_options
from mlcareer.history.store import Store
from mlcareer.jsondoc import SCHEMA_VERSION as JSON_SCHEMA_VERSION
from tests.conftest import REPO, WITHOUT_SHIPPED, Invoke

ANSWERS = str(REPO / "examples" / "answers.yaml")
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


# ---------------------------------------------------------------- global options


@pytest.mark.parametrize(
    "args",
    [
        ["--data-dir", "DIR", "roles", "--json"],
        ["roles", "--data-dir", "DIR", "--json"],
        ["roles", "--json", "--data-dir", "DIR"],
        ["roles", "--json", "--data-dir=DIR"],
    ],
)
def test_data_dir_before_or_after_the_command(invoke: Invoke, mini_dir: Path, args: list[str]) -> None:
    args = [a.replace("DIR", str(mini_dir)) for a in args]
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    shipped = json.loads(invoke("roles", "--json").stdout)["roles"]
    assert json.loads(result.stdout)["roles"] != shipped


def test_roles_data_dir_data_works_from_the_repository(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    result = invoke("roles", "--data-dir", "data")
    assert result.exit_code == 0, result.stderr
    assert "ml-engineer" in result.stdout


def test_hoisting_stops_at_the_double_dash_and_leaves_the_rest_alone() -> None:
    options = typer.main.get_command(app).global_options()  # type: ignore[attr-defined]
    assert options == (("--data-dir",), ("--no-pager",))  # read from the group's own options

    def hoist(args: list[str]) -> list[str]:
        return hoist_global_options(args, *options)

    assert hoist(["role", "x", "--no-pager"]) == ["--no-pager", "role", "x"]
    assert hoist(["role", "--", "--no-pager"]) == ["role", "--", "--no-pager"]
    assert hoist(["--data-dir", "d", "roles"]) == ["--data-dir", "d", "roles"]
    assert hoist(["history", "show", "1"]) == ["history", "show", "1"]


def test_data_dir_after_the_command_without_a_value_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("roles", "--data-dir")
    assert result.exit_code == 2
    assert "--data-dir" in result.stderr


# ---------------------------------------------------------------- help


def test_the_table_of_commands_is_the_commands_themselves() -> None:
    """COMMANDS (what help lists without building anything) names every command and its module;
    the one-line help it lists is read from each command's own docstring."""
    import inspect

    from mlcareer.cli.app import COMMANDS, summary

    group = typer.main.get_command(app)
    built = dict(group.commands.items())  # type: ignore[attr-defined]
    assert set(built) == set(COMMANDS)
    callbacks = {
        info.name or typer.main.get_command_name(info.callback.__name__): info.callback
        for info in app.registered_commands
        if info.callback is not None
    }
    for group_info in app.registered_groups:  # a command with subcommands: its callback is the group's
        instance = group_info.typer_instance
        assert instance is not None and instance.registered_callback is not None
        group_callback = instance.registered_callback.callback
        assert group_info.name is not None and group_callback is not None
        callbacks[group_info.name] = group_callback
    for name, callback in callbacks.items():
        assert callback is not None
        assert callback.__module__ == f"mlcareer.cli.{COMMANDS[name]}"
        paragraph = (inspect.getdoc(callback) or "").split("\n\n")[0]
        assert summary(name) == " ".join(paragraph.split())
        for limit in (45, 60, 74, 200):
            listed = group.commands.listing(name)  # type: ignore[attr-defined]
            assert listed.get_short_help_str(limit) == built[name].get_short_help_str(limit)
    assert len(callbacks) == len(COMMANDS)


@pytest.mark.slow
def test_a_run_imports_only_the_command_it_runs(tmp_path: Path) -> None:
    """`mlcareer --help` imports no command module; `mlcareer path` imports only its own.

    With the recording shipped with mlcareer usable, even the first run (an empty cache) imports
    only its own command. Without it (made for another typer), the run that builds the catalog
    records Tab completion's grammar from every command, once, and every later run imports only
    its own command.
    """
    probe = (
        "import sys\n"
        "from mlcareer.cli import main\n"
        "sys.argv = ['mlcareer', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "from mlcareer.cli.app import COMMANDS\n"
        "modules = {f'mlcareer.cli.{m}' for m in COMMANDS.values()}\n"
        "sys.stderr.write('loaded: ' + ' '.join(sorted(modules & set(sys.modules))))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NO_COLOR": "1", "MLCAREER_PAGER": "cat"}
    env["MLCAREER_CACHE_DIR"] = str(tmp_path / "shipped")
    first = subprocess.run([sys.executable, "-c", probe, "roles"], capture_output=True, text=True, env=env)
    assert first.returncode == 0 and first.stderr.endswith("loaded: mlcareer.cli.roles"), first.stderr
    env["MLCAREER_CACHE_DIR"] = str(tmp_path)
    cold = subprocess.run(
        [sys.executable, "-c", WITHOUT_SHIPPED + probe, "roles"], capture_output=True, text=True, env=env
    )
    assert cold.returncode == 0 and "mlcareer.cli.path" in cold.stderr  # every command, for the grammar
    for args, loaded in ((["--help"], ""), ([], ""), (["path"], "mlcareer.cli.path")):
        done = subprocess.run(
            [sys.executable, "-c", WITHOUT_SHIPPED + probe, *args],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        assert done.stderr.endswith(f"loaded: {loaded}"), done.stderr


@pytest.mark.slow
def test_a_format_loads_only_what_it_needs(tmp_path: Path) -> None:
    """With the cache warm, JSON is built without Rich or the pages; text without the JSON builders."""
    probe = (
        "import sys\n"
        "from mlcareer.cli import main\n"
        "unwanted = sys.argv[1].split(',')\n"
        "sys.argv = ['mlcareer', *sys.argv[2:]]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "found = [m for m in sys.modules for u in unwanted if m == u or m.startswith(u + '.')]\n"
        "sys.stderr.write('loaded: ' + ' '.join(sorted(found)))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NO_COLOR": "1", "MLCAREER_PAGER": "cat"}
    env["MLCAREER_CACHE_DIR"] = str(tmp_path)  # a cold cache writes the completion index with Rich's escape
    warm = [sys.executable, "-c", probe, "nothing", "roles", "--json"]
    subprocess.run(warm, capture_output=True, env=env, check=True)
    for args in (["role", "ml-engineer"], ["salary"], ["skill", "python"], ["roles"], ["path"]):
        for unwanted, extra in (("rich,mlcareer.render", ["--json"]), ("mlcareer.jsondoc", [])):
            done = subprocess.run(
                [sys.executable, "-c", probe, unwanted, *args, *extra],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
            assert done.stderr.endswith("loaded: "), (args, extra, done.stderr)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_words_not_types(invoke: Invoke, command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert not re.search(r"\{[A-Za-z]+\}|<[a-z\[\]]+>", result.stdout), result.stdout


def test_main_help_metavars_are_words(invoke: Invoke) -> None:
    out = invoke("--help").stdout
    assert "--data-dir DIR" in out and "--no-pager" in out and "<path>" not in out


@pytest.mark.parametrize(
    ("command", "formats", "absent"),
    [
        (
            ["role", "x"],
            "text (for people), json (for programs), markdown (for documents), html (a handout page).",
            "mermaid",
        ),
        (["path"], "markdown (for documents), html (a handout page), mermaid (diagrams).", None),
        (["validate"], "text (for people), json (for programs).", "markdown"),
    ],
)
def test_help_names_only_the_formats_a_command_has(
    invoke: Invoke, command: list[str], formats: str, absent: str | None
) -> None:
    out = " ".join(invoke(command[0], "--help").stdout.split())
    assert formats in out
    if absent:
        assert absent not in out


@pytest.mark.parametrize("command", ["roles", "skills"])
def test_no_short_option_q_for_search(invoke: Invoke, command: str) -> None:
    result = invoke(command, "-q", "deep")
    assert result.exit_code == 2
    assert invoke(command, "--search", "deep").exit_code == 0


# ---------------------------------------------------------------- -o -, --template --force


@pytest.mark.parametrize("args", [["roles"], ["role", "ml-engineer", "--json"], ["quiz", "--template"]])
def test_output_dash_writes_to_stdout(invoke: Invoke, args: list[str], tmp_path: Path) -> None:
    os.chdir(tmp_path)
    try:
        to_stdout = invoke(*args, "-o", "-")
    finally:
        os.chdir(REPO)
    assert to_stdout.exit_code == 0, to_stdout.stderr
    assert to_stdout.stdout == invoke(*args).stdout
    assert not (tmp_path / "-").exists()


def test_template_does_not_overwrite_without_force(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "answers.yaml"
    target.write_text("programming: 3\n")
    refused = invoke("quiz", "--template", "-o", str(target))
    assert refused.exit_code == 1
    assert "--force" in refused.stderr and str(target) in refused.stderr
    assert target.read_text() == "programming: 3\n"
    forced = invoke("quiz", "--template", "-o", str(target), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert target.read_text() != "programming: 3\n"


def test_force_alone_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("quiz", "--answers", ANSWERS, "--force", "--no-save")
    assert result.exit_code == 2


# ---------------------------------------------------------------- history show, --diff A B


@pytest.fixture
def four_results(invoke: Invoke) -> Invoke:
    """#1 quick ml-engineer, #2 full ml-engineer, #3 quick data-scientist, #4 quick ml-engineer."""
    for extra in (["--quick"], [], ["--quick", "--role", "data-scientist"], ["--quick"]):
        assert invoke("quiz", "--answers", ANSWERS, *extra).exit_code == 0
    return invoke


def test_history_show_n_as_text(four_results: Invoke) -> None:
    result = four_results("history", "show", "2")
    assert result.exit_code == 0, result.stderr
    # the result as the quiz showed it, and under its title when it was taken
    assert result.stdout.splitlines()[1].startswith("Saved result #2, taken ")
    assert "(full quiz)" in result.stdout
    for part in ("Readiness", "Largest gaps", "Kinds of ML engineer that fit you best"):
        assert part in result.stdout


def test_history_show_n_as_json_and_markdown(four_results: Invoke) -> None:
    data = json.loads(four_results("history", "show", "3", "--json").stdout)
    assert data["id"] == 3 and data["role"]["id"] == "data-scientist" and data["quick"] is True
    assert data["result"]["role"]["id"] == "data-scientist"
    markdown = four_results("history", "show", "1", "--format", "markdown").stdout
    assert markdown.startswith(
        "# Self-assessment against Machine Learning Engineer\n\nSaved result \\#1, taken "
    )


def test_history_show_unknown_number(four_results: Invoke) -> None:
    result = four_results("history", "show", "9")
    assert result.exit_code == 1
    assert "no saved result #9" in result.stderr and "#1 to #4" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["history", "show"],
        ["history", "show", "x"],
        ["history", "show", "0"],
        ["history", "3"],
        ["history", "--diff", "1"],
        ["history", "--diff", "show", "1"],
        ["history", "--clear", "show", "1"],
        ["history", "diff", "1"],
        ["history", "clear", "1"],
        ["history", "--diff", "--clear"],
        ["history", "--json", "show", "1"],
        ["history", "show", "1", "--clear"],
    ],
)
def test_history_words_that_mean_nothing_are_usage_errors(four_results: Invoke, args: list[str]) -> None:
    result = four_results(*args)
    assert result.exit_code == 2, result.stdout
    assert result.stderr.startswith("Error:") or "Usage" in result.stderr


def test_history_subcommands_and_their_old_flag_forms(four_results: Invoke) -> None:
    """`history show N`, `history diff A B`, `history clear`; `--diff` and `--clear` stay as aliases."""
    shown = four_results("history", "show", "1")
    assert shown.exit_code == 0 and "Saved result #1, taken " in shown.stdout
    new = four_results("history", "diff", "1", "2", "--json")
    assert new.exit_code == 0, new.stderr
    assert (json.loads(new.stdout)["before"]["id"], json.loads(new.stdout)["after"]["id"]) == (1, 2)
    for old in (
        ["--diff", "1", "2", "--json"],
        ["--json", "--diff", "1", "2"],
        ["1", "--diff", "2", "--json"],
    ):
        assert four_results("history", *old).stdout == new.stdout, old
    assert four_results("history", "diff").stdout == four_results("history", "--diff").stdout
    help_text = " ".join(four_results("history", "--help").stdout.split())
    assert "show" in help_text and "diff" in help_text and "clear" in help_text
    assert "`history --diff [A B]` and `history --clear` still work" in help_text
    cleared = four_results("history", "clear", "--yes", "--json")
    assert cleared.exit_code == 0 and json.loads(cleared.stdout)["deleted"] == 4
    again = four_results("history", "--clear", "--yes", "--json")
    assert again.exit_code == 0 and json.loads(again.stdout)["deleted"] == 0


def test_diff_defaults_to_the_last_two_with_the_same_role_and_questions(four_results: Invoke) -> None:
    data = json.loads(four_results("history", "--diff", "--json").stdout)
    assert (data["before"]["id"], data["after"]["id"]) == (1, 4)  # #3 is another role, #2 the full quiz
    assert data["comparable"] is True and data["not_comparable"] is None


def test_diff_as_json_with_unreadable_data_still_shows_the_saved_answers(
    four_results: Invoke, tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "roles.yaml").write_text("roles: [\n", encoding="utf-8")
    result = four_results("--data-dir", str(broken), "history", "--diff", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["skills"], "the saved answers of both results, skill by skill"
    assert all(s["before"]["name"] is None and s["before"]["grade"] is not None for s in data["skills"])
    assert "Grades are not named: the data cannot be read" in result.stderr


def test_diff_of_two_chosen_results(four_results: Invoke) -> None:
    data = json.loads(four_results("history", "--diff", "4", "2", "--json").stdout)
    assert (data["before"]["id"], data["after"]["id"]) == (2, 4)  # older first, whatever the order given
    assert data["comparable"] is False
    assert "quick form" in data["not_comparable"]


def test_diff_says_when_two_results_are_not_comparable(four_results: Invoke) -> None:
    result = four_results("history", "--diff", "1", "3")
    assert result.exit_code == 0, result.stderr
    assert "#1 and #3 are not comparable: they measure different roles" in " ".join(result.stdout.split())
    markdown = four_results("history", "--diff", "1", "3", "--format", "markdown").stdout
    assert "not comparable" in markdown


def test_diff_with_nothing_comparable_says_how_to_choose(invoke: Invoke) -> None:
    assert invoke("quiz", "--answers", ANSWERS, "--quick").exit_code == 0
    assert invoke("quiz", "--answers", ANSWERS).exit_code == 0
    result = invoke("history", "--diff")
    assert result.exit_code == 1
    assert "history diff A B" in result.stderr


# ---------------------------------------------------------------- errors that show the way out


def test_corrupt_history_names_no_save_and_the_file(invoke: Invoke, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "history.sqlite3").write_bytes(b"not a database at all" * 100)
    result = invoke("quiz", "--answers", ANSWERS, env={"MLCAREER_HOME": str(home)})
    assert result.exit_code == 1
    assert "--no-save" in result.stderr and str(home / "history.sqlite3") in result.stderr
    # the answers are in a file, so nothing is lost: the result is shown, and said to be unsaved
    assert "Self-assessment against" in result.stdout
    assert "will not be saved" in result.stderr and "the result was not saved" in result.stderr
    assert invoke("quiz", "--answers", ANSWERS, "--no-save", env={"MLCAREER_HOME": str(home)}).exit_code == 0


def test_a_home_that_cannot_be_made_names_no_save(invoke: Invoke, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    home = blocker / "mlcareer"  # under a regular file: no one, root included, can create it
    result = invoke("quiz", "--answers", ANSWERS, env={"MLCAREER_HOME": str(home)})
    assert result.exit_code == 1
    assert "--no-save" in result.stderr and str(home) in result.stderr


def _as_nobody() -> list[str] | None:
    """The prefix that runs a command as an unprivileged user, or None where that cannot be done."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run([*prefix, sys.executable, "-c", "import mlcareer"], capture_output=True, cwd=REPO)
    return prefix if probe.returncode == 0 else None


@pytest.mark.parametrize("where", ["unwritable", "untraversable"])
def test_an_unwritable_home_names_no_save(where: str) -> None:
    prefix = _as_nobody()
    if prefix is None:
        pytest.skip("cannot run as an unprivileged user here")
    import tempfile

    top = Path(tempfile.mkdtemp(prefix="mlcareer-home-"))  # /tmp itself: others may enter it
    try:
        top.chmod(0o755 if where == "unwritable" else 0o700)
        home = top / "home"
        home.mkdir()
        home.chmod(0o555)
        env = {**os.environ, "MLCAREER_HOME": str(home), "MLCAREER_PAGER": "cat"}
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "mlcareer", "quiz", "--answers", ANSWERS],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
        )
    finally:
        shutil.rmtree(top, ignore_errors=True)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "--no-save" in result.stderr and str(home) in result.stderr


def test_a_failed_save_names_no_save(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    from mlcareer.history.store import HistoryError

    def refuse(self: Store, entry: object) -> int:
        raise HistoryError(f"history database {self.path}: is read-only; it was left unchanged")

    monkeypatch.setattr(Store, "save", refuse)
    result = invoke("quiz", "--answers", ANSWERS)
    assert result.exit_code == 1
    assert "Readiness" in result.stdout  # the result is still shown
    assert "the result was not saved" in result.stderr and "--no-save" in result.stderr


def test_unknown_role_names_the_roles_that_mention_it(invoke: Invoke) -> None:
    result = invoke("role", "deployment")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no role 'deployment'; roles that mention it: ml-engineer")


def test_unknown_role_that_nothing_mentions_lists_the_way_to_the_roles(invoke: Invoke) -> None:
    result = invoke("compare", "ml-engineer", "kubernetes")
    assert result.exit_code == 1
    assert "unknown role 'kubernetes'; try `mlcareer roles`" in result.stderr


def test_a_close_name_is_still_suggested_first(invoke: Invoke) -> None:
    assert "did you mean ml-engineer?" in invoke("role", "ml-enginer").stderr


# ---------------------------------------------------------------- verdicts


def _last(text: str) -> str:
    """The closing paragraph, joined onto one line."""
    return " ".join(text.rstrip().split("\n\n")[-1].split())


def test_quiz_result_ends_with_its_verdict(invoke: Invoke) -> None:
    out = invoke("quiz", "--answers", ANSWERS, "--quick", "--no-save").stdout
    verdict, nxt = out.rstrip().split("\n\n")[-2:]  # the verdict, then what to do next
    assert nxt.startswith("Next: the first steps of your plan")
    assert " ".join(nxt.split()).endswith(f"mlcareer plan --answers {ANSWERS} --quick")
    assert _last(verdict) == (
        "In short: 89% ready for Machine Learning Engineer (5 of 12 graded expectations met); your "
        "answers fit entry level; best-fitting kind: Computer Vision Engineer (85% match, mlcareer's rule)."
    )


def test_route_ends_with_steps_and_total_pay_change(invoke: Invoke) -> None:
    out = invoke("path", "--from", "junior-ml-engineer", "--to", "lead-ml-engineer").stdout
    assert _last(out).startswith(
        "In short: 2 steps from Junior Machine Learning Engineer to Lead Machine Learning Engineer; "
        "total pay change: $80,000 - $110,000 -> $150,000 - $200,000+ per year (low end +$70,000"
    )
    no_pay = invoke("path", "--from", "junior-ml-engineer", "--to", "cto").stdout
    assert _last(no_pay).endswith("pay: $80,000 - $110,000 per year -> no data.")
    assert "In short" not in invoke("path").stdout  # the ladder is no result with a verdict


def test_comparison_ends_with_its_verdict(invoke: Invoke) -> None:
    out = invoke("compare", "ml-engineer", "data-scientist").stdout
    assert _last(out).startswith(
        "In short: ml-engineer is mid level, data-scientist entry; the sources state 5 of the 27 skills "
        "named for both"
    )


# ---------------------------------------------------------------- narrow terminals


def _words(text: str) -> set[str]:
    # a label's colon is no part of its word: "You:" heads a stacked row where a table has "You"
    return {w.rstrip(":") for w in re.findall(r"[\w'.,;:()\-/+$%]+", text)}


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "ml-engineer", "data-scientist"],
        ["compare", "ml-engineer", "computer-vision-engineer"],
        ["role", "ml-engineer"],
        ["quiz", "--answers", ANSWERS, "--no-save"],
    ],
)
def test_no_word_is_broken_inside_at_40_columns(invoke: Invoke, args: list[str]) -> None:
    wide = invoke(*args, env={"COLUMNS": "300"}).stdout
    narrow = invoke(*args, env={"COLUMNS": "40"})
    assert narrow.exit_code == 0, narrow.stderr
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 40
    broken = {w for w in _words(narrow.stdout) - _words(wide) if len(w) > 1}
    assert not broken, sorted(broken)  # e.g. "entry-leve" + "l"


@pytest.mark.parametrize("columns", [60, 72, 80, 100, 120])
@pytest.mark.parametrize(
    "args",
    [
        ["path", "--from", "junior-ml-engineer", "--to", "chief-technology-officer"],
        ["plan", "--answers", ANSWERS],
        ["quiz", "--answers", ANSWERS, "--no-save"],
        ["role", "ml-engineer"],
        ["skill", "python"],
    ],
    ids=["route", "plan", "quiz", "role", "skill"],
)
def test_no_word_is_cut_at_the_terminal_edge(invoke: Invoke, args: list[str], columns: int) -> None:
    """Every table fits the width it is drawn at: no cell is cropped ("no source" as "no sou" at
    80 columns, where a route's Change column once fell off the edge), nor any word broken."""
    wide = invoke(*args, env={"COLUMNS": "300"}).stdout
    drawn = invoke(*args, env={"COLUMNS": str(columns)})
    assert drawn.exit_code == 0, drawn.stderr
    assert max(len(line) for line in drawn.stdout.splitlines()) <= columns
    cut = {w for w in _words(drawn.stdout) - _words(wide) if len(w) > 1}
    assert not cut, sorted(cut)


@pytest.mark.parametrize(
    "args",
    [
        ("role", "ml-engineer"),
        ("roles",),
        ("compare", "ml-engineer", "data-scientist"),
        ("skills",),
        ("skill", "python"),
        ("salary",),
        ("path",),
        ("validate",),
        ("history",),
        ("plan", "--answers", ANSWERS),
        ("quiz", "--answers", ANSWERS, "--no-save"),
    ],
)
def test_every_json_document_names_its_schema_version(invoke: Invoke, args: tuple[str, ...]) -> None:
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert next(iter(data)) == "schema_version" and data["schema_version"] == JSON_SCHEMA_VERSION == 3
