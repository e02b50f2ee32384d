"""The work of the `plan` command: a learning plan, its progress marks, and a class's plan pages."""

from __future__ import annotations

import errno
import os
import stat
from typing import TYPE_CHECKING

from mlcareer.choices import Format
from mlcareer.commands.catalog import catalog
from mlcareer.commands.output import emit, notice
from mlcareer.errors import Failed, UsageError

if TYPE_CHECKING:
    from pathlib import Path

    from mlcareer.domain.team import Person
    from mlcareer.models import Catalog
    from mlcareer.render.view import Page


def plan(
    *,
    role: str | None,
    answers: Path | None,
    quick: bool,
    done: list[str] | None,
    undo: list[str] | None,
    first: int | None,
    force: bool,
    fmt: str,
    as_json: bool,
    output: Path | None,
) -> None:
    """`mlcareer plan`: the plan for a role from the latest result or --answers; a class's pages."""
    from mlcareer.assessment import learning_plan
    from mlcareer.domain.shown import PlanShown

    marks = bool(done or undo)
    if answers is not None and answers.is_dir():
        if marks:
            raise UsageError("--done and --undo keep progress in your history; they do not go with --answers")
        _handouts(role, answers, quick, first, fmt, as_json, output, force)
        return
    _check(answers, marks, quick, force, both=bool(done and undo))
    mark = (done, True) if done else (undo, False) if undo else None
    result, origin = learning_plan(catalog(), role, answers=answers, quick=quick, mark=mark, notice=notice)

    emit(PlanShown(result, origin, first), fmt, output, as_json=as_json)


def _check(answers: Path | None, marks: bool, quick: bool, force: bool, *, both: bool) -> None:
    """The options of one plan that do not go together."""
    if force:
        raise UsageError("--force goes with --answers DIR --output OUTDIR, to overwrite the plans there")
    if both:
        raise UsageError("--done and --undo do not go together")
    if answers is not None and marks:
        raise UsageError("--done and --undo keep progress in your history; they do not go with --answers")
    if quick and answers is None:
        raise UsageError("--quick goes with --answers; a saved result knows its own form")


HANDOUT_SUFFIXES = {Format.html: ".html", Format.markdown: ".md"}


def _handouts(
    role: str | None,
    folder: Path,
    quick: bool,
    first: int | None,
    fmt: str,
    as_json: bool,
    output: Path | None,
    force: bool,
) -> None:
    """One plan page per answers file in ``folder``, and an index linking them, written to ``output``."""
    from mlcareer.assessment import DEFAULT_ROLE
    from mlcareer.domain.careers import find_role
    from mlcareer.domain.handouts import INDEX, handouts
    from mlcareer.errors import MlcareerError
    from mlcareer.files import PathError, examine, shown
    from mlcareer.render.plan import index_page, plan_page

    kind = Format(fmt)
    if output is None:
        raise UsageError(
            "--answers DIR writes a plan page per student: name the folder for them with --output OUTDIR"
        )
    if as_json or kind not in HANDOUT_SUFFIXES:
        raise UsageError(
            "--answers DIR writes a plan page per student: add --format html or --format markdown"
        )
    try:
        there_now: os.stat_result | None = examine(output, "write")
    except PathError as exc:  # a name too long, a folder that cannot be searched: one line
        if exc.errno != errno.ENOENT:
            raise
        there_now = None
    if there_now is not None and not stat.S_ISDIR(there_now.st_mode):
        raise MlcareerError(f"{shown(output)} is not a directory; --output names the folder for the plans")
    data = catalog()
    target = find_role(data, role or DEFAULT_ROLE)
    people, not_read = _class(data, folder, quick)
    suffix = HANDOUT_SUFFIXES[kind]
    plans = handouts(data, target, people, quick=quick)
    pages = [(output / f"{h.stem}{suffix}", plan_page(h.plan, first, h, f"{INDEX}{suffix}")) for h in plans]
    pages.append((output / f"{INDEX}{suffix}", index_page(target, plans, suffix, not_read)))
    _write_pages(pages, output, kind, force=force)
    count = f"{len(plans)} plan{'' if len(plans) == 1 else 's'}"
    notice(f"Wrote {count} and {INDEX}{suffix} to {shown(output)}")
    if not_read:
        raise Failed  # each file not read was said as it was found


def _class(data: Catalog, folder: Path, quick: bool) -> tuple[list[Person], list[str]]:
    """The people of a class folder, and a line for each file that could not be read (said on stderr)."""
    from mlcareer.commands.output import report_error
    from mlcareer.domain.quiz import quiz_data, select_questions
    from mlcareer.domain.team import gather, read_people
    from mlcareer.errors import MlcareerError
    from mlcareer.files import shown

    quiz = quiz_data(data)
    not_read: list[str] = []

    def problem(exc: MlcareerError, path: Path) -> None:
        report_error(exc)
        not_read.append(f"{shown(path)}: {exc}")

    found = gather([folder])
    people = read_people(found, select_questions(quiz, quick), quiz.questions, problem, notice)
    if not found.files and not found.skipped:
        raise UsageError(f"no answers files in {shown(folder)}: it holds no .yaml, .yml or .json file")
    return people, not_read


def _write_pages(pages: list[tuple[Path, Page]], output: Path, kind: Format, *, force: bool) -> None:
    """Every page written in its format, or none: pages already there only with ``force``."""
    from mlcareer.errors import MlcareerError
    from mlcareer.files import destination, shown, why, write
    from mlcareer.formats import document

    there = [p for p, _ in pages if os.path.lexists(p)]
    if there and not force:
        names = ", ".join(p.name for p in there[:5]) + (", ..." if len(there) > 5 else "")
        raise MlcareerError(
            f"{len(there)} of the pages exist in {shown(output)} ({names}); --force overwrites them, "
            "or choose another --output"
        )
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MlcareerError(f"cannot create {shown(output)}: {why(exc, output)}") from None
    for path, _ in pages:  # every page can be written, or none is
        destination(path)
    for path, page in pages:
        write(path, document(kind, page))
