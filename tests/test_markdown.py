"""Markdown output: escaping of data text, and `--format markdown` of role, roles, compare, skills, skill."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from mlcareer.render.markdown import bullets, heading, md, table
from mlcareer.text import clean
from tests.conftest import Invoke

MD = MarkdownIt("commonmark").enable("table")

NASTY_TITLE = "Eng *bold* | pipe [link](x) <b>"
NASTY_SKILL = "Stats _under_ `code` & &amp; ~~gone~~ $x$"
NASTY_ITEM = "- 1. # > starts like a list"
OUR_LABELS = ("Level:", "In short:", "Pay:")
OUR_NOTES = (
    "no data",
    "The scale is",
    "The sources state no requirements",
    "The sources do not say.",
    "How grades are read:",
    '"the sources do not say": ',
    "Of the ",
    "Expectations by basis:",
    # the label of what a grade rests on (Expectation.label)
    "the role's own description",
    "profession-wide",
    "named without a grade",
    "from the ",
    "as for the ",
    "the kind's own speciality",
    "specialisation: a kind of ML engineer",
    "As for the ",
    "Said of ",
)
#: The one piece of HTML mlcareer writes itself: line breaks inside a table cell.
OUR_HTML = "<br>"


def _walk(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(_walk(token.children or []))
    return out


def _inline_text(token: Token) -> str:
    assert token.type == "inline"
    return "".join(c.content if c.type in ("text", "code_inline") else "" for c in token.children or [])


def _tables(tokens: list[Token]) -> list[list[list[str]]]:
    """Every table as rows of cell texts (the header row first)."""
    tables: list[list[list[str]]] = []
    row: list[str] = []
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            row.append(_inline_text(tokens[i + 1]))
        elif token.type == "tr_close":
            tables[-1].append(row)
    return tables


def _headings(tokens: list[Token]) -> list[tuple[str, str]]:
    return [(t.tag, _inline_text(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]


# ---------------------------------------------------------------- md() and the helpers


@pytest.mark.slow
@given(st.text(max_size=80))
def test_md_always_renders_as_the_literal_text(text: str) -> None:
    expected = clean(text).replace("\n", " ").strip()
    assume(expected)
    tokens = MD.parse(md(text))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children or []
    assert {c.type for c in children} <= {"text"}
    assert "".join(c.content for c in children) == expected


@given(st.text(max_size=40))
def test_md_in_a_list_item_and_a_table_cell_stays_literal(text: str) -> None:
    expected = clean(text).replace("\n", " ").strip()
    assume(expected)
    tokens = MD.parse(bullets([text]) + "\n" + table(["A", "B"], [[text, "x"]]))
    types = [t.type for t in tokens]
    assert types.count("bullet_list_open") == 1 and "ordered_list_open" not in types
    items = [_inline_text(t) for t in tokens if t.type == "inline"]
    assert items[0] == expected
    assert _tables(tokens) == [[["A", "B"], [expected, "x"]]]


def test_md_escapes_only_what_is_markup() -> None:
    assert md("Machine Learning Engineer (ML)") == "Machine Learning Engineer (ML)"
    assert md("2024. A year") == "2024\\. A year"
    assert md("- a dash") == "\\- a dash"
    assert md("a | b *c* [d](e) <f> $g$ &h") == "a \\| b \\*c\\* \\[d\\](e) \\<f\\> \\$g\\$ \\&h"
    assert md("tab\tand\x1b[31m escape") == "tab and\\\\x1b\\[31m escape"


def test_heading_and_empty_list() -> None:
    assert heading(2, "# Not a *heading*") == "## \\# Not a \\*heading\\*\n"
    assert bullets([]) == "_no data_\n"


# ---------------------------------------------------------------- role, roles, compare


def test_role_markdown_parses_into_headings_lists_and_tables(invoke: Invoke) -> None:
    result = invoke("role", "ml-engineer", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    tokens = MD.parse(result.stdout)
    headings = _headings(tokens)
    assert headings[0] == ("h1", "Machine Learning Engineer")
    h2 = [text for tag, text in headings if tag == "h2"]
    assert h2[:4] == [
        "Summary",
        "Level and what it asks",
        "Responsibilities",
        "Skills: what the sources expect, and on what it rests",
    ]
    assert {"Tools and frameworks", "Education the sources mention", "Salary", "Sources"} <= set(h2)
    assert ("h3", "Model development") in headings
    types = [t.type for t in tokens]
    assert types.count("bullet_list_open") >= 5
    (skills,) = _tables(tokens)
    assert skills[0] == ["Skill", "Expects", "On what it rests"]
    assert skills[1][:2] == ["Machine learning algorithms", "3/4 proficient"]
    assert skills[1][2].startswith("from the mid-level statement")
    assert '"solid understanding" = 3' in skills[1][2]
    default = [row for row in skills if row[1] == "2/4 working knowledge (default)"]
    assert len(default) == 15
    assert all(
        row[2].startswith("named without a grade: the data pack's default, not counted") for row in default
    )
    assert "- **mid: \\$110,000 - \\$150,000 per year**" in result.stdout  # the salary, a figure a line
    assert all(len(row) == len(skills[0]) for row in skills)
    nodes = _walk(tokens)
    assert not {t.type for t in nodes} & {"link_open", "html_block", "image"}
    assert {t.content for t in nodes if t.type == "html_inline"} <= {OUR_HTML}


def test_role_markdown_section(invoke: Invoke) -> None:
    out = invoke("role", "mle", "--format", "markdown", "--section", "tools").stdout
    tokens = MD.parse(out)
    assert [text for tag, text in _headings(tokens) if tag == "h2"] == ["Tools and frameworks"]
    assert "PyTorch" in [_inline_text(t) for t in tokens if t.type == "inline"]


@pytest.fixture
def nasty_dir(mini_dir: Path) -> Path:
    """The mini data with Markdown (and HTML) markup in titles, names, items and wording."""
    roles = mini_dir / "roles.yaml"
    text = roles.read_text(encoding="utf-8")
    text = text.replace("title: Engineer\n", f"title: '{NASTY_TITLE}'\n")
    text = text.replace("{text: Writes code.,", f"{{text: '{NASTY_ITEM}',")
    text = text.replace('quote: "in-depth knowledge"', "quote: 'in-depth knowledge | b | c'")
    text = text.replace("tools: [Python]", "tools: ['**Py** <script>x</script>']")
    roles.write_text(text, encoding="utf-8")
    skills = mini_dir / "skills.yaml"
    skills.write_text(
        skills.read_text(encoding="utf-8").replace("name: Statistics", f"name: '{NASTY_SKILL}'"),
        encoding="utf-8",
    )
    return mini_dir


def _figure(text: str) -> bool:
    """A salary figure's line, which a role page shows in bold: 'mid: $100 - $200 per year'."""
    return (
        re.fullmatch(
            r"((entry|mid|senior|executive): )?\$[\d,]+( - \$[\d,]+\+?)?( \(average\))? per \w+", text
        )
        is not None
    )


