"""Salary queries (mlcareer.domain.salaries), and the shipped figures checked against the source documents."""

from __future__ import annotations

import calendar
from pathlib import Path

import pytest

from mlcareer.choices import Level, SourceFamily, parse_level
from mlcareer.domain.careers import find_role
from mlcareer.domain.salaries import salary_for_role, salary_report, shared_scale
from mlcareer.models import Catalog, SalaryFigure
from mlcareer.pack.catalog import load_catalog
from tests.conftest import FIXTURES, MINI

SEEDS = [Path(__file__).parents[1].parent / "shared" / "seeds", Path("/work/shared/seeds")]


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    from mlcareer.pack.catalog import shipped_data_dir

    return load_catalog(shipped_data_dir())


@pytest.fixture(scope="module")
def regions(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The mini fixture with the fictional extra regions and currencies."""
    import shutil

    target = tmp_path_factory.mktemp("regions") / "data"
    shutil.copytree(MINI, target)
    shutil.copy(FIXTURES / "salary-regions" / "salaries.yaml", target / "salaries.yaml")
    return load_catalog(target)


# ---------------------------------------------------------------- the figures against the documents


def _seeds() -> Path:
    for path in SEEDS:
        if path.is_dir():
            return path
    pytest.skip("the source documents (shared/seeds) are not beside this checkout")


def test_every_shipped_figure_is_quoted_verbatim_from_its_document(shipped: Catalog) -> None:
    seeds = _seeds()
    sources = {s.id: s for s in shipped.sources}
    assert shipped.salaries.figures
    for figure in shipped.salaries.figures:
        assert figure.quote, f"{figure.id} has no quote"
        document = sources[figure.source].document
        assert document, f"{figure.source} names no document"
        text = (seeds / document).read_text(encoding="utf-8")
        assert figure.quote in text, f"{figure.id}: quote not verbatim in {document}"


def _amounts(figure: SalaryFigure) -> list[int]:
    return [v for v in (figure.low, figure.high, figure.amount) if v is not None]


def test_every_shipped_amount_and_date_is_in_the_quote(shipped: Catalog) -> None:
    for figure in shipped.salaries.figures:
        assert figure.quote is not None
        assert figure.currency == "USD" and figure.period == "year"
        for value in _amounts(figure):
            assert f"${value:,}" in figure.quote, f"{figure.id}: {value} not in its quote"
        if figure.open_ended:
            assert "or more" in figure.quote
        if figure.as_of:
            year, month = figure.as_of.split("-")
            assert year in figure.quote and calendar.month_name[int(month)] in figure.quote


def test_the_shipped_bands_are_the_documents_bands(shipped: Catalog) -> None:
    report = salary_report(shipped)
    bands = {b.level: [(f.low, f.high, f.open_ended) for f in b.figures] for b in report.bands}
    assert bands == {
        Level.entry: [(80000, 110000, False)],
        Level.mid: [(110000, 150000, False)],
        Level.senior: [(150000, 200000, True)],
        Level.executive: [],
    }
    assert [(f.amount, f.as_of) for f in report.averages] == [(160471, "2023-10")]
    assert all(f.region is None for f in shipped.salaries.figures)  # no document names one


# ---------------------------------------------------------------- levels


@pytest.mark.parametrize(
    ("text", "level"),
    [("entry", Level.entry), ("junior", Level.entry), ("JUNIOR", Level.entry), (" Senior ", Level.senior)],
)
def test_parse_level_takes_aliases_and_any_case(text: str, level: Level) -> None:
    assert parse_level(text) is level


def test_parse_level_names_the_valid_levels() -> None:
    with pytest.raises(ValueError, match="entry, mid, senior, executive \\(junior = entry\\)"):
        parse_level("bogus")


# ---------------------------------------------------------------- the report


def test_executive_says_why_it_has_no_figure(shipped: Catalog) -> None:
    report = salary_report(shipped, level=Level.executive)
    [band] = report.bands
    assert band.figures == [] and band.no_data == "the sources give no figure for executive roles"
    assert {r.id for r in band.roles} == {
        "chief-data-officer",
        "chief-technology-officer",
        "director-of-engineering",
    }
    assert report.charts == [] and report.premiums == []


def test_one_level_lists_its_ladder_roles_and_leaves_out_the_average(shipped: Catalog) -> None:
    report = salary_report(shipped, level=Level.senior)
    assert [f.id for f in report.figures] == ["mle-senior"]
    assert [r.id for r in report.bands[0].roles] == [
        "lead-ml-engineer",
        "principal-data-scientist",
        "technical-architect",
    ]
    # The chart keeps the scale of every level, so the band sits where it belongs.
    assert report.charts[0].scale == salary_report(shipped).charts[0].scale


def test_role_figures_and_a_role_without_any(shipped: Catalog) -> None:
    mle = salary_report(shipped, role=find_role(shipped, "MLE"))
    assert [f.id for f in mle.figures] == ["mle-entry", "mle-mid", "mle-senior", "mle-average-indeed-2023"]
    assert mle.role_has_data
    ds = salary_report(shipped, role=find_role(shipped, "data-scientist"), source=SourceFamily.articles)
    assert not ds.role_has_data and ds.figures == []
    assert {r.id for r in ds.roles_with_data} == {"ml-engineer", "junior-ml-engineer", "lead-ml-engineer"}


def test_salary_for_role_keeps_ladder_order(shipped: Catalog) -> None:
    figures = salary_for_role(shipped, find_role(shipped, "ml-engineer"))
    assert [f.level for f in figures] == [Level.entry, Level.mid, Level.senior, None]


def test_region_and_currency_filters(regions: Catalog) -> None:
    eur = salary_report(regions, currency="eur")
    assert {f.currency for f in eur.figures} == {"EUR"}
    assert [b.level for b in eur.bands] == [Level.mid]  # only the levels the filter leaves
    region = salary_report(regions, region="  example REGION (test data) ")
    assert [f.id for f in region.figures] == ["eng-mid-example", "eng-average-example"]
    nothing = salary_report(regions, region="Atlantis")
    assert nothing.figures == [] and nothing.bands == []
    assert set(nothing.regions) == {None, "Example region (test data)", "Another example region (test data)"}
    assert set(nothing.currencies) == {"USD", "EUR", "CHF"}


def test_one_chart_per_currency_and_none_for_a_lone_figure(regions: Catalog) -> None:
    report = salary_report(regions)
    assert [(c.currency, c.period) for c in report.charts] == [("USD", "year"), ("EUR", "year")]
    eur = report.charts[1]
    assert [f.id for f in eur.figures] == ["eng-mid-example", "eng-average-example"]


# ---------------------------------------------------------------- the scale


def test_shared_scale_has_round_ticks_and_room_past_an_open_end(shipped: Catalog) -> None:
    scale = shared_scale(list(shipped.salaries.figures))
    assert (scale.low, scale.high, scale.step) == (75000, 225000, 25000)
    assert scale.ticks == [75000, 100000, 125000, 150000, 175000, 200000, 225000]


@pytest.mark.parametrize(
    ("low", "high", "open_ended"), [(100, 200, False), (1, 2, False), (0, 7, True), (123456, 987654, False)]
)
def test_shared_scale_covers_every_value(low: int, high: int, open_ended: bool) -> None:
    figure = SalaryFigure.model_validate(
        {
            "id": "x",
            "roles": ["r"],
            "kind": "range",
            "low": low,
            "high": high,
            "open_ended": open_ended,
            "currency": "USD",
            "period": "year",
            "scope": "s",
            "source": "d",
        }
    )
    scale = shared_scale([figure])
    assert scale.low <= low and high <= scale.high and scale.step >= 1
    assert (scale.high - scale.low) % scale.step == 0
    assert 2 <= len(scale.ticks) <= 12
    if open_ended:
        assert scale.high > high


def test_shared_scale_of_a_single_amount_is_not_empty() -> None:
    figure = SalaryFigure.model_validate(
        {
            "id": "x",
            "roles": ["r"],
            "kind": "average",
            "amount": 50000,
            "currency": "EUR",
            "period": "year",
            "scope": "s",
            "source": "d",
        }
    )
    scale = shared_scale([figure])
    assert scale.low < 50000 < scale.high
