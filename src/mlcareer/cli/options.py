"""The option types every command shares, their callbacks (``commands.readers``), the global options."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from mlcareer.choices import LEVEL_CHOICES, level_help
from mlcareer.cli.complete import complete_role
from mlcareer.commands import readers
from mlcareer.commands.readers import READERS, READS
from mlcareer.formats import HELP, Format

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


def reading(name: str, *args: Any) -> Callable[[Any], Any]:
    """A Typer callback that reads its value with reader ``name`` of ``commands.readers`` (with
    ``args``): None stays None, and a value the reader refuses is a usage error naming why.

    The callback carries the reader's name and arguments (``READS``): the grammar recorded for
    the fast path (``cli.index``) says so, and the fast path reads the value with the same reader.
    """
    reader = READERS[name]

    def read(value: Any) -> Any:
        if value is None:
            return None
        try:
            return reader(value, *args)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None

    setattr(read, READS, [name, *args])
    return read


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
        callback=reading("level"),
        autocompletion=_complete_level,
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON on stdout instead of text.")]


def choice(what: str) -> Callable[[Any], Any]:
    """A callback that reads a member of enum ``what`` (``commands.readers.CHOICES``) in any case."""
    return reading("choice", what)


def complete_choice(enum: type[StrEnum]) -> Callable[[str], list[str]]:
    return lambda incomplete: [m.value for m in enum if m.value.startswith(incomplete.casefold())]


def format_option(*offered: Format) -> Any:
    """The --format option of a command that has the ``offered`` formats (its help names only those)."""
    return typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=", ".join(HELP[f] for f in offered) + ".",
        callback=reading("format", *(f.value for f in offered)),
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
        parser=readers.output_path,  # DIR/ is noted, and refused as a file to write (exit 1)
        callback=reading("stdout_dash"),
    ),
]


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
        readable=False,  # checked by readers.answers, which can tell "missing" from "not allowed"
        callback=reading("answers", dir_okay),
    )


def quick_option(help: str) -> Any:
    """--quick: the quick form of the quiz."""
    return typer.Option("--quick", help=help)
