"""The view of one role (`mlcareer role`): every section, one section, or the overview.

Built once as a view model (``render.view``); the terminal, Markdown and HTML all render it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from mlcareer.choices import SECTION_TITLES, Section
from mlcareer.domain.careers import Move, RoleView
from mlcareer.domain.expectations import Expectation, Reading
from mlcareer.render import view as v
from mlcareer.render.common import source_label
from mlcareer.render.expect import (
    DEFAULT_MARK,
    MENTIONED,
    NOT_STATED,
    NOT_STATED_SHORT,
    basis_counts,
    basis_lines,
    reading_words,
    wording_note,
)
from mlcareer.render.official import pay_text, role_official

if TYPE_CHECKING:
    from mlcareer.domain.shown import RoleShown

NOT_SAID = "The sources do not say."


def level_text(role: Role) -> str:
    """'mid level', or for a specialisation where that level comes from."""
    if role.kind == "specialisation" and role.specialises:
        return f"{role.level.value} level, as the {role.specialises} it specialises (no level in the sources)"
    return f"{role.level.value} level"


def grade_line(exp: Expectation | None, compact: bool = False) -> v.Line:
    """The grade as dots and its name, or the state in words; ``compact`` for narrow tables
    (explained by COMPACT_NOTE)."""
    if exp is None:
        return (v.muted(NOT_STATED_SHORT if compact else NOT_STATED),)
    if exp.grade is None:
        return (v.muted(MENTIONED),)
    name = exp.step.name if exp.step else ""
    default = (DEFAULT_MARK if compact else " (default)") if exp.basis == "default" else ""
    return v.line(v.Dots(exp.grade), f" {name}".rstrip(), v.muted(default))


def skills_table(items: list[Expectation], basis: bool = True) -> v.Table:
    """Expectations, with on what each rests (as a list on a terminal) or without (a table)."""
    header = ("Skill", "Expects", "On what it rests") if basis else ("Skill", "Expects")
    rows = []
    for exp in items:
        row: list[v.Cell] = [(v.line(exp.skill.name),), (grade_line(exp),)]
        if basis:
            lines = basis_lines(exp)
            row.append(((v.Span(lines[0], "em"),), *((v.muted(x),) for x in lines[1:])))
        rows.append(tuple(row))
    return v.Table(header, tuple(rows), stacked="always" if basis else "narrow")


def _skills(view: RoleView) -> v.Blocks:
    exps = view.expectations
    if not exps.items:
        return (v.note("The sources name no skill for this role, so there is nothing to measure against."),)
    blocks: list[v.Block] = [skills_table(list(exps.items)), v.note(basis_counts(exps))]
    if exps.values:
        blocks.append(v.Label("What the profession values (profession-wide, not this role's bar)"))
        blocks.append(v.bullets(values_lines(view)))
    blocks.append(v.note(f"{wording_note(exps)} See mlcareer skill SKILL for the steps."))
    return tuple(blocks)


def values_lines(view: RoleView) -> list[str]:
    """Each profession-wide quote once, with the skills it is read for."""
    skills = {k: x.name for k, x in view.expectations.names.items()}
    grouped: dict[tuple[str, str], list[str]] = {}
    first: dict[tuple[str, str], object] = {}
    for r in view.expectations.values:
        key = (r.quote, r.source)
        grouped.setdefault(key, []).append(skills.get(r.skill, r.skill))
        first.setdefault(key, r)
    out = []
    for key, names in grouped.items():
        reading = first[key]
        assert isinstance(reading, Reading)
        out.append(f"{', '.join(dict.fromkeys(names))}: {reading_words(reading)}")
    return out


def _cited(text: str, source: str) -> v.Line:
    return v.line(text, v.muted(f"  [{source}]"))


INFERRED = "mlcareer's inference from the source's sentence, not its words"


def _quoted(items: Collection[Quoted | Suit]) -> v.Bullets:
    # A Suit may be inferred; a Quoted has no such field. Read by attribute, not by class: a
    # cached run holds records, not the models (mlcareer.records).
    return v.bullets(
        _cited(f"{q.text} ({INFERRED})" if getattr(q, "inferred", False) else q.text, q.source) for q in items
    )


def _level(view: RoleView) -> v.Blocks:
    role, info = view.role, view.level
    head = v.Para(v.line(v.strong("Level: "), level_text(role)))
    if info is None:
        return (head, v.note("no data"))
    blocks: list[v.Block] = [head]
    if role.kind == "specialisation":
        blocks.append(v.note("The level's requirements, as for the role this kind specialises:"))
    if info.summary:
        blocks.append(v.para(info.summary))
    if info.requirements:
        blocks.append(_quoted(info.requirements))
    else:
        blocks.append(v.note("The sources state no requirements for this level."))
    return tuple(blocks)


def inherits_note(view: RoleView) -> v.Para:
    """The label of what a kind of ML engineer shows from the role it specialises."""
    assert view.parent is not None
    return v.note(
        f"As for the {view.parent.role.title}: the sources say this of the role this kind specialises, "
        "not of the kind itself."
    )


def _inherited(view: RoleView, build: Callable[[RoleView], v.Blocks], empty: bool) -> v.Blocks | None:
    """A kind's section from the role it specialises, labelled, when its own is empty."""
    if not empty or view.parent is None:
        return None
    shown = build(view.parent)
    return (inherits_note(view), *shown)


