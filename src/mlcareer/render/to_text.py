"""The terminal renderer of a view model: a Page becomes one Rich renderable.

It fits the terminal at hand when it is drawn: the width (a table stacks when narrow) and
whether the terminal takes only ASCII (dots, separators and currency signs fall back).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.text import Text
from rich.tree import Tree as RichTree

from mlcareer.render import view as v
from mlcareer.render.common import amount_text
from mlcareer.render.rich_common import MUTED, Bar, bullets, dot, literal, no_data, section

if TYPE_CHECKING:
    from rich.table import Table as RichTable

_STYLES: dict[str, str] = {
    "": "",
    "strong": "bold",
    "muted": MUTED,
    "em": "italic",
    "code": "cyan",
    "mark": "bold yellow",
    "good": "green",
    "warn": "yellow",
}
_PERCENT_CELLS = 20


_ARROWS = {(False, False): " → ", (False, True): " -> ", (True, False): " ← ", (True, True): " <- "}


# Typographic punctuation a source may use, as an ASCII terminal can show it (not as '?').
_ASCII_PUNCTUATION = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "--", "…": "...", "\u00a0": " "}
)


def line_text(row: v.Line, ascii_only: bool = False, style: str = "") -> Text:
    """One line of a view as Rich text; data text stays literal."""
    out = Text(style=style)
    for piece in row:
        if isinstance(piece, v.Span):
            text = piece.text.translate(_ASCII_PUNCTUATION) if ascii_only else piece.text
            out.append(literal(text, _STYLES[piece.style]))
        elif isinstance(piece, v.Dots):
            out.append(Bar(piece.value, piece.maximum, "cyan" if piece.yours else "green").text(ascii_only))
        elif isinstance(piece, v.Percent):
            out.append(_percent(piece.value, ascii_only))
        elif isinstance(piece, v.Amount):
            out.append(amount_text(piece, ascii_only), style=_STYLES[piece.style])
        elif isinstance(piece, v.Arrow):
            out.append(_ARROWS[piece.back, ascii_only])
        elif isinstance(piece, v.Link):
            out.append(literal(piece.text, ""))
        else:
            out.append(dot(ascii_only))
    return out


def _percent(value: int | None, ascii_only: bool) -> Text:
    """'77% ███████████████░░░░░', or '#' and '-' on an ASCII terminal."""
    if value is None:
        return no_data()
    full, empty = ("#", "-") if ascii_only else ("█", "░")
    filled = round(_PERCENT_CELLS * value / 100)
    out = Text(f"{value}% ", style="bold").append(full * filled, style="green")
    return out.append(empty * (_PERCENT_CELLS - filled), style=MUTED)


class _Fitted:
    """A block drawn for the terminal at hand."""

    def __init__(self, block: v.Para | v.Bullets | v.Table | v.Checklist) -> None:
        self.block = block

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        block, ascii_only = self.block, options.ascii_only
        if isinstance(block, v.Para):
            yield line_text(block.line, ascii_only, MUTED if block.note else "")
        elif isinstance(block, v.Bullets) and block.inline:
            out = Text(f"{block.label}: ", style="bold") if block.label else Text()
            items = [line_text(i, ascii_only) for i in block.items]
            yield out.append(Text(", ").join(items)) if items else out.append(no_data())
        elif isinstance(block, v.Bullets) and block.items:
            yield bullets(line_text(i, ascii_only) for i in block.items)
        elif isinstance(block, v.Bullets):
            yield _empty(block.empty)
        elif isinstance(block, v.Checklist):
            for n, item in enumerate(block.items, block.start):
                yield Text(f"{n}. [{'x' if item.done else ' '}] ", "bold").append(
                    line_text(item.head, ascii_only)
                )
                if item.lines:
                    yield Padding(_cell(item.lines, ascii_only), (0, 0, 0, 4))
        else:
            yield from _table(block, options.max_width, ascii_only)


def _empty(words: str) -> RenderableType:
    if not words:
        return Group()  # an empty list that needs no words: nothing at all
    return no_data() if words == "no data" else Text(words, style=MUTED)


def _cell(cell: v.Cell, ascii_only: bool, style: str = "") -> Text:
    out = Text(style=style)
    for n, row in enumerate(cell):
        if n:
            out.append("\n")
        out.append(line_text(row, ascii_only))
    return out


def _labelled(table: v.Table, row: tuple[v.Cell, ...], ascii_only: bool) -> RenderResult:
    """A stacked row: its lead cells on a line ('mid: $80,000'), then 'Header: value' under it."""
    head = _cell(row[0], ascii_only, "bold")
    for cell in row[1 : table.lead]:
        head.append(": ").append(_cell(cell, ascii_only))
    yield head
    rest = [
        literal(f"{name}: " if name else "", MUTED).append(_cell(cell, ascii_only))
        for name, cell in zip(table.header[table.lead :], row[table.lead :], strict=True)
        if any(v.plain(ln) for ln in cell)
    ]
    for line in [Text("; ").join(rest)] if table.brief and rest else rest:
        yield Padding(line, (0, 0, 0, 2))


_MIN_COLUMN = 10  # a table whose wrapping columns would get less than this is stacked instead
_NAME_ROOM = 20  # a table's first column of names is never narrower than this (or its longest name)


def _rigid(table: v.Table, column: int) -> bool:
    """A column of grades or amounts, or of ids alone, kept on one line."""
    pieces = [p for row in table.rows for ln in row[column] for p in ln]
    ids = bool(pieces) and all(isinstance(p, v.Span) and p.style == "code" for p in pieces)
    return ids or any(isinstance(p, v.Dots | v.Amount) for p in pieces)


def _longest(table: v.Table, texts: list[list[Text]], n: int) -> int:
    """The width of column ``n``'s widest cell, its header included."""
    return max(len(table.header[n]), *(row[n].cell_len for row in texts))


