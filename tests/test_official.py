"""Official figures (occupations.yaml): checked against the stored page text, validated, and labelled."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from mlcareer.domain.official import placements
from mlcareer.domain.salaries import salary_report
from mlcareer.models import Catalog, OfficialOccupation, period_years
from mlcareer.pack.catalog import check_directory, load_catalog, shipped_data_dir
from tests.conftest import FIXTURES, MINI, Invoke

PAGES = FIXTURES / "bls"
OFFICIAL = FIXTURES / "official"
MLE_LABEL = (
    "BLS has no 'machine learning engineer' occupation; nearest: Computer and Information Research Scientists"
)


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog(shipped_data_dir())


@pytest.fixture
def mini_official(tmp_path: Path) -> Path:
    """The mini data pack with the fictional official occupation (every kind of figure)."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    shutil.copy(OFFICIAL / "occupations.yaml", target / "occupations.yaml")
    return target


# ---------------------------------------------------------------- the figures against the stored pages


def _flat(text: str) -> str:
    """Whitespace runs as one space and dashes as '-': the stored text wraps and uses en dashes."""
    return " ".join(text.replace("\u2013", "-").split())


def _pages() -> dict[str, str]:
    """Stored page text by URL (the header says where each page is from; the text follows '---')."""
    pages = {}
    for path in PAGES.glob("*.txt"):
        header, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        url = re.search(r"^url: (\S+)$", header, re.M)
        assert url and body, f"{path.name}: needs a 'url:' line and the text after '---'"
        pages[url.group(1)] = _flat(body)
    return pages


def _figures(occupation: OfficialOccupation) -> list[object]:
    parts = [occupation.jobs, occupation.growth, occupation.change, occupation.openings, occupation.education]
    return [*occupation.pay, *(p for p in parts if p is not None)]


def test_every_official_figure_is_quoted_verbatim_from_its_stored_page(shipped: Catalog) -> None:
    pages = _pages()
    assert shipped.occupations
    for occupation in shipped.occupations:
        assert occupation.url in pages, f"{occupation.id}: no stored text for {occupation.url}"
        for figure in _figures(occupation):
            quote = figure.quote  # type: ignore[attr-defined]
            assert _flat(quote) in pages[occupation.url], f"{occupation.id}: not verbatim: {quote!r}"


def test_every_official_number_is_in_its_quote(shipped: Catalog) -> None:
    for occupation in shipped.occupations:
        for pay in occupation.pay:
            for value in (pay.p10, pay.median, pay.p90):
                if value is not None:
                    assert f"{value:,}" in pay.quote, f"{occupation.id}: {value} not in {pay.quote!r}"
            year = pay.reference.split()[-1]
            assert year in pay.quote and (pay.reference in pay.quote or pay.reference == year)
        if occupation.jobs:
            assert f"{occupation.jobs.count:,}" in occupation.jobs.quote
            assert occupation.jobs.reference in occupation.jobs.quote
        for projection in (occupation.growth, occupation.change, occupation.openings):
            if projection is None:
                continue
            quote = _flat(projection.quote)
            first, last = period_years(projection.period)
            assert (
                projection.period in quote
                or (str(first) in quote and str(last) in quote)
                or ("over the decade" in quote)
            ), f"{occupation.id}: period {projection.period} not in {quote!r}"
        if occupation.growth:
            assert f"{occupation.growth.percent:g}" in occupation.growth.quote
        if occupation.change:
            assert f"{occupation.change.count:,}" in occupation.change.quote
        if occupation.openings:
            assert f"{occupation.openings.per_year:,}" in occupation.openings.quote
        if occupation.education:
            assert occupation.education.level in occupation.education.quote


def test_one_edition_and_every_figure_carries_its_provenance(shipped: Catalog) -> None:
    sources = {s.id: s for s in shipped.sources}
    assert {o.edition for o in shipped.occupations} == {"2022-32"}
    for occupation in shipped.occupations:
        source = sources[occupation.source]
        assert source.publisher and source.url and (source.published or source.edition)
        assert occupation.url.startswith(("http://www.bls.gov/", "https://www.bls.gov/"))
        assert occupation.soc or occupation.soc_note
        for pay in occupation.pay:
            assert pay.reference and pay.quote and pay.currency == "USD"
        for projection in (occupation.growth, occupation.change, occupation.openings):
            assert projection is None or projection.period == occupation.edition


def test_the_shipped_figures(shipped: Catalog) -> None:
    by_id = {o.id: o for o in shipped.occupations}
    cirs = by_id["computer-and-information-research-scientists"]
    assert [p.median for p in cirs.pay] == [136620]
    assert cirs.growth is not None and cirs.growth.percent == 23 and cirs.growth.period == "2022-32"
    assert cirs.openings is not None and cirs.openings.per_year == 3400
    assert cirs.jobs is not None and cirs.jobs.count == 36500
    assert cirs.education is not None and cirs.education.level == "Master's degree"
    software = by_id["software-developers-qa-analysts-and-testers"]
    assert [p.median for p in software.pay] == [124200, 127260, 99620]
    assert software.openings is None  # past the stored excerpt
    assert [p.median for p in by_id["data-scientists"].pay] == [103500]


