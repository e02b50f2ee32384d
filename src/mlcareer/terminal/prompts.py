"""The interactive quiz in the terminal; the only module that imports questionary.

One arrow-key list per question, "Question n of N" above it, a "back" choice from the
second question on, and Ctrl-C or Esc to cancel. The prompts are drawn on the terminal
even when stdout is redirected, so `mlcareer quiz > result.txt` keeps a clean result.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import textwrap
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import questionary
from prompt_toolkit.application.current import get_app_session
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.output import Output, create_output
from prompt_toolkit.output.plain_text import PlainTextOutput

if TYPE_CHECKING:
    from prompt_toolkit.key_binding.key_processor import KeyPressEvent

    from mlcareer.models import Question, ScaleStep

BACK = "<back>"
LEAVE = "<leave>"  # Esc after an answer: ask before the answers are lost
LEAVE_QUESTION = "Leave the quiz? Your answers so far will be lost"

# The console script runs without the cyclic collector (see mlcareer.__main__); a person
# answering questions may take minutes, so collect again while the prompts run.
gc.enable()


class Cancelled(Exception):
    """The person cancelled the quiz (Ctrl-C, Esc, or the input closed)."""


def stdin_is_terminal() -> bool:
    """Whether questions can be asked: stdin must be a terminal (tests replace this)."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):  # a closed or missing stdin
        return False


def _utf(output: Output) -> bool:
    encoding = (output.encoding() or "").lower().replace("-", "").replace("_", "")
    return encoding in ("utf8", "utf8sig")


@contextlib.contextmanager
def _terminal_output() -> Iterator[Output | None]:
    """Where prompts are drawn: the session's output, unless that is a redirected stdout.

    Then stderr if it is a terminal, else the controlling terminal, else stderr.
    None means the session's own output (a terminal, or a test's DummyOutput).
    """
    if not isinstance(get_app_session().output, PlainTextOutput):
        yield None
        return
    if sys.stderr.isatty():
        yield create_output(stdout=sys.stderr)
        return
    try:
        tty = open("/dev/tty", "w", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError:
        yield create_output(stdout=sys.stderr)
        return
    with tty:
        yield create_output(stdout=tty)


def _keys(
    question: questionary.Question, echoes: dict[int, str], *, back: bool = False, answered: bool = False
) -> questionary.Question:
    """A number key 0-4 answers at once; ← or Backspace goes back a question (``back``); Esc
    leaves: at once before any answer, else the prompt ends with LEAVE so the quiz can ask first
    (``answered``). Ctrl-C stays an immediate cancel (questionary binds it).

    An answer is echoed with ``echoes[value]``: wrapped for the line it is echoed on, so an
    answer longer than one line is shown whole rather than cut at the terminal's edge.
    """
    from questionary.prompts.common import InquirerControl

    app = question.application
    extra = KeyBindings()

    @extra.add("escape", eager=True)
    def _escape(event: KeyPressEvent) -> None:
        if answered:
            event.app.exit(result=LEAVE)
        else:
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    if back:

        @extra.add("left", eager=True)
        @extra.add("backspace", eager=True)
        def _back(event: KeyPressEvent) -> None:
            event.app.exit(result=BACK)

    control = next(
        (w.content for w in app.layout.find_all_windows() if isinstance(w.content, InquirerControl)), None
    )
    if control is not None:
        _answer_with(extra, control, None, Keys.ControlM, echoes)
        for index, choice in enumerate(control.choices):
            if isinstance(choice.value, int):
                _answer_with(extra, control, index, str(choice.value), echoes)
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), extra])
    return question


def _answer_with(
    bindings: KeyBindings, control: Any, index: int | None, key: str, echoes: dict[int, str]
) -> None:
    """``key`` answers with choice ``index`` (None: the one pointed at), as Enter does."""

    @bindings.add(key, eager=True)
    def _choose(event: KeyPressEvent) -> None:
        if index is not None:
            control.pointed_at = index
        choice = control.get_pointed_at()
        if choice.value in echoes:
            choice.title = echoes[choice.value]
        control.is_answered = True  # so the question is echoed with this answer
        event.app.exit(result=choice.value)


#: Columns before a choice's text: the pointer (" » ") and the step ("0  ").
_POINTER = 3
_STEP = 3


def _wrap(text: str, width: int, first: int, indent: int) -> str:
    """``text`` wrapped to ``width`` columns, starting at column ``first``, continuing at ``indent``.

    prompt_toolkit cuts choice lines at the terminal's edge instead of wrapping them.
    """
    width = max(width - 1, indent + 20)
    lines = textwrap.wrap(text, width=width - first, break_on_hyphens=False) or [""]
    rest = textwrap.wrap(" ".join(lines[1:]), width=width - indent, break_on_hyphens=False)
    return "\n".join([lines[0], *(" " * indent + line for line in rest)])


