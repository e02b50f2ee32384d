"""Salary renderers at fixed widths: layout, ASCII fallback, and data text kept literal."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rich.console import Console, RenderableType

from mlcareer.choices import Level, Section
from mlcareer.domain.careers import describe_role, find_role
from mlcareer.domain.salaries import salary_report
from mlcareer.models import Catalog
from mlcareer.pack.catalog import load_catalog, shipped_data_dir
from mlcareer.render.role_page import role_page
from mlcareer.render.salary import salary_page
from mlcareer.render.salary_chart import compact
from mlcareer.render.to_markdown import page as markdown_page
from mlcareer.render.to_text import page
from tests.conftest import FIXTURES, MINI


def _text(renderable: RenderableType, width: int = 80, encoding: str = "utf-8") -> str:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="\n")
    Console(file=stream, width=width, color_system=None).print(renderable)
    stream.flush()
    return raw.getvalue().decode(encoding)


def _regions(tmp_path: Path, replace: tuple[str, str] | None = None) -> Catalog:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    text = (FIXTURES / "salary-regions" / "salaries.yaml").read_text(encoding="utf-8")
    if replace:
        text = text.replace(*replace)
    (data / "salaries.yaml").write_text(text, encoding="utf-8")
    return load_catalog(data)


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog(shipped_data_dir())


@pytest.mark.parametrize("width", [30, 40, 60, 80, 120])
def test_every_width_fits(shipped: Catalog, tmp_path: Path, width: int) -> None:
    for catalog in (shipped, _regions(tmp_path)):
        for level in (None, Level.senior, Level.executive):
            out = _text(page(salary_page(salary_report(catalog, level=level))), width)
            assert max(len(line) for line in out.splitlines()) <= width, (width, level)


def test_table_columns_at_80(shipped: Catalog) -> None:
    out = _text(page(salary_page(salary_report(shipped))))
    assert "Level      Pay                   Source  As of" in out
    assert "senior     $150,000 - $200,000+  [1]     undated" in out
    assert "average    $160,471 (average)    [2]     2023-10" in out
    assert "  [1] Machine Learning Engineer Jobs (undated)" in out
    assert "  [2] Decoding the Role: What Does a Machine Learning Engineer Do? (Shahrukh" in out


def test_ascii_fallback(tmp_path: Path) -> None:
    out = _text(page(salary_page(salary_report(_regions(tmp_path)))), 80, encoding="ascii")
    assert "mid: EUR 60,000 - EUR 75,000 per year" in out
    assert "+-----" in out and "####" in out and "* EUR 70,000" in out
    assert "- Example premium (test data)" in out


def test_role_page_at_40_columns_keeps_its_chart_inside(shipped: Catalog) -> None:
    view = describe_role(shipped, find_role(shipped, "ml-engineer"))
    out = _text(page(role_page(view, Section.salary)), 40)
    assert max(len(line) for line in out.splitlines()) <= 40
    assert "USD per year, on one scale" in out and "◆ $160,471" in out


def test_role_page_with_one_figure_has_no_chart(shipped: Catalog) -> None:
    view = describe_role(shipped, find_role(shipped, "junior-ml-engineer"))
    out = _text(page(role_page(view, Section.salary)))
    assert "entry: $80,000 - $110,000 per year" in out
    assert "on one scale" not in out


HOSTILE = "Region \\e[2J [bold]loud[/bold] [/red]"


def test_data_text_stays_literal(tmp_path: Path) -> None:
    catalog = _regions(tmp_path, ('region: "Example region (test data)"', f'region: "{HOSTILE}"'))
    for width in (80, 40):
        out = _text(page(salary_page(salary_report(catalog))), width)
        assert "\x1b" not in out
        assert "[bold]loud[/bold]" in out.replace("\n", " ").replace("  ", " ")
    markdown = markdown_page(salary_page(salary_report(catalog)))
    assert "\\[bold\\]loud\\[/bold\\]" in markdown and "\x1b" not in markdown


@pytest.mark.parametrize(
    ("amount", "currency", "ascii_only", "shown"),
    [
        (75000, "USD", False, "$75k"),
        (112500, "USD", False, "$112.5k"),
        (1500000, "EUR", False, "€1.5M"),
        (60000, "EUR", True, "60k"),
        (4200, "CHF", False, "4.2k"),
        (300, "USD", False, "$300"),
    ],
)
def test_compact_tick_labels(amount: int, currency: str, ascii_only: bool, shown: str) -> None:
    assert compact(amount, currency, ascii_only) == shown
