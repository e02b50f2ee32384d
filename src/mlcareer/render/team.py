"""The views of `mlcareer team`: a group side by side, and two views of one person.

Built once as view models (``render.view``); the terminal, Markdown and HTML all render them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.domain.team import (
    MATCH_PEOPLE,
    TALK_ABOUT,
    Calibration,
    CalibrationLine,
    ClassSkillChange,
    Progress,
    SkillChange,
    SkillLine,
    Team,
)
from mlcareer.render import view as v
from mlcareer.render.expect import grade_words

if TYPE_CHECKING:
    from mlcareer.domain.shown import ProgressShown, TeamShown

BELOW = "*"
SHOWN_GAPS = 10
NOT_ASKED = "-"
MATRIX_NOTE = (
    f"Each cell is a person's answer (0-4); {BELOW} marks an answer below what the sources grade, "
    f"{NOT_ASKED} a question not asked. Expects: the role's grade (see `mlcareer role ROLE`); "
    "(2): a skill named without a grade, at the data pack's default, shown and never counted."
)


def _answer(line: SkillLine, answer: int | None) -> str:
    if answer is None:
        return NOT_ASKED
    grade = line.expectation.grade
    below = line.expectation.graded and grade is not None and answer < grade
    return f"{answer}{BELOW}" if below else str(answer)


def _percent(value: int | None) -> str:
    return "not scored" if value is None else f"{value}%"


def _expects(line: SkillLine) -> str:
    grade = line.expectation.grade
    if grade is None:
        return NOT_ASKED
    return str(grade) if line.expectation.graded else f"({grade})"


def _gaps(team: Team) -> v.Blocks:
    gaps = team.shared_gaps
    if not gaps:
        return (v.para(v.strong("No gaps: everyone meets what the role expects in every skill answered.")),)
    total = len(team.members)
    shown = v.bullets(
        v.line(
            f"{g.skill.name} (expects {grade_words(g.expectation)}): ",
            v.strong(f"{g.below} of {total} below"),
        )
        for g in gaps[:SHOWN_GAPS]
    )
    if len(gaps) <= SHOWN_GAPS:
        return (shown,)
    return (shown, v.note(f"and {len(gaps) - SHOWN_GAPS} more skills with someone below; see the matrix."))


def _people(team: Team) -> v.Table:
    rows = []
    for i, m in enumerate(team.members, 1):
        r = m.result
        best = r.matches[0].role.title if r.matches else "no data"
        if r.level.level is not None:
            level = r.level.level.value
        else:
            level = "below entry" if r.level.start is not None else "no data"
        if r.readiness is not None:
            ready = f"{r.readiness}% ({r.met}/{r.graded})"
        else:
            ready = "too few graded" if r.graded < r.minimum else "no data"
        rows.append(tuple((v.line(x),) for x in (str(i), m.name, ready, level, best)))
    return v.Table(
        ("#", "Name", "Readiness (graded met)", "Level", "Best-fitting kind"),
        tuple(rows),
        min_width=60,
        labelled=True,
    )


def _matrix(team: Team) -> v.Table:
    """Skills by people: on a terminal, a wide group is folded into tables of fewer people, never cut."""
    rows = tuple(
        (
            (v.line(line.skill.name),),
            (v.line(_expects(line)),),
            *((v.line(_answer(line, a)),) for a in line.answers),
            (v.line(f"{line.met}/{line.answered}" if line.expectation.graded else NOT_ASKED),),
        )
        for line in team.skills
    )
    n = len(team.members)
    header = ("Skill", "Expects", *(m.name for m in team.members), "Met")
    return v.Table(header, rows, stacked="never", fold=v.Fold(2, 2 + n, "People"))


def team_page(team: Team) -> v.Page:
    from mlcareer.render.verdict import team_verdict

    """Shared gaps first, then the people, the matrix and the kinds the group leans to."""
    leanings = v.bullets(
        v.line(lean.role.title, v.muted(f"  {lean.score}% match, a top-3 fit for {lean.top_for}"))
        for lean in team.leanings
    )
    return v.Page(
        f"{len(team.members)} people against {team.role.title}",
        (v.line(v.Span(team.role.id, "code")),),
        (
            v.Section("Gaps the group shares, most shared first", _gaps(team)),
            v.Section("People", (_people(team),)),
            v.Section("Skills, person by person", (_matrix(team), v.note(MATRIX_NOTE))),
            v.Section(
                "Kinds of ML engineer the group leans to (mlcareer's match rule, as in the quiz)", (leanings,)
            ),
            team_verdict(team),
        ),
    )


# ---------------------------------------------------------------- calibrate


def _grade(value: int | None, line: CalibrationLine, which: int) -> str:
    if value is None:
        return "not asked"
    step = line.steps[which]
    return f"{value} {step.name}" if step else str(value)


def _topic(line: CalibrationLine, first: str, second: str) -> v.Blocks:
    """The skill and how far apart, then each view with the rubric's words for its grade."""
    views = []
    for who, value, which in ((first, line.first, 0), (second, line.second, 1)):
        step = line.steps[which]
        description = f": {step.description}" if step else ""
        views.append(f"{who}: {_grade(value, line, which)}{description}")
    return (v.Label(f"{line.skill.name} (differ by {abs(line.difference or 0)})"), v.bullets(views))


