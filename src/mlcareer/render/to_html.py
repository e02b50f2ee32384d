"""The HTML renderer of a view model: a Page becomes one standalone, semantic HTML5 handout.

Headings and sections, ``<table>`` with header cells, lists, a checklist of disabled boxes,
a ``<meter>`` for a share, a grade's dots with their words for screen readers, and the salary
chart as inline SVG. Every piece of text is escaped here, in one place; the page carries its
own CSS (``render.html``), no scripts and no reference to anything outside the file.
"""

from __future__ import annotations

from html import escape

from mlcareer.render import view as v
from mlcareer.render.common import amount_text
from mlcareer.render.html import document

_TAGS = {"strong": "strong", "em": "em", "code": "code", "mark": "mark"}
_CLASSES = {"muted": "muted", "good": "good", "warn": "warn"}


def line_html(row: v.Line) -> str:
    """One line of a view as inline HTML."""
    out = []
    for piece in row:
        if isinstance(piece, v.Span):
            text = escape(piece.text)
            if piece.style in _TAGS:
                out.append(f"<{_TAGS[piece.style]}>{text}</{_TAGS[piece.style]}>")
            elif piece.style in _CLASSES:
                out.append(f'<span class="{_CLASSES[piece.style]}">{text}</span>')
            else:
                out.append(text)
        elif isinstance(piece, v.Dots):
            said = f"{piece.value} of {piece.maximum}"
            dots = "●" * piece.value + "○" * (piece.maximum - piece.value)
            kind = "dots yours" if piece.yours else "dots"
            out.append(f'<span class="{kind}" role="img" aria-label="{said}" title="{said}">{dots}</span>')
        elif isinstance(piece, v.Percent):
            if piece.value is None:
                out.append('<span class="muted">no data</span>')
            else:
                out.append(f'<meter min="0" max="100" value="{piece.value}"></meter> {piece.value}%')
        elif isinstance(piece, v.Amount):
            amount = escape(amount_text(piece))
            out.append(f"<strong>{amount}</strong>" if piece.style == "strong" else amount)
        elif isinstance(piece, v.Arrow):
            out.append(" ← " if piece.back else " → ")
        elif isinstance(piece, v.Link):
            from urllib.parse import quote

            out.append(f'<a href="{escape(quote(piece.href))}">{escape(piece.text)}</a>')
        else:
            out.append(" · ")
    return "".join(out)


def _cell(cell: v.Cell) -> str:
    return "<br>".join(line_html(row) for row in cell)


def _table(table: v.Table) -> str:
    if not table.rows:
        return f'<p class="muted">{escape(table.empty)}</p>'
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in table.header)
    body = []
    for row in table.rows:
        first, *rest = row
        cells = f'<th scope="row">{_cell(first)}</th>' + "".join(f"<td>{_cell(c)}</td>" for c in rest)
        body.append(f"<tr>{cells}</tr>")
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"


def _bullets(bullets: v.Bullets, level: int) -> str:
    if not bullets.items:
        return f'<p class="muted">{escape(bullets.empty)}</p>' if bullets.empty else ""
    items = "".join(f"<li>{line_html(i)}</li>" for i in bullets.items)
    label = f"<h{min(level, 6)}>{escape(bullets.label)}</h{min(level, 6)}>\n" if bullets.label else ""
    return f"{label}<ul>{items}</ul>"


def _branch(branch: v.Branch) -> str:
    lines = "<br>".join(line_html(row) for row in branch.lines)
    inner = "".join(_branch(child) for child in branch.children)
    return f"<li>{lines}" + (f"<ul>{inner}</ul>" if inner else "") + "</li>"


def _tree(tree: v.Tree) -> str:
    parts = []
    for branch in tree.branches:
        if branch.group:  # a caption over its list
            caption = "<br>".join(line_html(row) for row in branch.lines)
            parts.append(f'<p class="caption">{caption}</p>')
            parts.append("<ul>" + "".join(_branch(c) for c in branch.children) + "</ul>")
        else:  # entries that lead with their own number or key ("1. ...", "[1] ...")
            parts.append(f'<ul class="tree">{_branch(branch)}</ul>')
    return "\n".join(parts)


def _checklist(checklist: v.Checklist) -> str:
    items = []
    for check in checklist.items:
        box = f'<input type="checkbox" disabled{" checked" if check.done else ""}>'
        lines = "".join(f"<br>{line_html(row)}" for row in check.lines)
        items.append(f"<li>{box} {line_html(check.head)}{lines}</li>")
    return f'<ol class="checklist" start="{checklist.start}">' + "".join(items) + "</ol>"


def block(item: v.Block, level: int = 2) -> str:
    """One block as HTML; sections nest as deeper headings."""
    if isinstance(item, v.Section):
        inner = "\n".join(block(i, level + 1) for i in item.blocks) or '<p class="muted">no data</p>'
        tag = f"h{min(level, 6)}"
        return f"<section>\n<{tag}>{escape(item.title)}</{tag}>\n{inner}\n</section>"
    if isinstance(item, v.Label):
        return f"<h{min(level, 6)}>{escape(item.text)}</h{min(level, 6)}>"
    if isinstance(item, v.Para):
        kind = ' class="note"' if item.note else ' class="verdict"' if item.apart else ""
        return f"<p{kind}>{line_html(item.line)}</p>"
    if isinstance(item, v.Bullets):
        return _bullets(item, level)
    if isinstance(item, v.Table):
        return _table(item)
    if isinstance(item, v.Tree):
        return _tree(item)
    if isinstance(item, v.Checklist):
        return _checklist(item)
    from mlcareer.render.salary_svg import charts_svg

    return charts_svg(item.charts)


def page(view: v.Page) -> str:
    """The page as a standalone HTML5 document."""
    meta = "<br>".join(line_html(row) for row in view.meta)
    body = [f"<h1>{escape(view.title)}</h1>"]
    if meta:
        body.append(f'<p class="meta">{meta}</p>')
    body += [block(i) for i in view.blocks]
    return document(view.title, "\n".join(body) + "\n")