def _choices(
    question: Question, steps: dict[int, ScaleStep], utf: bool, width: int
) -> list[questionary.Choice]:
    dash = "—" if utf else "-"
    if question.kind == "skill":
        texts = [f"{steps[v].name} {dash} {question.steps[v]}" for v in range(5)]
    else:
        texts = [f"{steps[v].name} {dash} {steps[v].description}" for v in range(5)]
    indent = _POINTER + _STEP
    return [
        questionary.Choice(title=f"{v}  " + _wrap(_plain(t), width, indent, indent), value=v)
        for v, t in enumerate(texts)
    ]


def _echoes(choices: list[questionary.Choice], width: int) -> dict[int, str]:
    """Each answer as echoed after its question: on a line of its own, wrapped, indented."""
    echoes: dict[int, str] = {}
    for choice in choices:
        if isinstance(choice.value, int) and isinstance(choice.title, str):
            text = " ".join(choice.title.split())  # undo the wrapping for the list
            step, _, rest = text.partition(" ")
            echoes[choice.value] = "\n  " + _wrap(f"{step}  {rest}", width, 2, 2 + _STEP)
    return echoes


def _plain(text: str) -> str:
    """Data text with control characters made harmless for the terminal."""
    from mlcareer.text import clean

    return clean(text).replace("\n", " ")


FIRST_INSTRUCTION = "\n  (a number key, or arrow keys and Enter; Esc cancels)"
INSTRUCTION = "\n  (a number key, or arrow keys and Enter; {left} or Backspace: back; Esc: leave)"


def _leave(kwargs: dict[str, Any]) -> bool:
    """Ask before answers are lost: y leaves; n, Enter or Esc goes on with the quiz."""
    confirm = questionary.confirm(
        LEAVE_QUESTION, default=False, qmark="?", instruction="[y/N] ", auto_enter=True, **kwargs
    )
    stay = KeyBindings()

    @stay.add("escape", eager=True)
    def _stay(event: KeyPressEvent) -> None:
        event.app.exit(result=False)

    app = confirm.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), stay])
    return bool(confirm.unsafe_ask())


def ask(
    questions: Sequence[Question],
    scale: dict[int, ScaleStep],
    interest_scale: dict[int, ScaleStep],
    skill_names: dict[str, str],
) -> dict[str, int]:
    """Ask every question in turn; return question id -> answer. Raise Cancelled."""
    try:
        return _ask(questions, scale, interest_scale, skill_names)
    except (KeyboardInterrupt, EOFError):  # also a Ctrl-C that lands between two prompts
        raise Cancelled from None


def _ask(
    questions: Sequence[Question],
    scale: dict[int, ScaleStep],
    interest_scale: dict[int, ScaleStep],
    skill_names: dict[str, str],
) -> dict[str, int]:
    answers: dict[str, int] = {}
    total = len(questions)
    index = 0
    with _terminal_output() as output:
        kwargs: dict[str, Any] = {} if output is None else {"output": output}
        terminal = output or get_app_session().output
        utf = _utf(terminal)
        back = "← back" if utf else "<- back"
        left = "←" if utf else "left arrow"
        while index < total:
            question = questions[index]
            dot = "·" if utf else "-"
            if question.kind == "skill":
                topic = _plain(skill_names.get(question.skill or "", question.skill or ""))
                steps = scale
            else:
                topic = "would you like this work?"
                steps = interest_scale
            width = terminal.get_size().columns
            head = _wrap(f"Question {index + 1} of {total} {dot} {topic}", width, 2, 2)
            message = f"{head}\n  {_wrap(_plain(question.text), width, 2, 2)}"
            choices = _choices(question, steps, utf, width)
            if index > 0:
                choices.append(questionary.Choice(title=back, value=BACK))
            previous = answers.get(question.id)
            default = choices[previous] if previous is not None else None
            prompt = questionary.select(
                message,
                choices=choices,
                default=default,
                qmark="?",
                pointer="»" if utf else ">",
                instruction=INSTRUCTION.format(left=left) if index else FIRST_INSTRUCTION,
                **kwargs,
            )
            keyed = _keys(prompt, _echoes(choices, width), back=index > 0, answered=bool(answers))
            answer = keyed.unsafe_ask()
            if answer is None:  # the application ended without an answer
                raise Cancelled
            if answer == LEAVE:
                if _leave(kwargs):
                    raise Cancelled
                continue  # the same question again, its answer (if any) still selected
            if answer == BACK:
                index -= 1
                continue
            answers[question.id] = int(answer)
            index += 1
    return {q.id: answers[q.id] for q in questions}
