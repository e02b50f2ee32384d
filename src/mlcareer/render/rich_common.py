"""The Rich half of the renderers' shared pieces: styled text, bullets, sections, bars.

Only the terminal renderer (``render.to_text``) and the terminal-only views use it; the
format-free half is ``render.common``, so Markdown, HTML and JSON load no Rich.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from mlcareer.render.common import NO_DATA
from mlcareer.text import clean

if TYPE_CHECKING:
    from mlcareer.domain.shown import Validation

HEADING = "bold cyan"
MUTED = "dim"


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


def valid_data(directory: str, counts: dict[str, int]) -> Text:
    """`mlcareer validate` on clean data: the directory, then what it holds."""
    held = ", ".join(f"{n} {what.replace('_', ' ')}" for what, n in counts.items())
    return Text.assemble(("OK ", "bold green"), literal(directory), "\n", held)


def recorded(renderable: RenderableType, kind: str, width: int = 100) -> str:
    """A renderable as a standalone HTML page or SVG image, with colour (the quiz's --report FILE.svg)."""
    console = Console(
        file=io.StringIO(),
        record=True,
        width=width,
        color_system="truecolor",
        force_terminal=True,
        no_color=False,
        highlight=False,
        emoji=False,
    )
    console.print(renderable)
    if kind == "svg":
        return console.export_svg(title="mlcareer quiz")
    return console.export_html()


def validation_text(shown: Validation) -> Text:
    """`mlcareer validate` as text, on clean data (problems go to stderr as an error)."""
    return valid_data(shown.directory, shown.counts)
