"""Role renderers at a fixed width: what a person sees, and that data text stays literal."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rich.console import Console

from mlcareer.choices import Section
from mlcareer.domain.careers import compare_roles, describe_role, find_role, list_roles
from mlcareer.models import Catalog
from mlcareer.pack.catalog import load_catalog
from mlcareer.render.compare import comparison_page
from mlcareer.render.role_list import render_roles
from mlcareer.render.role_page import role_page
from mlcareer.render.to_text import page
from mlcareer.text import clean
from tests.conftest import MINI


def _text(renderable: object, width: int = 80) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None).print(renderable)
    return buffer.getvalue()


@pytest.fixture
def mini() -> Catalog:
    return load_catalog(MINI)


def test_role_page_at_80_columns(mini: Catalog) -> None:
    out = _text(page(role_page(describe_role(mini, find_role(mini, "engineer")))))
    lines = out.splitlines()
    assert lines[0] == "Engineer"
    assert lines[1] == "engineer · mid level · career ladder role"
    assert "Also known as: ENG" in out
    assert "●●●○ proficient" in out and "●●●● expert" in out
    # each grade shows the statement it is read from, its scope and the phrase that grades it
    assert '"proficiency in code" (Engineer\'s description, doc: "proficiency in" = 3)' in out
    # no graded phrase, and mini sets no default grade
    assert "  Communication  mentioned, no grade" in [line.rstrip() for line in lines]
    assert '"explains the work to others" (Engineer\'s description, doc: no grade)' in out
    assert "Expectations by basis: 2 role. 1 named without a grade, not scored" in " ".join(out.split())
    assert 'How grades are read: "familiarity with" = 2; "proficiency in" = 3;' in out
    assert "mid: $100 - $200 per year" in out and "senior: $200 - $300+ per year" in out
    assert "Workplace\n  no data" in out
    assert "• A test document (Test Author, 2024-01-04)" in out
    assert all(len(line) <= 80 for line in lines)


def test_role_page_at_40_columns_wraps_without_cutting_words(mini: Catalog) -> None:
    out = _text(page(role_page(describe_role(mini, find_role(mini, "engineer")))), width=40)
    assert all(len(line) <= 40 for line in out.splitlines())
    assert "…" not in out
    assert "Programming  ●●●○ proficient" in out


def test_one_section(mini: Catalog) -> None:
    out = _text(page(role_page(describe_role(mini, find_role(mini, "engineer")), Section.tools)))
    assert "Tools and frameworks\n  Python" in out
    assert "Summary" not in out


def test_roles_table_groups_by_level(mini: Catalog) -> None:
    out = _text(render_roles(list_roles(mini)))
    assert out.index("ENTRY") < out.index("junior-engineer") < out.index("MID") < out.index("\nengineer ")


def test_comparison_lists_skills_of_both(mini: Catalog) -> None:
    cmp = compare_roles(mini, find_role(mini, "engineer"), find_role(mini, "junior-engineer"))
    out = _text(page(comparison_page(cmp)))
    assert "Programming" in out and "not listed" not in out
    assert "Statistics     ●●●● expert          the sources do not say" in out
    assert "Communication  mentioned, no grade  the sources do not say" in out
    assert "not the same as not needed" in out
    assert [row.skill.id for row in cmp.skills] == ["programming", "statistics", "communication"]


HOSTILE = "Eng \x1b[2J\x1b]8;;http://x\x07link\x1b]8;;\x07 [bold]loud[/bold] [/red] \x1b]52;c;aGk=\x07"


def test_hostile_text_is_shown_literally(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    roles = (data / "roles.yaml").read_text()
    escaped = HOSTILE.replace("\x1b", "\\e").replace("\x07", "\\a")
    roles = roles.replace("title: Engineer\n", f'title: "{escaped}"\n', 1)
    (data / "roles.yaml").write_text(roles)
    catalog = load_catalog(data)
    out = _text(page(role_page(describe_role(catalog, find_role(catalog, "engineer")))))
    assert "\x1b" not in out and "\x07" not in out
    assert "[bold]loud[/bold] [/red]" in out
    assert "\\x1b[2J" in out


def test_clean_keeps_plain_text_and_newlines() -> None:
    assert clean("plain – text") == "plain – text"
    assert clean("a\nb\tc\x00d\u202e") == "a\nb c\\x00d\\u202e"
