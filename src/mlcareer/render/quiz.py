"""Rendering of a quiz result (text, JSON, Markdown, HTML, SVG) and of an answers template."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from mlcareer.models import Credential, Question, Quoted, ScaleStep
from mlcareer.quiz import Gap, LevelFit, Match, QuizResult, SkillRow
from mlcareer.render import markdown as md
from mlcareer.render.common import MUTED, NO_DATA, Bar, bullets, literal, no_data, section
from mlcareer.render.verdict import ending, quiz_verdict
from mlcareer.text import clean

NO_EXPECTATION = "named without a grade, and this data pack sets no default"
NOT_ASKED = "not asked"
_NARROW = 64


class PercentBar:
    """A 0-100 bar like █████░░░░░ (#####----- in ASCII terminals)."""

    def __init__(self, percent: int | None, cells: int = 20) -> None:
        self.percent = percent
        self.cells = cells

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text(options.ascii_only, min(self.cells, max(options.max_width - 6, 5)))

    def text(self, ascii_only: bool = False, cells: int | None = None) -> Text:
        if self.percent is None:
            return no_data()
        cells = cells or self.cells
        full, empty = ("#", "-") if ascii_only else ("█", "░")
        filled = round(cells * self.percent / 100)
        out = Text(f"{self.percent}% ", style="bold")
        out.append(full * filled, style="green")
        out.append(empty * (cells - filled), style=MUTED)
        return out


def _step(scale: dict[int, ScaleStep], value: int | None) -> str:
    if value is None:
        return NOT_ASKED
    step = scale.get(value)
    return f"{value} ({step.name})" if step else str(value)


class SkillBars:
    """Per skill: your answer against the role's expectation; a table, stacked when narrow.

    Skills the role lists without a proficiency show your answer alone.
    """

    def __init__(self, rows: list[SkillRow], expected: bool = True) -> None:
        self.rows = rows
        self.expected = expected

    @staticmethod
    def _you(row: SkillRow, ascii_only: bool) -> Text:
        if row.you is None:
            return Text(NOT_ASKED, style=MUTED)
        return Bar(row.you, style="cyan").text(ascii_only)

    @staticmethod
    def _expects(row: SkillRow, ascii_only: bool) -> Text:
        if row.expected is None:
            return Text(NO_EXPECTATION, style=MUTED)
        return Bar(row.expected).text(ascii_only)

    @staticmethod
    def _status(row: SkillRow) -> Text:
        if row.status == "gap" and row.you is not None and row.expected is not None:
            return Text(f"gap {row.expected - row.you}", style="yellow")
        if row.status == "met":
            return Text("met", style="green")
        return Text("")

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.rows:
            yield no_data()
            return
        ascii_only = options.ascii_only
        if options.max_width < _NARROW:
            for row in self.rows:
                yield literal(row.skill.name, "bold")
                line = Text("  you ").append(self._you(row, ascii_only))
                if self.expected:
                    line.append("  expects ").append(self._expects(row, ascii_only))
                    status = self._status(row)
                    if status.plain:
                        line.append("  ").append(status)
                yield line
            return
        table = Table(box=None, header_style="bold", pad_edge=False)
        table.add_column("Skill", ratio=1)
        table.add_column("You", no_wrap=True)
        if self.expected:
            table.add_column("The role expects", no_wrap=True)
            table.add_column("", no_wrap=True)
        for row in self.rows:
            cells = [literal(row.skill.name), self._you(row, ascii_only)]
            if self.expected:
                cells += [self._expects(row, ascii_only), self._status(row)]
            table.add_row(*cells)
        yield table


def _readiness_note(result: QuizResult) -> str:
    exps = result.expectations
    if not exps.items:
        return "the sources name no skill for this role, so there is nothing to measure against"
    if result.graded == 0:
        return "the sources name this role's skills without a grade, and this data pack sets no default grade"
    said = ", ".join(f"{n} {BASIS_WORDS[k]}" for k, n in exps.counts().items() if n)
    note = f"over the role's {result.graded} expectations ({said})"
    if result.judged < result.graded:
        note += f"; {result.judged} of them asked"
    if exps.unscored:
        note += f"; {exps.unscored} named without a grade, not scored (this data pack sets no default)"
    return note


BASIS_WORDS = {
    "role": "the role's own",
    "level": "its level's",
    "profession": "profession-wide",
    "default": "named without a grade, at the data pack's default",
    "inherited": "as for the role it specialises",
}


def _level_text(fit: LevelFit) -> Text:
    name = fit.level.value if fit.level else NO_DATA
    return Text(name, style="bold" if fit.level else MUTED)


def level_requirements(fit: LevelFit) -> list[Quoted]:
    """What the fitted level asks beyond skills (hedges kept): skills alone cannot show it."""
    return next((list(c.requirements) for c in fit.checks if c.level == fit.level), [])


REQUIREMENTS_NOTE = "Skills are not all a level asks; the sources also say:"


def _names(creds: Sequence[Credential]) -> str:
    return "; ".join(c.name for c in creds)


def _gap(index: int, gap: Gap, scale: dict[int, ScaleStep]) -> RenderableType:
    head = Text(f"{index}. ", style="bold").append(literal(gap.skill.name, "bold"))
    parts: list[RenderableType] = [head]
    body: list[RenderableType] = [
        Text(f"you {_step(scale, gap.you)}; the role expects {_step(scale, gap.expected)}", style="yellow"),
        Text.assemble(("What it covers: ", MUTED), literal(gap.skill.description)),
    ]
    if gap.credentials:
        body.append(Text.assemble(("Credentials: ", MUTED), literal(_names(gap.credentials))))
    parts.append(Padding(Group(*body), (0, 0, 0, 3)))
    return Group(*parts)


def _gaps(result: QuizResult) -> RenderableType:
    parts: list[RenderableType] = []
    if result.gaps:
        parts += [_gap(i, g, result.scale) for i, g in enumerate(result.gaps, 1)]
    elif result.graded:
        parts.append(Text("No gaps: your answers meet every proficiency the role states."))
    else:
        parts.append(no_data())
    if result.education:
        parts.append(Text.assemble(("Education the role lists: ", MUTED), literal(_names(result.education))))
    if result.certifications:
        certs = _names(result.certifications)
        parts.append(Text.assemble(("Certifications the role lists: ", MUTED), literal(certs)))
    return Group(*parts)


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


def _matches(result: QuizResult) -> RenderableType:
    if not result.matches:
        return Text("no match: your answers show no interest in or skills for any kind", style=MUTED)
    parts: list[RenderableType] = []
    for i, match in enumerate(result.matches, 1):
        head = Text(f"{i}. ", style="bold").append(literal(match.role.title, "bold"))
        score = Text(f"{match.score}% match", style="cyan").append(f"  {match.role.id}", style=MUTED)
        parts.append(head)
        parts.append(Padding(Group(score, bullets(_reasons(match, result))), (0, 0, 0, 3)))
    return Group(*parts)


def render_result(result: QuizResult) -> RenderableType:
    """The whole result, for the terminal."""
    role = result.role
    title = Text("Self-assessment against ", style="bold").append(literal(role.title, "bold"))
    title.append(f"  ({role.id}, {role.level.value} level)", style=MUTED)
    meta = Text(
        f"{'quick form, ' if result.quick else ''}{len(result.answers)} questions answered", style=MUTED
    )
    graded = [r for r in result.skills if r.expected is not None]
    ungraded = [r for r in result.skills if r.expected is None and r.you is not None]
    summary = Table.grid(padding=(0, 2))
    summary.add_column(style="bold", no_wrap=True)
    summary.add_column()
    summary.add_row("Readiness", Group(PercentBar(result.readiness), Text(_readiness_note(result), MUTED)))
    level_parts: list[RenderableType] = [_level_text(result.level), literal(result.level.basis, MUTED)]
    needs = level_requirements(result.level)
    if needs:
        level_parts += [Text(REQUIREMENTS_NOTE, MUTED), bullets(literal(q.text) for q in needs)]
    summary.add_row("Level", Group(*level_parts))
    return Group(
        title,
        meta,
        Text(""),
        summary,
        Text(""),
        section("You and what the role expects (0-4)", SkillBars(graded)),
        *(
            [
                section(
                    "Skills the role names without a grade (not scored)", SkillBars(ungraded, expected=False)
                )
            ]
            if ungraded
            else []
        ),
        section("Largest gaps, and what to do", _gaps(result)),
        section("Kinds of ML engineer that fit you best", _matches(result)),
        ending(Text(result.disclaimer, style="italic"), quiz_verdict(result)),  # on screen when it stops
    )


def _md_value(scale: dict[int, ScaleStep], value: int | None, empty: str) -> str:
    if value is None:
        return f"_{empty}_"
    return md.md(_step(scale, value))


def result_markdown(result: QuizResult) -> str:
    """The result as a Markdown document."""
    role = result.role
    percent = f"{result.readiness}%" if result.readiness is not None else f"_{NO_DATA}_"
    level = md.md(result.level.level.value) if result.level.level else f"_{NO_DATA}_"
    head = md.heading(1, f"Self-assessment against {role.title}") + (
        f"\n**Readiness:** {percent} ({md.md(_readiness_note(result))})  \n"
        f"**Level:** {level} ({md.md(result.level.basis)})\n"
    )
    needs = level_requirements(result.level)
    if needs:
        head += f"\n{md.md(REQUIREMENTS_NOTE)}\n\n" + md.bullets(q.text for q in needs)
    rows = [
        (
            md.md(r.skill.name),
            _md_value(result.scale, r.you, NOT_ASKED),
            _md_value(result.scale, r.expected, NO_EXPECTATION),
        )
        for r in result.skills
    ]
    skills = md.heading(2, "You and what the role expects") + "\n"
    skills += md.table(["Skill", "You", "The role expects"], rows, escaped=True) if rows else "_no data_\n"
    gaps = md.heading(2, "Largest gaps, and what to do") + "\n"
    if result.gaps:
        for i, g in enumerate(result.gaps, 1):
            gaps += (
                f"{i}. **{md.md(g.skill.name)}**: you {md.md(_step(result.scale, g.you))}, "
                f"the role expects {md.md(_step(result.scale, g.expected))}. {md.md(g.skill.description)}"
            )
            if g.credentials:
                gaps += f" Credentials: {md.md(_names(g.credentials))}."
            gaps += "\n"
    else:
        gaps += "_no gaps_\n" if result.graded else "_no data_\n"
    if result.education:
        gaps += f"\nEducation the role lists: {md.md(_names(result.education))}\n"
    if result.certifications:
        gaps += f"\nCertifications the role lists: {md.md(_names(result.certifications))}\n"
    kinds = md.heading(2, "Kinds of ML engineer that fit you best") + "\n"
    if result.matches:
        for i, m in enumerate(result.matches, 1):
            kinds += f"{i}. **{md.md(m.role.title)}** ({m.score}% match)\n"
            kinds += "".join(f"   - {md.md(r)}\n" for r in _reasons(m, result))
    else:
        kinds += "_no match_\n"
    return md.join(head, skills, gaps, kinds, f"_{md.md(result.disclaimer)}_\n")


def recorded(renderable: RenderableType, kind: str, width: int = 100) -> str:
    """A renderable as a standalone HTML page or SVG image, with colour."""
    console = Console(
        file=io.StringIO(),
        record=True,
        width=width,
        color_system="truecolor",
        force_terminal=True,
        no_color=False,
        highlight=False,
        emoji=False,
    )
    console.print(renderable)
    if kind == "svg":
        return console.export_svg(title="mlcareer quiz")
    return console.export_html()


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
