"""Every command, in every format, prints the same bytes from validated models and from cached records.

A first pass runs each command line on a catalog just validated by pydantic (the cache empty);
a second pass runs the same lines on the records a cached run rebuilds. Both passes run the
code of this checkout, so the comparison holds whatever the views print today: it proves the
records are faithful, not that the output is frozen. Formats come from each command's own
``--format`` choices: every line is run in text and JSON, the first line of each command in
every format and in colour. A new command needs its sample lines below (a test says so).
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import typer
import typer.main
import typer.testing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from mlcareer.choices import Level, Section
from mlcareer.cli import app
from mlcareer.cli.app import COMMANDS
from mlcareer.pack.catalog import load, load_catalog, shipped_data_dir
from mlcareer.records import Record
from tests.conftest import MINI, REPO

SAMPLE = str(REPO / "examples" / "answers.yaml")
TEAM = REPO / "examples" / "team"


def _lines(shipped: Any) -> Iterator[list[str]]:
    """Sample command lines, on the shipped data, for every command (ids from the data itself)."""
    roles = list(shipped.lookup.roles)
    yield ["role", "ml-engineer"]
    yield from (["role", role, "--full"] for role in roles)
    yield from (["role", "ml-engineer", "--section", section.value] for section in Section)
    yield ["role", "no-such-role"]
    yield ["roles"]
    yield from (["roles", "--level", level.value] for level in Level)
    yield ["roles", "--search", "python"]
    yield from (["compare", roles[i], roles[-1 - i]] for i in range(0, len(roles) // 2, 3))
    yield ["salary"]
    yield from (["salary", "--level", level.value] for level in Level)
    yield from (["salary", "--role", role] for role in roles[::4])
    yield from (["salary", "--source", source] for source in ("articles", "official"))
    yield ["salary", "--currency", "USD"]
    yield ["salary", "--region", "United States"]
    yield ["path"]
    yield from (["path", "--from", role] for role in roles[::3])
    yield from (["path", "--from", roles[0], "--to", role] for role in roles[1::3])
    yield ["path", "--from", roles[-1], "--to", roles[0]]
    yield ["quiz", "--answers", SAMPLE, "--no-save"]
    yield from (["quiz", "--answers", SAMPLE, "--no-save", "--role", role] for role in roles[::5])
    yield ["quiz", "--template"]
    yield ["plan", "--answers", SAMPLE]
    yield from (["plan", "--answers", SAMPLE, "--role", role] for role in roles[1::5])
    yield ["plan"]  # from the latest saved result
    yield ["history"]
    yield ["history", "show", "1"]
    yield ["history", "--diff", "1", "2"]
    yield ["team", str(TEAM)]
    yield from (["team", str(TEAM), "--role", role] for role in roles[2::7])
    yield ["team", "--calibrate", str(TEAM / "ana.yaml"), str(TEAM / "ben.yaml")]
    yield ["skills"]
    yield ["skills", "--search", "learn"]
    yield from (["skill", skill] for skill in shipped.lookup.skills)
    yield ["skill", "no-such-skill"]
    yield ["validate"]
    yield []


def _mini_lines() -> Iterator[list[str]]:
    mini = ["role", "engineer", "--full"], ["roles"], ["salary"], ["path"], ["skills"]
    for line in (*mini, ["compare", "engineer", "vision-engineer"]):
        yield ["--data-dir", str(MINI), *line]


class Run(NamedTuple):
    exit_code: int
    stdout: str
    stderr: str


def _formats() -> dict[str, list[str]]:
    """Each command's --format choices, as its own option completes them."""
    group: Any = typer.main.get_command(app)
    found: dict[str, list[str]] = {}
    for name in COMMANDS:
        command = group.commands[name]
        ctx = typer.Context(command, info_name=name)
        options = [p for p in command.params if "--format" in getattr(p, "opts", ())]
        found[name] = [item.value for item in options[0].shell_complete(ctx, "")] if options else []
    return found


def _variants(
    lines: list[list[str]], formats: dict[str, list[str]]
) -> Iterator[tuple[list[str], dict[str, str]]]:
    """Each line in text and JSON; a command's first line also in every other format, and in colour."""
    seen: set[str | None] = set()
    for line in lines:
        command = next((word for word in line if word in COMMANDS), None)
        choices = formats.get(command, []) if command else []
        every = command not in seen
        seen.add(command)
        yield line, {}
        for fmt in choices:
            if fmt != "text" and (every or fmt == "json"):
                yield [*line, "--format", fmt], {}
        if choices and every:  # the text format in colour, as on a terminal
            yield line, {"FORCE_COLOR": "1", "NO_COLOR": ""}


