"""Rendering of `mlcareer team`: a group side by side, and two views of one person."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from mlcareer.render import markdown as md
from mlcareer.render.common import MUTED, Fit, bullets, literal, section
from mlcareer.render.expect import grade_words
from mlcareer.team import TALK_ABOUT, Calibration, CalibrationLine, SkillLine, Team

BELOW = "*"
SHOWN_GAPS = 10
NOT_ASKED = "-"
MATRIX_NOTE = (
    f"Each cell is a person's answer (0-4); {BELOW} marks an answer below what the role expects, "
    f"{NOT_ASKED} a question not asked. Expects: the role's grade (see `mlcareer role ROLE`)."
)


def _cell(line: SkillLine, answer: int | None) -> str:
    if answer is None:
        return NOT_ASKED
    grade = line.expectation.grade
    return f"{answer}{BELOW}" if grade is not None and answer < grade else str(answer)


def _percent(value: int | None) -> str:
    return "no data" if value is None else f"{value}%"


def _people(team: Team) -> RenderableType:
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Name", ratio=2, overflow="fold")
    table.add_column("Readiness", justify="right", no_wrap=True)
    table.add_column("Level", no_wrap=True)
    table.add_column("Best-fitting kind", ratio=2, overflow="fold")
    for i, m in enumerate(team.members, 1):
        r = m.result
        best = r.matches[0].role.title if r.matches else "no data"
        level = r.level.level.value if r.level.level else "no data"
        table.add_row(str(i), literal(m.name), _percent(r.readiness), level, literal(best))
    return table


def _matrix(team: Team, width: int) -> RenderableType:
    """Skills by people; a wide group is folded into several tables of fewer people, never cut."""
    n = len(team.members)
    per = max(1, min(n, (width - 30) // 4))
    parts: list[RenderableType] = []
    for start in range(0, n, per):
        chunk = range(start, min(start + per, n))
        table = Table(box=None, header_style="bold", pad_edge=False)
        table.add_column("Skill", ratio=1, min_width=12, overflow="fold")
        table.add_column("Expects", justify="right", no_wrap=True)
        for i in chunk:
            table.add_column(str(i + 1), justify="right", no_wrap=True)
        table.add_column("Met", justify="right", no_wrap=True)
        for line in team.skills:
            grade = "-" if line.expectation.grade is None else str(line.expectation.grade)
            cells = [_cell(line, line.answers[i]) for i in chunk]
            table.add_row(literal(line.skill.name), grade, *cells, f"{line.met}/{line.answered}")
        if n > per:
            parts.append(Text(f"People {chunk.start + 1}-{chunk.stop}", style="bold"))
        parts.append(table)
    parts.append(Text(MATRIX_NOTE, style=MUTED))
    return Group(*parts)


def _gaps(team: Team) -> RenderableType:
    gaps = team.shared_gaps
    if not gaps:
        return Text("No gaps: everyone meets what the role expects in every skill answered.", style="bold")
    total = len(team.members)
    shown = bullets(
        literal(f"{g.skill.name} (expects {grade_words(g.expectation)}): ").append(
            f"{g.below} of {total} below", style="bold"
        )
        for g in gaps[:SHOWN_GAPS]
    )
    if len(gaps) <= SHOWN_GAPS:
        return shown
    rest = Text(f"and {len(gaps) - SHOWN_GAPS} more skills with someone below; see the matrix.", style=MUTED)
    return Group(shown, rest)


def render_team(team: Team) -> RenderableType:
    """Shared gaps first, then the people, the matrix and the kinds the group leans to."""
    title = Text(f"{len(team.members)} people against ", style="bold").append(
        literal(team.role.title, "bold")
    )
    title.append(f"  ({team.role.id})", style=MUTED)
    leanings = (
        bullets(
            literal(lean.role.title).append(
                f"  {lean.score}/100, a top-3 fit for {lean.top_for}", style=MUTED
            )
            for lean in team.leanings
        )
        if team.leanings
        else Text("no data", style=MUTED)
    )
    return Group(
        title,
        Text(""),
        section("Gaps the group shares, most shared first", _gaps(team)),
        section("People", _people(team)),
        section("Skills, person by person", Fit(lambda width, _: _matrix(team, width))),
        section("Kinds of ML engineer the group leans to (mlcareer's match rule, as in the quiz)", leanings),
    )


def team_markdown(team: Team) -> str:
    names = [md.md(m.name) for m in team.members]
    rows = [
        [
            md.md(line.skill.name),
            "-" if line.expectation.grade is None else str(line.expectation.grade),
            *(md.md(_cell(line, a)) for a in line.answers),
            f"{line.met}/{line.answered}",
        ]
        for line in team.skills
    ]
    people = [
        [
            md.md(m.name),
            _percent(m.result.readiness),
            m.result.level.level.value if m.result.level.level else "no data",
        ]
        for m in team.members
    ]
    gaps = [f"{md.md(g.skill.name)}: {g.below} of {len(team.members)} below" for g in team.shared_gaps]
    return md.join(
        md.heading(1, f"{len(team.members)} people against {team.role.title}"),
        md.heading(2, "Gaps the group shares, most shared first"),
        md.bullets(gaps, escaped=True) if gaps else "_No gaps._\n",
        md.heading(2, "People"),
        md.table(["Name", "Readiness", "Level"], people, escaped=True),
        md.heading(2, "Skills, person by person"),
        md.table(["Skill", "Expects", *names, "Met"], rows, escaped=True),
        f"_{md.md(MATRIX_NOTE)}_\n",
    )


# ---------------------------------------------------------------- calibrate


def _grade(value: int | None, line: CalibrationLine, which: int) -> str:
    if value is None:
        return "not asked"
    step = line.steps[which]
    return f"{value} {step.name}" if step else str(value)


def _topic_lines(line: CalibrationLine, first: str, second: str) -> list[str]:
    """The skill and how far apart, then each view with the rubric's words for its grade."""
    lines = [f"{line.skill.name} (differ by {abs(line.difference or 0)})"]
    for who, value, which in ((first, line.first, 0), (second, line.second, 1)):
        step = line.steps[which]
        description = f": {step.description}" if step else ""
        lines.append(f"{who}: {_grade(value, line, which)}{description}")
    return lines


