"""The work of the self-assessment command, quiz (its saved results are the history command's)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, NoReturn

from mlcareer.choices import Format
from mlcareer.commands.catalog import catalog
from mlcareer.commands.output import check_writable, emit, notice, report_error, write_file
from mlcareer.errors import Cancelled, Failed, MlcareerError, OutputError, UsageError

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from mlcareer.assessment import Assessment
    from mlcareer.models import Catalog, Question, ScaleStep

REPORT_KINDS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".svg": "svg"}

NO_TERMINAL = (
    "the quiz asks its questions in a terminal, and stdin is not one. To answer without "
    "prompts, put your answers in a file (YAML or JSON, question id: 0-4) and pass it with "
    "--answers FILE; `mlcareer quiz --template > answers.yaml` writes one to fill in."
)
CANCELLED = "quiz cancelled, nothing saved"


def _report_kind(path: Path | None) -> str | None:
    if path is None:
        return None
    kind = REPORT_KINDS.get(path.suffix.lower())
    if kind is None:
        shown = f"'{path.suffix}'" if path.suffix else "no extension"
        raise UsageError(f"--report {path}: {shown} is not a report type; use .md, .html or .svg")
    return kind


def quiz(
    *,
    role: str,
    quick: bool,
    answers: Path | None,
    report: Path | None,
    no_save: bool,
    template: bool,
    force: bool,
    plan: bool,
    fmt: str,
    as_json: bool,
    output: Path | None,
) -> None:
    """`mlcareer quiz`: asked in the terminal or read from --answers; shown, saved, reported."""
    from mlcareer.assessment import assess
    from mlcareer.domain.careers import find_role
    from mlcareer.domain.quiz import quiz_data

    data = catalog()
    quiz_data(data)  # a data directory without a quiz says so before anything else
    if template:
        given = {"--answers": answers is not None, "--json": as_json, "--report": report is not None}
        _only_template(given | {"--plan": plan, "--format": Format(fmt) is not Format.text})
        _template(data, quick, output, force)
        return
    if force:
        raise UsageError("--force goes with --template -o FILE")
    if plan and quick:
        raise UsageError("--plan asks the questions of your plan; it does not go with --quick")
    target = find_role(data, role)
    report_kind = _destinations(output, report)
    done = assess(
        data, target, answers=answers, quick=quick, retake=plan, save=not no_save, ask=_ask, notice=notice
    )
    _show(done, fmt, output, as_json, report if report_kind else None, report_kind)


def _show(
    done: Assessment, fmt: str, output: Path | None, as_json: bool, report: Path | None, kind: str | None
) -> None:
    """The result, its report file if asked, then whether it was saved (exit 1 if saving failed)."""
    told = False  # the error message already says what became of the result
    try:
        try:
            emit(done, fmt, output, as_json=as_json)
        except OutputError as exc:  # stdout failed (a full disk, a file-size limit)
            told = not exc.quiet
            raise OutputError(f"{exc}; {_kept(done.saved, done.unsaved)}", exc.quiet) from None
        if report is not None and kind is not None:
            _write_report(report, kind, done)
    finally:  # said last, where it is seen, and even if a report could not be written
        if done.saved is not None and not told:
            notice(f"Saved as result #{done.saved}; `mlcareer history` lists your results.")
    if done.unsaved is not None:
        report_error(done.unsaved)
        raise Failed  # said just above


def _destinations(output: Path | None, report: Path | None) -> str | None:
    """Check the files to write before the questions (a bad path should not cost the answers);
    the report's kind, from its extension."""
    for destination in (output, report):
        if destination is not None:
            check_writable(destination)
    report_kind = _report_kind(report)
    if output is not None and report is not None:
        from mlcareer.files import same_file

        if same_file(output, report):
            raise UsageError("--output and --report name the same file; the report would replace the output")
    return report_kind


def _kept(saved: int | None, unsaved: MlcareerError | None) -> str:
    """What became of a result that could not be shown in full."""
    if saved is not None:
        return f"the result was saved as #{saved}: `mlcareer history show {saved}` shows it again"
    if unsaved is not None:
        return str(unsaved)
    return "the result was not saved (--no-save)"


def _template(data: Catalog, quick: bool, output: Path | None, force: bool) -> None:
    """An answers file with every question (of the quick form) to fill in, on stdout or in ``output``."""
    from mlcareer.assessment import labels
    from mlcareer.domain.quiz import quiz_data, select_questions
    from mlcareer.render import quiz as render

    shown = labels(data)
    body = render.answers_template(
        select_questions(quiz_data(data), quick), shown.scale, shown.interest_scale, shown.skill_names
    )
    if output is None:
        from mlcareer.stdout import write_stdout

        write_stdout(body)
        return
    check_writable(output)  # a name too long, a folder that cannot be searched: one line, exit 1
    if os.path.lexists(output) and not force:  # it may hold answers already filled in
        from mlcareer.files import shown as visible

        raise MlcareerError(f"{visible(output)} exists; --force overwrites it, or choose another FILE")
    write_file(output, body)


def _only_template(given: dict[str, bool]) -> None:
    """--template writes a file to fill in: the options of a result do not go with it."""
    stray = [name for name, said in given.items() if said]
    if stray:
        goes = "does" if len(stray) == 1 else "do"
        raise UsageError(
            f"--template writes an answers file to fill in; {', '.join(stray)} {goes} not go with it"
        )


def _write_report(report: Path, kind: str, done: Assessment) -> None:
    """The result as a Markdown, HTML or SVG file (``kind``, from the file's extension)."""
    from mlcareer.formats import Format, document
    from mlcareer.render import quiz as render

    shown = render.result_page(done.result, nxt=done.next)
    if kind == "svg":
        from mlcareer.render import to_text
        from mlcareer.render.html import offline_svg
        from mlcareer.render.rich_common import recorded

        write_file(report, offline_svg(recorded(to_text.page(shown), "svg")))
    else:
        write_file(report, document(Format(kind), shown))


def _ask(
    questions: Sequence[Question],
    scale: dict[int, ScaleStep],
    interest_scale: dict[int, ScaleStep],
    skill_names: dict[str, str],
) -> dict[str, int]:
    """The answers, asked in the terminal; exit 130 when cancelled."""
    from mlcareer.terminal import console, prompts

    if not prompts.stdin_is_terminal():
        raise UsageError(NO_TERMINAL)
    console.notice(  # wrapped at the terminal's width, never inside a word
        f"{len(questions)} questions about your skills and interests. "
        "A number key 0-4 answers, or arrow keys and Enter; left arrow or Backspace goes back; "
        "Esc leaves (asking first once you have answered); Ctrl-C cancels at once.",
        wrap=True,
    )
    try:
        return prompts.ask(questions, scale, interest_scale, skill_names)
    except prompts.Cancelled:
        _cancelled()


def _cancelled() -> NoReturn:
    from mlcareer.terminal import console

    console.notice(CANCELLED, dim=False)
    raise Cancelled  # said just above