def test_the_ml_engineer_stands_beside_the_research_scientists(shipped: Catalog) -> None:
    from mlcareer.domain.careers import find_role

    placed = placements(shipped, find_role(shipped, "ml-engineer"))
    assert [p.occupation.id for p in placed] == ["computer-and-information-research-scientists"]
    assert placed[0].label.startswith(MLE_LABEL)
    assert "not the role's own" in placed[0].label


# ---------------------------------------------------------------- validation


BROKEN = {
    "no-edition": "occupations.yaml:4: occupations[0].edition: required field is missing",
    "no-url": "occupations.yaml:4: occupations[0].url: required field is missing",
    "no-reference": "occupations.yaml:13: occupations[0].pay[0].reference: required field is missing",
    "no-quote": "occupations.yaml:21: occupations[0].jobs.quote: required field is missing",
    "percentiles-out-of-order": (
        "occupations.yaml:13: occupations[0].pay[0]: percentiles out of order: 'p90' (80000) is below "
        "'median' (90000)"
    ),
    "growth-without-period": "occupations.yaml:25: occupations[0].growth.period: required field is missing",
    "growth-not-a-percentage": "occupations.yaml:26: occupations[0].growth.percent: must be a valid number",
    "unknown-role": (
        "occupations.yaml:37: occupations[0].beside[0].roles[0]: unknown role 'enginer' "
        "(did you mean 'engineer'?)"
    ),
    "url-not-a-web-address": "occupations.yaml:4: occupations[0]: 'url' must be the web address of the page",
    "no-soc-nor-note": "occupations.yaml:4: occupations[0]: give 'soc', or 'soc_note'",
    "wage-out-of-bounds": "occupations.yaml:15: occupations[0].pay[0].median: must be less than or equal to",
}