def _needs(table: v.Table, rigid: list[bool], texts: list[list[Text]]) -> int:
    """The width a table needs: its rigid columns whole, the others at least _MIN_COLUMN."""
    widths = []
    for n in range(len(table.header)):
        longest = _longest(table, texts, n)
        widths.append(longest if rigid[n] else min(longest, _MIN_COLUMN))
    return max(table.min_width, sum(widths) + 2 * (len(widths) - 1))


def _table(table: v.Table, width: int, ascii_only: bool) -> RenderResult:
    from rich.table import Table as RichTable  # here: a page without a table need not load it

    if not table.rows:
        yield _empty(table.empty)
        return
    rigid = [_rigid(table, n) for n in range(len(table.header))]
    # the cells as a table shows them: built once, to measure and then to draw
    texts = [] if table.stacked == "always" else [[_cell(c, ascii_only) for c in row] for row in table.rows]
    # two things side by side wrap their cells: they stack only below the table's stated width
    needs = table.min_width if table.side_by_side else (_needs(table, rigid, texts) if texts else 0)
    if table.stacked == "always" or (table.stacked == "narrow" and width < needs):
        yield from _stacked(table, ascii_only)
    elif table.side_by_side:
        grid = RichTable(header_style="bold", show_lines=True, expand=True)
        grid.add_column(table.header[0], style="bold", min_width=9, overflow="fold")
        for name in table.header[1:]:
            grid.add_column(literal(name), ratio=3, overflow="fold")
        for cells in texts:
            grid.add_row(*cells)
        yield grid
    elif table.fold is not None:
        yield from _folded(table, table.fold, width, ascii_only)
    else:
        yield _grid(table, rigid, texts, width)


