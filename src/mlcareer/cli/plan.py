"""The `plan` command: from a self-assessment to an ordered, trackable learning plan."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlcareer.choices import Format
from mlcareer.cli.app import FormatOption, JsonOption, OutputOption, app, catalog, emit, notice
from mlcareer.cli.complete import complete_role
from mlcareer.errors import MlcareerError, UsageError

if TYPE_CHECKING:
    from mlcareer.models import Catalog, Role

NO_RESULT = (
    "no saved quiz result{what}, so there is no plan to make yet: run `mlcareer quiz{role}` first, "
    "or give your answers with --answers FILE"
)


@app.command()
def plan(
    ctx: typer.Context,
    *,
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            "-r",
            metavar="ROLE",
            help="The role to plan for (default: the role of your latest saved result, else ml-engineer).",
            autocompletion=complete_role,
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            "-a",
            metavar="FILE",
            help="Plan from an answers file (as for quiz) instead of your latest saved result; "
            "nothing is read from or written to your history.",
            exists=True,
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    quick: Annotated[
        bool, typer.Option("--quick", help="With --answers: the file answers the quick form.")
    ] = False,
    done: Annotated[
        str | None, typer.Option("--done", metavar="STEP", help="Mark the step STEP of the plan done.")
    ] = None,
    undo: Annotated[
        str | None, typer.Option("--undo", metavar="STEP", help="Mark the step STEP of the plan not done.")
    ] = None,
    fmt: FormatOption = Format.text,
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
    from mlcareer.careers import find_role
    from mlcareer.jsondoc import plan as jsondoc
    from mlcareer.plan import make_plan
    from mlcareer.render import to_markdown, to_text
    from mlcareer.render.plan import plan_page

    if done is not None and undo is not None:
        raise UsageError("--done and --undo do not go together")
    if answers is not None and (done is not None or undo is not None):
        raise UsageError("--done and --undo keep progress in your history; they do not go with --answers")
    if quick and answers is None:
        raise UsageError("--quick goes with --answers; a saved result knows its own form")
    data = catalog(ctx)
    origin: dict[str, Any]
    progress: dict[str, str] = {}
    store = None
    if answers is not None:
        from mlcareer.answers import read_answers
        from mlcareer.quiz import quiz_data, select_questions

        target = find_role(data, role or "ml-engineer")
        questions = quiz_data(data)
        given = read_answers(answers, select_questions(questions, quick), questions.questions)
        origin = {"kind": "answers", "file": str(answers)}
    else:
        from mlcareer.history import Store

        store = Store()
        target, entry_id, given, quick = latest_result(data, store, role)
        origin = {"kind": "history", "result": entry_id}
        progress = store.progress(target.id)
    result = make_plan(data, target, given, quick=quick, done=set(progress))
    if store is not None and (done is not None or undo is not None):
        step = done if done is not None else undo
        assert step is not None
        ids = [s.id for s in result.steps]
        if step not in ids:
            raise MlcareerError(
                f"no step {step!r} in the plan for {target.id}; its steps are: {', '.join(ids) or 'none'}"
            )
        changed = store.mark(target.id, step, done is not None)
        word = "done" if done is not None else "not done"
        notice(f"Marked {step} {word}." if changed else f"{step} was already {word}.")
        result = make_plan(data, target, given, quick=quick, done=set(store.progress(target.id)))
    emit(
        fmt=fmt,
        as_json=as_json,
        output=output,
        text=lambda: to_text.page(plan_page(result)),
        data=lambda: jsondoc.plan_json(result, origin),
        markdown=lambda: to_markdown.page(plan_page(result)),
    )


def latest_result(data: Catalog, store: Any, role: str | None) -> tuple[Role, int, dict[str, int], bool]:
    """The role and the answers of the latest saved result (for ``role``, when given)."""
    from mlcareer.careers import find_role

    wanted = find_role(data, role) if role is not None else None
    for entry in store.load():
        if wanted is None or entry.role == wanted.id:
            target = wanted or find_role(data, entry.role)
            return target, entry.id, dict(entry.answers), entry.quick
    what = f" for {wanted.id}" if wanted is not None else ""
    hint = f" --role {wanted.id}" if wanted is not None else ""
    raise MlcareerError(NO_RESULT.format(what=what, role=hint))
