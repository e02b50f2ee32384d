"""A career path (ladder or route) as Markdown and as a Mermaid diagram."""

from __future__ import annotations

from mlcareer.ladder import Ladder, Node, Route
from mlcareer.models import Role
from mlcareer.render import markdown as mdown
from mlcareer.render.path import _band


def _md_role(node: Node, ladder: Ladder) -> str:
    role = node.role
    line = f"**{mdown.md(role.title)}** (`{role.id}`)"
    if ladder.start is not None and ladder.start.id == role.id:
        line += " (you are here)"
    if role.kind == "ladder" or node.pay:
        line += f": pay {mdown.md(_band(node.pay)) if node.pay else '_no data_'}"
    return line


def _md_tree(node: Node, ladder: Ladder, depth: int) -> list[str]:
    pad = "  " * depth
    lines = [f"{pad}- {_md_role(node, ladder)}"]
    children = ladder.children(node.role.id)
    if children:
        lines.append(f"{pad}  - Specialise as:")
        for child in children:
            lines += _md_tree(child, ladder, depth + 2)
    return lines


def path_markdown(result: Ladder | Route) -> str:
    """The ladder as nested lists by level, or a route with a skills table per step."""
    if isinstance(result, Route):
        from mlcareer.render.path import route_page
        from mlcareer.render.to_markdown import page

        return page(route_page(result))
    ladder = result
    title = "Career ladder" if ladder.start is None else f"Reachable from {ladder.start.title}"
    parts = [f"# {mdown.md(title)}\n"]
    for level, name in ladder.levels:
        lines = [line for node in ladder.top(level) for line in _md_tree(node, ladder, 0)]
        parts.append(f"## {mdown.md(name)}\n\n" + "\n".join(lines) + "\n")
    return mdown.join(*parts)


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
