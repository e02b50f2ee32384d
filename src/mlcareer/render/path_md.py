"""A career path (ladder or route) as Markdown and as a Mermaid diagram."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.domain.ladder import Ladder, Route

if TYPE_CHECKING:
    from mlcareer.models import Role

_MERMAID_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-_/:'?+$")


def mermaid_id(role_id: str) -> str:
    """A node id Mermaid cannot mistake for a keyword ('end') or syntax."""
    return "r_" + "".join(c if c.isascii() and c.isalnum() else "_" for c in role_id)


def mermaid_label(text: str) -> str:
    """Data text as a quoted Mermaid label: anything outside a small safe set becomes #code;."""
    flat = " ".join(text.split())
    return '"' + "".join(c if c in _MERMAID_SAFE else f"#{ord(c)};" for c in flat) + '"'


def path_mermaid(result: Ladder | Route) -> str:
    """A Mermaid flowchart: one subgraph per level, one node per role, one edge per move."""
    groups: list[tuple[str, str, list[Role]]]
    if isinstance(result, Route):
        # A route is a line: its roles in order, without level boxes.
        groups = [("", "", result.roles)]
        moves = [(s.source.id, s.target.id, s.kind) for s in result.steps]
        marked = [result.roles[0].id, result.goal.id]
    else:
        moves = [(e.source, e.target, e.kind) for e in result.edges]
        marked = [result.start.id] if result.start else []
        groups = [
            (level.value, name, [n.role for n in result.nodes if n.role.level == level])
            for level, name in result.levels
        ]
    lines = ["flowchart TD"]
    for level, name, members in groups:
        if level:
            lines.append(f"  subgraph level_{level}[{mermaid_label(name)}]")
        pad = "    " if level else "  "
        lines += [f"{pad}{mermaid_id(r.id)}[{mermaid_label(r.title)}]" for r in members]
        if level:
            lines.append("  end")
    for source, target, kind in moves:
        link = "-.->" if kind == "specialisation" else "-->"
        lines.append(f"  {mermaid_id(source)} {link} {mermaid_id(target)}")
    if marked:
        lines.append("  classDef marked stroke-width:3px")
        lines += [f"  class {mermaid_id(m)} marked" for m in dict.fromkeys(marked)]
    return "\n".join(lines) + "\n"
