"""The `team` command: self-assessments of a class or a team, side by side."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlcareer.choices import Format
from mlcareer.cli.app import app, catalog
from mlcareer.cli.options import FormatOption, JsonOption, OutputOption, quick_option, role_option
from mlcareer.cli.output import emit, notice, report_error
from mlcareer.errors import ExitCode, MlcareerError, UsageError

if TYPE_CHECKING:
    from mlcareer.jsondoc.types import ProblemDoc


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
    fmt: FormatOption = Format.text,
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
    from mlcareer.domain.answers import read_named_answers
    from mlcareer.domain.careers import find_role
    from mlcareer.domain.quiz import quiz_data, select_questions
    from mlcareer.domain.team import calibrate as pair
    from mlcareer.domain.team import gather
    from mlcareer.domain.team import team as group
    from mlcareer.files import PathError, shown
    from mlcareer.jsondoc import team as jsondoc
    from mlcareer.jsondoc.validate import error_rows
    from mlcareer.render.team import calibration_page, team_page

    found = gather(files)
    if not found.files and not found.skipped:
        raise UsageError("no answers files: give files, or directories that hold .yaml, .yml or .json files")
    if calibrate and len(found.files) + len(found.errors) != 2:
        count = len(found.files) + len(found.errors)
        raise UsageError(f"--calibrate compares two assessments of one person; {count} files given")
    data = catalog(ctx)
    target = find_role(data, role)
    quiz = quiz_data(data)
    asked = select_questions(quiz, quick)
    people: list[tuple[str, str, dict[str, int]]] = []
    problems: list[ProblemDoc] = []
    for skipped in found.skipped:
        if skipped.error:
            exc = PathError(skipped.path, "read", skipped.reason)
            report_error(exc)
            problems += error_rows(exc, shown(skipped.path))
        else:
            notice(skipped.message[:1].upper() + skipped.message[1:])
    for path in found.files:
        try:
            name, answers = read_named_answers(path, asked, quiz.questions)
        except MlcareerError as exc:
            report_error(exc)
            problems += error_rows(exc, shown(path))
            continue
        people.append((name or shown(path.stem), shown(path), answers))
    if calibrate and len(people) == 2:
        first, second = group(data, target, people, quick=quick).members
        cal = pair(data, first, second)
        emit(
            fmt=fmt,
            as_json=as_json,
            output=output,
            data=lambda: jsondoc.calibration_json(cal),
            page=lambda: calibration_page(cal),
        )
    elif people and not calibrate:
        found_team = group(data, target, people, quick=quick)
        emit(
            fmt=fmt,
            as_json=as_json,
            output=output,
            data=lambda: jsondoc.team_json(found_team, problems),
            page=lambda: team_page(found_team),
        )
    if problems:
        raise typer.Exit(ExitCode.ERROR)

