"""The self-assessment command: quiz (its saved results are cli/history.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlcareer.choices import Format
from mlcareer.cli.app import app, runs
from mlcareer.cli.options import (
    JsonOption,
    OutputOption,
    answers_option,
    formats_for,
    quick_option,
    role_option,
)
from mlcareer.commands import quiz as run
from mlcareer.commands import readers

AnswersOption = Annotated[
    Path | None,
    answers_option(
        "Take the answers from a YAML or JSON file (question id: 0-4; an optional name: line) "
        "instead of asking; '-' reads them from standard input."
    ),
]
ReportOption = Annotated[
    Path | None,
    typer.Option(
        "--report",
        metavar="FILE",
        help="Also write the result to FILE: Markdown, HTML or SVG by its extension (.md, .html, .svg).",
        show_default=False,
        parser=readers.output_path,
    ),
]
NoSaveOption = Annotated[bool, typer.Option("--no-save", help="Do not keep this result in the history.")]
TemplateOption = Annotated[
    bool, typer.Option("--template", help="Print an answers file with every question to fill in, and exit.")
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="With --template -o FILE: overwrite FILE if it exists.")
]
PlanOption = Annotated[
    bool,
    typer.Option(
        "--plan",
        help="Ask again only the skills of your plan for the role (`mlcareer plan`); your other "
        "answers are kept from the result the plan came from, so the two compare like for like.",
    ),
]


@app.command()
@runs(run.quiz)
def quiz(
    *,
    role: Annotated[
        str, role_option("The role to measure yourself against: an id, title or alias.")
    ] = "ml-engineer",
    quick: Annotated[
        bool, quick_option("The short form: a core subset of the questions (the quiz says how many).")
    ] = False,
    answers: AnswersOption = None,
    report: ReportOption = None,
    no_save: Annotated[
        bool, typer.Option("--no-save", help="Do not keep this result in the history.")
    ] = False,
    template: TemplateOption = False,
    force: ForceOption = False,
    plan: PlanOption = False,
    fmt: Annotated[str, formats_for("Assessment")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Assess yourself: readiness for a role, level, gaps to close, and the kinds of ML engineer that fit.

    In a terminal: a number key 0-4 answers (or arrow keys and Enter); left arrow, Backspace or
    "back" returns to the previous question, its answer still selected.
    Esc leaves (after an answer, it asks first); Ctrl-C cancels at once (exit 130, nothing saved).
    Without a terminal, give the answers in a file with --answers FILE (see --template).
    Results are kept for `mlcareer history` unless --no-save.
    If saving fails, the result is still shown, the reason goes to stderr, and the exit code is 1.

    Example: mlcareer quiz --quick
    """
