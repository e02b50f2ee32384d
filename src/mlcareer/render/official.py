"""Rendering of official figures (occupations.yaml): in `mlcareer salary` and as a part of `mlcareer role`.

An occupation's figure is never shown without the sentence that says whose it is:
"BLS has no 'machine learning engineer' occupation; nearest: ...". Every piece reads at
40 columns; data text goes through ``literal`` (text) or ``md`` (Markdown).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.text import Text

from mlcareer.models import OfficialOccupation, OfficialPay
from mlcareer.official import OfficialRow, Placement, missing_note, percentiles
from mlcareer.render import markdown as mdown
from mlcareer.render.common import MUTED, bullets, literal, money, no_data, source_label
from mlcareer.salaries import OfficialSection

NAMES = ("10th", "median", "90th")
HEADERS = {"10th": "10th pct", "median": "Median", "90th": "90th pct"}


def pay_text(pay: OfficialPay, ascii_only: bool = False) -> str:
    """'median $136,620 per year', '10th $80,000, median $120,000, 90th $190,000 per year'."""
    parts = [f"{name} {money(value, pay.currency, ascii_only)}" for name, value in percentiles(pay)]
    return ", ".join(parts) + f" per {pay.period}"


def _given(rows: list[OfficialRow]) -> list[str]:
    """The percentiles any row gives, in order: the table's columns."""
    have = {name for row in rows for name, _ in percentiles(row.pay)}
    return [name for name in NAMES if name in have]


def occupation_line(occupation: OfficialOccupation) -> str:
    """'Computer and ... (BLS; 2022-32 edition data; United States)'."""
    return f"{occupation.title} ({occupation.agency}; edition {occupation.edition}; {occupation.region})"


# ---------------------------------------------------------------- the table in `mlcareer salary`


class OfficialTable:
    """Key, whom the figure describes, the percentiles given, date and source: stacked when narrow."""

    def __init__(self, rows: list[OfficialRow], refs: dict[str, int]) -> None:
        self.rows = rows
        self.refs = refs
        self.given = _given(rows)

    def _ref(self, row: OfficialRow) -> str:
        sid = row.occupation.source
        return f"[{self.refs[sid]}]" if sid in self.refs else sid

    def _value(self, pay: OfficialPay, name: str, ascii_only: bool) -> str:
        value = dict(percentiles(pay)).get(name)
        return "-" if value is None else money(value, pay.currency, ascii_only)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.rows:
            yield no_data()
            return
        width = options.max_width
        ascii_only = options.ascii_only
        key_w = max(cell_len(r.key) for r in self.rows)
        fixed = [(HEADERS[n], [self._value(r.pay, n, ascii_only) for r in self.rows]) for n in self.given]
        fixed.append(("As of", [r.pay.reference for r in self.rows]))
        fixed.append(("Source", [self._ref(r) for r in self.rows]))
        widths = [max(cell_len(h), *(cell_len(v) for v in vals)) for h, vals in fixed]
        who_w = width - key_w - sum(widths) - 2 * (len(fixed) + 1)
        if who_w < 14:
            yield from self._stacked(console, width, ascii_only)
            return
        who_w = min(who_w, max(cell_len("Occupation"), *(cell_len(r.pay.of) for r in self.rows)))
        header = [Text("".ljust(key_w)), Text("Occupation"), *(Text(h) for h, _ in fixed)]
        yield _join(header, [key_w, who_w, *widths], style="bold")
        for i, row in enumerate(self.rows):
            who = literal(row.pay.of).wrap(console, who_w)
            cells = [
                Text(vals[i], style="bold" if n < len(self.given) else "")
                for n, (_, vals) in enumerate(fixed)
            ]
            for n, line in enumerate(who):
                first = n == 0
                parts = [Text(row.key if first else "", style=MUTED), line]
                parts += cells if first else [Text("") for _ in cells]
                yield _join(parts, [key_w, who_w, *widths])

    def _stacked(self, console: Console, width: int, ascii_only: bool) -> Iterator[Text]:
        for row in self.rows:
            head = Text.assemble((row.key, MUTED), " ", literal(row.pay.of, "bold"))
            yield from head.wrap(console, width)
            detail = f"{pay_text(row.pay, ascii_only)}; {row.pay.reference}; source {self._ref(row)}"
            for line in Text(detail).wrap(console, max(width - 2, 8)):
                yield Text("  ").append(line)


def _join(cells: list[Text], widths: list[int], style: str = "") -> Text:
    out = Text(style=style, no_wrap=True, overflow="crop", end="\n")
    for n, (cell, w) in enumerate(zip(cells, widths, strict=True)):
        piece = cell.copy()
        piece.rstrip()
        if n < len(cells) - 1:
            piece.pad_right(w - piece.cell_len + 2)
        out.append(piece)
    out.rstrip()
    return out


def official_block(section: OfficialSection, refs: dict[str, int]) -> RenderableType:
    """The official part of `mlcareer salary`: whose figures they are, then the table."""
    if not section.rows:
        return Text(f"No official figure: {section.note or 'none in the data'}.", style=MUTED)
    parts: list[RenderableType] = []
    for occupation, groups in section.occupations:
        parts.append(literal(occupation_line(occupation), "bold"))
        labels = [g.label for g in groups] if not section.placements else []
        labels += [p.label for p in section.placements if p.occupation.id == occupation.id]
        if not labels:
            labels = ["Shown beside no role: not any role's own figures."]
        parts.append(Padding(bullets(labels), (0, 0, 0, 2)))
    parts += [Text(""), OfficialTable(section.rows, refs)]
    note = missing_note(section.rows)
    if note:
        parts.append(Text(note, style=MUTED))
    return Group(*parts)