def _responsibilities(view: RoleView) -> v.Blocks:
    inherited = _inherited(view, _responsibilities, not view.role.responsibilities)
    if inherited is not None:
        return inherited
    blocks: list[v.Block] = []
    for group in view.role.responsibilities:
        blocks.append(v.Label(group.group))
        blocks.append(v.bullets(_cited(i.text, ", ".join(i.sources)) for i in group.items))
    return tuple(blocks) or (v.bullets(()),)


def _tools(view: RoleView) -> v.Blocks:
    return _inherited(view, _tools, not view.role.tools) or (v.short_list(view.role.tools),)


def _workplace(view: RoleView) -> v.Blocks:
    return _inherited(view, _workplace, not view.role.workplace) or (v.bullets(view.role.workplace),)


def _education(view: RoleView) -> v.Blocks:
    """The role's own education; else what its level says (said of the level's positions); a kind
    also shows what it inherits from the role it specialises."""
    blocks: list[v.Block] = list(_credentials(view.education)) if view.education else []
    if view.level_education and view.level is not None:
        blocks.append(
            v.note(f"Said of {view.level.id.value}-level positions, the level this role is listed at:")
        )
        blocks.append(_quoted(view.level_education))
    if view.parent is not None:
        own = {c.id for c in view.education}
        rest = [c for c in view.parent.education if c.id not in own]
        if rest or view.parent.level_education:
            blocks.append(inherits_note(view))
            blocks += list(_credentials(rest)) if rest else []
            if view.parent.level_education:
                blocks.append(_quoted(view.parent.level_education))
    return tuple(blocks) or _credentials([])


def _credentials(creds: list[Credential]) -> v.Blocks:
    items = (v.line(v.strong(c.name), f": {c.description}" if c.description else "") for c in creds)
    return (v.bullets(items, empty=NOT_SAID),)


def _industries(view: RoleView) -> v.Blocks:
    role = view.role
    if not role.industries and not role.applications:
        return (v.bullets(()),)
    return (v.short_list(role.industries, "Industries"), v.short_list(role.applications, "Applications"))


def _becoming(view: RoleView) -> v.Blocks:
    role = view.role
    rows: list[tuple[str, Collection[Quoted]]] = [("How to become one", role.how_to_become)]
    rows += [("Who it suits", role.suits), ("In a team", role.team)]
    blocks: list[v.Block] = []
    for label, items in rows:
        if items:
            blocks += [v.Label(label), _quoted(items)]
    return tuple(blocks) or (v.note(NOT_SAID),)


def figure_line(fig: SalaryFigure, source: Source | None) -> v.Line:
    """'mid: $110,000 - $150,000 per year  (scope, region; source; as of date)'."""
    from mlcareer.render.salary import amount, as_of_text, region_text

    level = f"{fig.level.value}: " if fig.level else ""
    title = f"; {source.title}" if source is not None else ""
    date = as_of_text(fig, source)
    return v.line(
        v.strong(level),
        amount(fig, "strong", per=True),
        f"  ({fig.scope}, {region_text(fig)}{title}; {'as of ' if fig.as_of else ''}{date})",
    )


def _salary(view: RoleView) -> v.Blocks:
    if not view.salary and view.parent is not None and view.parent.salary:
        own = [f for f in view.parent.salary if f.level == view.role.level]
        if own:
            note = v.note(
                f"The sources give no pay for this kind; as for the {view.parent.role.title} at the "
                f"{view.role.level.value} level (the pay scope of the role it specialises):"
            )
            return (note, v.bullets(figure_line(f, view.parent.figure_sources.get(f.id)) for f in own))
    if not view.salary:
        return (v.bullets(()),)
    listed = v.bullets(figure_line(f, view.figure_sources.get(f.id)) for f in view.salary)
    from mlcareer.domain.salaries import charts
    from mlcareer.render.salary import chart_view

    return (listed, chart_view(charts(view.salary))) if len(view.salary) > 1 else (listed,)


