"""The `plan` command: from a self-assessment to an ordered, trackable learning plan."""

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
from mlcareer.commands import plan as run

RoleOption = Annotated[
    str | None,
    role_option(
        "The role to plan for (default: the role of your latest saved result, else ml-engineer).",
        show_default=False,
    ),
]
AnswersOption = Annotated[
    Path | None,
    answers_option(
        "Plan from an answers file (as for quiz; '-' reads standard input) instead of your latest "
        "saved result; nothing is read from or written to your history. A directory of answers "
        "files (a class): one plan page per student, written to --output OUTDIR with an index.",
        dir_okay=True,
    ),
]
DoneOption = Annotated[
    list[str] | None,
    typer.Option(
        "--done",
        metavar="STEP",
        help="Mark a step done: its id (any case) or the number shown; repeat for several.",
        show_default=False,
    ),
]
UndoOption = Annotated[
    list[str] | None,
    typer.Option(
        "--undo",
        metavar="STEP",
        help="Mark a step not done: its id or number; repeat for several.",
        show_default=False,
    ),
]
NextOption = Annotated[
    int | None,
    typer.Option(
        "--next",
        metavar="N",
        min=1,
        help="Only the first N open steps: a short view of what to do this month.",
        show_default=False,
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="With --answers DIR --output OUTDIR: overwrite pages already there.")
]


@app.command()
@runs(run.plan)
def plan(
    *,
    role: RoleOption = None,
    answers: AnswersOption = None,
    quick: Annotated[bool, quick_option("With --answers: the file answers the quick form.")] = False,
    done: DoneOption = None,
    undo: UndoOption = None,
    first: NextOption = None,
    force: ForceOption = False,
    fmt: Annotated[str, formats_for("PlanShown")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Your learning plan for a role: the skills to grow and the level requirements to meet, in order.

    Built from your latest saved quiz result for the role (or from --answers FILE). Each step
    says where you are, what the role expects and on what that rests, what the skill covers
    and what the next grade looks like, in the quiz's own words. The order is mlcareer's
    suggestion: foundations first.
    Progress is kept with your history: --done STEP and --undo STEP, by id or by the number
    shown, several at once (--done 1 --done model-training).

    --next 3 shows only the first three open steps.
    For a class: --answers DIR --output OUTDIR --format html (or markdown) writes one plan per
    student, named after the student, and index.html linking them.

    Example: mlcareer plan --role computer-vision-engineer
    """
