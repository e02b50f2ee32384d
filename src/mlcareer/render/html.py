"""The shell of a standalone HTML handout: its head, its own CSS, and a footer.

``render.to_html`` fills it with a view's page. The page carries its own CSS (light and dark
schemes, a print stylesheet), no scripts and no reference to anything outside the file.
"""

from __future__ import annotations

import html
import re

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
.muted, .note, .meta, .caption, figcaption { color: var(--muted); }
.note { font-style: italic; }
.verdict { font-weight: 600; border-top: 1px solid var(--rule); padding-top: .6rem; }
.good { color: #1a7f37; } .warn { color: #9a6700; }
.dots { color: var(--accent); letter-spacing: .05em; white-space: nowrap; }
.dots.yours { color: #8250df; }
mark { background: #fff3b0; color: #1b1b1f; padding: 0 .15em; }
.checklist { list-style: decimal; }
meter { width: 8rem; vertical-align: middle; }
figure.chart { margin: 1rem 0; }
figure.chart svg { width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg .tick { stroke: var(--rule); } svg .axis, svg .value { fill: var(--muted); }
svg .label { fill: var(--fg); font-weight: 600; } svg .band { fill: var(--accent); }
svg .guide { stroke: #bf8700; stroke-dasharray: 3 3; } svg .average { fill: #bf8700; }
svg .median { fill: #8250df; } svg .spread { stroke: #8250df; stroke-width: 2; }
ul ul { margin: .2rem 0; }
ul.tree { list-style: none; padding-left: 0; margin: .3rem 0; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule);
  padding-top: .5rem; }
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #333; --rule: #999; --head: #eee; --accent: #000; }
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, pre, li { break-inside: avoid; }
}
""".strip()


def document(title: str, body: str) -> str:
    """A standalone HTML5 page of ``body`` (HTML, escaped already) under ``title`` (text)."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="mlcareer">\n'
        f"<title>{html.escape(title or 'mlcareer')}</title>\n"
        f"<style>\n{CSS}\n</style>\n</head>\n<body>\n<main>\n"
        f"{body}</main>\n<footer>Made with mlcareer, an offline career guide. Every fact names its "
        "source.</footer>\n</body>\n</html>\n"
    )


def offline_svg(svg: str) -> str:
    """Rich's SVG export without the web fonts it links: a file that reaches out to no server."""
    svg = re.sub(r"@font-face\s*\{[^}]*\}", "", svg)
    return re.sub(r"https?://(?!www\.w3\.org/)[^\"')\s]+", "", svg)
