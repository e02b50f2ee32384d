"""Commands of the self-assessment: quiz, history."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from mlcareer.choices import Format
from mlcareer.cli.app import app, catalog
from mlcareer.cli.options import (
    FormatOption,
    JsonOption,
    OutputOption,
    answers_option,
    quick_option,
    role_option,
)
from mlcareer.cli.output import check_writable, emit, notice, print_json, report_error, write_file
from mlcareer.errors import ExitCode, MlcareerError, UsageError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mlcareer.history import Store
    from mlcareer.history_entry import Entry
    from mlcareer.jsondoc.types import QuizResultDoc
    from mlcareer.models import Catalog, Question, ScaleStep
    from mlcareer.quiz import QuizResult
    from mlcareer.render.view import Page

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


@app.command()
def quiz(
    ctx: typer.Context,
    *,
    role: Annotated[
        str, role_option("The role to measure yourself against: an id, title or alias.")
    ] = "ml-engineer",
    quick: Annotated[
        bool, quick_option("The short form: a core subset of the questions (the quiz says how many).")
    ] = False,
    answers: Annotated[
        Path | None,
        answers_option("Take the answers from a YAML or JSON file (question id: 0-4) instead of asking."),
    ] = None,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report",
            metavar="FILE",
            help="Also write the result to FILE: Markdown, HTML or SVG by its extension (.md, .html, .svg).",
            show_default=False,
        ),
    ] = None,
    no_save: Annotated[
        bool, typer.Option("--no-save", help="Do not keep this result in the history.")
    ] = False,
    template: Annotated[
        bool,
        typer.Option("--template", help="Print an answers file with every question to fill in, and exit."),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="With --template -o FILE: overwrite FILE if it exists.")
    ] = False,
    plan: Annotated[
        bool,
        typer.Option(
            "--plan",
            help="Ask again only the skills of your plan for the role (`mlcareer plan`); your other "
            "answers are kept from the result the plan came from, so the two compare like for like.",
        ),
    ] = False,
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Assess yourself: readiness for a role, level, gaps to close, and the kinds of ML engineer that fit.

    In a terminal: a number key 0-4 answers (or arrow keys and Enter); "back" returns to the
    previous question.
    Esc or Ctrl-C cancels (exit 130, nothing saved).
    Without a terminal, give the answers in a file with --answers FILE (see --template).
    Results are kept for `mlcareer history` unless --no-save.
    If saving fails, the result is still shown, the reason goes to stderr, and the exit code is 1.

    Example: mlcareer quiz --quick
    """
    from mlcareer.assessment import assess
    from mlcareer.careers import find_role
    from mlcareer.quiz import quiz_data

    data = catalog(ctx)
    quiz_data(data)  # a data directory without a quiz says so before anything else
    if template:
        given = {"--answers": answers is not None, "--json": as_json, "--report": report is not None}
        given |= {"--plan": plan, "--format": Format(fmt) is not Format.text}
        stray = [name for name, said in given.items() if said]
        if stray:
            goes = "does" if len(stray) == 1 else "do"
            raise UsageError(
                f"--template writes an answers file to fill in; {', '.join(stray)} {goes} not go with it"
            )
        _template(data, quick, output, force)
        return
    if force:
        raise UsageError("--force goes with --template -o FILE")
    if plan and quick:
        raise UsageError("--plan asks the questions of your plan; it does not go with --quick")
    target = find_role(data, role)
    report_kind = _report_kind(report)
    for destination in (output, report):  # before the questions: a bad path should not cost the answers
        if destination is not None:
            check_writable(destination)
    done = assess(
        data, target, answers=answers, quick=quick, retake=plan, save=not no_save, ask=_ask, notice=notice
    )
    result = done.result

    def document() -> QuizResultDoc:
        from mlcareer.jsondoc.quiz import result_json

        return result_json(result)

    def page() -> Page:
        from mlcareer.render.quiz import result_page

        return result_page(result)

    try:
        emit(fmt=fmt, as_json=as_json, output=output, data=document, page=page)
        if report is not None and report_kind is not None:
            _write_report(report, report_kind, result)
    finally:  # said last, where it is seen, and even if a report could not be written
        if done.saved is not None:
            notice(f"Saved as result #{done.saved}; `mlcareer history` lists your results.")
    if done.unsaved is not None:
        report_error(done.unsaved)
        raise typer.Exit(ExitCode.ERROR)


