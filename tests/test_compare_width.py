"""`mlcareer compare` fits the terminal: side by side whenever it can, stacked and labelled below."""

from __future__ import annotations

import re

import pytest

from mlcareer.domain.careers import compare_roles, find_role
from mlcareer.pack.catalog import load_catalog, shipped_data_dir
from tests.conftest import Invoke

ROLES = ("ml-engineer", "data-scientist")


def _compare(invoke: Invoke, columns: int) -> list[str]:
    result = invoke("--no-pager", "compare", *ROLES, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    return lines


def test_side_by_side_with_a_header_row_at_160(invoke: Invoke) -> None:
    lines = _compare(invoke, 160)
    header = next(line for line in lines if "Machine Learning Engineer" in line and "Data Scientist" in line)
    assert lines.index(header) < 6  # from the top of the page down
    assert not any(line.strip() == "Machine Learning Engineer" for line in lines)  # not stacked
    moves = [line for line in lines if "lead-ml-engineer" in line or "xai-engineer" in line]
    assert moves and all(len(line) <= 160 for line in moves)  # the 15 ids wrap inside their cell


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_side_by_side_down_to_the_stated_width(invoke: Invoke, columns: int) -> None:
    lines = _compare(invoke, columns)
    assert any("Machine Learning Engineer" in line and "Data Scientist" in line for line in lines[:6])


def test_no_skill_name_is_cut_at_80(invoke: Invoke) -> None:
    lines = _compare(invoke, 80)
    text = "\n".join(lines)
    assert "…" not in text and "..." not in text
    catalog = load_catalog(shipped_data_dir())
    left, right = (find_role(catalog, r) for r in ROLES)
    names = [row.skill.name for row in compare_roles(catalog, left, right).skills]
    skills = text[text.index("\nSkills") : text.index("\nSources")]
    words = set(skills.split())
    for name in names:
        assert set(name.split()) <= words, name  # whole, if wrapped over lines
    column = min(line.index("●") for line in skills.splitlines() if "●" in line)
    assert column >= 2 + 20  # the names' column has at least 20 characters


def test_stacked_below_the_stated_width_with_every_grade_labelled(invoke: Invoke) -> None:
    lines = _compare(invoke, 40)
    text = "\n".join(lines)
    skills = text[text.index("\nSkills") : text.index("\nSources")]
    grades = [line for line in skills.splitlines() if "●" in line]
    assert grades
    assert all(re.match(r"\s+(ml-engineer|data-scientist): ", line) for line in grades), grades
    catalog = load_catalog(shipped_data_dir())
    left, right = (find_role(catalog, r) for r in ROLES)
    rows = len(compare_roles(catalog, left, right).skills)
    labels = [line for line in skills.splitlines() if re.match(r"\s+(ml-engineer|data-scientist): ", line)]
    assert len(labels) == 2 * rows  # both roles' grades, each under its role's id