def _pass(runner: CliRunner, lines: list[list[str]], formats: dict[str, list[str]]) -> dict[str, Run]:
    out: dict[str, Run] = {}
    for args, env in _variants(lines, formats):
        unset = {k: (v or None) for k, v in env.items()}
        result = runner.invoke(app, args, env=unset)
        failed = result.exception is not None and not isinstance(result.exception, SystemExit)
        assert not failed, (args, result.exception)
        out[f"{' '.join(args)} {env}"] = Run(result.exit_code, result.stdout, result.stderr)
    return out


@pytest.fixture
def saved_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A history of two results, for history and plan (both passes read the same store)."""
    monkeypatch.setenv("MLCAREER_CACHE_DIR", str(tmp_path / "warm-up-cache"))
    load.cache_clear()
    runner = CliRunner()
    for role in list(load_catalog(shipped_data_dir()).lookup.roles)[:2]:
        done = runner.invoke(app, ["quiz", "--answers", SAMPLE, "--role", role])
        assert done.exit_code == 0, done.stderr


def test_every_command_has_sample_lines() -> None:
    shipped = load_catalog(shipped_data_dir())
    used = {word for line in _lines(shipped) for word in line[:1]}
    assert used >= set(COMMANDS), f"add sample lines for: {sorted(set(COMMANDS) - used)}"


def test_models_and_records_print_the_same_bytes(
    saved_results: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    formats = _formats()
    # Typer's runner builds the group anew for each of some 600 runs (tens of ms): build it once.
    group = typer.main.get_command(app)
    monkeypatch.setattr(typer.testing, "_get_command", lambda typer_app: group)
    monkeypatch.setenv("MLCAREER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)  # any file a command writes lands here

    load.cache_clear()
    validated = load_catalog(shipped_data_dir())  # empty cache: validated now, then cached
    assert not isinstance(validated, Record)
    lines = [*_lines(validated), *_mini_lines()]
    first = _pass(runner, lines, formats)

    load.cache_clear()
    assert isinstance(load_catalog(shipped_data_dir()), Record)
    assert isinstance(load_catalog(MINI), Record)
    second = _pass(runner, lines, formats)

    assert first.keys() == second.keys()
    assert len(first) > 300 and sum(r.exit_code == 0 for r in first.values()) > 280
    for key, run in first.items():
        if run != second[key]:
            diff = difflib.unified_diff(
                (run.stdout + run.stderr).splitlines(),
                (second[key].stdout + second[key].stderr).splitlines(),
                "validated",
                "cached",
                lineterm="",
            )
            pytest.fail(f"{key}: exit {run.exit_code} / {second[key].exit_code}\n" + "\n".join(diff))


def test_reports_written_to_files_are_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    monkeypatch.setenv("MLCAREER_CACHE_DIR", str(tmp_path / "cache"))
    written: list[dict[str, bytes]] = []
    for cached in (False, True):
        load.cache_clear()
        assert isinstance(load_catalog(shipped_data_dir()), Record) is cached
        files: dict[str, bytes] = {}
        for suffix in ("md", "html", "svg"):
            report = tmp_path / f"report-{cached}.{suffix}"
            args = ["quiz", "--answers", SAMPLE, "--no-save", "--report", str(report)]
            assert runner.invoke(app, args).exit_code == 0
            files[suffix] = report.read_bytes()
        for fmt in ("markdown", "html"):
            page = tmp_path / f"role-{cached}.{fmt}"
            args = ["role", "ml-engineer", "--full", "--format", fmt, "-o", str(page)]
            assert runner.invoke(app, args).exit_code == 0
            files[fmt] = page.read_bytes()
        written.append(files)
    assert written[0] == written[1]
    assert all(os.path.getsize(p) for p in tmp_path.glob("report-*"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(), utf=st.booleans())
def test_json_text_escapes_as_the_character_by_character_rule(
    text: str, utf: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """json_text escapes only what is not a newline or printable ASCII, each such character as
    ``_json_char`` says: the output is what escaping every character one by one gave."""
    from mlcareer.commands import output
    from mlcareer.jsondoc import SCHEMA_VERSION
    from mlcareer.terminal import console

    monkeypatch.setattr(console, "is_utf", lambda stream: utf)
    raw = json.dumps({"schema_version": SCHEMA_VERSION, "t": text}, indent=2, ensure_ascii=False)
    expected = raw if raw.isascii() else "".join(output._json_char(c, utf) for c in raw)
    assert output.json_text({"t": text}) == expected + "\n"