def _template(data: Catalog, quick: bool, output: Path | None, force: bool) -> None:
    """An answers file with every question (of the quick form) to fill in, on stdout or in ``output``."""
    from mlcareer.assessment import labels
    from mlcareer.quiz import quiz_data, select_questions
    from mlcareer.render import quiz as render

    shown = labels(data)
    body = render.answers_template(
        select_questions(quiz_data(data), quick), shown.scale, shown.interest_scale, shown.skill_names
    )
    if output is None:
        from mlcareer.files import write_stdout

        write_stdout(body)
        return
    if output.exists() and not force:  # it may hold answers already filled in
        raise MlcareerError(f"{output} exists; --force overwrites it, or choose another FILE")
    write_file(output, body)


def _only_template(given: dict[str, bool]) -> None:
    """--template writes a file to fill in: the options of a result do not go with it."""
    stray = [name for name, said in given.items() if said]
    if stray:
        goes = "does" if len(stray) == 1 else "do"
        raise UsageError(
            f"--template writes an answers file to fill in; {', '.join(stray)} {goes} not go with it"
        )


def _write_report(report: Path, kind: str, result: QuizResult) -> None:
    """The result as a Markdown, HTML or SVG file (``kind``, from the file's extension)."""
    from mlcareer.formats import DOCUMENTS, Format
    from mlcareer.render import quiz as render

    if kind == "svg":
        from mlcareer.render import to_text
        from mlcareer.render.html import offline_svg

        write_file(report, offline_svg(render.recorded(to_text.page(render.result_page(result)), "svg")))
    else:
        write_file(report, DOCUMENTS[Format(kind)](render.result_page(result)))


def _ask(
    questions: Sequence[Question],
    scale: dict[int, ScaleStep],
    interest_scale: dict[int, ScaleStep],
    skill_names: dict[str, str],
) -> dict[str, int]:
    """The answers, asked in the terminal; exit 130 when cancelled."""
    from mlcareer import console, prompts

    if not prompts.stdin_is_terminal():
        raise UsageError(NO_TERMINAL)
    console.notice(  # wrapped at the terminal's width, never inside a word
        f"{len(questions)} questions about your skills and interests. "
        "A number key 0-4 answers, or arrow keys and Enter; Esc or Ctrl-C cancels.",
        wrap=True,
    )
    try:
        return prompts.ask(questions, scale, interest_scale, skill_names)
    except prompts.Cancelled:
        _cancelled()


def _cancelled() -> NoReturn:
    from mlcareer import console

    console.notice(CANCELLED, dim=False)
    raise typer.Exit(ExitCode.CANCELLED)


