"""The `team` command: self-assessments of a class or a team, side by side."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlcareer.choices import Format
from mlcareer.cli.app import app, runs
from mlcareer.cli.options import JsonOption, OutputOption, formats_for, quick_option, role_option
from mlcareer.commands import team as run

FilesArgument = Annotated[
    list[Path],
    typer.Argument(
        metavar="FILE",
        help="Answers files (as for quiz --answers; an optional name: key names the person), "
        "or directories of them.",
        show_default=False,
        readable=False,  # examined by the shared folder reader, which says why a path cannot be read
    ),
]
CalibrateOption = Annotated[
    bool,
    typer.Option(
        "--calibrate",
        help="Two assessments of one person (self and manager): flag every skill where they differ "
        "by two steps or more.",
    ),
]
SinceOption = Annotated[
    Path | None,
    typer.Option(
        "--since",
        metavar="OLD",
        help="An earlier round of the same group (a directory or file of answers): each person's "
        "change and the group's change per skill. People are paired by name:, else by file name.",
        show_default=False,
        readable=False,  # examined by the shared folder reader, which says why a path cannot be read
    ),
]


@app.command()
@runs(run.team)
def team(
    files: FilesArgument,
    *,
    role: Annotated[str, role_option("The role to measure the group against.")] = "ml-engineer",
    quick: Annotated[bool, quick_option("The files answer the quick form.")] = False,
    calibrate: CalibrateOption = False,
    since: SinceOption = None,
    fmt: Annotated[str, formats_for("TeamShown", "Calibration", "ProgressShown")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Compare the self-assessments of a class or a team: who meets what, and the gaps they share.

    A matrix of people by skill against the role's expectations, each person's readiness,
    per skill how many reach the expectation, the gaps most of the group shares (first), and
    the kinds of ML engineer the group leans to. Nothing is saved to your history.
    With --since OLD (an earlier round of the same group): each person's change, and the
    group's change per skill; people are paired by name:, else by file name.
    A bad file is reported with its file, line and question; the others are still shown (exit 1).

    Example: mlcareer team class/ --role ml-engineer
    """
