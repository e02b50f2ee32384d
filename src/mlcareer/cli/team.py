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
    since: Annotated[
        Path | None,
        typer.Option(
            "--since",
            metavar="OLD",
            help="An earlier round of the same group (a directory or file of answers): each person's "
            "change and the group's change per skill. People are paired by name:, else by file name.",
            show_default=False,
            readable=False,  # examined by the shared folder reader, which says why a path cannot be read
        ),
    ] = None,
    fmt: FormatOption = Format.text,
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
    from mlcareer.domain.careers import find_role
    from mlcareer.domain.quiz import quiz_data, select_questions
    from mlcareer.domain.team import calibrate as pair
    from mlcareer.domain.team import gather, read_people
    from mlcareer.domain.team import team as group
    from mlcareer.files import shown
    from mlcareer.jsondoc import team as jsondoc
    from mlcareer.jsondoc.validate import error_rows
    from mlcareer.render.team import calibration_page, team_page

    found = gather(files)
    if not found.files and not found.skipped:
        raise UsageError("no answers files: give files, or directories that hold .yaml, .yml or .json files")
    if calibrate and since is not None:
        raise UsageError("--calibrate compares two views of one person; --since, two rounds of a group")
    if calibrate and len(found.files) + len(found.errors) != 2:
        count = len(found.files) + len(found.errors)
        raise UsageError(f"--calibrate compares two assessments of one person; {count} files given")
    data = catalog(ctx)
    target = find_role(data, role)
    quiz = quiz_data(data)
    asked = select_questions(quiz, quick)
    problems: list[ProblemDoc] = []

    def problem(exc: MlcareerError, path: Path) -> None:
        report_error(exc)
        problems.extend(error_rows(exc, shown(path)))

    now = read_people(found, asked, quiz.questions, problem, notice)
    if since is not None:
        from mlcareer.domain.team import progress
        from mlcareer.render.team import progress_page

        before_files = gather([since])
        earlier = read_people(before_files, asked, quiz.questions, problem, notice)
        if earlier and now:
            change = progress(data, target, earlier, now, quick=quick)
            before, after = shown(since), ", ".join(shown(f) for f in files)
            emit(
                fmt=fmt,
                as_json=as_json,
                output=output,
                data=lambda: jsondoc.progress_json(change, problems),
                page=lambda: progress_page(change, before, after),
            )
        elif not before_files.files and not before_files.skipped:
            raise UsageError(f"no answers files in {shown(since)}: it holds no .yaml, .yml or .json file")
        if problems:
            raise typer.Exit(ExitCode.ERROR)
        return
    people = [(p.name, p.file, p.answers) for p in now]
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
