"""The view of a comparison of two roles (`mlcareer compare`)."""

from __future__ import annotations

from mlcareer.domain.careers import Comparison, RoleView
from mlcareer.render import view as v
from mlcareer.render.common import source_label
from mlcareer.render.role_page import grade_line
from mlcareer.render.salary import amount
from mlcareer.render.verdict import comparison_verdict

# Two roles are drawn side by side from this width up (their cells wrap); below it they are
# stacked, each value under its role's name, since narrower columns would break words inside.
_COMPARE_NARROW = 60


def comparison_page(cmp: Comparison) -> v.Page:
    """Two roles side by side: facts, the sources' words on how they differ, skills, sources.

    Ends with the verdict, so it is on screen when the output stops.
    """
    a, b = cmp.left, cmp.right
    skills = v.Table(
        ("Skill", a.role.id, b.role.id),
        tuple(((v.line(r.skill.name),), (grade_line(r.left),), (grade_line(r.right),)) for r in cmp.skills),
        min_width=_COMPARE_NARROW,
        side_by_side=False,
        labelled=True,  # stacked, each grade under its role's id
    )
    note = v.note(
        '"the sources do not say": no source states the skill for that role, which is not the '
        "same as not needed. (default): named without a grade, shown at the data pack's default and "
        "never counted."
    )
    blocks: list[v.Block] = [_facts(a, b)]
    if cmp.contrasts:
        differ = (v.line(c.text, v.muted(f'  ("{c.quote}" [{c.source}])')) for c, _ in cmp.contrasts)
        blocks.append(v.Section("How they differ, in the sources' words", (v.bullets(differ),)))
    sources = {s.id: s for s in (*a.sources, *b.sources)}
    blocks += [
        v.Section("Skills", (skills, note) if cmp.skills else (v.bullets(()),)),
        v.Section("Sources", (v.bullets(source_label(s) for s in sources.values()),)),
        comparison_verdict(cmp),
    ]
    return v.Page(f"{a.role.title} vs {b.role.title}", (), tuple(blocks))


def _facts(a: RoleView, b: RoleView) -> v.Table:
    """The two roles' facts side by side: id, level, summary, work, tools, pay, where they lead."""

    def fact(label: str, left: v.Cell, right: v.Cell) -> tuple[v.Cell, ...]:
        return ((v.line(label),), left, right)

    return v.Table(
        ("", a.role.title, b.role.title),
        (
            fact("Id", (v.line(v.Span(a.role.id, "code")),), (v.line(v.Span(b.role.id, "code")),)),
            fact("Level", _listed([a.role.level.value]), _listed([b.role.level.value])),
            fact("Summary", (v.line(a.role.summary),), (v.line(b.role.summary),)),
            fact("Work", _work(a), _work(b)),
            fact("Tools", _listed(a.role.tools), _listed(b.role.tools)),
            fact("Salary", _pay(a), _pay(b)),
            fact("Moves on", _moves(a), _moves(b)),
        ),
        min_width=_COMPARE_NARROW,
        side_by_side=True,
    )


def _pay(view: RoleView) -> v.Cell:
    lines = [v.line(f"{f.level.value}: " if f.level else "", amount(f, per=True)) for f in view.salary]
    return tuple(lines) or (v.line(v.muted("no data")),)


def _work(view: RoleView) -> v.Cell:
    groups = view.role.responsibilities
    return tuple(v.line(f"{g.group} ({len(g.items)})") for g in groups) or (v.line(v.muted("no data")),)


def _listed(items: list[str]) -> v.Cell:
    return (v.line(", ".join(items)) if items else v.line(v.muted("no data")),)


def _moves(view: RoleView) -> v.Cell:
    lines = [
        v.line(v.muted(f"{label}: "), ", ".join(m.role.id for m in view.leads_to if m.kind == kind))
        for kind, label in (("advance", "advance a level"), ("specialisation", "specialise"))
        if any(m.kind == kind for m in view.leads_to)
    ]
    return tuple(lines) or (v.line(v.muted("no data")),)
