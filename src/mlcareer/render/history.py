"""Rendering of the saved quiz results (`mlcareer history`) and of the change between two."""

from __future__ import annotations

from datetime import datetime

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from mlcareer.history_diff import Diff, SkillChange, Trend
from mlcareer.history_entry import Entry
from mlcareer.render import markdown as md
from mlcareer.render.common import MUTED, NO_DATA, literal, section

_NARROW = 64


def local_time(stamp: str) -> str:
    """'2024-05-01T12:00:00Z' as the local 'YYYY-MM-DD HH:MM'."""
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def percent(value: int | None) -> str:
    return NO_DATA if value is None else f"{value}%"


def _signed(value: int | None, unit: str = "") -> str:
    if value is None:
        return NO_DATA
    return f"{value:+d}{unit}"


def _trend(trend: Trend) -> Text:
    if trend.previous is None:
        return Text("first", style=MUTED)
    if trend.change is None:
        return Text(NO_DATA, style=MUTED)
    style = "green" if trend.change > 0 else "red" if trend.change < 0 else ""
    return Text(_signed(trend.change, " pts"), style=style)


class _HistoryTable:
    """The results as a table, or stacked when the terminal is narrow."""

    def __init__(self, found: list[Trend]) -> None:
        self.found = found

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= _NARROW:
            yield _table(self.found)
            return
        for t in self.found:
            e = t.entry
            yield Text(f"#{e.id}  {local_time(e.taken_at)}  ", style="bold").append(_trend(t))
            yield Text("  ").append(_role(e))
            yield Text(f"  readiness {percent(e.readiness)}, level {e.level or NO_DATA}")


def _role(e: Entry) -> Text:
    role = literal(e.role_title)
    if e.quick:
        role.append(" (quick)", style=MUTED)
    return role


def _table(found: list[Trend]) -> Table:
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Target role", ratio=1)
    table.add_column("Readiness", justify="right", no_wrap=True)
    table.add_column("Level", no_wrap=True)
    table.add_column("Trend", justify="right", no_wrap=True)
    for t in found:
        e = t.entry
        level = e.level or NO_DATA
        table.add_row(str(e.id), local_time(e.taken_at), _role(e), percent(e.readiness), level, _trend(t))
    return table


def render_history(found: list[Trend]) -> RenderableType:
    """Saved results, newest first."""
    if not found:
        return Text("No saved results yet: take the quiz with `mlcareer quiz`.")
    note = Text("Trend: change in readiness since the previous result for the same role.", MUTED)
    return Group(_HistoryTable(found), note)


def _value(value: int | None) -> str:
    return "not asked" if value is None else str(value)


def _change(change: SkillChange) -> Text:
    if change.change is None:
        return Text("")
    style = "green" if change.change > 0 else "red" if change.change < 0 else MUTED
    return Text(_signed(change.change), style=style)


def render_diff(diff: Diff) -> RenderableType:
    """What changed between the last two results."""
    a, b = diff.before, diff.after
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold", no_wrap=True)
    head.add_column()
    head.add_row("Before", Text(f"#{a.id}  {local_time(a.taken_at)}  ").append(literal(a.role_title)))
    head.add_row("After", Text(f"#{b.id}  {local_time(b.taken_at)}  ").append(literal(b.role_title)))
    head.add_row(
        "Readiness",
        f"{percent(a.readiness)} -> {percent(b.readiness)}  ({_signed(diff.readiness_change, ' pts')})",
    )
    head.add_row("Level", f"{a.level or NO_DATA} -> {b.level or NO_DATA}")
    changed = [c for c in diff.skills if c.change]
    parts: list[RenderableType] = [_ChangeTable(changed) if changed else Text("No skill answer changed.")]
    same = sum(1 for c in diff.skills if c.change == 0)
    parts.append(Text(f"{same} skills unchanged. Answers are on the 0-4 scale.", style=MUTED))
    once = [c.name for c in diff.skills if c.change is None]
    if once:
        parts.append(literal("Answered in only one of the two: " + ", ".join(once), MUTED))
    warning = [Text(diff.not_comparable, style="yellow"), Text("")] if diff.not_comparable else []
    return Group(*warning, head, Text(""), section("Skills that changed", Group(*parts)))


class _ChangeTable:
    """Skill, before, after, change: a table, or one line per skill when narrow."""

    def __init__(self, changed: list[SkillChange]) -> None:
        self.changed = changed

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width < _NARROW:
            for c in self.changed:
                yield literal(c.name, "bold")
                yield Text(f"  {_value(c.before)} -> {_value(c.after)}  ").append(_change(c))
            return
        table = Table(box=None, header_style="bold", pad_edge=False)
        table.add_column("Skill", ratio=1)
        table.add_column("Before", justify="right", no_wrap=True)
        table.add_column("After", justify="right", no_wrap=True)
        table.add_column("Change", justify="right", no_wrap=True)
        for c in self.changed:
            table.add_row(literal(c.name), _value(c.before), _value(c.after), _change(c))
        yield table


def history_markdown(found: list[Trend]) -> str:
    rows = [
        (
            str(t.entry.id),
            local_time(t.entry.taken_at),
            t.entry.role_title + (" (quick)" if t.entry.quick else ""),
            percent(t.entry.readiness),
            t.entry.level or NO_DATA,
            "first" if t.previous is None else _signed(t.change, " pts"),
        )
        for t in found
    ]
    body = md.table(["#", "Date", "Target role", "Readiness", "Level", "Trend"], rows) if rows else "_none_\n"
    return md.join(md.heading(1, "Saved quiz results"), body)


def diff_markdown(diff: Diff) -> str:
    a, b = diff.before, diff.after
    head = (
        f"Result {a.id} ({md.md(local_time(a.taken_at))}, {md.md(a.role_title)}) to result {b.id} "
        f"({md.md(local_time(b.taken_at))}, {md.md(b.role_title)}): readiness "
        f"{md.md(percent(a.readiness))} to {md.md(percent(b.readiness))}, level "
        f"{md.md(a.level or NO_DATA)} to {md.md(b.level or NO_DATA)}.\n"
    )
    rows = [(c.name, _value(c.before), _value(c.after), _signed(c.change)) for c in diff.skills if c.change]
    table = md.table(["Skill", "Before", "After", "Change"], rows) if rows else "_No skill answer changed._\n"
    warning = f"**{md.md(diff.not_comparable)}**\n" if diff.not_comparable else ""
    return md.join(md.heading(1, "What changed"), warning, head, table)


def _saved_line(entry: Entry) -> str:
    form = "quick form" if entry.quick else "full quiz"
    return f"Saved result #{entry.id}, taken {local_time(entry.taken_at)} ({form})"


def saved_result(entry: Entry, result: RenderableType) -> RenderableType:
    """A saved result in full: when it was taken, then the result as the quiz showed it."""
    return Group(Text(_saved_line(entry), style=MUTED), result)


def saved_markdown(entry: Entry) -> str:
    return f"_{md.md(_saved_line(entry))}_\n\n"
