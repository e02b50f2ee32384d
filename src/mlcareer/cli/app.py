"""The Typer app: its command group, the global options, and the catalog of a run."""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from mlcareer import __version__
from mlcareer.cli.options import State, fresh_state, state
from mlcareer.cli.output import report_error
from mlcareer.errors import MlcareerError

if TYPE_CHECKING:
    from mlcareer.models import Catalog


# Every command, in the order `mlcareer --help` lists them (the most useful first): the module of
# mlcareer.cli that defines it, and its one-line help (the first paragraph of its docstring).
# Listing commands reads this table; only the command being run is imported and built. A test
# keeps it equal to the commands themselves.
COMMANDS: dict[str, tuple[str, str]] = {
    "role": (
        "roles",
        "Explain a role: what it does, the skills it expects, pay, where it leads, and sources.",
    ),
    "roles": ("roles", "List every role, grouped by level of the career ladder."),
    "compare": ("roles", "Compare two roles side by side: level, work, tools, pay and skills."),
    "salary": (
        "salary",
        "Show pay by level as the sources give it: a table, a chart on one scale, and what changes pay.",
    ),
    "path": (
        "path",
        "Show the career ladder as a tree, what is reachable from a role, or the route between two roles.",
    ),
    "quiz": (
        "quiz",
        "Assess yourself: readiness for a role, level, gaps to close, and the kinds of ML engineer that fit.",
    ),
    "plan": (
        "plan",
        "Your learning plan for a role: the skills to grow and the level requirements to meet, in order.",
    ),
    "history": (
        "history",
        "Your saved quiz results, newest first: date, target role, readiness, level and trend.",
    ),
    "team": (
        "team",
        "Compare the self-assessments of a class or a team: who meets what, and the gaps they share.",
    ),
    "skills": (
        "skills",
        "List the skills, grouped as technical, analytical and interpersonal, with how many roles need each.",
    ),
    "skill": (
        "skills",
        "Explain a skill: what it is, its proficiency steps, the roles that need it, and credentials.",
    ),
    "validate": (
        "roles",
        "Check a data directory and report every problem in it, with file, line and field.",
    ),
}


def _build(name: str) -> Any:
    """Import the module that defines command ``name`` and build that command alone (None if absent)."""
    importlib.import_module(f"mlcareer.cli.{COMMANDS[name][0]}")
    for info in app.registered_commands:
        if info.callback and (info.name or typer.main.get_command_name(info.callback.__name__)) == name:
            return typer.main.get_command_from_info(
                info,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
            )
    return None


class LazyCommands(MutableMapping[str, Any]):
    """A group's commands by name; each is imported and built the first time it is looked up.

    Names, membership and order come from ``COMMANDS`` without building anything; ``listing``
    gives what a list of commands needs (name and one-line help) without building either.
    """

    def __init__(self, built: Mapping[str, Any]) -> None:
        self._entries: dict[str, Any] = {name: built.get(name) for name in COMMANDS}
        self._entries.update((name, command) for name, command in built.items() if name not in COMMANDS)
        self._stubs: dict[str, TyperCommand] = {}

    def __getitem__(self, name: str) -> Any:
        command = self._entries[name]
        if command is None:
            command = _build(name)
            if command is None:
                raise KeyError(name)
            self._entries[name] = command
        return command

    def __setitem__(self, name: str, command: Any) -> None:
        self._entries[name] = command

    def __delitem__(self, name: str) -> None:
        del self._entries[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def listing(self, name: str) -> Any:
        """The command if it is built, else a stand-in with its name and one-line help."""
        command = self._entries.get(name)
        if command is not None or name not in COMMANDS:
            return command
        if name not in self._stubs:
            self._stubs[name] = TyperCommand(name=name, help=COMMANDS[name][1])
        return self._stubs[name]


class _Group(TyperGroup):
    """Lists commands in a useful order; turns every MlcareerError into stderr and an exit code.

    Only the command being run is imported and built; help and completion list the others from
    ``COMMANDS``.
    """

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = LazyCommands(self.commands)
        self._listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        rank = {name: i for i, name in enumerate(COMMANDS)}
        return sorted(self.commands, key=lambda name: rank.get(name, len(rank)))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        commands = self.commands
        if self._listing and isinstance(commands, LazyCommands):
            return commands.listing(cmd_name)
        command = commands.get(cmd_name)
        for param in getattr(command, "params", ()):
            if type(param) is TyperArgument:
                param.__class__ = _WordArgument
        return command

    @contextlib.contextmanager
    def _only_listing(self) -> Iterator[None]:
        """While listing commands (help, completion of a command's name), build none of them."""
        self._listing = True
        try:
            yield
        finally:
            self._listing = False

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        with self._only_listing():
            super().format_commands(ctx, formatter)

    def shell_complete(self, ctx: Any, incomplete: str) -> Any:
        with self._only_listing():
            return super().shell_complete(ctx, incomplete)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(args))

    def invoke(self, ctx: Any) -> Any:
        from mlcareer.files import fresh_run

        with fresh_state(), fresh_run():
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
            readable=False,  # the loader examines it and says why it cannot be read (exit 1)
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
    from mlcareer.pack.catalog import load_catalog, resolve_data_dir

    return load_catalog(resolve_data_dir((ctx.find_object(State) or state()).data_dir))
