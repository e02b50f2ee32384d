"""How an expectation is shown, in every format: its grade, its state, and on what it rests.

One place for the words, so text, Markdown and JSON say the same thing (CONTENT.md: three
states, labelled inheritance, the rule named).
"""

from __future__ import annotations

from mlcareer.domain.expectations import CEILING_RULE, RULE, Expectation, Reading, RoleExpectations

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


#: In a narrow table: a mark for the default grade, and the short words for "not stated".
DEFAULT_MARK = "*"
NOT_STATED_SHORT = "not stated"
COMPACT_NOTE = (
    f'"{NOT_STATED_SHORT}": the sources do not say, which is not the same as not needed. '
    f"{DEFAULT_MARK} named without a grade: scored against the data pack's default."
)


def reading_words(reading: Reading) -> str:
    """'"quote" (profession-wide, ml-engineer-jobs: "in-depth knowledge" = 4)'."""
    where = reading.where if reading.scope != "role" else f"{reading.where}'s description"
    if reading.said_of:
        where += f", said of {reading.said_of}"
    if reading.bullet:
        where += f", the '{reading.bullet}' bullet"
    if reading.part:
        where += f", about {reading.part} only"
    grade = f'"{reading.phrase}" = {reading.grade}' if reading.phrase is not None else "no grade"
    return f'"{reading.quote}" ({where}, {reading.source}: {grade})'


def basis_lines(exp: Expectation) -> list[str]:
    """On what the grade rests: the label, the rule's reason when sources differ, every reading."""
    lines = [exp.label]
    if exp.speciality is not None and exp.basis == "speciality":
        lines.append(f'"{exp.speciality.quote}" ({exp.speciality.source}); {exp.why}')
    elif exp.conflict or exp.ceiling is not None:
        lines.append(exp.why)
    lines += [reading_words(r) for r in exp.readings]
    return lines


def short_basis(exp: Expectation) -> str:
    """The label and the one statement the grade is read from: for a line, not a table."""
    if exp.speciality is not None and exp.basis == "speciality":
        return f'{exp.label}: "{exp.speciality.quote}" ({exp.speciality.source})'
    if exp.chosen is None:
        return exp.label
    return f"{exp.label}: {reading_words(exp.chosen)}"


def _count_words(kind: str, n: int) -> str:
    if kind == "default":
        return f"{n} named without a grade (the default, never counted)"
    return f"{n} {kind}"


def basis_counts(exps: RoleExpectations) -> str:
    """'Expectations by basis: 1 level, 11 profession, 15 named without a grade (...)' and the
    skills not scored, if any."""
    parts = []
    for kind, n in exps.counts().items():
        if n and kind == "inherited":
            inner = ", ".join(_count_words(k, m) for k, m in exps.inherited_counts().items() if m)
            source = next((e.inherited_from for e in exps.items if e.inherited_from is not None), None)
            of = f" from the {source.title}" if source is not None else ""
            parts.append(f"{n} inherited{of} ({inner})" if inner else f"{n} inherited{of}")
        elif n:
            parts.append(_count_words(kind, n))
    line = f"Expectations by basis: {', '.join(parts) or 'none scored'}."
    if exps.capped:
        line += f" {exps.capped} capped at the {exps.role.level.value} level's characteristic grade."
    if exps.unscored:
        line += f" {exps.unscored} named without a grade, not scored: this data pack sets no default grade."
    return line


def wording_note(exps: RoleExpectations) -> str:
    """The wording map and the rule, in a paragraph shown under every table of grades."""
    pairs = "; ".join(f'"{p}" = {g}' for p, g in exps.wording)
    note = f"How grades are read: {pairs}." if pairs else "This data pack has no wording map."
    if exps.default_reason:
        note += f" Default grade: {exps.default_reason}"
    note += f" {RULE}"
    if exps.ceiling is not None:
        c = exps.ceiling
        step = "the top of the scale" if c.grade >= 4 else f"grade {c.grade}"
        note += (
            f" {CEILING_RULE} This role's level ceiling is {step}, from the {c.level.value}-level "
            f'sentence "{c.quote}" ({c.source}).'
        )
    if exps.speciality_reason:
        note += f" Speciality: {exps.speciality_reason}"
    return note