@app.command()
def history(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="show N | A B",
            help="show N: one saved result in full. With --diff, A B: the two results to compare.",
            show_default=False,
        ),
    ] = None,
    *,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Show per skill what changed between two results: A B, or by default the last two "
            "for the same role and questions.",
        ),
    ] = False,
    clear: Annotated[bool, typer.Option("--clear", help="Delete every saved result (asks first).")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="With --clear: do not ask.")] = False,
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Your saved quiz results, newest first: date, target role, readiness, level and trend.

    The trend is the change in readiness since your previous result for the same role.
    `history show N` shows result N in full; `history --diff 3 5` compares results 3 and 5.
    Results live in a SQLite file in $MLCAREER_HOME, else $XDG_DATA_HOME/mlcareer or ~/.local/share/mlcareer.

    Example: mlcareer history show 1
    """
    from mlcareer.history import Store
    from mlcareer.history_diff import diff_chosen, trends
    from mlcareer.jsondoc import history as jsondoc
    from mlcareer.render.history import diff_page, history_page

    words = words or []
    if diff and clear:
        raise UsageError("--diff and --clear do not go together")
    if yes and not clear:
        raise UsageError("--yes goes with --clear")
    shown = _shown(words, diff)
    pair = _pair(words) if diff else None
    if (shown is not None or pair) and clear:
        raise UsageError("--clear deletes every result; it takes no result numbers")
    store = Store()
    try:
        entries = store.load()
    except OSError as exc:
        raise MlcareerError(f"cannot read {store.path}: {exc.strerror or exc}") from None
    for reason in store.damaged[:10]:
        notice(f"Left out: {reason}; the history file was left as it was.")
    if len(store.damaged) > 10:
        notice(f"Left out: {len(store.damaged) - 10} more results that cannot be read.")
    if clear:
        _clear(store, len(entries) + len(store.damaged), yes, as_json)
        return
    if shown is not None:
        _show(ctx, entries, shown, fmt, as_json, output)
        return
    if diff:
        change = diff_chosen(entries, *(pair or (None, None)))
        emit(
            fmt=fmt,
            as_json=as_json,
            output=output,
            data=lambda: jsondoc.diff_json(change, {s.value: s for s in catalog(ctx).scale}),
            page=lambda: diff_page(change),
        )
        return
    found = trends(entries)
    emit(
        fmt=fmt,
        as_json=as_json,
        output=output,
        data=lambda: jsondoc.history_json(found),
        page=lambda: history_page(found),
    )


def _number(word: str, what: str) -> int:
    try:
        value = int(word.lstrip("#"))
    except ValueError:
        raise UsageError(f"{what} is a result number from `mlcareer history`, not {word!r}") from None
    if value < 1:
        raise UsageError(f"{what} is a result number from `mlcareer history` (1 or more), not {word!r}")
    return value


def _shown(words: list[str], diff: bool) -> int | None:
    """N from `history show N`; None when the words ask for something else."""
    if not words or words[0] != "show":
        if words and not diff:
            raise UsageError(f"unexpected {' '.join(words)!r}; use `history show N` or `history --diff A B`")
        return None
    if diff:
        raise UsageError("show N shows one result and --diff compares two; give one")
    if len(words) != 2:
        raise UsageError("show takes one result number: `mlcareer history show N`")
    return _number(words[1], "N")


def _pair(words: list[str]) -> tuple[int, int] | None:
    if not words:
        return None
    if len(words) != 2:
        raise UsageError("--diff takes two result numbers (`--diff 3 5`), or none for the last two")
    return _number(words[0], "A"), _number(words[1], "B")


def _show(
    ctx: typer.Context, entries: list[Entry], number: int, fmt: str, as_json: bool, output: Path | None
) -> None:
    """One saved result in full: its answers scored again, with the date it was taken."""
    from mlcareer.careers import find_role
    from mlcareer.history_diff import find_entry
    from mlcareer.jsondoc import history as jsondoc_history
    from mlcareer.jsondoc import quiz as jsondoc
    from mlcareer.quiz import score
    from mlcareer.render import history as render_history
    from mlcareer.render import quiz as render

    entry = find_entry(entries, number)
    data = catalog(ctx)
    result = score(data, find_role(data, entry.role), entry.answers, quick=entry.quick)
    if result.readiness != entry.readiness:
        notice(
            f"Result #{entry.id} was saved with readiness {render_history.percent(entry.readiness)}; "
            f"scored against the data in use now it is {render_history.percent(result.readiness)}."
        )
    emit(
        fmt=fmt,
        as_json=as_json,
        output=output,
        data=lambda: jsondoc_history.saved_json(entry, jsondoc.result_json(result)),
        page=lambda: render.result_page(result, saved=render_history.saved_line(entry)),
    )


def _clear(store: Store, count: int, yes: bool, as_json: bool) -> None:
    from mlcareer.jsondoc.history import cleared_json

    if count and not yes:
        from mlcareer import prompts

        if not prompts.stdin_is_terminal():
            raise UsageError("--clear asks before it deletes, and stdin is not a terminal; add --yes")
        if not typer.confirm(f"Delete all {count} saved quiz results?", default=False, err=True):
            notice("Nothing deleted.")
            if as_json:
                print_json(cleared_json(0))
            return
    deleted = store.clear() if count else 0
    if as_json:
        print_json(cleared_json(deleted))
    else:
        notice(f"Deleted {deleted} saved results." if deleted else "No saved results; nothing to delete.")
