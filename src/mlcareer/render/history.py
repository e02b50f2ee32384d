"""Rendering of the saved quiz results (`mlcareer history`) and of the change between two."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from mlcareer.history.diff import Diff, Trend
from mlcareer.history.entry import Entry
from mlcareer.render import view as v
from mlcareer.render.common import NO_DATA

if TYPE_CHECKING:
    from mlcareer.domain.shown import DiffShown, History, Saved

TITLE = "Saved quiz results"


def local_time(stamp: str) -> str:
    """'2024-05-01T12:00:00Z' as the local 'YYYY-MM-DD HH:MM'."""
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def percent(value: int | None) -> str:
    """'85%', or 'not scored' (the sources grade too few of the role's skills, or none was asked)."""
    return "not scored" if value is None else f"{value}%"


def _signed(value: int | None, unit: str = "") -> str:
    if value is None:
        return NO_DATA
    return f"{value:+d}{unit}"


def _change(value: int | None, unit: str = "") -> v.Span:
    """A signed change: up is good, down is a warning, as the terminal colours them."""
    style: v.Style = "good" if value is not None and value > 0 else "warn" if value else ""
    return v.Span(_signed(value, unit), style)


def _trend(trend: Trend) -> v.Line:
    if trend.previous is None:
        return v.line(v.muted("first"))
    return v.line(_change(trend.change, " pts"))


def history_page(found: list[Trend]) -> v.Page:
    """Saved results, newest first, with the trend of each."""
    if not found:
        return v.Page(TITLE, (), (v.para("No saved results yet: take the quiz with `mlcareer quiz`."),))
    rows = tuple(
        (
            (v.line(f"#{t.entry.id}"),),
            (v.line(local_time(t.entry.taken_at)),),
            (v.line(t.entry.role_title, v.muted(" (quick)") if t.entry.quick else ""),),
            (v.line(percent(t.entry.readiness)),),
            (v.line(t.entry.level or NO_DATA),),
            (_trend(t),),
        )
        for t in found
    )
    table = v.Table(
        ("#", "Date", "Target role", "Readiness", "Level", "Trend"), rows, min_width=64, labelled=True
    )
    return v.Page(
        TITLE, (), (table, v.note("Trend: change in readiness since the previous result for the same role."))
    )


def _value(value: int | None) -> str:
    return "not asked" if value is None else str(value)


def diff_page(diff: Diff) -> v.Page:
    """What changed between two results: readiness, level, and each skill answered differently."""
    a, b = diff.before, diff.after
    warning: v.Blocks = (v.para(v.Span(diff.not_comparable, "warn")),) if diff.not_comparable else ()
    results = (
        *warning,
        v.para(v.strong("Before: "), f"#{a.id}  {local_time(a.taken_at)}  ", a.role_title),
        v.para(v.strong("After: "), f"#{b.id}  {local_time(b.taken_at)}  ", b.role_title),
        v.para(
            v.strong("Readiness: "),
            f"{percent(a.readiness)} -> {percent(b.readiness)}  (",
            _change(diff.readiness_change, " pts"),
            ")",
        ),
        v.para(v.strong("Level: "), f"{a.level or NO_DATA} -> {b.level or NO_DATA}"),
    )
    rows = tuple(
        (
            (v.line(c.name),),
            (v.line(f"{_value(c.before)} -> {_value(c.after)}"),),
            (v.line(_change(c.change)),),
        )
        for c in diff.skills
        if c.change
    )
    changed: list[v.Block] = [
        v.Table(
            ("Skill", "Answer", "Change"), rows, min_width=64, labelled=True, empty="No skill answer changed."
        )
    ]
    same = sum(1 for c in diff.skills if c.change == 0)
    changed.append(v.note(f"{same} skills unchanged. Answers are on the 0-4 scale."))
    once = [c.name for c in diff.skills if c.change is None]
    if once:
        changed.append(v.note("Answered in only one of the two: " + ", ".join(once)))
    return v.Page(
        "What changed",
        (),
        (v.Section("The two results", results), v.Section("Skills that changed", tuple(changed))),
    )


def saved_line(entry: Entry) -> str:
    """'Saved result #3, taken 2026-12-03 10:00 (full quiz)': over a result shown again."""
    form = "quick form" if entry.quick else "full quiz"
    return f"Saved result #{entry.id}, taken {local_time(entry.taken_at)} ({form})"


def history_shown_page(shown: History) -> v.Page:
    return history_page(shown.trends)


def saved_shown_page(shown: Saved) -> v.Page:
    """A saved result as the quiz showed it, under the date it was taken."""
    from mlcareer.render.quiz import result_page

    return result_page(shown.result, saved=saved_line(shown.entry))


def diff_shown_page(shown: DiffShown) -> v.Page:
    return diff_page(shown.diff)
