"""A view model: what a result shows, described once, with no format in it.

A view builder turns a domain result into a ``Page`` of blocks (sections, paragraphs, lists,
tables, a grade's dots, a salary chart). The renderers turn a page into a format:
``render.to_text`` into Rich renderables for the terminal, ``render.to_markdown`` into
Markdown, ``render.to_html`` into a standalone HTML page. So a new format is one new renderer
of these few blocks and an entry in ``mlcareer.formats``, not a function per view, and the
formats can no longer drift apart.

Text in a block is data text, shown literally by every renderer (never read as markup).
Blocks are named tuples: immutable like frozen dataclasses, and about ten times cheaper to
define, which every command pays at start-up.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from mlcareer.named import NamedTuple

#: How a span is shown: strong (bold), muted (dim; plain in Markdown), em (italic),
#: code (an id or a command: `code` in Markdown), mark (where the reader is: highlighted),
#: good and warn (a skill met, a gap: green and yellow on a terminal, plain in documents).
Style = Literal["", "strong", "muted", "em", "code", "mark", "good", "warn"]


class Span(NamedTuple):
    text: str
    style: Style = ""


class Dots(NamedTuple):
    """A proficiency on the 0-4 scale: ●●●○ on a terminal, #### in ASCII, '3/4' in documents."""

    value: int
    maximum: int = 4
    yours: bool = False  # the reader's own answer, drawn apart from what a role expects


class Percent(NamedTuple):
    """A share of 0-100: '40% ████░░░░░░' on a terminal ('40% ####------' in ASCII), '40%' in documents."""

    value: int | None  # None: no data


class Sep(NamedTuple):
    """The separator of a metadata line: ' · ' on a terminal, ' - ' in ASCII, '; ' in documents."""


class Amount(NamedTuple):
    """An amount of pay: '$80,000 - $110,000', '$150,000+' (no upper figure, or ``open_ended``:
    "or more"), '$160,471 (average)'; a currency's code where its symbol can't show. With
    ``per``, the period follows it: '$80,000 - $110,000 per year'."""

    low: int
    high: int | None
    currency: str
    period: str
    open_ended: bool = False
    average: bool = False
    per: bool = False
    style: Style = ""


class Arrow(NamedTuple):
    """A move from one thing to the next: '→' on a terminal, '->' in ASCII, 'to' in documents;
    ``back`` points at what is beside it ('←', '<-', ':')."""

    back: bool = False


class Link(NamedTuple):
    """Text that leads to another file beside this one (an index of handouts): a link in
    documents, the text alone on a terminal. ``href`` is a relative file name."""

    text: str
    href: str


Piece = Span | Dots | Sep | Amount | Arrow | Percent | Link
Line = tuple[Piece, ...]


def line(*parts: str | Piece) -> Line:
    """A line from strings (plain spans) and pieces."""
    return tuple(Span(p) if isinstance(p, str) else p for p in parts if p != "")


def muted(text: str) -> Span:
    return Span(text, "muted")


def strong(text: str) -> Span:
    return Span(text, "strong")


def plain(row: Line) -> str:
    """A line's words without styling: for search, tests and plain output."""
    words = []
    for piece in row:
        if isinstance(piece, Span):
            words.append(piece.text)
        elif isinstance(piece, Dots):
            words.append(f"{piece.value}/{piece.maximum}")
        elif isinstance(piece, Amount):
            from mlcareer.render.common import amount_text

            words.append(amount_text(piece))
        elif isinstance(piece, Arrow):
            words.append(": " if piece.back else " to ")
        elif isinstance(piece, Percent):
            words.append("no data" if piece.value is None else f"{piece.value}%")
        elif isinstance(piece, Link):
            words.append(piece.text)
        else:
            words.append("; ")
    return "".join(words)


class Para(NamedTuple):
    """A paragraph; ``note`` marks a remark about the content (dim on a terminal, italic in documents)."""

    line: Line
    note: bool = False
    apart: bool = False  # set apart from the text before it (a verdict)


class Label(NamedTuple):
    """A short label over the block that follows it (bold; a small heading in documents)."""

    text: str


class Bullets(NamedTuple):
    """A list; ``empty`` is said when it has no items.

    An ``inline`` list of short items is one comma-separated line on a terminal, led by its
    ``label`` ("Industries: a, b"); documents always get a list (under the label as a heading).
    """

    items: tuple[Line, ...]
    empty: str = "no data"
    inline: bool = False
    label: str = ""