def _grid(table: v.Table, rigid: list[bool], texts: list[list[Text]], width: int) -> RichTable:
    """A table with its columns: a grade, an amount or an id stays on one line while the names of
    the first column keep _NAME_ROOM, or failing that the room of their longest word, and every
    other wrapping column keeps its longest cell or _MIN_COLUMN; the first column of names takes
    at most half. Otherwise everything wraps.

    Rich never draws a column narrower than its ``min_width``, and a row wider than the terminal
    is cropped at its edge: the first column's room is worked out here, so a short column (a
    route's Change, "no source") is never cut.
    """
    from rich.table import Table as RichTable

    columns = range(len(table.header))
    kept = sum(_longest(table, texts, n) for n in columns if rigid[n])
    others = sum(min(_longest(table, texts, n), _MIN_COLUMN) for n in columns[1:] if not rigid[n])
    room = width - kept - others - 2 * (len(table.header) - 1)  # what the first column can have
    words = max(len(w) for row in texts for w in (row[0].plain.split() or [""]))
    first = min(_NAME_ROOM, _longest(table, texts, 0))
    squeezed = room < min(first, max(words, len(table.header[0])))
    if not squeezed:
        first = min(first, room)
    grid = RichTable(box=None, header_style="bold", pad_edge=False)
    for n, name in enumerate(table.header):
        grid.add_column(
            name,
            no_wrap=rigid[n] and not squeezed,
            min_width=None if n else first,
            max_width=None if n else max(width // 2, 12, first),
        )
    for cells in texts:
        grid.add_row(*cells)
    return grid


def _stacked(table: v.Table, ascii_only: bool) -> RenderResult:
    """A table as a list: each row's first cell bold, the second beside it, the rest under it."""
    for row in table.rows:
        if table.side_by_side:  # the label, then each column's header and, beneath it, its value
            yield _cell(row[0], ascii_only, "bold")
            for name, cell in zip(table.header[1:], row[1:], strict=True):
                yield Padding(literal(name, MUTED), (0, 0, 0, 2))
                yield Padding(_cell(cell, ascii_only), (0, 0, 0, 4))
            continue
        if table.labelled:
            yield from _labelled(table, row, ascii_only)
            continue
        head = _cell(row[0], ascii_only, "bold")
        if len(row) > 1:
            head.append("  ").append(_cell(row[1], ascii_only))
        yield head
        for cell in row[2:]:
            yield Padding(_cell(cell, ascii_only), (0, 0, 0, 2))


def _folded(table: v.Table, fold: v.Fold, width: int, ascii_only: bool) -> RenderResult:
    """Peer columns headed by number, split over tables of as many as fit (each takes 4 cells)."""
    header = [*table.header[: fold.start], *map(str, range(1, fold.stop - fold.start + 1))]
    header += table.header[fold.stop :]
    peers = fold.stop - fold.start
    per = max(1, min(peers, (width - 30) // 4))
    for first in range(fold.start, fold.stop, per):
        last = min(first + per, fold.stop)
        keep = [*range(fold.start), *range(first, last), *range(fold.stop, len(header))]
        if per < peers:
            yield Text(f"{fold.label} {first - fold.start + 1}-{last - fold.start}", style="bold")
        part = v.Table(
            tuple(header[i] for i in keep), tuple(tuple(row[i] for i in keep) for row in table.rows), "never"
        )
        yield from _table(part, width, ascii_only)


class _Chart:
    """Salary charts drawn for the terminal at hand (``render.salary_chart`` places every cell)."""

    def __init__(self, chart: v.Chart) -> None:
        self.chart = chart

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from mlcareer.render.salary_chart import charts_lines

        for runs in charts_lines(self.chart.charts, options.max_width, options.ascii_only):
            yield Text.assemble(*runs)


def _chart(chart: v.Chart) -> RenderableType:
    return _Chart(chart)


_NARROW_TREE = 60  # below this, a tree drops its group entries (the longest id fits 40 columns)


class _Tree:
    def __init__(self, tree: v.Tree) -> None:
        self.tree = tree

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        root = RichTree(Text(""), guide_style=MUTED, hide_root=True)  # ASCII guides where needed
        narrow = options.max_width < _NARROW_TREE

        def add(parent: RichTree, branch: v.Branch) -> None:
            lines, children = list(branch.lines), list(branch.children)
            if narrow:  # a group's entries hang straight from this one
                lines += [row for child in children if child.group for row in child.lines]
                children = [c for child in children for c in (child.children if child.group else (child,))]
            node = parent.add(Text("\n").join(line_text(row, options.ascii_only) for row in lines))
            for child in children:
                add(node, child)

        for branch in self.tree.branches:
            if narrow and branch.group:
                for child in branch.children:
                    add(root, child)
            else:
                add(root, branch)
        yield root


def block(item: v.Block) -> RenderableType:
    """One block as a renderable."""
    if isinstance(item, v.Section):
        return section(item.title, blocks(item.blocks))
    if isinstance(item, v.Label):
        return literal(item.text, "bold")
    if isinstance(item, v.Chart):
        return _chart(item)
    if isinstance(item, v.Tree):
        return _Tree(item)
    return _Fitted(item)


def blocks(items: v.Blocks) -> RenderableType:
    return Group(*(block(i) for i in items)) if items else no_data()


class _Meta:
    def __init__(self, rows: tuple[v.Line, ...]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for row in self.rows:
            yield line_text(row, options.ascii_only, MUTED)


def page(view: v.Page) -> RenderableType:
    """The page: its title in bold, the metadata dim under it, a blank line, the blocks."""
    parts: list[RenderableType] = [literal(view.title, "bold")]
    if view.meta:
        parts.append(_Meta(view.meta))
    parts.append(Text(""))
    for n, item in enumerate(view.blocks):
        after_text = n and not isinstance(view.blocks[n - 1], v.Section)
        if after_text and (isinstance(item, v.Section) or (isinstance(item, v.Para) and item.apart)):
            parts.append(Text(""))  # a section, or a verdict, stands apart from the text before it
        parts.append(block(item))
    return Group(*parts)
