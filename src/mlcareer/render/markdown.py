"""Markdown building blocks: data text escaped so it renders literally on common hosts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from mlcareer.text import clean

# Characters that are markup anywhere in a line (``$`` is maths on GitHub, ``&`` starts entities).
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$&])")
# ...and those that are markup only where a block starts: list items, rules, setext underlines.
_ORDERED = re.compile(r"^(\d+)([.)])")
_BULLET = re.compile(r"^([-+=])")


def md(text: str) -> str:
    """Data text as literal Markdown: control characters made visible, markup escaped.

    Only what would be read as markup is escaped, so the file stays readable as plain text.
    """
    cleaned = clean(text).replace("\n", " ").strip()
    escaped = _SPECIAL.sub(r"\\\1", cleaned)
    escaped = _ORDERED.sub(r"\1\\\2", escaped)
    return _BULLET.sub(r"\\\1", escaped)


def heading(level: int, text: str) -> str:
    return f"{'#' * level} {md(text)}\n"


def bullets(items: Iterable[str], escaped: bool = False) -> str:
    """A list; ``escaped`` items are Markdown already."""
    lines = [f"- {item if escaped else md(item)}" for item in items]
    return "\n".join(lines) + "\n" if lines else "_no data_\n"


def table(header: Sequence[str], rows: Iterable[Sequence[str]], escaped: bool = False) -> str:
    """A pipe table; cells are escaped unless ``escaped`` says they are Markdown already."""

    def cell(value: str) -> str:
        return value if escaped else md(value)

    out = ["| " + " | ".join(md(h) for h in header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def join(*parts: str) -> str:
    """Blocks separated by one blank line."""
    return "\n".join(p.rstrip("\n") + "\n" for p in parts if p)
