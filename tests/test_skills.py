"""The skill catalogue: lookup, search and description (domain), and the rendering of them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from mlcareer.catalog import load_catalog
from mlcareer.errors import NotFoundError
from mlcareer.models import Catalog
from mlcareer.render.skill import render_skill, render_skills
from mlcareer.skills import describe_skill, find_skill, list_skills


@pytest.fixture
def shipped(shipped_dir: Path) -> Catalog:
    return load_catalog(shipped_dir)


@pytest.mark.parametrize(
    "name", ["programming", "Python", "PYTHON", "Programming (Python, R, Java, Julia)", "coding"]
)
def test_find_skill_by_id_name_or_alias(shipped: Catalog, name: str) -> None:
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
        expected = {r.id for r in shipped.roles if any(n.skill == row.skill.id for n in r.skills)}
        assert {r.id for r in row.roles} == expected
    leadership = next(s for s in found if s.skill.id == "leadership")
    assert len(leadership.roles) == 7


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("deep", "deep-learning"),  # name and id
        ("PYTORCH", "deep-learning"),  # alias, any case
        ("F1 score", "model-evaluation"),  # example
        ("stakeholders", "communication"),  # description
        ("big-data", "big-data-tools"),  # id
    ],
)
def test_search_covers_id_name_aliases_description_examples(
    shipped: Catalog, needle: str, expected: str
) -> None:
    assert expected in [s.skill.id for s in list_skills(shipped, needle)]


def test_search_without_hits(shipped: Catalog) -> None:
    assert list_skills(shipped, "zzzz-nothing") == []


def test_describe_skill_roles_and_proficiency(shipped: Catalog) -> None:
    view = describe_skill(shipped, find_skill(shipped, "python"))
    assert [(n.role.id, n.proficiency) for n in view.roles] == [("ml-engineer", 3)]
    assert view.roles[0].step is not None and view.roles[0].step.name == "proficient"
    assert [s.value for s in view.scale] == [0, 1, 2, 3, 4]
    leadership = describe_skill(shipped, find_skill(shipped, "leadership"))
    levels = [n.role.level.rank for n in leadership.roles]
    assert levels == sorted(levels)  # ladder order
    assert any(n.proficiency is None for n in leadership.roles)


def test_describe_skill_credentials_tied_and_asked(shipped: Catalog) -> None:
    view = describe_skill(shipped, find_skill(shipped, "machine-learning-algorithms"))
    assert [c.id for c in view.credentials] == [
        "google-professional-ml-engineer",
        "azure-ai-engineer-associate",
    ]
    asked = {a.credential.id for a in view.certifications}
    assert not asked & {c.id for c in view.credentials}  # tied ones are not repeated as merely "asked"
    needing = {n.role.id for n in view.roles}
    for item in (*view.education, *view.certifications):
        assert {r.id for r in item.roles} <= needing
        assert all(item.credential.id in (*r.education, *r.certifications) for r in item.roles)
    counts = [len(a.roles) for a in view.education]
    assert counts == sorted(counts, reverse=True)


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
    wide = _text(render_skill(view))
    assert "Roles that need it (1)" in wide
    assert "Machine Learning Engineer  ml-engineer  mid    ●●●○ proficient" in wide
    assert "Credentials the data ties to this skill" in wide and "no data" in wide
    assert "Not tied to this skill by the sources" in wide
    assert "mlcareer's own rubric" in wide
    narrow = _text(render_skill(view), width=40)
    assert max(len(line.rstrip()) for line in narrow.splitlines()) <= 40
    assert "Machine Learning Engineer" in narrow and "(ml-engineer, mid)" in narrow
    plain = _text(render_skill(view), ascii_only=True)
    assert plain.isascii()
    assert "###- proficient" in plain and "statistics - analytical skill" in plain


def test_render_skills_wide_narrow_and_ascii(shipped: Catalog) -> None:
    found = list_skills(shipped)
    wide = _text(render_skills(found, len(shipped.roles)))
    lines = wide.splitlines()
    assert lines[1].strip() == "TECHNICAL"
    assert wide.index("TECHNICAL") < wide.index("ANALYTICAL") < wide.index("INTERPERSONAL")
    assert any(line.split()[-2:] == ["leadership", "7"] for line in lines)
    assert "of the 24 roles" in wide
    narrow = _text(render_skills(found, len(shipped.roles)), width=40)
    assert max(len(line.rstrip()) for line in narrow.splitlines()) <= 40
    assert "leadership · 7 roles" in narrow
    assert _text(render_skills(found, len(shipped.roles)), width=40, ascii_only=True).isascii()
    assert "No skills match." in _text(render_skills([], 24))
