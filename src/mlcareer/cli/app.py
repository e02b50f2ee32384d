"""The Typer app: its command group, the global options, and the catalog of a run."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperArgument, TyperGroup

from mlcareer import __version__
from mlcareer.cli.options import State, fresh_state, state
from mlcareer.cli.output import report_error
from mlcareer.errors import MlcareerError

if TYPE_CHECKING:
    from mlcareer.models import Catalog


# The order `mlcareer --help` lists commands in: the most useful first.
COMMAND_ORDER = (
    "role",
    "roles",
    "compare",
    "salary",
    "path",
    "quiz",
    "plan",
    "history",
    "team",
    "skills",
    "skill",
    "validate",
)


class _Group(TyperGroup):
    """Lists commands in a useful order; turns every MlcareerError into stderr and an exit code."""

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        rank = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda name: rank.get(name, len(rank)))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        for param in getattr(command, "params", ()):
            if type(param) is TyperArgument:
                param.__class__ = _WordArgument
        return command

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(args))

    def invoke(self, ctx: Any) -> Any:
        with fresh_state():
            try:
                return super().invoke(ctx)
            except MlcareerError as exc:
                report_error(exc)
                raise typer.Exit(exc.exit_code) from None


class _WordArgument(TyperArgument):
    """An argument shown in help as a word: `ROLE`, `[DIR]`; never `{ROLE}` or `ROLE <str>`."""

    def _usage_display_name(self) -> str:
        raw = getattr(self, "display_name_raw", None) or self.metavar or (self.name or "").upper()
        name = raw if self.required else f"[{raw}]"
        return name + ("..." if self.nargs != 1 else "")

    def get_usage_pieces(self, ctx: Any) -> list[str]:  # typer 0.28 builds usage here
        return [self._usage_display_name()]

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


# Options of the whole program that may also come after the command: `mlcareer roles --data-dir data`.
GLOBAL_VALUE_OPTIONS = ("--data-dir",)
GLOBAL_FLAGS = ("--no-pager",)


def hoist_global_options(args: list[str]) -> list[str]:
    """Move global options given after the command to before it, where the parser reads them.

    Nothing after a `--` is touched.
    """
    start = 0
    while start < len(args):  # find the command: the first word that is no option or its value
        word = args[start]
        if word == "--":
            return args
        if word in GLOBAL_VALUE_OPTIONS:
            start += 2
        elif word.startswith("-"):
            start += 1
        else:
            break
    if start >= len(args):
        return args
    moved: list[str] = []
    rest: list[str] = []
    i = start + 1
    while i < len(args):
        word = args[i]
        if word == "--":
            rest += args[i:]
            break
        if word in GLOBAL_VALUE_OPTIONS and i + 1 < len(args):
            moved += args[i : i + 2]
            i += 2
            continue
        if word in GLOBAL_FLAGS or word.startswith(tuple(f"{o}=" for o in GLOBAL_VALUE_OPTIONS)):
            moved.append(word)
        else:
            rest.append(word)
        i += 1
    return [*moved, *args[: start + 1], *rest] if moved else args


app = typer.Typer(
    cls=_Group,
    name="mlcareer",
    help="A career guide for machine learning engineering: roles, skills, pay and paths.",
    invoke_without_command=True,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    add_completion=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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
            metavar="DIR",
            help="Read roles, skills and salaries from this directory instead of the shipped data "
            "(also: MLCAREER_DATA_DIR; before or after the command).",
            show_default=False,
        ),
    ] = None,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Print long output directly instead of through a pager "
            "($MLCAREER_PAGER, else $PAGER, else less -FRX; MLCAREER_PAGER=cat also turns it off).",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """mlcareer: a career guide for machine learning engineering, in your terminal.

    Every fact comes from named sources; where they are silent, mlcareer says "no data".
    """
    current = state()
    current.data_dir = data_dir
    current.pager = not no_pager
    ctx.obj = current
    if ctx.invoked_subcommand is None:
        from mlcareer.cli.overview import overview

        sys.stdout.write(overview(ctx))


# ---------------------------------------------------------------- helpers


def catalog(ctx: typer.Context) -> Catalog:
    """The validated data for this run."""
    from mlcareer.catalog import load_catalog, resolve_data_dir

    return load_catalog(resolve_data_dir((ctx.find_object(State) or state()).data_dir))
