"""The view of a quiz result (every format renders it; the SVG report records its text), and
the answers template."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mlcareer.domain.plan import NextAction, Suggestions
from mlcareer.domain.quiz import MATCH_RULE, SCALE_WORDS, LevelFit, Match, QuizResult, SkillRow, check_words
from mlcareer.render import view as v
from mlcareer.render.action import credential_words, grade_lines, next_blocks, suggestion_blocks
from mlcareer.render.common import NO_DATA
from mlcareer.render.verdict import quiz_verdict
from mlcareer.text import clean

if TYPE_CHECKING:
    from mlcareer.assessment import Assessment
    from mlcareer.models import Credential, Question, Quoted, ScaleStep

NO_EXPECTATION = "named without a grade, and this data pack sets no default"
NOT_ASKED = "not asked"
_NARROW = 64


def _step(scale: dict[int, ScaleStep], value: int | None) -> str:
    if value is None:
        return NOT_ASKED
    step = scale.get(value)
    return f"{value} ({step.name})" if step else str(value)


def _skills(rows: list[SkillRow], expected: bool = True) -> v.Table:
    """Per skill: your answer against the role's expectation (or alone: skills named without a grade)."""

    def you(row: SkillRow) -> v.Line:
        return v.line(v.Dots(row.you, yours=True)) if row.you is not None else v.line(v.muted(NOT_ASKED))

    def expects(row: SkillRow) -> v.Line:
        return v.line(v.Dots(row.expected)) if row.expected is not None else v.line(v.muted(NO_EXPECTATION))

    def status(row: SkillRow) -> v.Line:
        if row.status == "gap" and row.you is not None and row.expected is not None:
            return v.line(v.Span(f"gap {row.expected - row.you}", "warn"))
        return v.line(v.Span("met", "good")) if row.status == "met" else ()

    header = ("Skill", "You", "The role expects", "") if expected else ("Skill", "You", "The role")
    named = (v.line(v.muted("named without a grade")),)
    cells = [
        ((v.line(r.skill.name),), (you(r),), *(((expects(r),), (status(r),)) if expected else (named,)))
        for r in rows
    ]
    return v.Table(header, tuple(cells), min_width=_NARROW, labelled=True, brief=True)


def _readiness_note(result: QuizResult) -> str:
    exps = result.expectations
    if not exps.items:
        return "the sources name no skill for this role, so there is nothing to measure against"
    named = f"{result.named} named without a grade, shown beside your answer and never counted"
    minimum = f"A percentage needs at least {result.minimum} graded expectations (this data pack's choice)"
    if result.graded < result.minimum:
        return (
            f"the sources grade too few of this role's skills to score it ({result.graded} of "
            f"{len(exps.items)}); here is how your answers compare, skill by skill. {minimum}; {named}."
        )
    counts = {k: n for k, n in exps.counts().items() if k != "default"}
    said = ", ".join(f"{n} {BASIS_WORDS[k]}" for k, n in counts.items() if n)
    note = f"over the role's {result.graded} graded expectations ({said}): {result.met} met"
    if result.judged < result.graded:
        note += f"; {result.judged} of them asked"
    if result.named:
        note += f"; {named}"
    if exps.unscored:
        note += f"; {exps.unscored} with no grade at all (this data pack sets no default)"
    return note


BASIS_WORDS = {
    "role": "the role's own",
    "level": "its level's",
    "profession": "profession-wide",
    "speciality": "the kind's own speciality",
    "default": "named without a grade, at the data pack's default",
    "inherited": "as for the role it specialises",
}


def by_level(fit: LevelFit) -> list[str]:
    """Readiness per rung of the ladder, each on what it rests: clearer than one number."""
    out = []
    for check in fit.checks:
        if check.role is None:
            out.append(f"{check.level.value}: the sources state no skill expectations")
            continue
        percent = f"{check.percent}%, " if check.percent is not None and check.how == "graded" else ""
        out.append(f"{check.level.value} ({check.role.title}): {percent}{check_words(check)}")
    return out


