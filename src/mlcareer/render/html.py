"""Standalone HTML handouts: a view's Markdown rendered by markdown-it into one HTML5 page.

Every view that has Markdown has HTML, so a new view needs nothing here. The page carries
its own CSS (light and dark schemes, a print stylesheet), no scripts and no reference to
anything outside the file. Data text reaches the Markdown escaped (``render.markdown.md``),
and markdown-it runs with raw HTML off, so a title like ``<script>`` stays text. The one
piece of HTML mlcareer itself writes, ``<br>`` in a table cell, is carried through as a
character no data text can hold (``text.clean`` makes line separators visible).
"""

from __future__ import annotations

import html
import re

_BREAK = "<br>"
_CARRIER = "\u2028"  # LINE SEPARATOR: never left raw in data text by text.clean

CSS = """
:root { color-scheme: light dark; --fg: #1b1b1f; --bg: #ffffff; --muted: #5c5f66; --rule: #d0d3d9;
  --head: #f1f3f6; --accent: #0b5cad; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e7ea; --bg: #16171a; --muted: #a4a8b0; --rule: #3a3d44; --head: #23252a;
    --accent: #7ab8ff; }
}
html { background: var(--bg); color: var(--fg); }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 52rem;
  margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin: 0 0 .5rem; color: var(--accent); }
h2 { font-size: 1.25rem; margin: 1.8rem 0 .5rem; border-bottom: 1px solid var(--rule);
  padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--head); }
em { color: var(--muted); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
pre { overflow-x: auto; border: 1px solid var(--rule); padding: .6rem; background: var(--head); }
li { margin: .15rem 0; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule);
  padding-top: .5rem; }
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #333; --rule: #999; --head: #eee; --accent: #000; }
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, pre, li { break-inside: avoid; }
}
""".strip()


def page(markdown: str, title: str | None = None) -> str:
    """A standalone HTML5 page of ``markdown``; its title is the first heading unless given."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")
    body = renderer.render(markdown.replace(_CARRIER, " ").replace(_BREAK, _CARRIER))
    body = body.replace(_CARRIER, _BREAK)
    heading = title or _first_heading(markdown) or "mlcareer"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="mlcareer">\n'
        f"<title>{html.escape(heading)}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n<main>\n"
        f"{body}</main>\n<footer>Made with mlcareer, an offline career guide. Every fact names its "
        "source.</footer>\n</body>\n</html>\n"
    )


def _first_heading(markdown: str) -> str | None:
    found = re.search(r"^# (.+)$", markdown, flags=re.M)
    if found is None:
        return None
    return re.sub(r"\\(.)", r"\1", found.group(1)).strip()  # undo md()'s escapes: the title is text


def offline_svg(svg: str) -> str:
    """Rich's SVG export without the web fonts it links: a file that reaches out to no server."""
    svg = re.sub(r"@font-face\s*\{[^}]*\}", "", svg)
    return re.sub(r"https?://(?!www\.w3\.org/)[^\"')\s]+", "", svg)
