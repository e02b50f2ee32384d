"""The `plan` command: from a self-assessment to an ordered, trackable learning plan."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlcareer.choices import Format
from mlcareer.cli.app import app, catalog
from mlcareer.cli.options import (
    JsonOption,
    OutputOption,
    answers_option,
    formats_for,
    quick_option,
    role_option,
)
from mlcareer.cli.output import emit, notice
from mlcareer.errors import UsageError

if TYPE_CHECKING:
    pass


@app.command()
def plan(
    ctx: typer.Context,
    *,
    role: Annotated[
        str | None,
        role_option(
            "The role to plan for (default: the role of your latest saved result, else ml-engineer).",
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        answers_option(
            "Plan from an answers file (as for quiz) instead of your latest saved result; "
            "nothing is read from or written to your history."
        ),
    ] = None,
    quick: Annotated[bool, quick_option("With --answers: the file answers the quick form.")] = False,
    done: Annotated[
        str | None, typer.Option("--done", metavar="STEP", help="Mark the step STEP of the plan done.")
    ] = None,
    undo: Annotated[
        str | None, typer.Option("--undo", metavar="STEP", help="Mark the step STEP of the plan not done.")
    ] = None,
    fmt: Annotated[str, formats_for("PlanShown")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Your learning plan for a role: the skills to grow and the level requirements to meet, in order.

    Built from your latest saved quiz result for the role (or from --answers FILE). Each step
    says where you are, what the role expects and on what that rests, what the skill covers
    and what the next grades look like. The order is mlcareer's suggestion: foundations first.
    Progress is kept with your history: --done STEP and --undo STEP.

    Example: mlcareer plan --role computer-vision-engineer
    """
    from mlcareer.assessment import learning_plan
    from mlcareer.domain.shown import PlanShown

    if done is not None and undo is not None:
        raise UsageError("--done and --undo do not go together")
    if answers is not None and (done is not None or undo is not None):
        raise UsageError("--done and --undo keep progress in your history; they do not go with --answers")
    if quick and answers is None:
        raise UsageError("--quick goes with --answers; a saved result knows its own form")
    mark = (done, True) if done is not None else (undo, False) if undo is not None else None
    result, origin = learning_plan(catalog(ctx), role, answers=answers, quick=quick, mark=mark, notice=notice)

    emit(PlanShown(result, origin), fmt, output, as_json=as_json)