MOVE_LABELS = {
    "advance": "Advance to the next level: any of its roles",
    "specialisation": "Specialise as a kind of ML engineer (mlcareer's reading of the sources' types)",
}
FROM_LABELS = {
    "advance": "Reached by advancing from the level below",
    "specialisation": "A kind of this role: reached by specialising as",
}


def moves_by_kind(moves: list[Move], labels: dict[str, str]) -> list[tuple[str, list[Role]]]:
    return [(label, [m.role for m in moves if m.kind == kind]) for kind, label in labels.items()]


def role_ref(role: Role) -> v.Line:
    return v.line(role.title, v.muted("  ("), v.Span(role.id, "code"), v.muted(f", {role.level.value})"))


def _related(view: RoleView) -> v.Blocks:
    rows: list[tuple[str, list[Role]]] = [
        *moves_by_kind(view.leads_to, MOVE_LABELS),
        *moves_by_kind(view.leads_from, FROM_LABELS),
        ("Related", view.related),
    ]
    blocks: list[v.Block] = []
    for label, roles in rows:
        if roles:
            blocks += [v.Label(label), v.bullets(role_ref(r) for r in roles)]
    if view.level is not None and view.level.advance is not None and view.leads_from:
        blocks.append(v.note(f'The move up rests on: "{view.level.advance.quote}"'))
    if view.contrasts:
        blocks.append(v.Label("How it differs"))
        blocks.append(
            v.bullets(_cited(f"From {other.title}: {c.text}", c.source) for c, other in view.contrasts)
        )
    if not view.leads_to and view.role.kind == "ladder":
        blocks.append(v.note("The top of the ladder: the sources name no level above it."))
    return tuple(blocks) or (v.bullets(()),)


SECTIONS: dict[Section, Callable[[RoleView], v.Blocks]] = {
    Section.summary: lambda view: (v.para(view.role.summary),),
    Section.level: _level,
    Section.responsibilities: _responsibilities,
    Section.skills: _skills,
    Section.tools: _tools,
    Section.education: _education,
    Section.certifications: lambda view: _credentials(view.certifications),
    Section.industries: _industries,
    Section.workplace: _workplace,
    Section.outlook: lambda view: (v.bullets(view.role.outlook),),
    Section.becoming: _becoming,
    Section.salary: _salary,
    Section.official: lambda view: role_official(view.official),
    Section.related: _related,
    Section.sources: lambda view: (v.bullets(source_label(s) for s in view.sources),),
}


def _head(view: RoleView, blocks: list[v.Block]) -> v.Page:
    role = view.role
    kind = "kind of ML engineer" if role.kind == "specialisation" else "career ladder role"
    meta = [v.line(v.Span(role.id, "code"), v.Sep(), level_text(role), v.Sep(), kind)]
    if role.aliases:
        meta.append(v.line("Also known as: ", ", ".join(role.aliases)))
    return v.Page(role.title, tuple(meta), tuple(blocks))


def role_page(view: RoleView, only: Section | None = None) -> v.Page:
    """The whole role, or one section of it."""
    return _head(
        view,
        [
            v.Section(SECTION_TITLES[key], build(view))
            for key, build in SECTIONS.items()
            if only in (None, key)
        ],
    )


# ---------------------------------------------------------------- the overview (`role` without --full)
# What `mlcareer role ROLE` shows by default, to fit a screen: these sections, each in a short
# form; --full shows every section whole, --section one. Markdown and JSON are always complete.

OVERVIEW_READING_NOTE = (
    "Expects: read from the sources' wording on mlcareer's 0-4 scale; "
    "--section skills shows on what each grade rests."
)

if TYPE_CHECKING:
    from mlcareer.models import Credential, Quoted, Role, SalaryFigure, Source, Suit


def _overview_level(view: RoleView) -> v.Blocks:
    head = v.Para(v.line(v.strong("Level: "), level_text(view.role)))
    info = view.level
    if info is None or not info.requirements:
        return (head,)
    return (head, v.bullets(q.text for q in info.requirements))


