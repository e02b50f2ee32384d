"""How an expectation is shown, in every format: its grade, its state, and on what it rests.

One place for the words, so text, Markdown and JSON say the same thing (CONTENT.md: three
states, labelled inheritance, the rule named).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from mlcareer.expectations import RULE, Expectation, Reading, RoleExpectations
from mlcareer.render.common import MUTED, Bar, literal

NOT_STATED = "the sources do not say"
MENTIONED = "mentioned, no grade"


def grade_words(exp: Expectation | None) -> str:
    """'3/4 proficient', '2/4 working knowledge (default)', 'mentioned, no grade' or NOT_STATED."""
    if exp is None:
        return NOT_STATED
    if exp.grade is None:
        return MENTIONED
    name = exp.step.name if exp.step else ""
    words = f"{exp.grade}/4 {name}".rstrip()
    return f"{words} (default)" if exp.basis == "default" else words


def grade_text(exp: Expectation | None, ascii_only: bool) -> Text:
    """The grade as a bar and its name, or the state in words."""
    if exp is None:
        return Text(NOT_STATED, style=MUTED)
    if exp.grade is None:
        return Text(MENTIONED, style=MUTED)
    name = exp.step.name if exp.step else f"{exp.grade}/4"
    text = Text.assemble(Bar(exp.grade).text(ascii_only), " ", literal(name))
    if exp.basis == "default":
        text.append(" (default)", style=MUTED)
    return text


def reading_words(reading: Reading) -> str:
    """'"quote" (profession-wide, ml-engineer-jobs: "in-depth knowledge" = 4)'."""
    where = reading.where if reading.scope != "role" else f"{reading.where}'s description"
    grade = f'"{reading.phrase}" = {reading.grade}' if reading.phrase is not None else "no grade"
    return f'"{reading.quote}" ({where}, {reading.source}: {grade})'


def basis_lines(exp: Expectation) -> list[str]:
    """On what the grade rests: the label, the rule's reason when sources differ, every reading."""
    lines = [exp.label]
    if exp.conflict:
        lines.append(exp.why)
    lines += [reading_words(r) for r in exp.readings]
    return lines


def short_basis(exp: Expectation) -> str:
    """The label and the one statement the grade is read from: for a line, not a table."""
    if exp.chosen is None:
        return exp.label
    return f"{exp.label}: {reading_words(exp.chosen)}"


def basis_text(exp: Expectation) -> Text:
    lines = basis_lines(exp)
    text = literal(lines[0], "italic")
    for line in lines[1:]:
        text.append("\n")
        text.append(literal(line, MUTED))
    return text


def wording_note(exps: RoleExpectations) -> str:
    """The wording map and the rule, in a paragraph shown under every table of grades."""
    pairs = "; ".join(f'"{p}" = {g}' for p, g in exps.wording)
    note = f"How grades are read: {pairs}." if pairs else "This data pack has no wording map."
    if exps.default_reason:
        note += f" Default grade: {exps.default_reason}"
    return f"{note} {RULE}"


def reading_json(reading: Reading) -> dict[str, Any]:
    return {
        "quote": reading.quote,
        "source": reading.source,
        "scope": reading.scope,
        "where": reading.where,
        "phrase": reading.phrase,
        "grade": reading.grade,
    }


def expectation_json(exp: Expectation) -> dict[str, Any]:
    """An expectation with its state, grade, basis, inheritance and every reading."""
    return {
        "skill": exp.skill.id,
        "name": exp.skill.name,
        "category": exp.skill.category,
        "state": exp.state,
        "grade": exp.grade,
        "grade_name": exp.step.name if exp.step else None,
        "basis": exp.basis,
        "inherited_from": exp.inherited_from.id if exp.inherited_from else None,
        "label": exp.label,
        "rule": exp.why,
        "conflict": exp.conflict,
        "readings": [reading_json(r) for r in exp.readings],
    }


def expectations_json(exps: RoleExpectations) -> dict[str, Any]:
    """How the role's expectations were made: counts by basis, the rule, the map, the default."""
    return {
        "rule": RULE,
        "counts": exps.counts(),
        "wording": [{"phrase": p, "grade": g} for p, g in exps.wording],
        "default_grade_reason": exps.default_reason,
        "profession_values": [reading_json(r) for r in exps.values],
    }
