"""The Markdown renderer of a view model: a Page becomes one Markdown document.

Headings, lists and pipe tables that render on common Markdown hosts; data text goes
through ``md()`` so it shows literally. HTML handouts are made from this (``render.html``).
"""

from __future__ import annotations

from collections.abc import Iterable

from mlcareer.render import view as v
from mlcareer.render.common import amount_text
from mlcareer.render.markdown import bullets, heading, join, md, table

_WRAP = {
    "": "{}",
    "strong": "**{}**",
    "muted": "{}",
    "em": "_{}_",
    "code": "`{}`",
    "mark": "**{}**",
    "good": "{}",
    "warn": "{}",
}


def line_markdown(row: v.Line, in_table: bool = False) -> str:
    """One line of a view as Markdown: runs of one style share their markup (**a $1 b**).

    In a table cell, bold is dropped: the table's structure already sets the cell apart.
    """
    out = []
    for style, text in _merged(_run(piece, in_table) for piece in row):
        if style == "raw":
            out.append(text)
        elif text.strip():
            lead, body, trail = _split_space(text)
            lead = lead and " "  # "text  [source]" on a terminal; one space is enough here
            out.append(lead + _WRAP[style].format(md(body)) + trail)
        else:
            out.append(text)
    return "".join(out)


def _run(piece: v.Piece, in_table: bool) -> tuple[str, str]:
    """A piece as (style, text); "raw" text is Markdown already."""
    if isinstance(piece, v.Span) and piece.style == "code" and "`" not in piece.text:
        return "raw", f"`{piece.text}`"  # code spans take text literally
    if isinstance(piece, v.Span):
        return ("" if in_table and piece.style == "strong" else piece.style), piece.text
    if isinstance(piece, v.Amount):
        return ("" if in_table else piece.style), amount_text(piece)
    if isinstance(piece, v.Dots):
        return "", f"{piece.value}/{piece.maximum}"
    if isinstance(piece, v.Arrow):
        return "", ": " if piece.back else " to "
    if isinstance(piece, v.Percent):
        return "", "no data" if piece.value is None else f"{piece.value}%"
    if isinstance(piece, v.Link):
        from urllib.parse import quote

        return "raw", f"[{md(piece.text)}]({quote(piece.href)})"
    return "", "; "


def _merged(runs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Neighbouring runs of one style as one (raw runs stay apart)."""
    merged: list[tuple[str, str]] = []
    for style, text in runs:
        if merged and merged[-1][0] == style != "raw":
            merged[-1] = (style, merged[-1][1] + text)
        else:
            merged.append((style, text))
    return merged


def _split_space(text: str) -> tuple[str, str, str]:
    """Markup must hug its words: '**a**', never '** a **'."""
    body = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return lead, body, trail


def _cell(cell: v.Cell) -> str:
    return "<br>".join(line_markdown(row, in_table=True) for row in cell)


def block(item: v.Block, level: int = 2) -> str:
    """One block as Markdown; sections nest as deeper headings."""
    if isinstance(item, v.Section):
        inner = [block(i, level + 1) for i in item.blocks] or ["_no data_\n"]
        return join(heading(level, item.title), *inner)
    if isinstance(item, v.Label):
        return heading(min(level, 6), item.text)
    if isinstance(item, v.Para):
        text = line_markdown(item.line)
        return f"_{text}_\n" if item.note and text else text + "\n"
    if isinstance(item, v.Bullets):
        return _bullets(item, level)
    if isinstance(item, v.Checklist):
        return _checklist(item)
    if isinstance(item, v.Table):
        if not item.rows:
            return f"_{md(item.empty)}_\n"
        return table(list(item.header), [[_cell(c) for c in row] for row in item.rows], escaped=True)
    if isinstance(item, v.Tree):
        return _tree(item)
    return _chart(item)


def _bullets(item: v.Bullets, level: int) -> str:
    """A list, under its label as a heading when it has one."""
    if item.label:
        return join(heading(min(level, 6), item.label), _bullets(v.Bullets(item.items, item.empty), level))
    if not item.items:
        return f"_{md(item.empty)}_\n" if item.empty else ""
    return bullets((line_markdown(i) for i in item.items), escaped=True)


def _checklist(item: v.Checklist) -> str:
    """A task list; an item's lines are hard-broken inside it."""
    return "".join(
        f"- [{'x' if i.done else ' '}] "
        + "  \n  ".join(line_markdown(ln) for ln in (i.head, *i.lines))
        + "\n"
        for i in item.items
    )


def _tree(item: v.Tree) -> str:
    """Nested lists; a group at the top is a caption over its list."""
    parts: list[str] = []
    for n, b in enumerate(item.branches):
        if b.group:
            caption = "; ".join(line_markdown(row) for row in b.lines)
            parts += [f"_{caption}_\n", "\n".join(_branch(c, 0) for c in b.children) + "\n"]
        elif n and not item.branches[n - 1].group:
            parts[-1] += _branch(b, 0) + "\n"  # one list: no blank line between its items
        else:
            parts.append(_branch(b, 0) + "\n")
    return join(*parts)


def _branch(branch: v.Branch, depth: int) -> str:
    """A tree's entry as a list item (its lines joined), its children nested under it."""
    lines = [f"{'  ' * depth}- {'; '.join(line_markdown(row) for row in branch.lines)}"]
    return "\n".join([*lines, *(_branch(child, depth + 1) for child in branch.children)])


def _chart(chart: v.Chart) -> str:
    from mlcareer.render.salary_chart import chart_text

    return f"```text\n{chart_text(chart.charts).rstrip()}\n```\n"


def page(view: v.Page) -> str:
    """The page: a level-one heading, the metadata lines, then the blocks."""
    meta = "  \n".join(line_markdown(row) for row in view.meta)  # a hard break between lines
    parts = [heading(1, view.title), meta + "\n" if meta else ""]
    return join(*parts, *(block(i) for i in view.blocks))