def _overview_responsibilities(view: RoleView) -> v.Blocks:
    groups = view.role.responsibilities
    if not groups and view.parent is not None and view.parent.role.responsibilities:
        return (inherits_note(view), *_overview_responsibilities(view.parent))
    if not groups:
        return (v.bullets(()),)
    return (v.para("; ".join(f"{g.group} ({len(g.items)})" for g in groups)),)


def _overview_skills(view: RoleView) -> v.Blocks:
    items = view.expectations.items
    if not items:
        return _skills(view)
    graded = [e for e in items if e.state == "expected"]
    named = [e.skill.name for e in items if e.state == "mentioned"]
    blocks: list[v.Block] = [skills_table(graded, basis=False)] if graded else []
    how = (
        "shown at the data pack's default, never counted"
        if view.expectations.default_reason
        else "not scored"
    )
    if len(named) > 3:  # a long list would push the rest off the screen: --section skills has it
        blocks.append(v.note(f"and {len(named)} skills named without a grade ({how})"))
    elif named:
        blocks.append(v.Para(v.line(v.muted(f"Named without a grade ({how}): "), ", ".join(named))))
    special = [e for e in items if e.basis == "speciality"]
    if special:
        names = ", ".join(e.skill.name for e in special)
        name = special[0].step.name if special[0].step else ""
        blocks.append(v.note(f"Its own speciality (mlcareer's reading of its description): {names}, {name}."))
    if view.expectations.capped:
        level = view.role.level.value
        blocks.append(
            v.note(
                f"{view.expectations.capped} capped at the {level} level's characteristic grade "
                "(mlcareer's level ceiling): --section skills shows the sentences."
            )
        )
    blocks.append(v.note(OVERVIEW_READING_NOTE))
    return tuple(blocks)


def _overview_salary(view: RoleView) -> v.Blocks:
    from mlcareer.render.salary import amount

    if not view.salary and view.parent is not None and view.parent.salary:
        return _salary(view)
    own = [f for f in view.salary if f.level == view.role.level] or view.salary[:1]
    blocks: list[v.Block] = []
    if own:
        figure = own[0]
        source = view.figure_sources.get(figure.id)
        where = f"{figure.level.value} level, " if figure.level else ""
        cited = f"; {source.title}" if source else ""
        blocks.append(
            v.para(
                amount(figure, "strong", per=True),
                v.muted(f"  ({where}{figure.region or 'region not stated'}{cited})"),
            )
        )
    for placed in view.official:
        occupation = placed.occupation
        if occupation.pay:
            pay = occupation.pay[0]
            line = f"{occupation.agency}, not this role's own: {occupation.title}, {pay_text(pay)}"
            blocks.append(v.note(f"{line} ({pay.reference})"))
    return tuple(blocks) or (v.bullets(()),)


def _overview_related(view: RoleView) -> v.Blocks:
    up = [m.role for m in view.leads_to if m.kind == "advance"]
    rows = [
        ("Advance to the next level", up),
        ("Specialises", [view.specialises] if view.specialises else []),
    ]
    blocks: list[v.Block] = [
        v.para(v.strong(f"{label}: "), ", ".join(r.title for r in roles)) for label, roles in rows if roles
    ]
    if view.specialisations:
        blocks.append(v.para(v.strong("Specialise as: "), f"{len(view.specialisations)} kinds"))
    return tuple(blocks) or (v.bullets(()),)


OVERVIEW: dict[Section, Callable[[RoleView], v.Blocks]] = {
    Section.summary: SECTIONS[Section.summary],
    Section.level: _overview_level,
    Section.responsibilities: _overview_responsibilities,
    Section.skills: _overview_skills,
    Section.salary: _overview_salary,
    Section.related: _overview_related,
}


def overview_page(view: RoleView) -> v.Page:
    """The overview of a role, ending with how to see the rest."""
    more = v.note(
        "More: --full for every section, or --section NAME for one of: "
        + ", ".join(s.value for s in Section)
        + "."
    )
    blocks: list[v.Block] = [v.Section(SECTION_TITLES[key], build(view)) for key, build in OVERVIEW.items()]
    return _head(view, [*blocks, more])


def role_shown_page(shown: RoleShown) -> v.Page:
    """`mlcareer role`'s page (every document format): the whole role, or the section asked for."""
    return role_page(shown.view, shown.section)


def role_shown_text(shown: RoleShown) -> object:
    """`mlcareer role` in the terminal: the overview, unless --full or --section ask for more."""
    from mlcareer.render import to_text

    if shown.full or shown.section is not None:
        return to_text.page(role_shown_page(shown))
    return to_text.page(overview_page(shown.view))
