"""The command line: parse, call one domain function, render once, map errors to exit codes.

Heavy modules (pydantic, rich, yaml, questionary) are imported inside the commands
that need them, so `mlcareer --help` starts fast.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from mlcareer import __version__
from mlcareer.choices import Level, Section
from mlcareer.errors import DataError, ExitCode, MlcareerError

if TYPE_CHECKING:
    from rich.console import RenderableType

    from mlcareer.models import Catalog


class _Group(TyperGroup):
    """Turns every MlcareerError into a message on stderr and its exit code."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MlcareerError as exc:
            report_error(exc)
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(
    cls=_Group,
    name="mlcareer",
    help="A career guide for machine learning engineering: roles, skills, pay and paths.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class State:
    """Options given before the command."""

    data_dir: Path | None = None


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"mlcareer {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    *,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="Read roles, skills and salaries from this directory instead of the shipped data "
            "(also: MLCAREER_DATA_DIR).",
            show_default=False,
            file_okay=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """mlcareer: a career guide for machine learning engineering, in your terminal.

    Every fact comes from named sources; where they are silent, mlcareer says "no data".
    """
    ctx.obj = State(data_dir=data_dir)


# ---------------------------------------------------------------- helpers


def catalog(ctx: typer.Context) -> Catalog:
    """The validated data for this run."""
    from mlcareer.catalog import load_catalog, resolve_data_dir

    state = ctx.find_object(State) or State()
    return load_catalog(resolve_data_dir(state.data_dir))


def print_json(data: Any) -> None:
    """JSON on stdout, never through Rich (which would wrap it)."""
    ascii_only = (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "") != "utf8"
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=ascii_only) + "\n")


def show(renderable: RenderableType) -> None:
    """Print one renderable on stdout."""
    from mlcareer.console import out

    out().print(renderable)


def report_error(exc: MlcareerError) -> None:
    """'Error: ...' on stderr; a data error lists each problem on its own line."""
    from rich.text import Text

    from mlcareer.console import err

    console = err()
    if isinstance(exc, DataError) and len(exc.problems) > 1:
        console.print(Text.assemble(("Error: ", "bold red"), f"{len(exc.problems)} problems in the data:"))
        for problem in exc.problems:
            console.print(Text("  " + str(problem)), soft_wrap=True)
    else:
        console.print(Text.assemble(("Error: ", "bold red"), str(exc)), soft_wrap=True)


JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout instead of text.")]


# ---------------------------------------------------------------- commands


@app.command()
def role(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Role id, title or alias, e.g. ml-engineer, \"ML Engineer\", MLE.")],
    *,
    section: Annotated[
        Section | None, typer.Option("--section", "-s", help="Show only this part of the role.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Explain a role: what it does, the skills it expects, pay, where it leads, and sources.

    Example: mlcareer role ml-engineer --section skills
    """
    from mlcareer.careers import describe_role, find_role

    data = catalog(ctx)
    view = describe_role(data, find_role(data, name))
    if as_json:
        from mlcareer.render.role import role_json

        print_json({"role": role_json(view)})
        return
    from mlcareer.render.role import render_role

    show(render_role(view, section))


@app.command()
def roles(
    ctx: typer.Context,
    *,
    level: Annotated[Level | None, typer.Option("--level", "-l", help="Only roles at this level.")] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-q", help="Only roles whose name, summary, tools or skills contain TEXT.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List every role, grouped by level of the career ladder.

    Example: mlcareer roles --level senior
    """
    from mlcareer.careers import list_roles

    found = list_roles(catalog(ctx), level, search)
    if as_json:
        from mlcareer.render.role import roles_json

        print_json(roles_json(found))
        return
    from mlcareer.render.role import render_roles

    show(render_roles(found))


@app.command()
def compare(
    ctx: typer.Context,
    first: Annotated[str, typer.Argument(help="A role id, title or alias.")],
    second: Annotated[str, typer.Argument(help="Another role id, title or alias.")],
    *,
    as_json: JsonOption = False,
) -> None:
    """Compare two roles side by side: level, work, tools, pay and skills.

    Example: mlcareer compare ml-engineer data-scientist
    """
    from mlcareer.careers import compare_roles, find_role

    data = catalog(ctx)
    result = compare_roles(data, find_role(data, first), find_role(data, second))
    if as_json:
        from mlcareer.render.role import comparison_json

        print_json(comparison_json(result))
        return
    from mlcareer.render.role import render_comparison

    show(render_comparison(result))


@app.command()
def validate(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Argument(help="The data directory to check (default: the one in use).", show_default=False),
    ] = None,
    *,
    as_json: JsonOption = False,
) -> None:
    """Check a data directory and report every problem in it, with file, line and field.

    Exit 0 when the data is clean, 1 otherwise.

    Example: mlcareer validate ./my-bootcamp-data
    """
    from mlcareer.catalog import check_directory, display_name, resolve_data_dir

    state = ctx.find_object(State) or State()
    target = directory if directory is not None else resolve_data_dir(state.data_dir)
    found, problems = check_directory(target)
    shown = display_name(target)
    if as_json:
        print_json(
            {
                "directory": shown,
                "ok": not problems,
                "problems": [
                    {"file": p.file, "line": p.line, "field": p.field, "message": p.message}
                    for p in problems
                ],
                "counts": _counts(found),
            }
        )
        if problems:
            raise typer.Exit(ExitCode.ERROR)
        return
    if problems:
        raise DataError(problems)
    from rich.text import Text

    counts = ", ".join(f"{n} {what}" for what, n in _counts(found).items())
    show(Text.assemble(("OK ", "bold green"), f"{shown}: {counts}"))


def _counts(found: Catalog | None) -> dict[str, int]:
    if found is None:
        return {}
    return {
        "roles": len(found.roles),
        "skills": len(found.skills),
        "credentials": len(found.credentials),
        "salary figures": len(found.salaries.figures),
        "sources": len(found.sources),
    }


def main() -> None:
    """Console-script entry point."""
    from mlcareer.console import prepare_streams

    prepare_streams()
    app(prog_name="mlcareer")
