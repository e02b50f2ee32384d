"""The Typer app, the global options and the helpers every command uses."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from mlcareer import __version__
from mlcareer.errors import DataError, MlcareerError

if TYPE_CHECKING:
    from rich.console import RenderableType

    from mlcareer.models import Catalog


class _Group(TyperGroup):
    """Turns every MlcareerError into a message on stderr and its exit code."""

    def invoke(self, ctx: Any) -> Any:
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
