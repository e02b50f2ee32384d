"""A career path (ladder or route) as Markdown and as a Mermaid diagram."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from mlcareer.domain.ladder import Ladder, Route

if TYPE_CHECKING:
    from mlcareer.domain.shown import PathShown

_MERMAID_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-_/:'?+$")


def mermaid_id(role_id: str) -> str:
    """A node id Mermaid cannot mistake for a keyword ('end') or syntax."""
    return "r_" + "".join(c if c.isascii() and c.isalnum() else "_" for c in role_id)


def mermaid_label(text: str) -> str:
    """Data text as a quoted Mermaid label: anything outside a small safe set becomes #code;."""
    flat = " ".join(text.split())
    return '"' + "".join(c if c in _MERMAID_SAFE else f"#{ord(c)};" for c in flat) + '"'


def path_mermaid(result: Ladder | Route) -> str:
    """A Mermaid flowchart. The ladder: one box per level with the roles it may include, a labelled
    arrow from each level to the next (the source's sentence), and labelled dotted arrows into the
    kinds of ML engineer. A route: its roles in order, each arrow labelled with its move."""
    lines = ["flowchart TD"]
    if isinstance(result, Route):
        lines += [f"  {mermaid_id(r.id)}[{mermaid_label(r.title)}]" for r in result.roles]
        for s in result.steps:
            if s.kind == "specialisation":
                label, link = "specialise (mlcareer's reading)", "-.->"
            else:
                label, link = f"advance to {s.target.level.value} level (mlcareer's choice of role)", "-->"
            lines.append(
                f"  {mermaid_id(s.source.id)} {link}|{mermaid_label(label)}| {mermaid_id(s.target.id)}"
            )
        marked = [result.roles[0].id, result.goal.id]
    else:
        for level, name in result.levels:
            lines.append(f"  subgraph level_{level.value}[{mermaid_label(name)}]")
            lines += [
                f"    {mermaid_id(n.role.id)}[{mermaid_label(n.role.title)}]"
                for n in result.nodes
                if n.role.level == level
            ]
            lines.append("  end")
        levels = [level for level, _ in result.levels]
        for lower, upper in itertools.pairwise(levels):
            info = result.info.get(upper)
            said = info.advance.text if info is not None and info.advance is not None else "advance a level"
            lines.append(f"  level_{lower.value} -->|{mermaid_label(said)}| level_{upper.value}")
        for e in result.edges:
            if e.kind == "specialisation":
                label = mermaid_label("specialise (mlcareer's reading)")
                lines.append(f"  {mermaid_id(e.source)} -.->|{label}| {mermaid_id(e.target)}")
        marked = [result.start.id] if result.start else []
    if marked:
        lines.append("  classDef marked stroke-width:3px")
        lines += [f"  class {mermaid_id(m)} marked" for m in dict.fromkeys(marked)]
    return "\n".join(lines) + "\n"


def path_shown_mermaid(shown: PathShown) -> str:
    return path_mermaid(shown.found)
