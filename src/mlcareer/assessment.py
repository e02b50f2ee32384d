"""A self-assessment from its answers to a saved result, and the learning plan made from one.

Shared by `quiz`, `quiz --plan` and `plan`: the answers come from a file or from the
questions asked, are scored, and are kept in the history. Nothing here prints or prompts:
notices go to the ``notice`` the command passes, questions to its ``ask`` (prompts.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlcareer.domain.careers import find_role
from mlcareer.domain.quiz import QuizResult, quiz_data, score, select_questions
from mlcareer.errors import DataError, MlcareerError, NotFoundError, UsageError

if TYPE_CHECKING:
    from mlcareer.domain.plan import NextAction, Plan
    from mlcareer.history.store import Store
    from mlcareer.models import Catalog, Question, Role, ScaleStep

#: A notice on stderr, never mixed into results.
Notice = Callable[[str], None]
#: Asks the questions (with the labels of their answers) and returns question id -> answer.
Ask = Callable[
    [Sequence["Question"], dict[int, "ScaleStep"], dict[int, "ScaleStep"], dict[str, str]], dict[str, int]
]

#: Answers given in the terminal and not saved are in no file: how to make one for the plan.
UNSAVED_HINT = (
    "these answers were not saved: write them in a file (`mlcareer quiz --template`) for the plan, "
    "or take the quiz without --no-save"
)
#: The role quiz and plan measure against when none is named.
DEFAULT_ROLE = "ml-engineer"
NO_SAVE_HINT = (
    "To take the quiz without saving, add --no-save; "
    "or set MLCAREER_HOME to keep your history in another directory."
)
NO_RESULT = (
    "no saved quiz result{what}, so there is no plan to make yet: run `mlcareer quiz{role}` first, "
    "or give your answers with --answers FILE"
)


@dataclass(frozen=True)
class Labels:
    """What the answers of a question mean: the skill scale, the interest scale, skill names."""

    scale: dict[int, ScaleStep]
    interest_scale: dict[int, ScaleStep]
    skill_names: dict[str, str]


def labels(catalog: Catalog) -> Labels:
    """The labels the quiz shows its questions with (in prompts and in the answers template)."""
    return Labels(
        dict(catalog.lookup.scale),
        {s.value: s for s in quiz_data(catalog).interest_scale},
        {s.id: s.name for s in catalog.skills},
    )


@dataclass(frozen=True)
class Assessment:
    """A scored result; ``saved``: its number in the history; ``unsaved``: why it was not kept."""

    result: QuizResult
    saved: int | None = None
    unsaved: MlcareerError | None = None
    next: NextAction | None = None  # the plan's first steps, and the command that shows the plan


def assess(
    catalog: Catalog,
    role: Role,
    *,
    answers: Path | None,
    quick: bool,
    retake: bool,
    save: bool,
    ask: Ask,
    notice: Notice,
) -> Assessment:
    """Gather the answers (the file ``answers``, else ``ask``), score them against ``role``, save them.

    ``retake``: ask again only the skills of the plan for ``role``, keeping the other answers
    of the result the plan came from. The history is checked before any question is asked: a
    broken one stops a quiz in a terminal, but not one answered from a file (nothing to lose).
    """
    kept: dict[str, int] = {}
    questions = select_questions(quiz_data(catalog), quick)
    if retake:
        kept, quick, questions = _plan_retake(catalog, role, notice)
    store, unsaved = _open_history(notice, from_file=answers is not None) if save else (None, None)
    given = gather(catalog, questions, answers, ask=ask, notice=notice, quick=quick)
    result = score(catalog, role, {**kept, **given}, quick=quick)
    saved: int | None = None
    if store is not None:
        from mlcareer.history.entry import entry_from

        try:
            saved = store.save(entry_from(result))
        except MlcareerError as exc:
            unsaved = exc
    if unsaved is not None:
        unsaved = MlcareerError(f"the result was not saved: {unsaved}. {NO_SAVE_HINT}")
    from mlcareer.domain.plan import make_plan, next_action

    plan = make_plan(catalog, role, result.answers, quick=quick)
    command = plan_command(role, answers=answers, quick=quick, saved=saved is not None)
    hint = UNSAVED_HINT if answers is None and saved is None else ""
    return Assessment(result, saved, unsaved, next_action(plan, command, hint=hint))


def plan_command(role: Role, *, answers: Path | None, quick: bool, saved: bool) -> str:
    """The command that shows the plan of a result: `mlcareer plan` for a saved one (the plan
    starts from the latest result), else `mlcareer plan --answers FILE` with its role and form."""
    if saved:
        return "mlcareer plan"
    import shlex

    from mlcareer.domain.answers import is_stdin

    if answers is None:
        where = "FILE"  # answered in the terminal and not kept: the answers are in no file
    elif is_stdin(answers):
        where = "-"
    else:
        where = shlex.quote(str(answers))
    words = ["mlcareer", "plan", "--answers", where]
    if role.id != DEFAULT_ROLE:
        words += ["--role", role.id]
    if quick:
        words.append("--quick")
    return " ".join(words)


def gather(
    catalog: Catalog,
    questions: list[Question],
    answers: Path | None,
    *,
    ask: Ask,
    notice: Notice,
    quick: bool = False,
) -> dict[str, int]:
    """The answers to ``questions``: read from the file ``answers``, else asked with ``ask``."""
    every = quiz_data(catalog).questions
    if answers is None:
        shown = labels(catalog)
        return ask(questions, shown.scale, shown.interest_scale, shown.skill_names)
    from mlcareer.domain.answers import read_answers

    try:
        given = read_answers(answers, questions, every)
    except DataError:
        if not quick and len(questions) == len(every):
            _quick_form_hint(catalog, answers, every)
        raise
    if quick and len(questions) < len(every):
        notice(f"--quick: scoring the {len(questions)} questions of the quick form only.")
    return given


def _quick_form_hint(catalog: Catalog, answers: Path, every: list[Question]) -> None:
    """A file that answers the quick form whole, scored as the full quiz: say to add --quick."""
    from mlcareer.domain.answers import read_answers

    quick_form = select_questions(quiz_data(catalog), True)
    try:
        read_answers(answers, quick_form, every)
    except DataError:
        return  # not a quick form either: its own problems say what to mend
    raise UsageError(
        f"{answers.name} answers the {len(quick_form)} questions of the quick form; "
        "score it with --quick (or answer every question: `mlcareer quiz --template`)"
    )


def _history_problem(exc: Exception) -> str:
    """A history that cannot be used, in words (an OSError: e.g. a home this user cannot enter)."""
    if isinstance(exc, OSError):
        from mlcareer.history.store import database_path

        return f"cannot use {database_path()}: {exc.strerror or exc}"
    return str(exc)


def _open_history(notice: Notice, *, from_file: bool) -> tuple[Store | None, MlcareerError | None]:
    """The history to save in, checked before the questions: a broken one should not cost answers."""
    from mlcareer.history.store import Store

    try:
        store = Store()
        store.check()
    except (MlcareerError, OSError) as exc:
        problem = _history_problem(exc)
        if not from_file:
            raise MlcareerError(f"{problem}. {NO_SAVE_HINT}") from None
        # The answers are in a file: nothing to lose; score, show, and say it was not saved.
        notice(f"This result will not be saved: {problem} (--no-save skips saving).")
        return None, MlcareerError(problem)
    return store, None


def _plan_retake(
    catalog: Catalog, target: Role, notice: Notice
) -> tuple[dict[str, int], bool, list[Question]]:
    """The answers kept from the result the plan comes from, its form, and the questions to ask again."""
    from mlcareer.domain.plan import make_plan, retake_questions
    from mlcareer.history.store import Store

    role, entry_id, answers, quick = latest_result(catalog, Store(), target.id)
    questions = retake_questions(catalog, make_plan(catalog, role, answers, quick=quick))
    if not questions:
        raise MlcareerError(f"the plan for {role.id} has no skill to ask again: its skill steps are all met")
    notice(
        f"Asking again the {len(questions)} skills of your plan; your other answers are kept from "
        f"result #{entry_id}, so the two results compare like for like."
    )
    return answers, quick, questions


def latest_result(catalog: Catalog, store: Store, role: str | None) -> tuple[Role, int, dict[str, int], bool]:
    """The role and the answers of the latest saved result (for ``role``, when given)."""
    wanted = find_role(catalog, role) if role is not None else None
    for entry in store.load():
        if wanted is None or entry.role == wanted.id:
            try:
                target = wanted or find_role(catalog, entry.role)
            except NotFoundError:  # the role of the latest result: the user typed none
                raise MlcareerError(
                    f"your latest saved result, #{entry.id}, was taken against the role {entry.role!r} "
                    f"({entry.role_title}), which is not in the data in use; plan for another role "
                    "with --role ROLE"
                ) from None
            return target, entry.id, dict(entry.answers), entry.quick
    what = f" for {wanted.id}" if wanted is not None else ""
    hint = f" --role {wanted.id}" if wanted is not None else ""
    raise MlcareerError(NO_RESULT.format(what=what, role=hint))


def learning_plan(
    catalog: Catalog,
    role: str | None,
    *,
    answers: Path | None,
    quick: bool,
    mark: tuple[Sequence[str], bool] | None,
    notice: Notice,
) -> tuple[Plan, dict[str, Any]]:
    """The plan for ``role`` and where its answers came from (``origin``, as the JSON says it).

    From the file ``answers`` (nothing read from or written to the history), else from the
    latest saved result, with the progress kept in the history; ``mark``: (steps, done) to
    record, each step by id (any case) or by its number; all are marked, or none when one is unknown.
    """
    from mlcareer.domain.plan import find_steps, make_plan

    if answers is not None:
        from mlcareer.domain.answers import read_answers

        target = find_role(catalog, role or DEFAULT_ROLE)
        every = quiz_data(catalog)
        questions = select_questions(every, quick)
        try:
            given = read_answers(answers, questions, every.questions)
        except DataError:
            if not quick and len(questions) == len(every.questions):
                _quick_form_hint(catalog, answers, every.questions)
            raise
        return make_plan(catalog, target, given, quick=quick), {"kind": "answers", "file": str(answers)}
    from mlcareer.history.store import Store

    store = Store()
    target, entry_id, given, quick = latest_result(catalog, store, role)
    origin: dict[str, Any] = {"kind": "history", "result": entry_id}
    result = make_plan(catalog, target, given, quick=quick, done=set(store.progress(target.id)))
    if mark is None:
        return result, origin
    wanted, done = mark
    steps = find_steps(result, wanted)
    changed = store.mark_steps(target.id, [s.id for s in steps], done)
    word = "done" if done else "not done"
    numbers = {s.id: i for i, s in enumerate(result.steps, 1)}
    for step, did in zip(steps, changed, strict=True):
        said = f"step {numbers[step.id]}, {step.id} ({step.title})"
        notice(f"Marked {said} {word}." if did else f"{said[0].upper()}{said[1:]} was already {word}.")
    return make_plan(catalog, target, given, quick=quick, done=set(store.progress(target.id))), origin
