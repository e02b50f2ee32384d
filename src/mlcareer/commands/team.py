"""The work of the `team` command: self-assessments of a class or a team, side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.commands.catalog import catalog
from mlcareer.commands.output import emit, notice, report_error
from mlcareer.errors import Failed, MlcareerError, UsageError

if TYPE_CHECKING:
    from pathlib import Path

    from mlcareer.domain.shown import ProgressShown
    from mlcareer.domain.team import Person
    from mlcareer.models import Catalog, Role


def team(
    files: list[Path],
    *,
    role: str,
    quick: bool,
    calibrate: bool,
    since: Path | None,
    fmt: str,
    as_json: bool,
    output: Path | None,
) -> None:
    """`mlcareer team FILE...`: the group's matrix, a calibration of two, or the change since OLD."""
    from mlcareer.domain.careers import find_role
    from mlcareer.domain.quiz import quiz_data, select_questions
    from mlcareer.domain.shown import TeamShown
    from mlcareer.domain.team import calibrate as pair
    from mlcareer.domain.team import gather, read_people
    from mlcareer.domain.team import team as group

    found = gather(files)
    if not found.files and not found.skipped:
        raise UsageError("no answers files: give files, or directories that hold .yaml, .yml or .json files")
    if calibrate and since is not None:
        raise UsageError("--calibrate compares two views of one person; --since, two rounds of a group")
    if calibrate and len(found.files) + len(found.errors) != 2:
        count = len(found.files) + len(found.errors)
        raise UsageError(f"--calibrate compares two assessments of one person; {count} files given")
    data = catalog()
    target = find_role(data, role)
    quiz = quiz_data(data)
    problems = _Problems()
    now = read_people(found, select_questions(quiz, quick), quiz.questions, problems, notice)
    people = [(p.name, p.file, p.answers) for p in now]
    result: object = None
    if since is not None:
        result = _since(data, target, since, files, now, problems, quick=quick)
    elif calibrate and len(people) == 2:
        first, second = group(data, target, people, quick=quick).members
        result = pair(data, first, second)
    elif people and not calibrate:
        result = TeamShown(group(data, target, people, quick=quick), problems.failed)
    if result is not None:
        emit(result, fmt, output, as_json=as_json)
    if problems.failed:
        raise Failed  # each file not read was said as it was found


class _Problems:
    """The files that could not be read: each said on stderr when it is found, and kept."""

    def __init__(self) -> None:
        self.failed: list[tuple[str, MlcareerError]] = []

    def __call__(self, exc: MlcareerError, path: Path) -> None:
        from mlcareer.files import shown

        report_error(exc)
        self.failed.append((shown(path), exc))


def _since(
    data: Catalog,
    target: Role,
    since: Path,
    files: list[Path],
    now: list[Person],
    problems: _Problems,
    *,
    quick: bool,
) -> ProgressShown | None:
    """team NEW --since OLD: each person's change between two rounds, and the group's."""
    from mlcareer.domain.quiz import quiz_data, select_questions
    from mlcareer.domain.shown import ProgressShown
    from mlcareer.domain.team import gather, progress, read_people
    from mlcareer.files import shown

    quiz = quiz_data(data)
    before_files = gather([since])
    earlier = read_people(before_files, select_questions(quiz, quick), quiz.questions, problems, notice)
    if earlier and now:
        change = progress(data, target, earlier, now, quick=quick)
        return ProgressShown(change, shown(since), ", ".join(shown(f) for f in files), problems.failed)
    if not before_files.files and not before_files.skipped:
        raise UsageError(f"no answers files in {shown(since)}: it holds no .yaml, .yml or .json file")
    return None