def level_requirements(fit: LevelFit) -> list[Quoted]:
    """What the fitted level asks beyond skills (hedges kept): skills alone cannot show it."""
    return next((list(c.requirements) for c in fit.checks if c.level == fit.level), [])


REQUIREMENTS_NOTE = "Skills are not all a level asks; the sources also say:"


def _names(creds: Sequence[Credential]) -> str:
    return "; ".join(c.name for c in creds)


def _gaps(result: QuizResult, suggested: Suggestions | None) -> v.Blocks:
    blocks: list[v.Block] = []
    if result.gaps:
        blocks.append(v.note(f"Next grade and the role's grade in {SCALE_WORDS} (the quiz's own words)."))
        gaps = []
        for i, gap in enumerate(result.gaps, 1):
            you, then = _step(result.scale, gap.you), _step(result.scale, gap.expected)
            said = f"you {you}; the role expects {then}"
            details = [v.line(v.Span(said, "warn")), *grade_lines(gap.grades)]
            details.append(v.line(v.muted("What it covers: "), gap.skill.description))
            if gap.credentials:
                details.append(v.line(v.muted("Can help: "), credential_words(gap.credentials)))
            gaps.append(v.Branch((v.line(v.strong(f"{i}. {gap.skill.name}")),), _leaves(details)))
        blocks.append(v.Tree(tuple(gaps)))
        if suggested is not None:
            blocks += suggestion_blocks(suggested)
    elif result.graded:
        blocks.append(v.para("No gaps: your answers meet every proficiency the sources grade for the role."))
    else:
        blocks.append(v.note("The sources grade none of this role's skills, so there are no gaps to rank."))
    inherited = f" (as for the {result.inherited_from.title})" if result.inherited_from else ""
    if not result.education and result.level_education:
        level = result.level_education
        blocks.append(
            v.Label(f"Education: what the sources say of {result.role.level.value}-level positions")
        )
        blocks.append(v.bullets(v.line(q.text, v.muted(f"  [{q.source}]")) for q in level))
    for label, creds, section in (
        (f"Education the sources mention for this role{inherited}: ", result.education, "education"),
        (
            f"Certifications the sources say can help{inherited}, none asked of the role: ",
            result.certifications,
            "certifications",
        ),
    ):
        if creds:
            more = f" (`mlcareer role {result.role.id} --section {section}` words each, hedges kept)"
            blocks.append(v.Para(v.line(v.muted(label), _names(creds), v.muted(more))))
    return tuple(blocks)


def _leaves(lines: list[v.Line]) -> tuple[v.Branch, ...]:
    return tuple(v.Branch((line,)) for line in lines)


def _reasons(match: Match, result: QuizResult) -> list[str]:
    reasons: list[str] = []
    for question, answer in match.interests:
        step = result.interest_scale.get(answer)
        reasons.append(f"{step.name if step else answer}: {question.text}")
    if match.skills:
        reasons.append(
            "your skills: " + ", ".join(f"{s.name} {_step(result.scale, a)}" for s, a in match.skills)
        )
    if match.interest is None:
        reasons.append("interest not asked (the quick form asks about some kinds only)")
    elif not match.interests:
        reasons.append(f"interest {match.interest}% of the most you could give")
    if not match.skills and match.skill is not None:
        reasons.append(f"your answers on its skills average {match.skill}% of expert")
    return reasons


def _matches(result: QuizResult) -> v.Blocks:
    if not result.matches:
        return (v.note("no match: your answers show no interest in or skills for any kind"),)
    rule = v.note(f"% match: {MATCH_RULE}.")
    kinds = []
    for i, match in enumerate(result.matches, 1):
        score = v.line(v.Span(f"{match.score}% match", "code"), v.muted(f"  {match.role.id}"))
        reasons = [v.line(r) for r in _reasons(match, result)]
        kinds.append(v.Branch((v.line(v.strong(f"{i}. {match.role.title}")), score), _leaves(reasons)))
    return (v.Tree(tuple(kinds)), rule)


