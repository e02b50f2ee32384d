"""Markdown output: escaping of data text, and `--format markdown` of role, roles, compare, skills, skill."""

from __future__ import annotations

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
OUR_NOTES = (
    "no data",
    "Expects: mlcareer's reading",
    "The scale is",
    "Not tied to this skill",
    "Roles: how many",
)


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
    assert h2[:3] == ["Summary", "Responsibilities", "Skills and the proficiency the role expects"]
    assert {"Tools and frameworks", "Education", "Salary", "Sources"} <= set(h2)
    assert ("h3", "Model Development") in headings
    types = [t.type for t in tokens]
    assert types.count("bullet_list_open") >= 5
    skills, salary = _tables(tokens)
    assert skills[0] == ["Skill", "Expects", "Source wording"]
    assert skills[1][:2] == ["Machine learning algorithms", "4/4 expert"]
    assert any(row[1] == "needed, level: no data" for row in skills)
    assert salary[0] == ["Level", "Pay", "Scope", "Region", "Source", "As of"]
    assert salary[2][:2] == ["mid", "$110,000 - $150,000 per year"]
    assert all(len(row) == len(table[0]) for table in (skills, salary) for row in table)
    assert not {t.type for t in _walk(tokens)} & {"link_open", "html_inline", "html_block", "image"}


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
    text = text.replace("items: [Writes code., Tests code.]", f"items: ['{NASTY_ITEM}', Tests code.]")
    text = text.replace('evidence: "in-depth knowledge"', "evidence: 'a | b | c'")
    text = text.replace("tools: [Python]", "tools: ['**Py** <script>x</script>']")
    roles.write_text(text, encoding="utf-8")
    skills = mini_dir / "skills.yaml"
    skills.write_text(
        skills.read_text(encoding="utf-8").replace("name: Statistics", f"name: '{NASTY_SKILL}'"),
        encoding="utf-8",
    )
    return mini_dir


def _assert_literal(tokens: list[Token]) -> None:
    """No emphasis, link, image or HTML node came from the data; tables keep their columns."""
    nodes = _walk(tokens)
    kinds = {t.type for t in nodes}
    assert not kinds & {"link_open", "image", "html_inline", "html_block", "s_open"}
    for i, token in enumerate(nodes):
        if token.type == "strong_open":  # ours: education names in bold
            assert nodes[i + 1].content == "Bachelor's degree"
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
    assert NASTY_ITEM in texts
    assert "**Py** <script>x</script>" in texts
    skills = _tables(tokens)[0]
    assert [NASTY_SKILL, "4/4 expert", "a | b | c"] in skills
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
    assert ["Salary", "mid: $100 - $200 per year; senior: $200 - $300+ per year", "no data"] in facts
    assert ["Programming", "3/4 proficient", "2/4 working knowledge"] in skills
    assert [NASTY_SKILL, "4/4 expert", "not listed"] in skills


def test_skill_markdown_keeps_data_literal(invoke: Invoke, nasty_dir: Path) -> None:
    result = invoke("--data-dir", str(nasty_dir), "skill", "statistics", "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    tokens = MD.parse(result.stdout)
    _assert_literal(tokens)
    assert _headings(tokens)[0] == ("h1", NASTY_SKILL)
    steps, roles = _tables(tokens)
    assert steps[0] == ["Step", "Name", "What it looks like"] and len(steps) == 6
    assert roles == [["Role", "Id", "Level", "Expects"], [NASTY_TITLE, "engineer", "mid", "4/4 expert"]]
    listing = MD.parse(invoke("--data-dir", str(nasty_dir), "skills", "-f", "markdown").stdout)
    _assert_literal(listing)
    assert [text for tag, text in _headings(listing) if tag == "h2"] == [
        "Technical",
        "Analytical",
        "Interpersonal",
    ]
    assert [NASTY_SKILL, "statistics", "1"] in _tables(listing)[1]


def test_markdown_to_a_file(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "ml-engineer.md"
    result = invoke("role", "ml-engineer", "--format", "markdown", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"Wrote {target}" in result.stderr.replace("\n", "")
    written = target.read_text(encoding="utf-8")
    assert written == invoke("role", "ml-engineer", "--format", "markdown").stdout
    assert written.startswith("# Machine Learning Engineer\n")
