"""From a result to action: what the next grade looks like, what the sources suggest, and the
first steps of the plan, as view-model blocks shared by the quiz's result and the plan (no Rich)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mlcareer.domain.plan import NextAction, Suggestions
from mlcareer.render import view as v

if TYPE_CHECKING:
    from mlcareer.models import Credential, ScaleStep


def grade_lines(grades: Sequence[ScaleStep], *, role_grade: bool = True) -> list[v.Line]:
    """'Next: 3 proficient, "I write..."' and, when it is further, the grade aimed at: 'The role's
    grade: 4 expert, "..."', or 'This step's aim: ...' when a level's ceiling stops the step short of it."""
    if not grades:
        return []
    first, last = grades[0], grades[-1]
    out = [v.line(v.muted("Next: "), f'{first.value} {first.name}, "{first.description}"')]
    if last.value != first.value:
        label = "The role's grade: " if role_grade else "This step's aim: "
        out.append(v.line(v.muted(label), f'{last.value} {last.name}, "{last.description}"'))
    return out


def credential_words(creds: Sequence[Credential]) -> str:
    """Each credential with the source's own hedge and its sources: 'CAP (can demonstrate ...) [src]'."""
    return "; ".join(
        f"{c.name} ({c.description}) [{', '.join(c.sources)}]" if c.description else c.name for c in creds
    )


SUGGESTED = "What the sources suggest, hedges kept"


def suggestion_blocks(suggested: Suggestions) -> v.Blocks:
    """The education the level statements give and the advice on continuous learning, quoted."""
    items = [
        v.line(f"{level.value.capitalize()} level: {q.text} ", v.muted(f'"{q.quote}" [{q.source}]'))
        for level, q in suggested.education
    ]
    items += [
        v.line("Continuous learning: ", v.muted(f'"{s.quote}" [{s.source}]')) for s in suggested.learning
    ]
    if not items:
        return ()
    return (v.Section(SUGGESTED, (v.Bullets(tuple(items)),)),)


def next_blocks(nxt: NextAction) -> v.Blocks:
    """The plan's first open steps and the command that shows the whole plan."""
    total = len(nxt.plan.steps)
    if not nxt.steps:
        said = "your answers meet every step of the plan" if not total else "every step of your plan is done"
        return (v.para(f"Next: {said}; the plan: "), v.para(v.Span(nxt.command, "code")))
    items = []
    for number, step in nxt.steps:
        head = (v.line(v.strong(f"{number}. {step.title}")),)
        leaves: tuple[v.Branch, ...]
        if step.kind == "skill" and step.next_grades:
            grade = step.next_grades[0]
            said = f'{grade.value} {grade.name}, "{grade.description}"'
            leaves = (v.Branch((v.line(v.muted(f"from {step.you} to "), said),)),)
        elif step.requirement is not None:
            leaves = (v.Branch((v.line(v.muted("a requirement of the level that skills cannot show")),)),)
        else:
            leaves = ()
        items.append(v.Branch(head, leaves))
    blocks: list[v.Block] = [v.Tree(tuple(items))]
    blocks.append(
        v.para(f"The whole plan, {total} step{'' if total == 1 else 's'}: ", v.Span(nxt.command, "code"))
    )
    if nxt.hint:
        blocks.append(v.note(nxt.hint[:1].upper() + nxt.hint[1:] + "."))
    return (v.Section("Next: the first steps of your plan", tuple(blocks)),)
