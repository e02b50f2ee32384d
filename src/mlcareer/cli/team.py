"""The `team` command: self-assessments of a class or a team, side by side."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlcareer.choices import Format
from mlcareer.cli.app import app, catalog
from mlcareer.cli.options import JsonOption, OutputOption, formats_for, quick_option, role_option
from mlcareer.cli.output import emit, notice, report_error
from mlcareer.errors import ExitCode, MlcareerError, UsageError

if TYPE_CHECKING:
    from mlcareer.domain.team import Gathered


@app.command()
def team(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE",
            help="Answers files (as for quiz --answers; an optional name: key names the person), "
            "or directories of them.",
            show_default=False,
            readable=False,  # examined by the shared folder reader, which says why a path cannot be read
        ),
    ],
    *,
    role: Annotated[str, role_option("The role to measure the group against.")] = "ml-engineer",
    quick: Annotated[bool, quick_option("The files answer the quick form.")] = False,
    calibrate: Annotated[
        bool,
        typer.Option(
            "--calibrate",
            help="Two assessments of one person (self and manager): flag every skill where they differ "
            "by two steps or more.",
        ),
    ] = False,
    fmt: Annotated[str, formats_for("TeamShown", "Calibration")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Compare the self-assessments of a class or a team: who meets what, and the gaps they share.

    A matrix of people by skill against the role's expectations, each person's readiness,
    per skill how many reach the expectation, the gaps most of the group shares (first), and
    the kinds of ML engineer the group leans to. Nothing is saved to your history.
    A bad file is reported with its file, line and question; the others are still shown (exit 1).

    Example: mlcareer team class/ --role ml-engineer
    """
    from mlcareer.domain.careers import find_role
    from mlcareer.domain.quiz import quiz_data, select_questions
    from mlcareer.domain.shown import TeamShown
    from mlcareer.domain.team import calibrate as pair
    from mlcareer.domain.team import gather, read_people
    from mlcareer.domain.team import team as group

    found = gather(files)
    if not found.files and not found.skipped:
        raise UsageError("no answers files: give files, or directories that hold .yaml, .yml or .json files")
    if calibrate and len(found.files) + len(found.errors) != 2:
        count = len(found.files) + len(found.errors)
        raise UsageError(f"--calibrate compares two assessments of one person; {count} files given")
    data = catalog(ctx)
    target = find_role(data, role)
    quiz = quiz_data(data)
    failed = _skipped(found)
    people, unread = read_people(found.files, select_questions(quiz, quick), quiz.questions)
    for _, exc in unread:
        report_error(exc)
    failed += unread
    if calibrate and len(people) == 2:
        first, second = group(data, target, people, quick=quick).members
        emit(pair(data, first, second), fmt, output, as_json=as_json)
    elif people and not calibrate:
        emit(TeamShown(group(data, target, people, quick=quick), failed), fmt, output, as_json=as_json)
    if failed:
        raise typer.Exit(ExitCode.ERROR)


def _skipped(found: Gathered) -> list[tuple[str, MlcareerError]]:
    """Say why each path the folder reader skipped was skipped; those it could not read are errors."""
    from mlcareer.files import PathError, shown

    failed: list[tuple[str, MlcareerError]] = []
    for skipped in found.skipped:
        if skipped.error:
            exc = PathError(skipped.path, "read", skipped.reason)
            report_error(exc)
            failed.append((shown(skipped.path), exc))
        else:
            notice(skipped.message[:1].upper() + skipped.message[1:])
    return failed
