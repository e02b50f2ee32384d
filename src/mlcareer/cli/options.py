"""The option types every command shares, their callbacks, and the global options and their state."""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from mlcareer.choices import LEVEL_CHOICES, Level, level_help, parse_level
from mlcareer.cli.complete import complete_role
from mlcareer.formats import HELP, Format


@dataclass
class State:
    """The global options of this run: the one place they are kept, set by the group's callback
    (``cli.app._main``, from the options below) and read by any code of the run (``state()``)."""

    data_dir: Path | None = None
    pager: bool = True


DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        metavar="DIR",
        help="Read roles, skills and salaries from this directory instead of the shipped data "
        "(also: MLCAREER_DATA_DIR; before or after the command).",
        show_default=False,
        readable=False,  # the loader examines it and says why it cannot be read (exit 1)
    ),
]
NoPagerOption = Annotated[
    bool,
    typer.Option(
        "--no-pager",
        help="Print long output directly instead of through a pager "
        "($MLCAREER_PAGER, else $PAGER, else less -FRX; MLCAREER_PAGER=cat also turns it off).",
    ),
]


_state: ContextVar[State] = ContextVar("mlcareer_state")


def state() -> State:
    """The global options of the run in progress (defaults outside one)."""
    return _state.get(State())


@contextmanager
def fresh_state() -> Iterator[State]:
    """One run's options; a test's next run starts afresh."""
    token = _state.set(State())
    try:
        yield _state.get()
    finally:
        _state.reset(token)


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
        help=", ".join(HELP[f] for f in offered) + ".",
        callback=_formats(*offered),
        autocompletion=lambda incomplete: [f.value for f in offered if f.value.startswith(incomplete)],
    )


def formats_for(*results: str) -> Any:
    """The --format option of a command that shows ``results`` (result types of ``mlcareer.outputs``,
    by class name): its choices and help are those of the results' entries in that table."""
    from mlcareer.outputs import formats_of

    return format_option(*formats_of(*results))


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE instead of stdout ('-' for stdout).",
        show_default=False,
        parser=lambda text: output_path(text),
        callback=lambda value: None if value is not None and str(value) == "-" else value,
    ),
]


def output_path(text: str) -> Path:
    """A file to write, as given: ``DIR/`` (a directory, existing or not) is refused (exit 1)."""
    from mlcareer.files import output_path as checked

    return checked(text)


# ---------------------------------------------------------------- the self-assessment's options
# quiz, plan, team (and salary's --role) take the same options; each command words its own help.


def role_option(help: str, *, show_default: bool = True) -> Any:
    """--role ROLE: an id, title or alias, completed from the data in use."""
    return typer.Option(
        "--role", "-r", metavar="ROLE", help=help, autocompletion=complete_role, show_default=show_default
    )


def answers_option(help: str, *, dir_okay: bool = False) -> Any:
    """--answers FILE: an answers file (YAML or JSON) that must exist, or '-' for standard input."""
    return typer.Option(
        "--answers",
        "-a",
        metavar="FILE|DIR" if dir_okay else "FILE",
        help=help,
        show_default=False,
        readable=False,  # checked by _answers_path, which can tell "missing" from "not allowed"
        callback=_answers_path(dir_okay),
    )


def _answers_path(dir_okay: bool) -> Callable[[Path | None], Path | None]:
    """The check of --answers: a file (or, with ``dir_okay``, a folder of them), or '-' for stdin."""

    def check(value: Path | None) -> Path | None:
        """One that does not exist is a usage error; one that cannot be examined is exit 1.

        A file is an input of the run: ``--output`` and ``--report`` never write over it (the
        files of a folder are protected as the folder is read).
        """
        if value is None or str(value) == "-":
            return value
        import os
        import stat

        from mlcareer.files import PathError, examine, protect, shown

        try:
            st = examine(value)
        except PathError as exc:
            if exc.errno == errno.ENOENT and not os.path.islink(value):
                what = "path" if dir_okay else "file"
                raise typer.BadParameter(f"{what} {shown(value)!r} does not exist") from None
            raise
        if stat.S_ISDIR(st.st_mode):
            if not dir_okay:
                raise typer.BadParameter(f"{shown(value)!r} is a directory; give an answers file")
            return value
        protect(value, "the answers file this run reads")
        return value

    return check


def quick_option(help: str) -> Any:
    """--quick: the quick form of the quiz."""
    return typer.Option("--quick", help=help)