def result_page(result: QuizResult, saved: str | None = None, nxt: NextAction | None = None) -> v.Page:
    """The whole result: readiness and level, each skill against the role, gaps, fitting kinds;
    ``saved`` says when a result from the history was taken; ``nxt``: the plan's first steps.

    Ends with the verdict and then what to do next, so both are on screen when the output stops.
    """
    role = result.role
    meta = (
        *([v.line(saved)] if saved else []),
        v.line(v.Span(role.id, "code"), v.Sep(), f"{role.level.value} level"),
        v.line(f"{'quick form, ' if result.quick else ''}{len(result.answers)} questions answered"),
    )
    fitted = result.level.level
    if result.readiness is not None:
        ready: v.Piece = v.Percent(result.readiness)
    elif result.expectations.items and result.graded < result.minimum:
        ready = v.muted("no percentage")
    else:
        ready = v.muted(NO_DATA)
    if fitted is not None:
        level: v.Piece = v.strong(fitted.value)
    elif result.level.start is not None:
        level = v.strong("below entry")
    else:
        level = v.muted(NO_DATA)
    blocks: list[v.Block] = [
        v.para(v.strong("Readiness: "), ready),
        v.note(_readiness_note(result)),
        v.para(v.strong("Level: "), level),
        v.note(result.level.basis),
        v.Label("By level of the ladder (each judged against its ML engineer)"),
        v.bullets(by_level(result.level)),
    ]
    needs = level_requirements(result.level)
    if needs:
        blocks += [v.note(REQUIREMENTS_NOTE), v.bullets(q.text for q in needs)]
    graded = [r for r in result.skills if r.graded]
    ungraded = [r for r in result.skills if not r.graded]
    if graded:
        blocks.append(v.Section("You and what the sources grade (0-4)", (_skills(graded),)))
    if ungraded:
        title = "Skills the role names without a grade (shown, never counted)"
        blocks.append(v.Section(title, (_skills(ungraded, expected=False),)))
    blocks += [
        v.Section("Largest gaps, and what to do", _gaps(result, nxt.plan.suggestions if nxt else None)),
        v.Section("Kinds of ML engineer that fit you best", _matches(result)),
        v.para(v.Span(result.disclaimer, "em")),
        quiz_verdict(result),
    ]
    if nxt is not None:
        blocks += next_blocks(nxt)
    return v.Page(f"Self-assessment against {role.title}", meta, tuple(blocks))


def answers_template(
    questions: Sequence[Question],
    scale: dict[int, ScaleStep],
    interest_scale: dict[int, ScaleStep],
    skill_names: dict[str, str],
) -> str:
    """A YAML answers file to fill in: every question as a comment, its id with no answer."""

    def comment(text: str) -> str:
        return "# " + clean(text).replace("\n", " ")

    out = [
        "# Answers for `mlcareer quiz --answers FILE`: put a number 0-4 after each question id.",
        "# Skill questions: how well you can do it today. Interest questions: how much you",
        "# would like the work. A self-assessment for orientation, not a hiring test.",
        "",
        "# Your name (optional): `mlcareer team` and the plan handouts show it; left empty,",
        "# they use the file's name.",
        "name:",
    ]
    total = len(questions)
    for i, q in enumerate(questions, 1):
        out.append("")
        if q.kind == "skill":
            topic = skill_names.get(q.skill or "", q.skill or "")
            steps = [
                f"  {v} {scale[v].name}: {q.steps[v]}" if v in scale else f"  {v}: {q.steps[v]}"
                for v in range(5)
            ]
        else:
            topic = "would you like this work?"
            steps = [f"  {v} {s.name}: {s.description}" for v, s in sorted(interest_scale.items())]
        out.append(comment(f"Question {i} of {total}: {topic}"))
        out.append(comment(q.text))
        out += [comment(s) for s in steps]
        out.append(f"{q.id}:")
    return "\n".join(out) + "\n"


def assessment_page(done: Assessment) -> v.Page:
    """`mlcareer quiz`: the result, ending with the plan's first steps."""
    return result_page(done.result, nxt=done.next)
