"""`mlcareer salary` through CliRunner, and once in a real process with an ASCII terminal."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mlcareer.render.markdown import md
from tests.conftest import FIXTURES, REPO, Invoke

EXECUTIVE = "no data: the sources give no figure for executive roles"


@pytest.fixture
def regions_dir(mini_dir: Path) -> Path:
    """The mini data with fictional figures for other regions and currencies (test data only)."""
    shutil.copy(FIXTURES / "salary-regions" / "salaries.yaml", mini_dir / "salaries.yaml")
    return mini_dir


def test_senior_shows_the_band_and_its_source(invoke: Invoke) -> None:
    result = invoke("salary", "--level", "senior")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "$150,000 - $200,000+" in out
    assert "Machine Learning Engineer Jobs (undated)" in out
    assert "Experienced Machine Learning Engineers can earn upwards of $150,000 to" in out
    assert "Lead Machine Learning Engineer (lead-ml-engineer)" in out  # roles at the level
    assert "$80,000" not in out and "$160,471" not in out  # that level only
    assert result.stderr == ""


@pytest.mark.parametrize("name", ["junior", "Junior", "ENTRY", "entry"])
def test_junior_is_entry_in_any_case(invoke: Invoke, name: str) -> None:
    result = invoke("salary", "--level", name, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["filters"]["level"] == "entry"
    assert [(f["low"], f["high"]) for f in data["figures"]] == [(80000, 110000)]


def test_unknown_level_is_a_usage_error_naming_the_levels(invoke: Invoke) -> None:
    result = invoke("salary", "--level", "bogus")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "'bogus'" in result.stderr
    assert "entry, mid, senior, executive (junior = entry)" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_lists_the_levels(invoke: Invoke) -> None:
    out = invoke("salary", "--help").stdout
    assert "Example: mlcareer salary --level senior" in out
    for name in ("entry", "mid", "senior", "executive", "junior"):
        assert name in out


def test_all_levels_table_and_chart_at_80_columns(invoke: Invoke) -> None:
    result = invoke("salary")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    lines = out.splitlines()
    assert "Machine Learning Engineers; region not stated; USD per year" in out
    # No region is made up for the articles; the official figures name theirs.
    assert "United States" not in out.split("Official figures")[0]
    for band in ("$80,000 - $110,000", "$110,000 - $150,000", "$150,000 - $200,000+", "$160,471 (average)"):
        assert band in out
    assert out.index("entry ") < out.index("mid ") < out.index("senior ") < out.index("executive ")
    assert "executive  no data" in out and f"executive: {EXECUTIVE}" in out  # why, under the table
    assert "USD per year, on one scale" in out
    chart = [line for line in lines if "█" in line or "◆ $" in line]
    assert [line.split()[0] for line in chart] == ["entry", "mid", "senior", "average"]
    assert "▶" in chart[2] and "◆ $160,471" in chart[3]
    # The average's guide runs through the bands at the marker's column.
    column = chart[3].index("◆")
    assert chart[0][column] == "┊" and chart[1][column] == "┊" and chart[2][column] == "█"
    for heading in ("Premiums the sources name", "What changes pay", "Sources"):
        assert heading in lines
    assert "algorithmic trading or fraud detection" in out
    assert max(len(line) for line in lines) <= 80


def test_all_levels_stay_readable_at_40_columns(invoke: Invoke) -> None:
    result = invoke("salary", env={"COLUMNS": "40"})
    assert result.exit_code == 0
    out = result.stdout
    assert max(len(line) for line in out.splitlines()) <= 40
    assert "senior: $150,000 - $200,000+" in out
    assert "executive: no data: the sources give" in out
    assert "USD per year, on one scale" in out
    assert "…" not in out


def test_json_has_numbers_and_sources(invoke: Invoke) -> None:
    result = invoke("salary", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    figures = {f["id"]: f for f in data["figures"]}
    senior = figures["mle-senior"]
    assert (senior["low"], senior["high"], senior["open_ended"]) == (150000, 200000, True)
    assert senior["source"]["id"] == "ml-engineer-jobs"
    assert (
        senior["source"]["title"] == "Machine Learning Engineer Jobs"
        and senior["source"]["published"] is None
    )
    assert (senior["family"], senior["measure"], senior["occupation"]) == ("articles", "range", None)
    assert senior["region"] is None and senior["describes"] == "Machine Learning Engineers"
    assert senior["currency"] == "USD" and senior["period"] == "year"
    assert "or more" in senior["quote"]
    average = figures["mle-average-indeed-2023"]
    assert average["amount"] == 160471 and isinstance(average["amount"], int)
    assert average["as_of"] == "2023-10" and average["source"]["published"] == "2024-01-04"
    executive = next(lv for lv in data["levels"] if lv["level"] == "executive")
    assert executive["figures"] == [] and executive["no_data"] == EXECUTIVE.removeprefix("no data: ")
    assert {p["id"] for p in data["premiums"]} == {"tech-giants", "finance-and-investment"}


def test_format_json_and_output_file(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "pay.json"
    result = invoke("salary", "--level", "mid", "--format", "json", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text())["figures"][0]["low"] == 110000


def test_markdown(invoke: Invoke) -> None:
    result = invoke("salary", "--format", "markdown")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("# Salary bands by level\n")
    # what every figure shares is said once, over the table
    assert "_Machine Learning Engineers; region not stated; USD per year_" in out
    cells = ["senior", "$150,000 - $200,000+", "[1]", "undated"]
    assert "| " + " | ".join(md(c) for c in cells) + " |" in out
    assert "| executive | no data |  |  |" in out and f"_executive: {md(EXECUTIVE)}_" in out
    chart = out.split("```text\n", 1)[1].split("```", 1)[0]
    assert "USD per year, on one scale" in chart and "#" in chart and "* $160,471" in chart
    chart.encode("ascii")
    assert '  - "Entry-level Machine Learning Engineers typically earn' in out


def test_role_with_figures(invoke: Invoke) -> None:
    data = json.loads(invoke("salary", "--role", "ML Engineer", "--json").stdout)
    assert data["filters"]["role"] == {"id": "ml-engineer", "title": "Machine Learning Engineer"}
    assert [f["id"] for f in data["figures"]] == [
        "mle-entry",
        "mle-mid",
        "mle-senior",
        "mle-average-indeed-2023",
    ]
    text = invoke("salary", "--role", "lead-ml-engineer").stdout
    assert "Salary: Lead Machine Learning Engineer (lead-ml-engineer)" in text
    assert "$150,000 - $200,000+" in text and "$80,000" not in text


def test_role_without_figures_says_so_and_names_the_others(invoke: Invoke) -> None:
    result = invoke("salary", "--role", "data-scientist", "--source", "articles")
    assert result.exit_code == 0
    assert "no salary data for data-scientist" in result.stdout
    for role_id in ("junior-ml-engineer", "ml-engineer", "lead-ml-engineer"):
        assert f"({role_id})" in result.stdout
    data = json.loads(invoke("salary", "--role", "data-scientist", "--source", "articles", "--json").stdout)
    assert data["message"] == "no salary data for data-scientist" and data["figures"] == []
    assert data["roles_with_data"] == ["junior-ml-engineer", "ml-engineer", "lead-ml-engineer"]


def test_misspelt_role_suggests_like_mlcareer_role(invoke: Invoke) -> None:
    result = invoke("salary", "--role", "ml-enginer")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "unknown role 'ml-enginer'; did you mean ml-engineer?" in result.stderr


def test_role_page_shows_the_same_figures(invoke: Invoke) -> None:
    out = invoke("role", "ml-engineer", "--section", "salary").stdout
    assert "senior: $150,000 - $200,000+ per year" in out
    assert (
        "(Machine Learning Engineers, region not" in out and "Machine Learning Engineer Jobs; undated)" in out
    )
    assert "as of 2023-10" in out
    assert "USD per year, on one scale" in out and "◆ $160,471" in out


def test_a_filter_that_matches_nothing_names_what_there_is(invoke: Invoke) -> None:
    result = invoke("salary", "--region", "Atlantis")
    assert result.exit_code == 0
    assert "No salary figure matches these filters." in result.stdout
    assert "regions: region not stated, United States; currencies: USD" in result.stdout
    assert "Official figures: no official figure matches region 'Atlantis'." in result.stdout


# ---------------------------------------------------------------- another region and currency


def test_other_regions_and_currencies_are_shown_in_their_own_currency(
    invoke: Invoke, regions_dir: Path
) -> None:
    result = invoke("--data-dir", str(regions_dir), "salary")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "mid: €60,000 - €75,000 per year" in out
    assert "Example region (test data)" in out and "region not stated" in out
    assert "entry: CHF 4,000 - CHF 5,000 per month" in out  # no symbol: the code
    assert "€70,000 (average)" in out
    # One chart per currency: euros are never drawn on the dollar scale.
    assert "USD per year, on one scale" in out and "EUR per year, on one scale" in out
    assert "◆ €70,000" in out
    assert "CHF per month, on one scale" not in out  # one figure: nothing to compare


def test_currency_and_region_filters(invoke: Invoke, regions_dir: Path) -> None:
    eur = invoke("--data-dir", str(regions_dir), "salary", "--currency", "eur")
    assert eur.exit_code == 0
    assert "Engineers; Example region (test data); EUR per year" in eur.stdout
    assert "€60,000 - €75,000" in eur.stdout and "$100" not in eur.stdout and "CHF" not in eur.stdout
    region = json.loads(
        invoke(
            "--data-dir",
            str(regions_dir),
            "salary",
            "--region",
            "another example region (TEST DATA)",
            "--json",
        ).stdout
    )
    assert [(f["currency"], f["period"], f["low"]) for f in region["figures"]] == [("CHF", "month", 4000)]
    none = invoke("--data-dir", str(regions_dir), "salary", "--currency", "GBP")
    assert none.exit_code == 0 and "currencies: " in none.stdout and "EUR" in none.stdout


@pytest.mark.slow
def test_ascii_terminal_in_a_real_process(regions_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "PY_COLORS")}
    env.update(PYTHONIOENCODING="ascii", COLUMNS="60", NO_COLOR="1", LANG="C", LC_ALL="C")
    for args in (["salary"], ["--data-dir", str(regions_dir), "salary"]):
        result = subprocess.run(
            [sys.executable, "-m", "mlcareer", *args], capture_output=True, env=env, cwd=REPO, timeout=60
        )
        assert result.returncode == 0, result.stderr
        out = result.stdout.decode("ascii")  # nothing but ASCII
        chart = [
            line for line in out.splitlines() if line.startswith(("entry ", "mid ", "senior ", "average "))
        ]
        assert chart and not any("?" in line for line in chart)  # no glyph was replaced
        assert "###" in out and "+---" in out
    assert "EUR 60,000 - EUR 75,000" in out and "* EUR 70,000" in out
