"""Small building blocks shared by the renderers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from mlcareer.text import clean

if TYPE_CHECKING:
    from mlcareer.models import SalaryFigure, Source

NO_DATA = "no data"
HEADING = "bold cyan"
MUTED = "dim"

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "INR": "₹", "JPY": "¥"}


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by terminal cells; words longer than a line are split."""
    width = max(width, 1)
    lines: list[str] = []
    current = ""
    for word in text.split():
        while cell_len(word) > width:
            if current:
                lines.append(current)
                current = ""
            cut = width
            while cell_len(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        if not current:
            current = word
        elif cell_len(current) + 1 + cell_len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines


def literal(text: str, style: str | Style = "") -> Text:
    """Text from a data file, never read as markup."""
    return Text(clean(text), style=style)


def heading(title: str) -> Text:
    return Text(title, style=HEADING)


def no_data() -> Text:
    return Text(NO_DATA, style=MUTED)


def bullets(items: Iterable[str | Text]) -> RenderableType:
    lines = [Text("• ").append(literal(i) if isinstance(i, str) else i) for i in items]
    if not lines:
        return no_data()
    return Group(*(_Bullet(line) for line in lines))


class _Bullet:
    """A bullet line that hangs its wrapped lines under the text and falls back to '-'."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        text = self.text.copy()
        if options.ascii_only:
            text = Text("- ").append(text[2:])
        body = text[2:]
        width = max(options.max_width - 2, 10)
        for i, line in enumerate(body.wrap(console, width)):
            yield Segment(text.plain[:2] if i == 0 else "  ")
            yield from line.render(console)
            yield Segment.line()


def section(title: str, body: RenderableType) -> RenderableType:
    return Group(heading(title), Padding(body, (0, 0, 1, 2), expand=False))


def dot(ascii_only: bool) -> str:
    """The separator of a metadata line."""
    return " - " if ascii_only else " · "


class Bar:
    """A proficiency bar like ●●●○○ (#### - in ASCII terminals)."""

    def __init__(self, value: int | None, maximum: int = 4, style: str = "green") -> None:
        self.value = value
        self.maximum = maximum
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text(options.ascii_only)

    def text(self, ascii_only: bool = False) -> Text:
        if self.value is None:
            return no_data()
        full, empty = ("#", "-") if ascii_only else ("●", "○")
        out = Text(full * self.value, style=self.style)
        out.append(empty * (self.maximum - self.value), style=MUTED)
        return out


def money(amount: int, currency: str, ascii_only: bool = False) -> str:
    """'$80,000', '€60,000', 'CHF 90,000'; the code instead of a symbol an ASCII terminal lacks."""
    symbol = _SYMBOLS.get(currency)
    if symbol and (symbol.isascii() or not ascii_only):
        return f"{symbol}{amount:,}"
    return f"{currency} {amount:,}"


def figure_amount(figure: SalaryFigure, ascii_only: bool = False) -> str:
    """'$80,000 - $110,000', '$150,000 - $200,000+', '$160,471 (average)'."""
    cur = figure.currency
    if figure.kind == "average":
        assert figure.amount is not None
        return f"{money(figure.amount, cur, ascii_only)} (average)"
    assert figure.low is not None
    if figure.high is None:
        return f"{money(figure.low, cur, ascii_only)}+"
    high = money(figure.high, cur, ascii_only) + ("+" if figure.open_ended else "")
    return f"{money(figure.low, cur, ascii_only)} - {high}"


def source_label(source: Source) -> str:
    """'Title (Author, 2024-01-04)', 'Title (Publisher, 2022-32 edition)' or 'Title (undated)'."""
    bits = [b for b in (source.author, source.publisher, source.published, source.edition) if b]
    if not source.published and not source.edition:
        bits.append("undated")
    return f"{source.title} ({', '.join(bits)})"


def valid_data(directory: str, counts: dict[str, int]) -> Text:
    """`mlcareer validate` on clean data: the directory, then what it holds."""
    held = ", ".join(f"{n} {what.replace('_', ' ')}" for what, n in counts.items())
    return Text.assemble(("OK ", "bold green"), literal(directory), "\n", held)
