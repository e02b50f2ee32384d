"""The Typer app, the global options and the helpers every command uses."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperArgument, TyperGroup

from mlcareer import __version__
from mlcareer.choices import LEVEL_CHOICES, Format, Level, level_help, parse_level
from mlcareer.errors import DataError, MlcareerError, OutputError, UsageError

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
        token = _state.set(State())  # one run's options; a test's next run starts afresh
        try:
            return super().invoke(ctx)
        except MlcareerError as exc:
            report_error(exc)
            raise typer.Exit(exc.exit_code) from None
        finally:
            _state.reset(token)


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


@dataclass
class State:
    """The global options of this run."""

    data_dir: Path | None = None
    pager: bool = True


_state: ContextVar[State] = ContextVar("mlcareer_state")


def state() -> State:
    """The global options of the run in progress (defaults outside one)."""
    return _state.get(State())


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


def print_json(data: Any) -> None:
    """JSON on stdout, never through Rich (which would wrap it)."""
    from mlcareer.files import write_stdout

    write_stdout(json_text(data))


def show(renderable: object) -> None:
    """Print one renderable on stdout."""
    from mlcareer import console

    console.show(renderable)


def report_error(exc: MlcareerError) -> None:
    """'Error: ...' on stderr; a data error lists each problem on its own line."""
    from mlcareer import console

    if isinstance(exc, OutputError) and exc.quiet:
        return
    if isinstance(exc, DataError) and exc.total > 1:
        console.error(f"{exc.total:,} problems in {exc.where}:", [str(p) for p in exc.problems])
    else:
        console.error(str(exc))


def _level(value: str | None) -> Level | None:
    """Accept a level in any case, or an alias (junior); a usage error names the valid ones."""
    if value is None:
        return None
    try:
        return parse_level(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _complete_level(incomplete: str) -> list[str]:
    return [c for c in LEVEL_CHOICES if c.startswith(incomplete.casefold())]


# One --level for every command: entry, mid, senior, executive, and junior for entry.
LevelOption = Annotated[
    str | None,
    typer.Option(
        "--level",
        "-l",
        metavar="LEVEL",
        help=f"Only this level: {level_help()}.",
        callback=_level,
        autocompletion=_complete_level,
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout instead of text.")]


def choice(enum: type[StrEnum], what: str) -> Callable[[str | None], StrEnum | None]:
    """A callback that reads an enum member in any case and names the choices when it can't."""

    def read(value: str | None) -> StrEnum | None:
        if value is None:
            return None
        try:
            return enum(value.casefold())
        except ValueError:
            names = ", ".join(member.value for member in enum)
            raise typer.BadParameter(f"unknown {what} {value!r}; choose one of: {names}") from None

    return read


def complete_choice(enum: type[StrEnum]) -> Callable[[str], list[str]]:
    return lambda incomplete: [m.value for m in enum if m.value.startswith(incomplete.casefold())]


_FORMAT_HELP = {
    Format.text: "text (for people)",
    Format.json: "json (for programs)",
    Format.markdown: "markdown (for documents)",
    Format.html: "html (a handout page)",
    Format.mermaid: "mermaid (diagrams)",
}


def _formats(*offered: Format) -> Callable[[str | None], str | None]:
    """Read --format in any case; a usage error names the formats this command has."""

    def read(value: str | None) -> str | None:
        if value is None:
            return None
        key = value.casefold()
        if key not in [f.value for f in offered]:
            names = ", ".join(f.value for f in offered)
            raise typer.BadParameter(f"unknown format {value!r}; this command has: {names}")
        return key

    return read


def format_option(*offered: Format) -> Any:
    """The --format option of a command that has the ``offered`` formats (its help names only those)."""
    return typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=", ".join(_FORMAT_HELP[f] for f in offered) + ".",
        callback=_formats(*offered),
        autocompletion=lambda incomplete: [f.value for f in offered if f.value.startswith(incomplete)],
    )


# every view with Markdown has an HTML handout made from it (render/html.py)
FormatOption = Annotated[str, format_option(Format.text, Format.json, Format.markdown, Format.html)]
TextJsonFormatOption = Annotated[str, format_option(Format.text, Format.json)]
DiagramFormatOption = Annotated[
    str, format_option(Format.text, Format.json, Format.markdown, Format.html, Format.mermaid)
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE instead of stdout ('-' for stdout).",
        show_default=False,
        callback=lambda value: None if value is not None and str(value) == "-" else value,
    ),
]


def emit(
    *,
    fmt: str,
    as_json: bool = False,
    output: Path | None = None,
    text: Callable[[], object],
    data: Callable[[], Any],
    markdown: Callable[[], str] | None = None,
    mermaid: Callable[[], str] | None = None,
) -> None:
    """Print (or write to ``output``) one result in the chosen format.

    Only the builder for that format runs. A file is written whole or not at all.
    """
    # every view with Markdown has an HTML handout made from it (render/html.py)
    offered = ["text", "json"] + ["markdown", "html"] * bool(markdown) + ["mermaid"] * bool(mermaid)
    if as_json and Format(fmt) not in (Format.text, Format.json):
        raise UsageError(f"--json and --format {Format(fmt).value} ask for two formats; give one")
    fmt = Format.json if as_json else Format(fmt)
    if fmt.value not in offered:
        raise UsageError(f"this command has no {fmt.value} output; use --format {', '.join(offered)}")
    if fmt is Format.json:
        body = json_text(data())
    elif fmt is Format.markdown and markdown is not None:
        body = markdown()
    elif fmt is Format.html and markdown is not None:
        from mlcareer.render.html import page

        body = page(markdown())
    elif fmt is Format.mermaid and mermaid is not None:
        body = mermaid()
    elif output is None:
        from mlcareer import console

        console.show(text(), paged=paging())
        return
    else:
        from mlcareer.console import plain_text

        body = plain_text(text())
    if output is None and fmt is not Format.json and paging():
        from mlcareer.console import page_text

        page_text(body)
    elif output is None:
        from mlcareer.files import write_stdout

        write_stdout(body)
    else:
        write_file(output, body)


def paging() -> bool:
    """Whether text results go through the pager: on a terminal, unless --no-pager."""
    from mlcareer.console import wants_pager

    return state().pager and wants_pager()


#: The version of every JSON document mlcareer prints: raised when a key changes meaning or goes.
JSON_SCHEMA_VERSION = 2


def json_text(data: Any) -> str:
    """Indented JSON, led by ``schema_version``; ASCII-escaped unless stdout takes UTF-8."""
    from mlcareer.console import is_utf

    if isinstance(data, dict):
        data = {"schema_version": JSON_SCHEMA_VERSION, **data}
    text = json.dumps(data, indent=2, ensure_ascii=not is_utf(sys.stdout))
    if not text.isascii():  # escape what json.dumps leaves raw: bidi overrides, C1 controls
        text = "".join(c if c.isprintable() or c == "\n" else json.dumps(c)[1:-1] for c in text)
    return text + "\n"


def check_writable(path: Path) -> None:
    """Raise MlcareerError unless ``path`` can be written (``-`` is stdout)."""
    from mlcareer.files import destination

    destination(path)


def write_file(path: Path, body: str) -> None:
    """Write ``body`` to ``path``: whole or not at all for a regular file; see mlcareer.files."""
    from mlcareer.files import shown, write

    where = write(path, body)
    if where.how != "stdout":
        notice(f"Wrote {shown(path)}")


def notice(message: str) -> None:
    """A one-line notice on stderr (never mixed into results)."""
    from mlcareer import console

    console.notice(message)
