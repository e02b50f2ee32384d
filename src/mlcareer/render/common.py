"""The format-free half of the renderers' shared pieces: amounts of money, source labels, widths.

Markdown, HTML and the view model use these; they import no Rich (the Rich half is
``render.rich_common``) and, at run time, nothing of the domain.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlcareer.models import Source
    from mlcareer.render.view import Amount

if TYPE_CHECKING:
    from mlcareer.models import Source

NO_DATA = "no data"

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "INR": "₹", "JPY": "¥"}


def money(amount: int, currency: str, ascii_only: bool = False) -> str:
    """'$80,000', '€60,000', 'CHF 90,000'; the code instead of a symbol an ASCII terminal lacks."""
    symbol = _SYMBOLS.get(currency)
    if symbol and (symbol.isascii() or not ascii_only):
        return f"{symbol}{amount:,}"
    return f"{currency} {amount:,}"


def amount_text(amount: Amount, ascii_only: bool = False) -> str:
    """'$80,000 - $110,000', '$150,000 - $200,000+', '$160,471 (average)'; ' per year' when asked."""
    cur = amount.currency
    if amount.average:
        text = f"{money(amount.low, cur, ascii_only)} (average)"
    elif amount.high is None:
        text = f"{money(amount.low, cur, ascii_only)}+"
    else:
        high = money(amount.high, cur, ascii_only) + ("+" if amount.open_ended else "")
        text = f"{money(amount.low, cur, ascii_only)} - {high}"
    return f"{text} per {amount.period}" if amount.per else text


def source_label(source: Source) -> str:
    """'Title (Author, 2024-01-04)', 'Title (Publisher, 2022-32 edition)' or 'Title (undated)'."""
    bits = [b for b in (source.author, source.publisher, source.published, source.edition) if b]
    if not source.published and not source.edition:
        bits.append("undated")
    return f"{source.title} ({', '.join(bits)})"


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes: wide East Asian characters two, combining marks none."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf", "Cc"):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def wrap_words(text: str, width: int) -> list[str]:
    """Greedy word wrap by cells, as Rich wraps a line of text: a word keeps the spaces after it
    unless they run past the width; a word longer than a line is folded."""
    import re

    width = max(width, 1)
    lines: list[str] = []
    current = ""
    for word in re.findall(r"\s*\S+\s*", text):
        if current and cells(current) + cells(word.rstrip()) > width:
            lines.append(current)
            current = ""
        while cells(word.rstrip()) > width:  # fold a word that fits no line
            cut = width - cells(current)
            while cut > 0 and cells(current + word[:cut]) > width:
                cut -= 1
            lines.append(current + word[:cut])
            current, word = "", word[cut:]
        current += word
    lines.append(current)
    return [_fit(line, width) for line in lines]


def _fit(line: str, width: int) -> str:
    """Trailing spaces that run past the width go (as Rich's ``rstrip_end``)."""
    while line.endswith((" ", "\t")) and cells(line) > width:
        line = line[:-1]
    return line