Cell = tuple[Line, ...]  # a table cell: one or more lines


class Fold(NamedTuple):
    """Columns ``start`` up to (not including) ``stop`` of a table are peers (one per person, say).

    A terminal heads them by number (1, 2, ...: another table names them) and, when they do
    not fit, splits them over several tables headed '{label} 1-8', each repeating the other
    columns. Documents keep one table with the full headers.
    """

    start: int
    stop: int
    label: str


class Table(NamedTuple):
    """Rows under a header.

    ``stacked`` says how a terminal shows it: ``always`` as a list (the first cell bold, the
    second beside it, the rest indented under it), ``narrow`` so below ``min_width`` columns,
    ``never`` as a table whatever the width. Documents always get a table; a terminal table
    keeps a column of grades on one line and gives a first column of names at most half.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    stacked: Literal["always", "narrow", "never"] = "narrow"
    min_width: int = 72
    empty: str = "no data"
    #: Columns side by side (two roles): ruled and full width as a table; stacked, each row
    #: lists every column under its header instead of running the cells together.
    side_by_side: bool = False
    fold: Fold | None = None
    #: Stacked, each row leads with its first ``lead`` cells ('mid: $80,000'); the others show
    #: under it as 'Header: value' ("Level: entry"), each on a line, or on one line when ``brief``.
    labelled: bool = False
    lead: int = 1
    brief: bool = False


class ChartRow(NamedTuple):
    """One row of a range chart, in the chart's currency and period.

    A ``range`` runs from ``low`` to ``high`` (to ``low`` alone when there is no upper figure;
    ``open_ended``: "or more"); an ``average`` stands ``at`` one amount (and draws a guide
    through the other rows); a ``median`` (an official figure) stands ``at`` its median, with
    a thin line from ``low`` (the 10th percentile) to ``high`` (the 90th) where they are given.
    """

    label: str
    kind: Literal["range", "average", "median"]
    low: int | None = None
    high: int | None = None
    at: int | None = None
    open_ended: bool = False


class RangeChart(NamedTuple):
    """Rows placed on one scale, from ``low`` to ``high`` with a tick at each of ``ticks``."""

    currency: str
    period: str
    low: int
    high: int
    ticks: tuple[int, ...]
    rows: tuple[ChartRow, ...]


class Chart(NamedTuple):
    """Salary ranges drawn on one scale per chart: bars on a terminal, a text figure in Markdown,
    an SVG figure in HTML."""

    charts: tuple[RangeChart, ...]


class Branch(NamedTuple):
    """One entry of a tree: its lines, and the entries that hang from it.

    A ``group`` entry only names the entries under it ("specialise as (12)"): on a narrow
    terminal they hang straight from the entry above, to leave room for long names.
    """

    lines: tuple[Line, ...]
    children: tuple[Branch, ...] = ()
    group: bool = False


class Tree(NamedTuple):
    """Entries hanging from each other (the ladder): guides on a terminal, nested lists in documents."""

    branches: tuple[Branch, ...]


class Section(NamedTuple):
    """A titled part of a page; sections nest."""

    title: str
    blocks: Blocks


class Check(NamedTuple):
    """One item of a checklist: done or not, its head line, and lines under it."""

    done: bool
    head: Line
    lines: Cell = ()


class Checklist(NamedTuple):
    """Things to do, each done or not: on a terminal numbered from ``start`` ('3. [x] head',
    its lines indented under it); in documents a task list ('- [x] head', its lines in the item)."""

    items: tuple[Check, ...]
    start: int = 1


Block = Para | Label | Bullets | Table | Chart | Tree | Checklist | Section
Blocks = tuple[Block, ...]


class Page(NamedTuple):
    """One result: a title, metadata lines under it, then its blocks."""

    title: str
    meta: tuple[Line, ...] = ()
    blocks: Blocks = ()


def bullets(items: Iterable[str | Line], empty: str = "no data") -> Bullets:
    return Bullets(tuple(line(i) if isinstance(i, str) else i for i in items), empty)


def short_list(items: Iterable[str], label: str = "") -> Bullets:
    """Short items, one line on a terminal: tools, industries."""
    return Bullets(tuple(line(i) for i in items), inline=True, label=label)


def note(text: str) -> Para:
    return Para(line(text), note=True)


def para(*parts: str | Piece) -> Para:
    return Para(line(*parts))
