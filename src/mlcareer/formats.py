"""The output formats, and how a view's page becomes each document format.

Every view described as a page (``render.view``) has every format here. Adding a format for
every view takes a renderer of pages (``render/to_X.py``) and one entry below: the options,
the help and the output all follow this table.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlcareer.render.view import Page


class Format(StrEnum):
    """How a command prints its result."""

    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    mermaid = "mermaid"


HELP: dict[Format, str] = {
    Format.text: "text (for people)",
    Format.json: "json (for programs)",
    Format.markdown: "markdown (for documents)",
    Format.html: "html (a handout page)",
    Format.mermaid: "mermaid (diagrams)",
}


def _markdown(page: Page) -> str:
    from mlcareer.render import to_markdown

    return to_markdown.page(page)


def _html(page: Page) -> str:
    from mlcareer.render import to_html

    return to_html.page(page)


#: The document formats of a page: each a function from a page to the whole document.
DOCUMENTS: dict[Format, Callable[[Page], str]] = {Format.markdown: _markdown, Format.html: _html}

#: What every view has: text for the terminal (``render.to_text``), JSON, and the documents.
VIEW_FORMATS: tuple[Format, ...] = (Format.text, Format.json, *DOCUMENTS)