def calibration_page(cal: Calibration) -> v.Page:
    """The skills to talk about first, then every skill side by side."""
    a, b = cal.first.name, cal.second.name
    topics = cal.topics
    talk: v.Blocks = tuple(block for line in topics for block in _topic(line, a, b)) or (
        v.para(v.strong(f"None: no skill differs by {TALK_ABOUT} steps or more.")),
    )
    rows = tuple(
        (
            (v.line(line.skill.name),),
            (
                v.line(
                    "" if line.difference is None else f"{line.difference:+d}",
                    v.strong("  talk") if line.talk_about else "",
                ),
            ),
            (v.line(_grade(line.first, line, 0)),),
            (v.line(_grade(line.second, line, 1)),),
        )
        for line in cal.lines
    )
    return v.Page(
        f"Two views of one person: {a} and {b}",
        (),
        (
            v.Section(
                f"Topics to talk about: a difference of {TALK_ABOUT} steps or more, mlcareer's own "
                f"threshold ({len(topics)})",
                talk,
            ),
            v.Section(
                "Every skill, side by side",
                (v.Table(("Skill", "Diff", a, b), rows, min_width=60, labelled=True),),
            ),
            v.note(
                "Grades are the 0-4 scale of `mlcareer skill SKILL`; the descriptions are mlcareer's rubric."
            ),
        ),
    )


# ---------------------------------------------------------------- progress since an earlier round


def _files(group: Team) -> str:
    return f"{len(group.members)} file{'' if len(group.members) == 1 else 's'} read"


def _signed(value: float | int | None) -> str:
    if value is None:
        return "no data"
    if not value:
        return "0"
    return f"{value:+d}" if isinstance(value, int) else f"{value:+.1f}"


def _moves(changes: list[SkillChange]) -> v.Cell:
    return tuple(v.line(f"{c.skill.name} {c.before}", v.Arrow(), str(c.after)) for c in changes) or (
        v.line(v.muted("none")),
    )


def _person_rows(found: Progress) -> v.Table:
    rows = []
    for p in found.people:
        then, now = p.before.result.readiness, p.after.result.readiness
        ready = v.line(_percent(then), v.Arrow(), _percent(now), f" ({_signed(p.readiness_change)})")
        paired = (v.line(p.matched_by),)
        rows.append(((v.line(p.after.name),), (ready,), _moves(p.up), _moves(p.down), paired))
    header = ("Person", "Readiness", "Skills up", "Skills down", "Paired by")
    return v.Table(header, tuple(rows), min_width=72, labelled=True, empty="nobody is in both rounds")


def _mean(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _skill_rows(found: Progress) -> v.Table:
    rows = []
    for line in found.skills:
        a, b = line.before, line.after
        grade = b.expectation.grade
        rows.append(
            (
                (v.line(line.skill.name),),
                (v.line(NOT_ASKED if grade is None else str(grade)),),
                (v.line(f"{a.met}/{a.answered}", v.Arrow(), f"{b.met}/{b.answered}"),),
                (v.line(_mean(ClassSkillChange.mean(a)), v.Arrow(), _mean(ClassSkillChange.mean(b))),),
                (v.line(_signed(line.change) if line.change is not None else "-"),),
            )
        )
    header = ("Skill", "Expects", "Met", "Mean answer", "Change")
    return v.Table(header, tuple(rows), min_width=64, labelled=True, brief=True)


def progress_page(found: Progress, before: str, after: str) -> v.Page:
    """Each person's change between two rounds, the group's change per skill, and who is unpaired."""
    unpaired: list[v.Line] = []
    for where, members in ((before, found.only_before), (after, found.only_after)):
        if members:
            unpaired.append(v.line(f"Only in {where}: ", ", ".join(f"{m.name} ({m.file})" for m in members)))
    blocks: list[v.Block] = [
        v.Section("Each person's change", (_person_rows(found), v.note(MATCH_PEOPLE))),
        v.Section(
            "The group per skill: who meets the role's grade, and the mean answer",
            (_skill_rows(found), v.note("Every answers file of each round counts, paired or not.")),
        ),
        v.Section(
            "Not paired",
            (v.bullets(unpaired),) if unpaired else (v.para("Everyone is in both rounds."),),
        ),
    ]
    n = len(found.people)
    meta = (
        v.line(v.Span(found.role.id, "code")),
        v.line(f"Earlier: {before} ({_files(found.before)})"),
        v.line(f"Now: {after} ({_files(found.after)})"),
    )
    who = f"{n} {'person' if n == 1 else 'people'}"
    return v.Page(f"Change since {before}: {who} against {found.role.title}", meta, tuple(blocks))


def team_shown_page(shown: TeamShown) -> v.Page:
    return team_page(shown.team)


def progress_shown_page(shown: ProgressShown) -> v.Page:
    return progress_page(shown.progress, shown.before, shown.after)