def _topic(line: CalibrationLine, first: str, second: str) -> RenderableType:
    head, *views = _topic_lines(line, first, second)
    return Group(literal(head, "bold"), Padding(bullets(views), (0, 0, 0, 2)))


def render_calibration(cal: Calibration) -> RenderableType:
    a, b = cal.first.name, cal.second.name
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("Skill", ratio=2, overflow="fold")
    table.add_column(literal(a), ratio=1, overflow="fold")
    table.add_column(literal(b), ratio=1, overflow="fold")
    table.add_column("Diff", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for line in cal.lines:
        diff = line.difference
        table.add_row(
            literal(line.skill.name),
            _grade(line.first, line, 0),
            _grade(line.second, line, 1),
            "" if diff is None else f"{diff:+d}",
            Text("talk", style="bold yellow") if line.talk_about else "",
        )
    topics = cal.topics
    talk: RenderableType = (
        Group(*(_topic(line, a, b) for line in topics))
        if topics
        else Text(f"None: no skill differs by {TALK_ABOUT} steps or more.", style="bold")
    )
    title = Text("Two views of one person: ", style="bold").append(literal(f"{a} and {b}", "bold"))
    return Group(
        title,
        Text(""),
        section(f"Topics to talk about: a difference of {TALK_ABOUT} steps or more ({len(topics)})", talk),
        section("Every skill, side by side", table),
        Text(
            "Grades are the 0-4 scale of `mlcareer skill SKILL`; the descriptions are mlcareer's rubric.",
            MUTED,
        ),
    )


def calibration_markdown(cal: Calibration) -> str:
    a, b = cal.first.name, cal.second.name
    rows = [
        [
            md.md(line.skill.name),
            md.md(_grade(line.first, line, 0)),
            md.md(_grade(line.second, line, 1)),
            "" if line.difference is None else f"{line.difference:+d}",
            "**talk**" if line.talk_about else "",
        ]
        for line in cal.lines
    ]
    topics = ["; ".join(md.md(part) for part in _topic_lines(line, a, b)) for line in cal.topics]
    return md.join(
        md.heading(1, f"Two views of one person: {a} and {b}"),
        md.heading(2, f"Topics to talk about ({len(topics)})"),
        md.bullets(topics, escaped=True) if topics else "_None._\n",
        md.heading(2, "Every skill, side by side"),
        md.table(["Skill", md.md(a), md.md(b), "Diff", ""], rows, escaped=True),
    )
