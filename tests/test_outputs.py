"""One output path: the table of results (``mlcareer.outputs``) is the only list of how a result
is shown, and a command's formats, help and JSON schema follow it with no copy kept by hand."""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Iterator
from typing import Annotated, NamedTuple

import jsonschema
import pytest
from typing_extensions import TypedDict

from mlcareer.choices import Format
from mlcareer.cli import app
from mlcareer.cli.options import JsonOption, OutputOption, formats_for
from mlcareer.commands.output import emit
from mlcareer.formats import resolve
from mlcareer.jsondoc.schemas import documents, schema
from mlcareer.outputs import RESULTS, Document, Output
from mlcareer.render import view as v
from tests.conftest import Invoke


def _builders(entry: Output) -> Iterator[str]:
    yield entry.json
    yield from (b for b in (entry.page, entry.text, entry.mermaid) if b is not None)


@pytest.mark.parametrize("key", list(RESULTS))
def test_every_entry_names_builders_of_its_result_type(key: str) -> None:
    result_type = resolve(key)
    assert inspect.isclass(result_type)
    for builder in _builders(RESULTS[key]):
        function = resolve(builder)
        first = next(iter(inspect.signature(function).parameters.values()))
        assert first.annotation in (result_type.__name__, result_type), (builder, first.annotation)
    for doc in RESULTS[key].documents:
        assert doc.name in documents()


def test_the_schemas_are_the_tables_documents() -> None:
    named = [doc.name for entry in RESULTS.values() for doc in entry.documents]
    assert list(documents()) == named and len(set(named)) == len(named)


# ---------------------------------------------------------------- a command added through the table


class Throwaway(NamedTuple):
    word: str


class ThrowawayDoc(TypedDict):
    word: str


def throwaway_json(result: Throwaway) -> ThrowawayDoc:
    return {"word": result.word}


def throwaway_page(result: Throwaway) -> v.Page:
    return v.Page("Throwaway", blocks=(v.para(result.word),))


def throwaway(
    word: str,
    *,
    fmt: Annotated[str, formats_for("Throwaway")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """A command that exists only in this test.

    Example: mlcareer throwaway word
    """
    emit(Throwaway(word), fmt, output, as_json=as_json)


@pytest.fixture
def with_throwaway(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command, its page and JSON builders (above), and one table entry: nothing else."""
    entry = Output(
        json=f"{__name__}:throwaway_json",
        page=f"{__name__}:throwaway_page",
        documents=(
            Document("throwaway", "tests.test_outputs:ThrowawayDoc", "mlcareer throwaway WORD --json"),
        ),
    )
    monkeypatch.setitem(RESULTS, f"{__name__}:Throwaway", entry)
    monkeypatch.setattr(app, "registered_commands", list(app.registered_commands))
    app.command()(throwaway)


def test_a_command_added_through_the_table_gets_its_formats_and_schema(
    with_throwaway: None, invoke: Invoke
) -> None:
    shown = " ".join(invoke("throwaway", "--help").stdout.split())
    found = re.search(r"-f, --format FORMAT (.+?)\. ", shown)
    assert found is not None, shown
    assert [w.split(" ")[0] for w in found.group(1).split(", ")] == ["text", "json", "markdown", "html"]
    assert "throwaway" in documents()
    printed = invoke("throwaway", "hello", "--json")
    assert printed.exit_code == 0, printed.stderr
    data = json.loads(printed.stdout)
    jsonschema.validate(data, schema("throwaway"))
    assert data["word"] == "hello" and schema("throwaway")["title"].startswith(
        "mlcareer throwaway WORD --json"
    )
    for fmt, start in (("markdown", "# Throwaway\n"), ("html", "<!DOCTYPE html>"), ("text", "Throwaway\n")):
        out = invoke("throwaway", "hello", "--format", fmt)
        assert out.exit_code == 0 and out.stdout.startswith(start), (fmt, out.stdout, out.stderr)
    refused = invoke("throwaway", "hello", "--format", "mermaid")
    assert refused.exit_code == 2 and "this command has: text, json, markdown, html" in refused.stderr
