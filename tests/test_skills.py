"""The skill catalogue: lookup, search and description (domain), and the rendering of them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from mlcareer.domain.expectations import expectations
from mlcareer.domain.skills import describe_skill, find_skill, list_skills
from mlcareer.errors import NotFoundError
from mlcareer.models import Catalog
from mlcareer.pack.catalog import load_catalog
from mlcareer.render import to_text
from mlcareer.render.skill import skill_page, skills_page


@pytest.fixture
def shipped(shipped_dir: Path) -> Catalog:
    return load_catalog(shipped_dir)


@pytest.mark.parametrize(
    "name", ["programming", "Python", "PYTHON", "Programming (Python, R, Java, Julia)", "coding"]
)
def test_find_skill_by_id_name_or_keyword(shipped: Catalog, name: str) -> None:
    assert find_skill(shipped, name).id == "programming"


def test_unknown_skill_suggests_the_closest(shipped: Catalog) -> None:
    with pytest.raises(NotFoundError) as caught:
        find_skill(shipped, "statistcs")
    assert caught.value.suggestions[0] == "statistics"
    assert "did you mean statistics?" in str(caught.value)
    with pytest.raises(NotFoundError, match="try `mlcareer skills` to list them"):
        find_skill(shipped, "zzzzzz")


def test_list_skills_groups_by_category_and_counts_roles(shipped: Catalog) -> None:
    found = list_skills(shipped)
    assert len(found) == len(shipped.skills)
    categories = [s.skill.category for s in found]
    assert categories == sorted(categories, key=["technical", "analytical", "interpersonal"].index)
    for row in found:
        # the roles whose expectations (own, level, profession-wide or inherited) state the skill
        stated = {r.id for r in shipped.roles if expectations(shipped, r).get(row.skill.id) is not None}
        assert {n.role.id for n in row.roles} == stated
        assert row.expected + row.mentioned == len(row.roles)
        assert row.total == len(shipped.roles)
    leadership = next(s for s in found if s.skill.id == "leadership")
    own = {r.id for r in shipped.roles if any(n.skill == "leadership" for n in r.skills)}
    assert len(own) == 5 and own <= {n.role.id for n in leadership.roles}
    # the five roles whose own description names it, the three executives the executive level's
    # statement is said of, the lead... and the twelve kinds of ML engineer that inherit it
    assert (leadership.expected, leadership.mentioned, leadership.inherited) == (0, 19, 12)
    programming = next(s for s in found if s.skill.id == "programming")
    assert (programming.expected, programming.mentioned) == (14, 0)


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("deep", "deep-learning"),  # name and id
        ("PYTORCH", "deep-learning"),  # keyword, any case
        ("F1 score", "model-evaluation"),  # example
        ("stakeholders", "communication"),  # description
        ("big-data", "big-data-tools"),  # id
    ],
)
def test_search_covers_id_name_keywords_description_examples(
    shipped: Catalog, needle: str, expected: str
) -> None:
    assert expected in [s.skill.id for s in list_skills(shipped, needle)]


def test_search_without_hits(shipped: Catalog) -> None:
    assert list_skills(shipped, "zzzz-nothing") == []


def test_describe_skill_roles_and_proficiency(shipped: Catalog) -> None:
    view = describe_skill(shipped, find_skill(shipped, "python"))
    first = view.roles[0]
    assert (first.role.id, first.expectation.state, first.expectation.grade) == ("ml-engineer", "expected", 3)
    assert first.expectation.basis == "profession"
    assert first.expectation.step is not None and first.expectation.step.name == "proficient"
    # the kinds of ML engineer are measured as the ML engineer
    kinds = [n for n in view.roles if n.role.kind == "specialisation"]
    assert len(kinds) == 12
    assert all(n.expectation.inherited_from is not None for n in kinds)
    assert all(
        n.expectation.inherited_from.id == "ml-engineer" for n in kinds if n.expectation.inherited_from
    )
    assert view.roles[-1].role.id == "lead-ml-engineer"
    assert view.total == len(shipped.roles)
    assert [s.value for s in view.scale] == [0, 1, 2, 3, 4]
    leadership = describe_skill(shipped, find_skill(shipped, "leadership"))
    levels = [n.role.level.rank for n in leadership.roles]
    assert levels == sorted(levels)  # ladder order
    # named without a grade: mentioned, scored against the pack's default
    default = shipped.expectations.default_grade
    assert default is not None
    assert all(n.expectation.state == "mentioned" for n in leadership.roles)
    assert {n.expectation.grade for n in leadership.roles} == {default.grade}


def test_describe_skill_credentials_only_where_a_source_ties_them(shipped: Catalog) -> None:
    view = describe_skill(shipped, find_skill(shipped, "data-analysis"))
    assert [c.id for c in view.credentials] == [
        "ibm-data-science-professional-certificate",
        "certified-analytics-professional",
    ]
    assert all("data-analysis" in c.skills for c in view.credentials)
    # no credential of a role is carried over to a skill the role needs
    assert not hasattr(view, "education") and not hasattr(view, "certifications")
    algorithms = describe_skill(shipped, find_skill(shipped, "machine-learning-algorithms"))
    assert algorithms.credentials == []


class _AsciiFile(io.StringIO):
    """A file that, like a terminal with PYTHONIOENCODING=ascii, takes only ASCII."""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "ascii"


def _text(renderable: object, width: int = 80, ascii_only: bool = False) -> str:
    buffer = _AsciiFile() if ascii_only else io.StringIO()
    Console(file=buffer, width=width, color_system=None).print(renderable)
    return buffer.getvalue()


def test_render_skill_wide_narrow_and_ascii(shipped: Catalog) -> None:
    view = describe_skill(shipped, find_skill(shipped, "statistics"))
    wide = _text(to_text.page(skill_page(view)))
    assert "Roles whose sources state it (14 of 24; for the others the sources do not say)" in wide
    assert "Machine Learning Engineer  (ml-engineer, mid)  ●●○○ working knowledge" in wide
    # the grade's basis, and why the lowest of three disagreeing statements is used
    assert "profession-wide, no level given" in wide
    assert "3 graded statements of the same scope disagree: the lowest grade, which all" in wide
    flat = " ".join(wide.split())
    assert '"familiar with" = 2)' in flat and '"deep understanding" = 4)' in flat
    assert "as for the Machine Learning Engineer (profession-wide, no level given)" in wide
    assert "Credentials a source ties to this skill" in wide
    assert "The sources tie no credential to this skill." in wide
    assert "Not tied to this skill by the sources" not in wide  # no credential carried over from roles
    assert "mlcareer's own rubric" in wide
    assert "the category is this data pack's grouping, not a source's" in wide
    narrow = _text(to_text.page(skill_page(view)), width=40)
    assert max(len(line.rstrip()) for line in narrow.splitlines()) <= 40
    assert "Machine Learning Engineer" in narrow and "(ml-engineer, mid)" in narrow
    plain = _text(to_text.page(skill_page(view)), ascii_only=True)
    assert plain.isascii()
    assert "###-  proficient" in plain and "statistics - analytical* skill" in plain
    assert "(ml-engineer, mid)  ##-- working knowledge" in plain


def test_render_skills_wide_narrow_and_ascii(shipped: Catalog) -> None:
    found = list_skills(shipped)
    wide = _text(to_text.page(skills_page(found, len(shipped.roles))))
    lines = wide.splitlines()
    assert lines[0] == "Skills" and lines[2] == "Technical"
    assert wide.index("Technical") < wide.index("Analytical") < wide.index("Interpersonal")
    assert lines[3].split() == ["Skill", "Id", "Stated", "by"]
    flat = " ".join(wide.split())
    assert "leadership 0 expect, 19 mention; 12 only" in flat  # "inherit it" wraps below the name
    assert "programming 14 expect, 0 mention; 12" in flat
    assert "Of the 24 roles, how many have sources that expect the skill at a grade" in wide
    assert "sources do not say, which is not the same as not needed" in wide
    narrow = _text(to_text.page(skills_page(found, len(shipped.roles))), width=40)
    assert max(len(line.rstrip()) for line in narrow.splitlines()) <= 40
    stripped = "\n".join(line.rstrip() for line in narrow.splitlines())
    assert "Leadership, mentorship and strategy *\n  leadership\n    0 expect, 19 mention" in stripped
    assert _text(to_text.page(skills_page(found, len(shipped.roles))), width=40, ascii_only=True).isascii()
    assert "No skills match." in _text(to_text.page(skills_page([], 24)))