def official_sources(section: OfficialSection, source_id: str) -> list[RenderableType]:
    """Under a source in the source list: each official figure's page and quote."""
    parts: list[RenderableType] = []
    for url, rows in _by_page(section, source_id).items():
        keys = ", ".join(row.key for row in rows)
        parts.append(Padding(literal(f"{keys}: {url}", MUTED), (0, 0, 0, 4)))
        parts += [Padding(literal(f'"{row.pay.quote}"', MUTED), (0, 0, 0, 6)) for row in rows]
    return parts


def _by_page(section: OfficialSection, source_id: str) -> dict[str, list[OfficialRow]]:
    pages: dict[str, list[OfficialRow]] = {}
    for row in section.rows:
        if row.occupation.source == source_id:
            pages.setdefault(row.occupation.url, []).append(row)
    return pages


# ---------------------------------------------------------------- Markdown


def section_markdown(section: OfficialSection, refs: dict[str, int]) -> str:
    """The official part of `mlcareer salary --format markdown`."""
    if not section.rows:
        return mdown.md(f"No official figure: {section.note or 'none in the data'}.") + "\n"
    parts = []
    for occupation, groups in section.occupations:
        labels = [g.label for g in groups] if not section.placements else []
        labels += [p.label for p in section.placements if p.occupation.id == occupation.id]
        parts.append(f"**{mdown.md(occupation_line(occupation))}**\n")
        parts.append(mdown.bullets(labels))
    given = _given(section.rows)
    rows = []
    for row in section.rows:
        values = dict(percentiles(row.pay))
        cells = [money(values[n], row.pay.currency) if n in values else "-" for n in given]
        ref = str(refs.get(row.occupation.source, row.occupation.source))
        rows.append([row.key, row.pay.of, *cells, row.pay.reference, ref])
    parts.append(mdown.table(["", "Occupation", *(HEADERS[n] for n in given), "As of", "Source"], rows))
    note = missing_note(section.rows)
    if note:
        parts.append(f"_{mdown.md(note)}_\n")
    return mdown.join(*parts)


def sources_markdown(section: OfficialSection, source_id: str) -> list[str]:
    lines = []
    for url, rows in _by_page(section, source_id).items():
        lines.append(f"   - {mdown.md(', '.join(row.key for row in rows))}: {mdown.md(url)}")
        lines += [f'     - "{mdown.md(row.pay.quote)}"' for row in rows]
    return lines


# ---------------------------------------------------------------- `mlcareer role`


def _outlook_lines(occupation: OfficialOccupation) -> list[str]:
    lines: list[str] = []
    missing = "not recorded in the data"
    g = occupation.growth
    said = f" ({g.description})" if g is not None and g.description else ""
    lines.append(
        f"Employment growth {g.period}: {g.percent:g}%{said}" if g else f"Employment growth: {missing}"
    )
    if occupation.change is not None:
        lines.append(f"Employment change {occupation.change.period}: {occupation.change.count:+,} jobs")
    o = occupation.openings
    lines.append(
        f"Openings: about {o.per_year:,} a year on average, {o.period}" if o else f"Openings: {missing}"
    )
    j = occupation.jobs
    lines.append(f"Jobs in {j.reference}: {j.count:,}" if j else f"Jobs: {missing}")
    e = occupation.education
    lines.append(
        f"Typical entry-level education: {e.level}" if e else f"Typical entry-level education: {missing}"
    )
    return lines


def _quotes(occupation: OfficialOccupation) -> list[str]:
    figures: list[Any] = [*occupation.pay, occupation.jobs, occupation.growth, occupation.change]
    figures += [occupation.openings, occupation.education]
    return list(dict.fromkeys(f.quote for f in figures if f is not None))


def _source_line(placement: Placement) -> str:
    source = placement.source
    named = source_label(source) if source is not None else placement.occupation.source
    return f"Source: {named}; {placement.occupation.url}"


def role_official(placements: list[Placement]) -> RenderableType:
    """The official part of a role page: the nearest occupation's pay and outlook, labelled."""
    if not placements:
        return Text("no data: this data pack sets no official occupation beside this role", style=MUTED)
    parts: list[RenderableType] = []
    for n, placement in enumerate(placements):
        occupation = placement.occupation
        if n:
            parts.append(Text(""))
        parts.append(literal(placement.label, "bold"))
        parts.append(literal(occupation_line(occupation), MUTED))
        pay = [
            Text.assemble(
                ("Pay: ", "bold"), literal(f"{p.of}: "), (pay_text(p), "bold"), literal(f" ({p.reference})")
            )
            for p in occupation.pay
        ]
        parts.append(bullets(pay) if pay else Text("Pay: no data", style=MUTED))
        outlook = _outlook_lines(occupation)
        parts.append(bullets(outlook) if outlook else Text("Outlook: no data", style=MUTED))
        parts.append(literal(_source_line(placement), MUTED))
        for quote in _quotes(occupation):
            parts.append(Padding(literal(f'"{quote}"', MUTED), (0, 0, 0, 2)))
    return Group(*parts)


def role_official_markdown(placements: list[Placement]) -> str:
    if not placements:
        return "_no data: this data pack sets no official occupation beside this role_\n"
    parts = []
    for placement in placements:
        occupation = placement.occupation
        parts.append(f"**{mdown.md(placement.label)}**\n")
        parts.append(f"_{mdown.md(occupation_line(occupation))}_\n")
        items = [f"Pay: {p.of}: {pay_text(p)} ({p.reference})" for p in occupation.pay]
        items += _outlook_lines(occupation)
        parts.append(mdown.bullets(items))
        parts.append(mdown.md(_source_line(placement)) + "\n")
        parts.append(mdown.bullets(f'"{q}"' for q in _quotes(occupation)))
    return mdown.join(*parts)
