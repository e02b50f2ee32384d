"""The Typer app: its command group, the global options, and the catalog of a run."""

from __future__ import annotations

import contextlib
import functools
import importlib
import sys
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Annotated, Any, ClassVar

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from mlcareer import __version__
from mlcareer.cli.options import DataDirOption, NoPagerOption
from mlcareer.commands import BODY
from mlcareer.commands.output import report_error
from mlcareer.commands.state import apply, fresh_state
from mlcareer.errors import MlcareerError, UsageError
from mlcareer.formats import resolve

# Every command, in the order `mlcareer --help` lists them (the most useful first), and the module
# of mlcareer.cli that defines it. Listing commands reads this table and each command's docstring
# (``summary``); only the command being run is imported and built.
COMMANDS: dict[str, str] = {
    "role": "roles",
    "roles": "roles",
    "compare": "roles",
    "salary": "salary",
    "path": "path",
    "quiz": "quiz",
    "plan": "plan",
    "history": "history",
    "team": "team",
    "skills": "skills",
    "skill": "skills",
    "validate": "roles",
}


def runs(body: Callable[..., None]) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Declare a command whose work is ``body``, a function of ``mlcareer.commands`` (free of Typer).

    The declared function gives the command its parameters (with their Typer annotations) and
    its help (the docstring); its own body is never run. Typer calls the command with the
    parsed values, which go to ``body`` by name, every one of them. The body is named on the
    callback as "module:function" (``BODY``) and looked up by that name on each call, so the
    command line's fast path (``mlcareer.fastrun``), which parses as the recorded Click command
    would, calls the very same function without Typer.
    """
    where = f"{body.__module__}:{body.__qualname__}"

    def declare(declared: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(declared)
        def command(**values: Any) -> None:
            resolve(where)(**values)

        setattr(command, BODY, where)
        return command

    return declare


def summary(name: str) -> str:
    """A command's one-line help (its docstring's first paragraph), read without importing it.

    The source of the command's module is read as text; where it cannot be (no source
    shipped), the command is built and asked.
    """
    import re

    try:
        source = (Path(__file__).parent / f"{COMMANDS[name]}.py").read_text(encoding="utf-8")
    except OSError:
        source = ""
    found = re.search(rf'^def {name}\(.*?\n    """(.*?)(?:\n\n|""")', source, re.S | re.M)
    if found is None:
        built = _build(name)
        return str(getattr(built, "help", "") or "").split("\n\n")[0]
    return " ".join(line.strip() for line in found.group(1).splitlines())


def _build(name: str) -> Any:
    """Import the module that defines command ``name`` and build that command alone (None if absent)."""
    importlib.import_module(f"mlcareer.cli.{COMMANDS[name]}")
    for info in app.registered_commands:
        if info.callback and (info.name or typer.main.get_command_name(info.callback.__name__)) == name:
            return typer.main.get_command_from_info(
                info,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
            )
    for group in app.registered_groups:  # a command with subcommands (history show, diff, clear)
        if group.name == name:
            return typer.main.get_group_from_info(
                group,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
                suggest_commands=app.suggest_commands,
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
            self._stubs[name] = TyperCommand(name=name, help=summary(name))
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
        return _word_arguments(commands.get(cmd_name))

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

    def format_help(self, ctx: Any, formatter: Any) -> None:
        super().format_help(ctx, formatter)
        if ctx.parent is None and not ctx.resilient_parsing:
            # `mlcareer --help` that mlcareer.fasthelp could not answer: record the help (and the
            # grammar) where missing or stale, so the next one is answered before Typer loads.
            from mlcareer.cli.index import record_grammar

            record_grammar(self)

    def shell_complete(self, ctx: Any, incomplete: str) -> Any:
        with self._only_listing():
            return super().shell_complete(ctx, incomplete)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(args, *self.global_options()))

    def global_options(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The program's own options that may follow the command: those that take a value, and flags.

        Read from the group's parameters (``_main``'s): every option that sets the run's
        ``State`` (``commands.state``), not the eager ones (--version, --help) nor completion's
        installers, which set nothing.
        """
        options = [p for p in self.params if not p.is_eager and p.expose_value]
        values = tuple(o for p in options if not getattr(p, "is_flag", False) for o in p.opts)
        flags = tuple(o for p in options if getattr(p, "is_flag", False) for o in p.opts)
        return values, flags

    def invoke(self, ctx: Any) -> Any:
        from mlcareer.commands.catalog import built
        from mlcareer.files import fresh_run

        before = built()
        with fresh_state(), fresh_run():
            try:
                return super().invoke(ctx)
            except MlcareerError as exc:
                report_error(exc)
                raise typer.Exit(exc.exit_code) from None
            finally:
                if built() != before or _unusable_record():
                    from mlcareer.cli.index import record_grammar

                    record_grammar(self)  # where it is missing or stale


def _unusable_record() -> bool:
    """Whether the fast path found the recorded grammar unusable in this process (made from other
    code: an upgrade), so this run, which Typer parsed, records it again. A run that built its
    catalog records it anyway; one that found the cache warm would otherwise never do so."""
    fastindex = sys.modules.get("mlcareer.pack.fastindex")
    return bool(fastindex is not None and fastindex.unusable_run)


def _word_arguments(command: Any) -> Any:
    """Show a command's arguments in help as words (``_WordArgument``)."""
    for param in getattr(command, "params", ()):
        if type(param) is TyperArgument:
            param.__class__ = _WordArgument
    return command


class Subgroup(TyperGroup):
    """A command with subcommands, as git and gh name them (`history show N`).

    ``aliases`` maps an older flag form to its subcommand (`--diff` -> `diff`): the flag,
    wherever it stands before a `--`, becomes the subcommand, and the other words follow it.
    """

    aliases: ClassVar[dict[str, str]] = {}

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        end = args.index("--") if "--" in args else len(args)
        found = [word for word in args[:end] if word in self.aliases]
        if len(found) > 1:
            raise UsageError(f"{found[0]} and {found[1]} do not go together")
        if found:
            args = [self.aliases[found[0]], *(w for i, w in enumerate(args) if i >= end or w != found[0])]
        return super().parse_args(ctx, args)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        return _word_arguments(super().get_command(ctx, cmd_name))


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


def hoist_global_options(args: list[str], values: tuple[str, ...], flags: tuple[str, ...]) -> list[str]:
    """Move global options given after the command to before it, where the parser reads them:
    `mlcareer roles --data-dir data`. ``values`` take a value, ``flags`` do not.

    Nothing after a `--` is touched.
    """
    start = 0
    while start < len(args):  # find the command: the first word that is no option or its value
        word = args[start]
        if word == "--":
            return args
        if word in values:
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
        if word in values and i + 1 < len(args):
            moved += args[i : i + 2]
            i += 2
            continue
        if word in flags or word.startswith(tuple(f"{o}=" for o in values)):
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
    data_dir: DataDirOption = None,
    no_pager: NoPagerOption = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """mlcareer: a career guide for machine learning engineering, in your terminal.

    Every fact comes from named sources; where they are silent, mlcareer says "no data".
    """
    apply(data_dir=data_dir, no_pager=no_pager)
    if ctx.invoked_subcommand is None:
        from mlcareer.cli.overview import overview

        sys.stdout.write(overview(ctx))