def test_every_broken_fixture_has_a_case() -> None:
    assert {p.stem.split("--")[1] for p in (OFFICIAL / "broken").glob("*.yaml")} == set(BROKEN)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_validate_refuses_an_official_figure_without_its_provenance(
    invoke: Invoke, tmp_path: Path, case: str
) -> None:
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    shutil.copy(OFFICIAL / "broken" / f"occupations--{case}.yaml", target / "occupations.yaml")
    _, problems = check_directory(target)
    assert problems, case
    result = invoke("validate", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert BROKEN[case] in result.stderr
    assert "Traceback" not in result.stderr


def test_the_fictional_pack_is_valid(mini_official: Path, invoke: Invoke) -> None:
    result = invoke("validate", str(mini_official))
    assert result.exit_code == 0, result.stderr
    assert "1 official occupations" in result.stdout.replace("\n", " ")


# ---------------------------------------------------------------- `mlcareer salary`


def test_salary_shows_articles_and_official_side_by_side(invoke: Invoke) -> None:
    result = invoke("salary")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.index("From the articles") < out.index("Official figures (BLS): occupations, not roles")
    assert "BLS has no occupation of these names; nearest: Computer and Information" in " ".join(out.split())
    for text in ("$136,620", "$124,200", "$127,260", "$99,620", "$103,500", "May 2022"):
        assert text in out
    assert "The 10th and 90th percentiles are not recorded in the data." in out
    chart = out[out.index("USD per year, on one scale") :]
    assert "● $136,620" in chart and "official median (rows keyed as in the official table)" in " ".join(
        chart.split()
    )
    assert next(line for line in chart.splitlines() if line.startswith("BLS 1")).endswith("● $136,620")
    assert "http://www.bls.gov/ooh/computer-and-information-technology/software-developers.htm" in "".join(
        out.split()
    )


def test_salary_json_carries_every_official_figure_with_its_provenance(
    invoke: Invoke, shipped: Catalog
) -> None:
    data = json.loads(invoke("salary", "--json").stdout)
    figures = data["official"]["figures"]
    assert len(figures) == sum(len(o.pay) for o in shipped.occupations)
    for figure in figures:
        for key in ("as_of", "quote", "median", "describes"):
            assert key in figure
        assert (figure["family"], figure["measure"]) == ("official", "percentiles")
        occupation = figure["occupation"]
        assert (
            occupation["edition"] == "2022-32"
            and occupation["url"].startswith("http")
            and "soc" in occupation
        )
        assert figure["source"]["publisher"].startswith("U.S. Bureau of Labor Statistics")
        assert f"{figure['median']:,}" in figure["quote"]
    assert data["filters"]["source"] == "all"
    labels = [g["label"] for o in data["official"]["occupations"] for g in o["beside"]]
    assert any("Not these roles' own figures." in label for label in labels)


def test_salary_markdown_labels_both_families(invoke: Invoke) -> None:
    out = invoke("salary", "--format", "markdown").stdout
    assert "## From the articles" in out
    assert "## Official figures (BLS): occupations, not roles" in out
    assert "| BLS 1 | computer and information research scientists | \\$136,620 | May 2022 | \\[4\\] |" in out
    assert '"The median annual wage for software developers was \\$127,260 in May 2022."' in out


@pytest.mark.parametrize("name", ["bls", "BLS", "official"])
def test_source_bls_keeps_the_official_figures(invoke: Invoke, name: str) -> None:
    data = json.loads(invoke("salary", "--source", name, "--json").stdout)
    assert data["figures"] == [] and data["official"]["figures"] and data["filters"]["source"] == "official"
    out = invoke("salary", "--source", name).stdout
    assert "From the articles" not in out and "Premiums the sources name" not in out
    assert out.startswith("Salary: official figures")


def test_source_articles_keeps_the_articles(invoke: Invoke) -> None:
    data = json.loads(invoke("salary", "--source", "articles", "--json").stdout)
    assert data["figures"] and data["official"]["figures"] == []
    assert "Official figures" not in invoke("salary", "--source", "articles").stdout


def test_an_unknown_source_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("salary", "--source", "blog")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown source 'blog'; choose one of: all, articles, official (bls = official)" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_level_leaves_official_figures_out_and_says_why(invoke: Invoke, shipped: Catalog) -> None:
    out = " ".join(invoke("salary", "--level", "senior").stdout.split())
    assert "describe an occupation at every level, so --level leaves them out" in out
    assert "$136,620" not in out
    assert salary_report(shipped).official.rows


def test_a_role_shows_only_the_occupation_beside_it_with_its_label(invoke: Invoke) -> None:
    out = " ".join(invoke("salary", "--role", "ml-engineer").stdout.split())
    assert MLE_LABEL in out and "not the role's own" in out
    assert "$136,620" in out and "$124,200" not in out
    ds = " ".join(invoke("salary", "--role", "data-scientist").stdout.split())
    assert "no salary data for data-scientist in the articles" in ds
    assert "BLS occupation 'Data scientists' shares the name of 'Data Scientist'" in ds


def test_percentiles_in_order_on_table_and_chart(invoke: Invoke, mini_official: Path) -> None:
    out = invoke("--data-dir", str(mini_official), "salary").stdout
    assert "10th pct" in out and "90th pct" in out and "not recorded" not in out
    row = next(line for line in out.splitlines() if line.strip().startswith("FSA 1"))
    assert row.index("$50,000") < row.index("$90,000") < row.index("$150,000")
    chart = next(line for line in out.splitlines() if line.startswith("FSA 1"))
    assert chart.index("╌") < chart.index("●") and "$90,000" in chart
    assert "10th to 90th percentile" in out


@pytest.mark.parametrize("args", [["salary"], ["salary", "--role", "ml-engineer"], ["role", "ml-engineer"]])
def test_narrow_terminal_and_no_colour(invoke: Invoke, args: list[str]) -> None:
    result = invoke(*args, env={"COLUMNS": "40", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 40


# ---------------------------------------------------------------- `mlcareer role`


def test_role_names_the_nearest_occupation_and_says_it_is_not_its_own(invoke: Invoke) -> None:
    overview = " ".join(invoke("role", "ml-engineer").stdout.split())
    assert (
        "BLS, not this role's own: Computer and Information Research Scientists, median $136,620 per year "
        "(May 2022)" in overview
    )
    out = " ".join(invoke("role", "ml-engineer", "--full").stdout.split())
    assert "Official figures: the nearest occupation, not the role" in out
    assert MLE_LABEL in out and "Its figures are the occupation's, not the role's own." in out
    for text in (
        "median $136,620 per year (May 2022)",
        "Employment growth 2022-32: 23% (much faster than the average for all occupations)",
        "Openings: about 3,400 a year on average, 2022-32",
        "Jobs in 2022: 36,500",
        "Typical entry-level education: Master's degree",
        "edition 2022-32",
    ):
        assert text in out


def test_role_official_section_in_json_and_markdown(invoke: Invoke) -> None:
    data = json.loads(invoke("role", "ml-engineer", "--section", "official", "--json").stdout)
    (placed,) = data["role"]["official"]
    assert placed["label"].startswith(MLE_LABEL)
    figures = placed["figures"]
    assert figures["edition"] == "2022-32" and figures["pay"][0]["median"] == 136620
    assert figures["growth"]["period"] == "2022-32" and figures["growth"]["quote"]
    assert figures["openings"]["occupation"]["url"] == figures["url"]
    assert figures["pay"][0]["occupation"]["id"] == figures["id"] and figures["pay"][0]["source"]["url"]
    md = invoke("role", "software-engineer", "--section", "official", "--format", "markdown").stdout
    assert "### BLS has no 'software engineer' occupation; nearest: Software Developers" in md
    assert "Openings: not recorded in the data" in md


def test_a_role_without_an_occupation_says_so(invoke: Invoke) -> None:
    out = invoke("role", "nlp-engineer", "--section", "official").stdout
    assert "no data: this data pack sets no official occupation beside this role" in out
