"""Every view is one description, and every document format comes from one table.

A new output format for every view is a renderer of pages plus an entry in
``mlcareer.formats``: these tests hold that true by routing each view's documents through
a stand-in renderer, and by reading each command's --format choices from the table.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mlcareer import formats
from mlcareer.formats import DOCUMENTS, VIEW_FORMATS, Format
from mlcareer.render.view import Page
from tests.conftest import Invoke

EXAMPLES = Path(__file__).parent.parent / "examples"
ANSWERS = str(EXAMPLES / "answers.yaml")
ANA, BEN = str(EXAMPLES / "team" / "ana.yaml"), str(EXAMPLES / "team" / "ben.yaml")

# Every view: the arguments that show it, after two saved results in MLCAREER_HOME.
VIEWS = {
    "role": ["role", "ml-engineer"],
    "role section": ["role", "ml-engineer", "--section", "skills"],
    "roles": ["roles"],
    "compare": ["compare", "ml-engineer", "data-scientist"],
    "skill": ["skill", "statistics"],
    "skills": ["skills"],
    "salary": ["salary"],
    "salary by role": ["salary", "--role", "ml-engineer"],
    "ladder": ["path"],
    "route": ["path", "--from", "junior-ml-engineer", "--to", "lead-ml-engineer"],
    "quiz": ["quiz", "--answers", ANSWERS, "--no-save"],
    "plan": ["plan"],
    "team": ["team", ANA, BEN],
    "calibration": ["team", ANA, BEN, "--calibrate"],
    "history": ["history"],
    "history show": ["history", "show", "1"],
    "history diff": ["history", "diff"],
}


@pytest.fixture
def home(invoke: Invoke, tmp_path: Path) -> dict[str, str]:
    env = {"MLCAREER_HOME": str(tmp_path / "home")}
    for _ in range(2):
        assert invoke("quiz", "--answers", ANSWERS, env=env).exit_code == 0
    return env


SEEN: list[Page] = []  # the pages the stand-in renderer was given


def stand_in(page: Page) -> str:
    """A document renderer named in the table as a string, as the real ones are."""
    SEEN.append(page)
    return f"STAND-IN {page.title}\n"


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_renders_its_documents_from_the_table(
    invoke: Invoke, home: dict[str, str], monkeypatch: pytest.MonkeyPatch, view: str
) -> None:
    seen = SEEN
    seen.clear()
    monkeypatch.setitem(DOCUMENTS, Format.markdown, "tests.test_formats:stand_in")
    result = invoke(*VIEWS[view], "--format", "markdown", env=home)
    assert result.exit_code == 0, result.stderr
    assert len(seen) == 1 and result.stdout == f"STAND-IN {seen[0].title}\n"
    assert seen[0].blocks  # a page with content, not an empty shell


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_offers_the_formats_of_a_page(invoke: Invoke, view: str) -> None:
    command = VIEWS[view][: 2 if VIEWS[view][:2] == ["history", "show"] else 1]
    shown = " ".join(invoke(*command, "--help").stdout.split())
    found = re.search(r"-f, --format FORMAT (.+?)\. ", shown)
    assert found is not None, shown
    offered = [word.split(" ")[0] for word in found.group(1).split(", ")]
    extra = [Format.mermaid.value] if command == ["path"] else []
    assert offered == [f.value for f in VIEW_FORMATS] + extra


def test_the_table_names_every_format() -> None:
    assert set(formats.HELP) == set(Format)
    assert set(VIEW_FORMATS) == {Format.text, Format.json, *DOCUMENTS}


HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> & "q"'


def _every_block() -> Page:
    """A page with every block and piece of the view model, each holding hostile text."""
    from mlcareer.render import view as v

    line = v.line(
        HOSTILE,
        v.strong(HOSTILE),
        v.muted(HOSTILE),
        v.Span(HOSTILE, "code"),
        v.Span(HOSTILE, "mark"),
        v.Dots(3),
        v.Percent(40),
        v.Arrow(),
        v.Sep(),
    )
    return v.Page(
        HOSTILE,
        (line,),
        (
            v.Para(line),
            v.note(HOSTILE),
            v.Label(HOSTILE),
            v.bullets([line]),
            v.short_list([HOSTILE], label=HOSTILE),
            v.Table((HOSTILE, HOSTILE), (((line,), (line, line)),)),
            v.Tree((v.Branch((line,), (v.Branch((line,)),)), v.Branch((line,), (), group=True))),
            v.Checklist((v.Check(True, line, (line,)), v.Check(False, line))),
            v.Section(HOSTILE, (v.Para(line),)),
        ),
    )


def test_html_escapes_every_piece_of_text() -> None:
    from html.parser import HTMLParser

    from mlcareer.render.to_html import page

    out = page(_every_block())

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: set[str] = set()
            self.attrs: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.add(tag)
            self.attrs |= {name for name, _ in attrs}

    found = Tags()
    found.feed(out)
    assert "script" not in found.tags and "img" not in found.tags
    assert not {a for a in found.attrs if a.startswith("on")} and "src" not in found.attrs
    assert out.count("&lt;script&gt;") >= 20  # shown as text, every time
    assert '<meter min="0" max="100" value="40">' in out and 'aria-label="3 of 4"' in out
    assert '<input type="checkbox" disabled checked>' in out


def test_every_block_renders_in_every_format() -> None:
    from mlcareer.render import to_text
    from mlcareer.terminal.console import plain_text

    shown = _every_block()
    assert HOSTILE in " ".join(plain_text(to_text.page(shown), width=200).split())
    for fmt in DOCUMENTS:
        assert formats.document(fmt, shown).strip()


@pytest.mark.slow
@pytest.mark.parametrize("view", VIEWS)
def test_every_view_draws_for_an_ascii_terminal_at_40_columns(home: dict[str, str], view: str) -> None:
    """No glyph the terminal lacks becomes '?': each is drawn the ASCII way, or said in words."""
    import os
    import subprocess
    import sys

    def run(encoding: str) -> str:
        env = {**os.environ, **home, "PYTHONIOENCODING": encoding, "COLUMNS": "40", "NO_COLOR": "1"}
        done = subprocess.run(
            [sys.executable, "-m", "mlcareer", *VIEWS[view], "--no-pager"],
            capture_output=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        return done.stdout.decode(encoding)

    ascii_out, utf_out = run("ascii"), run("utf-8")
    assert all(len(line) <= 40 for line in ascii_out.splitlines()), view
    assert ascii_out.count("?") == utf_out.count("?"), [
        line for line in ascii_out.splitlines() if "?" in line
    ][:5]
