"""The salary command: sourced pay bands by level, as a table and a chart."""

from __future__ import annotations

from typing import Annotated

import typer

from mlcareer.choices import SOURCE_ALIASES, Format, SourceFamily, source_help
from mlcareer.cli.app import app, runs
from mlcareer.cli.options import JsonOption, LevelOption, OutputOption, formats_for, reading, role_option
from mlcareer.commands import salary as run


def _complete_source(incomplete: str) -> list[str]:
    names = [*(f.value for f in SourceFamily), *SOURCE_ALIASES]
    return [n for n in names if n.startswith(incomplete.casefold())]


RegionOption = Annotated[
    str | None,
    typer.Option(
        "--region",
        metavar="REGION",
        help="Only figures for this region, as the data names it.",
        show_default=False,
    ),
]
CurrencyOption = Annotated[
    str | None,
    typer.Option(
        "--currency", metavar="CODE", help="Only figures in this currency, e.g. USD.", show_default=False
    ),
]
SourceOption = Annotated[
    str | None,
    typer.Option(
        "--source",
        "-s",
        metavar="SOURCE",
        help=f"Only one family of sources: {source_help()}. Default: all.",
        callback=reading("source"),
        autocompletion=_complete_source,
        show_default=False,
    ),
]


@app.command()
@runs(run.salary)
def salary(
    *,
    level: LevelOption = None,
    role: Annotated[
        str | None, role_option("Only the figures for this role (id, title or alias).", show_default=False)
    ] = None,
    region: RegionOption = None,
    currency: CurrencyOption = None,
    source: SourceOption = None,
    fmt: Annotated[str, formats_for("SalaryReport")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Show pay by level as the sources give it: a table, a chart on one scale, and what changes pay.

    Every figure names its source and date; a level without a figure says so. Official
    figures (the BLS Occupational Outlook Handbook) come beside the articles', each for an
    occupation that is not the role's own; --source keeps one family.

    Example: mlcareer salary --level senior
    Example: mlcareer salary --source bls
    """
