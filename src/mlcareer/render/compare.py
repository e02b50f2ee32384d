"""Rendering of a comparison of two roles (`mlcareer compare`)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from mlcareer.careers import Comparison, RoleView
from mlcareer.render.common import (
    MUTED,
    Fit,
    bullets,
    comma_list,
    figure_amount,
    literal,
    no_data,
    section,
)
from mlcareer.render.expect import (
    grade_text,
)
from mlcareer.render.role import _sources

# Below this width two roles side by side break words inside ("entry-leve|l"): stack them instead.
_COMPARE_NARROW = 60


def render_comparison(cmp: Comparison) -> RenderableType:
    """Two roles side by side: facts, then skills; one above the other on a narrow terminal."""
    a, b = cmp.left, cmp.right

    def money_lines(view: RoleView) -> Text:
        if not view.salary:
            return no_data()
        return Text("\n").join(
            Text(f"{(f.level.value + ': ') if f.level else ''}{figure_amount(f)}") for f in view.salary
        )

    rows: list[tuple[str, RenderableType, RenderableType]] = [
        ("Level", Text(a.role.level.value), Text(b.role.level.value)),
        ("Summary", literal(a.role.summary), literal(b.role.summary)),
        ("Work", _group_names(a), _group_names(b)),
        ("Tools", comma_list(a.role.tools), comma_list(b.role.tools)),
        ("Salary", money_lines(a), money_lines(b)),
        ("Moves on", comma_list(m.role.id for m in a.leads_to), comma_list(m.role.id for m in b.leads_to)),
    ]

    def facts(width: int, _: bool) -> RenderableType:
        if width < _COMPARE_NARROW:
            return Group(*(_stacked(label, a.role.id, left, b.role.id, right) for label, left, right in rows))
        table = Table(show_header=True, header_style="bold", show_lines=True, expand=True)
        table.add_column("", style="bold", min_width=9, overflow="fold")
        table.add_column(literal(a.role.title), ratio=3, overflow="fold")
        table.add_column(literal(b.role.title), ratio=3, overflow="fold")
        for label, left, right in rows:
            table.add_row(label, left, right)
        return table

    def skills(width: int, ascii_only: bool) -> RenderableType:
        if width < _COMPARE_NARROW:  # per skill: its name, then one short line per role
            parts: list[RenderableType] = []
            for row in cmp.skills:
                grid = Table.grid(padding=(0, 1))
                grid.add_column(style=MUTED, no_wrap=True)
                grid.add_column()
                grid.add_row(literal(a.role.id), grade_text(row.left, ascii_only))
                grid.add_row(literal(b.role.id), grade_text(row.right, ascii_only))
                parts += [literal(row.skill.name, "bold"), Padding(grid, (0, 0, 0, 2))]
            return Group(*parts)
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        table.add_column("Skill", ratio=2, overflow="fold")
        table.add_column(literal(a.role.id), ratio=2, overflow="fold")
        table.add_column(literal(b.role.id), ratio=2, overflow="fold")
        for row in cmp.skills:
            table.add_row(
                literal(row.skill.name), grade_text(row.left, ascii_only), grade_text(row.right, ascii_only)
            )
        return table

    sources = {s.id: s for s in (*a.sources, *b.sources)}
    parts: list[RenderableType] = []
    if cmp.contrasts:
        parts.append(
            section(
                "How they differ, in the sources' words",
                bullets(
                    literal(c.text).append(f'  ("{c.quote}" [{c.source}])', MUTED) for c, _ in cmp.contrasts
                ),
            )
        )
    note = Text(
        '"the sources do not say": no source states the skill for that role, which is not the '
        "same as not needed. (default): named without a grade, scored against the data pack's default.",
        style=MUTED,
    )
    return Group(
        Fit(facts),
        Text(""),
        *parts,
        section("Skills", Group(Fit(skills), note) if cmp.skills else no_data()),
        section("Sources", _sources(list(sources.values()))),
    )


def _stacked(
    label: str, left_id: str, left: RenderableType, right_id: str, right: RenderableType
) -> RenderableType:
    """One fact of two roles: the label, then each role's id and, beneath it, its value."""
    return Group(
        literal(label, "bold"),
        Padding(literal(left_id, MUTED), (0, 0, 0, 2)),
        Padding(left, (0, 0, 0, 4)),
        Padding(literal(right_id, MUTED), (0, 0, 0, 2)),
        Padding(right, (0, 0, 0, 4)),
    )


def _group_names(view: RoleView) -> Text:
    groups = view.role.responsibilities
    if not groups:
        return no_data()
    return Text("\n").join(literal(f"{g.group} ({len(g.items)})") for g in groups)
