"""The output formats, and how a view's page becomes each document format.

Every view described as a page (``render.view``) has every format here. Adding a format for
every view takes a renderer of pages (``render/to_X.py``) and one entry below: the options,
the help and the output all follow this table.

Renderers are named as ``"module:function"`` strings and imported only when a document of
that format is made (``resolve``): this module imports nothing of mlcareer, so the command
line reads the table without loading a renderer.
"""

from __future__ import annotations

import importlib
from enum import StrEnum
from typing import Any


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

#: The document formats of a page: each names a function from a page to the whole document.
DOCUMENTS: dict[Format, str] = {
    Format.markdown: "mlcareer.render.to_markdown:page",
    Format.html: "mlcareer.render.to_html:page",
}

#: What every view has: text for the terminal (``render.to_text``), JSON, and the documents.
VIEW_FORMATS: tuple[Format, ...] = (Format.text, Format.json, *DOCUMENTS)


def resolve(target: str) -> Any:
    """The object a ``"package.module:name"`` string names, importing its module now."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def document(fmt: Format, page: object) -> str:
    """A page as a whole document of format ``fmt`` (one of ``DOCUMENTS``)."""
    text: str = resolve(DOCUMENTS[fmt])(page)
    return text