def _assert_literal(tokens: list[Token]) -> None:
    """No emphasis, link, image or HTML node came from the data; tables keep their columns."""
    nodes = _walk(tokens)
    kinds = {t.type for t in nodes}
    assert not kinds & {"link_open", "image", "html_block", "s_open"}
    assert {t.content for t in nodes if t.type == "html_inline"} <= {OUR_HTML}
    for i, token in enumerate(nodes):
        if token.type == "strong_open":  # ours: credential names and the labels that lead a line
            said = nodes[i + 1].content
            assert said in ("Bachelor's degree", "A certification", *OUR_LABELS) or _figure(said)
        if token.type == "em_open":  # ours: notes and "no data"
            assert nodes[i + 1].content.startswith(OUR_NOTES)
    for rows in _tables(tokens):
        assert all(len(row) == len(rows[0]) for row in rows)


def test_role_markdown_keeps_data_literal(invoke: Invoke, nasty_dir: Path) -> None:
    result = invoke("--data-dir", str(nasty_dir), "role", "eng", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    tokens = MD.parse(result.stdout)
    _assert_literal(tokens)
    assert _headings(tokens)[0] == ("h1", NASTY_TITLE)
    texts = [_inline_text(t) for t in tokens if t.type == "inline"]
    assert f"{NASTY_ITEM} [doc]" in texts  # each responsibility names its sources
    assert "**Py** <script>x</script>" in texts
    skills = _tables(tokens)[0]
    row = next(r for r in skills if r[0] == NASTY_SKILL)
    assert row[1] == "4/4 expert"
    # the quote, with its pipes, stays in its cell, and still reads as the grade of its phrase
    assert row[2] == (
        "the role's own description"
        f'"in-depth knowledge | b | c" ({NASTY_TITLE}\'s description, doc: "in-depth knowledge" = 4)'
    )
    assert "ordered_list_open" not in {t.type for t in tokens}


def test_roles_and_compare_markdown_keep_data_literal(invoke: Invoke, nasty_dir: Path) -> None:
    roles = MD.parse(invoke("--data-dir", str(nasty_dir), "roles", "--format", "markdown").stdout)
    _assert_literal(roles)
    assert [text for tag, text in _headings(roles) if tag == "h2"] == ["Entry level", "Mid level"]
    mid = _tables(roles)[1]
    assert mid[0] == ["Role", "Id", "Kind", "Summary"]
    assert [NASTY_TITLE, "engineer", "ladder", "Builds things."] in mid
    result = invoke("--data-dir", str(nasty_dir), "compare", "engineer", "junior-engineer", "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    tokens = MD.parse(result.stdout)
    _assert_literal(tokens)
    assert _headings(tokens)[0] == ("h1", f"{NASTY_TITLE} vs Junior Engineer")
    facts, skills = _tables(tokens)
    assert facts[0] == ["", NASTY_TITLE, "Junior Engineer"]
    (salary,) = [row for row in facts if row[0] == "Salary"]  # a figure a line
    assert "mid: $100 - $200 per year" in salary[1] and "senior: $200 - $300+ per year" in salary[1]
    assert salary[2] == "no data"
    assert ["Programming", "3/4 proficient", "2/4 working knowledge"] in skills
    assert [NASTY_SKILL, "4/4 expert", "the sources do not say"] in skills
    assert ["Communication", "mentioned, no grade", "the sources do not say"] in skills


def test_skill_markdown_keeps_data_literal(invoke: Invoke, nasty_dir: Path) -> None:
    result = invoke("--data-dir", str(nasty_dir), "skill", "statistics", "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    tokens = MD.parse(result.stdout)
    _assert_literal(tokens)
    assert _headings(tokens)[0] == ("h1", NASTY_SKILL)
    steps, roles = _tables(tokens)
    assert steps[0] == ["Step", "Name", "What it looks like"] and len(steps) == 6
    assert roles[0] == ["Role", "Expects", "On what it rests"]
    assert roles[1][:2] == [f"{NASTY_TITLE} (engineer, mid)", "4/4 expert"]
    assert roles[1][2].startswith("the role's own description")  # then the statements it rests on
    # a kind of engineer is measured as the engineer
    assert roles[2] == [
        "Vision Engineer (vision-engineer, mid)",
        "4/4 expert",
        f"as for the {NASTY_TITLE} (the role's own description)",
    ]
    assert len(roles) == 3
    listing = MD.parse(invoke("--data-dir", str(nasty_dir), "skills", "-f", "markdown").stdout)
    _assert_literal(listing)
    assert [text for tag, text in _headings(listing) if tag == "h2"] == [
        "Technical",
        "Analytical",
        "Interpersonal",
    ]
    assert [f"{NASTY_SKILL} *", "statistics", "2 expect, 0 mention; 1 only inherit it"] in _tables(listing)[1]


def test_markdown_to_a_file(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "ml-engineer.md"
    result = invoke("role", "ml-engineer", "--format", "markdown", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"Wrote {target}" in result.stderr.replace("\n", "")
    written = target.read_text(encoding="utf-8")
    assert written == invoke("role", "ml-engineer", "--format", "markdown").stdout
    assert written.startswith("# Machine Learning Engineer\n")
