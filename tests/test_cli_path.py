"""`mlcareer path` through CliRunner, real subprocesses, and the ladder's data checks."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from tests.conftest import FIXTURES, MINI, Invoke
from tests.test_ladder import SHIPPED_LADDER

ROUTE = ("path", "--from", "junior-ml-engineer", "--to", "chief-technology-officer")


# ---------------------------------------------------------------- the tree


def test_path_shows_every_ladder_role_by_level(invoke: Invoke) -> None:
    result = invoke("path")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for role_id in SHIPPED_LADDER:
        assert f"({role_id})" in out, role_id
    assert (
        out.index("Entry level")
        < out.index("Mid level")
        < out.index("Senior level")
        < out.index("Executive level")
    )
    # specialisations hang under the ML engineer, before the next mid-level ladder role
    mle = out.index("(ml-engineer)")
    assert (
        mle
        < out.index("specialise as (12)")
        < out.index("(computer-vision-engineer)")
        < out.index("(senior-data-scientist)")
    )
    assert "pay: $80,000 - $110,000 per year" in out
    assert "pay: $150,000 - $200,000+ per year" in out
    # no role-to-role moves: each level says how one advances to it, quoting the source
    assert "leads to:" not in out
    flat = " ".join(out.split())
    assert "With several years of experience, machine learning engineers can advance to mid-level" in flat
    assert "Highly experienced machine learning engineers can advance to senior-level positions." in flat
    assert "(the source names no role-to-role move)" in flat
    assert result.stderr == ""


def test_from_shows_what_is_reachable_and_marks_the_role(invoke: Invoke) -> None:
    result = invoke("path", "--from", "MLE")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Reachable from Machine Learning Engineer")
    assert "Machine Learning Engineer (ml-engineer) ← you are here" in out
    for role_id in ("lead-ml-engineer", "technical-architect", "chief-technology-officer", "nlp-engineer"):
        assert f"({role_id})" in out
    for role_id in ("junior-ml-engineer", "data-scientist", "senior-data-scientist", "systems-engineer"):
        assert f"({role_id})" not in out
    assert "Entry level" not in out


def test_from_the_top_says_so(invoke: Invoke) -> None:
    result = invoke("path", "--from", "cto")
    assert result.exit_code == 0
    assert "Chief Technology Officer (chief-technology-officer) ← you are here" in result.stdout
    flat = " ".join(result.stdout.split())
    assert "chief-technology-officer is at the top of the ladder: the sources name no level above it." in flat


def test_a_kind_of_ml_engineer_advances_like_the_ml_engineer(invoke: Invoke) -> None:
    result = invoke("path", "--from", "computer vision engineer")
    assert result.exit_code == 0
    out = result.stdout
    assert "Computer Vision Engineer (computer-vision-engineer) ← you are here" in out
    for role_id in ("lead-ml-engineer", "technical-architect", "chief-technology-officer"):
        assert f"({role_id})" in out
    assert "(ml-engineer)" not in out and "top of the ladder" not in out


# ---------------------------------------------------------------- routes


def test_route_junior_to_cto_with_skills_for_each_step(invoke: Invoke) -> None:
    result = invoke(*ROUTE)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "junior-ml-engineer → ml-engineer → lead-ml-engineer → chief-technology-officer" in out
    steps = re.split(r"\nStep \d of 3: ", out)
    assert len(steps) == 4
    first, second, third = steps[1:]
    assert first.startswith("Junior Machine Learning Engineer to Machine Learning Engineer")
    # each step says what it rests on, and what the new level asks beyond skills
    assert "Advance to the next level: entry → mid" in first
    flat = " ".join(first.split())
    assert 'Rests on: "With several years of experience, machine learning engineers can advance' in flat
    assert "What the new level asks beyond skills" in first
    assert "• Expected at this level: experience with model development and deployment." in flat
    # named without a grade now: scored at the default; graded by the mid-level statement next
    assert re.search(r"Machine(\s+learning)?\s+●●○○ working knowledge\*\s+●●●○ proficient", first)
    assert re.search(r"Statistics\s+not stated\s+●●○○ working knowledge", first)
    assert "not listed" not in out and "new skill" not in out
    assert "which is not the same as not needed" in " ".join(out.split())
    pay = "Pay: $80,000 - $110,000 → $110,000 - $150,000 per year (low end +$30,000, high end +$40,000)"
    assert pay in flat
    assert "Advance to the next level: mid → senior" in second
    assert re.search(r"Leadership,(\s+mentorship)?\s+●●○○ working knowledge\*\s+●●○○", second)
    assert "(low end +$40,000, high end +$50,000 or more)" in " ".join(second.split())
    assert re.search(r"Leadership,(\s+mentorship)?\s+●●○○ working knowledge\*\s+●●○○", third)
    assert "Pay: $150,000 - $200,000+ per year → no data" in third


def test_to_alone_starts_from_an_entry_role(invoke: Invoke) -> None:
    result = invoke("path", "--to", "CTO")
    assert result.exit_code == 0, result.stderr
    assert "Starting from junior-ml-engineer: no entry role has a shorter route." in result.stdout
    data = json.loads(invoke("path", "--to", "CTO", "--json").stdout)["route"]
    assert data["origins"] == ["junior-ml-engineer", "data-scientist", "software-engineer"]
    assert data["roles"][0]["id"] == "junior-ml-engineer"


def test_route_json(invoke: Invoke) -> None:
    result = invoke(*ROUTE, "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)["route"]
    assert (data["from"], data["to"]) == ("junior-ml-engineer", "chief-technology-officer")
    assert [r["id"] for r in data["roles"]] == [
        "junior-ml-engineer",
        "ml-engineer",
        "lead-ml-engineer",
        "chief-technology-officer",
    ]
    first = data["steps"][0]
    assert first["pay"]["before"]["id"] == "mle-entry" and first["pay"]["after"]["id"] == "mle-mid"
    assert (first["pay"]["low_change"], first["pay"]["high_change"]) == (30000, 40000)
    assert first["kind"] == "advance"
    assert first["rests_on"]["source"] == "ml-engineer-jobs"
    assert first["rests_on"]["quote"].startswith("With several years of experience, machine learning")
    assert first["requirements"] and all(set(r) == {"text", "quote", "source"} for r in first["requirements"])
    algorithms = next(s for s in first["skills"] if s["skill"] == "machine-learning-algorithms")
    # no source grades the junior's algorithms: a change from a default is not shown, and says why
    assert (algorithms["name"], algorithms["change"], algorithms["change_basis"]) == (
        "Machine learning algorithms",
        None,
        "unsourced",
    )
    now, expects = algorithms["now"], algorithms["expects"]
    assert (now["state"], now["expected"], now["basis"]) == (
        "mentioned",
        {"grade": 2, "name": "working knowledge"},
        "default",
    )
    assert [r["grade"] for r in now["readings"]] == [None]
    assert (expects["state"], expects["expected"]["grade"], expects["basis"]) == ("expected", 3, "level")
    assert (
        expects["label"]
        == "from the mid-level statement, said of machine learning engineers at the mid level"
    )
    assert expects["conflict"] is True
    level_reading = expects["readings"][0]
    assert (level_reading["scope"], level_reading["phrase"], level_reading["grade"]) == (
        "level",
        "solid understanding",
        3,
    )
    programming = next(s for s in first["skills"] if s["skill"] == "programming")
    assert (
        programming["now"] == {"state": "not stated", "label": "the sources do not say"}
        and programming["change"] is None
    )
    assert programming["expects"]["basis"] == "profession"
    assert data["steps"][2]["pay"]["after"] is None
    assert "the source names no move from one role to another" in data["note"].lower()


def test_no_route_is_a_clear_error(invoke: Invoke) -> None:
    result = invoke("path", "--from", "cto", "--to", "junior-ml-engineer")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(
        "Error: no route from chief-technology-officer to junior-ml-engineer: the ladder only goes up"
    )
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("option", ["--from", "--to"])
def test_unknown_role_suggests_like_role_does(invoke: Invoke, option: str) -> None:
    result = invoke("path", option, "ml-enginer")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "unknown role 'ml-enginer'; did you mean ml-engineer?" in result.stderr
    assert invoke("role", "ml-enginer").stderr == result.stderr


# ---------------------------------------------------------------- JSON, Markdown, Mermaid


def test_ladder_json_has_nodes_and_edges(invoke: Invoke) -> None:
    result = invoke("path", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert [n["id"] for n in data["nodes"] if n["kind"] == "ladder"] == SHIPPED_LADDER
    levels = {lv["id"]: lv for lv in data["levels"]}
    # the source names no move from role to role: moves up are between levels, with their sentence
    for e in data["edges"]:
        assert e["kind"] in ("advance", "specialise") and e["quote"] and e["source"], e
        ends = levels if e["between"] == "levels" else nodes
        assert e["from"] in ends and e["to"] in ends
        assert (e["between"], e["kind"]) in (("levels", "advance"), ("roles", "specialise"))
    up = [(e["from"], e["to"]) for e in data["edges"] if e["kind"] == "advance"]
    assert up == [("entry", "mid"), ("mid", "senior"), ("senior", "executive")]
    first = data["edges"][0]
    assert first["quote"].startswith(
        "With several years of experience, machine learning engineers can advance"
    )
    assert levels["mid"]["roles"] == ["ml-engineer", "senior-data-scientist", "systems-engineer"]
    xai = next(e for e in data["edges"] if e["to"] == "xai-engineer")
    assert (xai["from"], xai["kind"]) == ("ml-engineer", "specialise")
    assert xai["quote"].startswith("Explainable AI (XAI) Engineer: Focuses on")
    assert nodes["ml-engineer"]["pay"][0]["low"] == 110000
    assert nodes["xai-engineer"]["parent"] == "ml-engineer"
    assert data["start"] is None
    reach = json.loads(invoke("path", "--from", "technical-architect", "--format", "json").stdout)
    assert reach["start"] == {"id": "technical-architect", "title": "Technical Architect"}
    assert [n["id"] for n in reach["nodes"]] == [  # the start, then by level in data order
        "technical-architect",
        "chief-data-officer",
        "chief-technology-officer",
        "director-of-engineering",
    ]


def test_markdown_ladder_and_route(invoke: Invoke) -> None:
    tree = invoke("path", "--format", "markdown")
    assert tree.exit_code == 0
    assert tree.stdout.startswith("# Career ladder\n")
    assert "## Executive level" in tree.stdout
    junior = (
        "- **Junior Machine Learning Engineer** (`junior-ml-engineer`); pay: \\$80,000 - \\$110,000 per year"
    )
    assert "_roles (3)_\n\n" + junior + "\n" in tree.stdout  # a caption, so no list runs into another
    assert "leads to" not in tree.stdout
    assert (
        "  - specialise as (12)\n    - **Research Machine Learning Engineer** (`research-ml-engineer`)"
        in tree.stdout
    )
    assert "**Natural Language Processing (NLP) Engineer**" in tree.stdout
    route = invoke(*ROUTE, "--format", "markdown")
    assert route.exit_code == 0
    out = route.stdout
    assert out.startswith("# Route from Junior Machine Learning Engineer to Chief Technology Officer\n")
    assert "## Step 1 of 3: Junior Machine Learning Engineer to Machine Learning Engineer" in out
    assert "| Skill | Now | Expects | Change |" in out
    # narrow words, as on a terminal, explained under the table
    # the junior's algorithms are named without a grade: no source grades the difference
    assert ("| Machine learning algorithms | 2/4 working knowledge\\* | 3/4 proficient | no source |") in out
    assert "| Statistics | not stated | 2/4 working knowledge |  |" in out
    assert '"not stated": the sources do not say, which is not the same as not needed.' in out
    assert '"no source": no source grades this difference' in out
    assert '_Advance to the next level: entry to mid_\n\n_Rests on: "With several years' in out
    assert "### What the new level asks beyond skills\n\n- Several years of experience" in out
    pay = "**Pay:** \\$80,000 - \\$110,000 to \\$110,000 - \\$150,000 per year"
    assert pay + " (low end +\\$30,000, high end +\\$40,000)\n" in out
    assert out.isascii()


_NODE = re.compile(r'^ {2,4}(r_[a-z0-9_]+)\["([^"\[\]]*)"\]$')
_EDGE = re.compile(r'^  ((?:r|level)_[a-z0-9_]+) (-->|-\.->)\|"([^"\[\]|]*)"\| ((?:r|level)_[a-z0-9_]+)$')
_SUBGRAPH = re.compile(r'^  subgraph (level_[a-z]+)\["([^"\[\]]*)"\]$')
_CLASS = re.compile(r"^  class (r_[a-z0-9_]+) marked$")


def mermaid_structure(text: str) -> tuple[dict[str, str], list[tuple[str, str, str]], list[str], list[str]]:
    """Check a flowchart line by line; return its nodes, edges (every one labelled: the check refuses
    an unlabelled arrow), subgraph titles and marked nodes."""
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    assert text.endswith("\n")
    nodes: dict[str, str] = {}
    edges: list[tuple[str, str, str]] = []
    groups: list[str] = []
    marked: list[str] = []
    open_group = False
    for line in lines[1:]:
        if m := _SUBGRAPH.match(line):
            assert not open_group, "nested subgraph"
            open_group = True
            groups.append(m.group(2))
        elif line == "  end":
            assert open_group, "end without subgraph"
            open_group = False
        elif m := _NODE.match(line):
            assert m.group(1) not in nodes, f"node declared twice: {line}"
            nodes[m.group(1)] = m.group(2)
        elif m := _EDGE.match(line):
            assert m.group(3).strip(), f"an unlabelled arrow: {line}"
            edges.append((m.group(1), m.group(2), m.group(4)))
        elif line == "  classDef marked stroke-width:3px":
            pass
        elif m := _CLASS.match(line):
            marked.append(m.group(1))
        else:
            raise AssertionError(f"not a flowchart line: {line!r}")
    assert not open_group, "subgraph left open"
    levels = {line.split()[1].split("[")[0] for line in lines if _SUBGRAPH.match(line)}
    for source, _, target in edges:
        assert {source, target} <= set(nodes) or {source, target} <= levels, (source, target)
    assert all(m in nodes for m in marked)
    return nodes, edges, groups, marked


def test_mermaid_ladder_structure(invoke: Invoke) -> None:
    result = invoke("path", "--format", "mermaid")
    assert result.exit_code == 0, result.stderr
    nodes, edges, groups, marked = mermaid_structure(result.stdout)
    assert groups == ["Entry level", "Mid level", "Senior level", "Executive level"]
    assert len(nodes) == 24
    for role_id in SHIPPED_LADDER:
        assert "r_" + role_id.replace("-", "_") in nodes
    assert nodes["r_nlp_engineer"] == "Natural Language Processing #40;NLP#41; Engineer"
    # a move up goes from a level to the next, as the source says; no role-to-role arrow up
    assert [e for e in edges if e[1] == "-->"] == [
        ("level_entry", "-->", "level_mid"),
        ("level_mid", "-->", "level_senior"),
        ("level_senior", "-->", "level_executive"),
    ]
    assert "can advance to mid-level positions" in result.stdout
    assert ("r_ml_engineer", "-.->", "r_computer_vision_engineer") in edges
    assert len([e for e in edges if e[1] == "-.->"]) == 12
    assert marked == []


def test_mermaid_route_and_from(invoke: Invoke) -> None:
    nodes, edges, groups, marked = mermaid_structure(invoke(*ROUTE, "--format", "mermaid").stdout)
    assert list(nodes) == [
        "r_junior_ml_engineer",
        "r_ml_engineer",
        "r_lead_ml_engineer",
        "r_chief_technology_officer",
    ]
    assert [(s, t) for s, _, t in edges] == list(zip(list(nodes)[:-1], list(nodes)[1:], strict=True))
    assert marked == ["r_junior_ml_engineer", "r_chief_technology_officer"]
    assert groups == []
    _, _, _, marked = mermaid_structure(invoke("path", "--from", "systems-engineer", "-f", "mermaid").stdout)
    assert marked == ["r_systems_engineer"]


def test_mermaid_survives_hostile_data(invoke: Invoke, mini_dir: Path) -> None:
    roles = mini_dir / "roles.yaml"
    text = roles.read_text()
    text = text.replace(
        "title: Engineer\n", 'title: "Eng \\"x\\"] --> evil[(y) {z} #1; <b>|`end`\\u00e9\\u0007"\n'
    )
    text = text.replace("- id: vision-engineer", "- id: end").replace(
        "related: [vision-engineer]", "related: [end]"
    )
    roles.write_text(text)
    quiz = mini_dir / "quiz.yaml"
    quiz.write_text(quiz.read_text().replace("vision-engineer", "end"))
    result = invoke("--data-dir", str(mini_dir), "path", "--format", "mermaid")
    assert result.exit_code == 0, result.stderr
    nodes, edges, _, _ = mermaid_structure(result.stdout)
    assert "r_end" in nodes
    label = nodes["r_engineer"]
    assert label.startswith(
        "Eng #34;x#34;#93; --#62; evil#91;#40;y#41; #123;z#125; #35;1#59; #60;b#62;#124;#96;end#96;#233;"
    )
    assert "\a" not in result.stdout and result.stdout.isascii()
    assert ("r_engineer", "-.->", "r_end") in edges


def test_mermaid_is_only_for_path(invoke: Invoke) -> None:
    result = invoke("role", "ml-engineer", "--format", "mermaid")
    assert result.exit_code == 2
    assert "unknown format 'mermaid'; this command has: text, json, markdown" in result.stderr
    assert result.stdout == ""


def test_output_file(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "ladder.mmd"
    result = invoke("path", "--format", "mermaid", "--output", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    mermaid_structure(target.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- terminals


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("FORCE_COLOR", "PY_COLORS", "CLICOLOR_FORCE", "COLUMNS")
    }
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-m", "mlcareer", *args], capture_output=True, env=environ, timeout=60
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [("path",), ("path", "--from", "ml-engineer"), ROUTE],
    ids=["tree", "from", "route"],
)
def test_ascii_terminal(args: tuple[str, ...]) -> None:
    proc = _run(*args, PYTHONIOENCODING="ascii")
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr and proc.stderr == b""
    out = proc.stdout.decode("ascii")  # raises if anything is not ASCII
    assert "?" not in out  # nothing was replaced for want of a character
    if args == ("path",):
        assert "+-- Junior Machine Learning Engineer (junior-ml-engineer)" in out
    if args == ROUTE:
        assert "junior-ml-engineer -> ml-engineer" in out and "#### expert" in out


def test_ascii_terminal_with_data_it_cannot_show(mini_dir: Path) -> None:
    roles = mini_dir / "roles.yaml"
    roles.write_text(roles.read_text().replace("title: Engineer\n", 'title: "Ingénieur ⟶ ★"\n'))
    proc = _run(
        "--data-dir",
        str(mini_dir),
        "path",
        "--from",
        "junior-engineer",
        "--to",
        "engineer",
        PYTHONIOENCODING="ascii",
    )
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr
    assert proc.stdout.isascii()
    assert b"Ing?nieur ? ?" in proc.stdout


@pytest.mark.slow
@pytest.mark.parametrize("args", [("path",), ROUTE], ids=["tree", "route"])
def test_forty_columns(args: tuple[str, ...]) -> None:
    proc = _run(*args, COLUMNS="40")
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr
    out = proc.stdout.decode("utf-8")
    assert max(len(line) for line in out.splitlines()) <= 40
    if args == ("path",):
        # narrow: ids get a line of their own, so none is folded
        for role_id in ("reinforcement-learning-engineer", "federated-learning-engineer", *SHIPPED_LADDER):
            assert role_id in out, role_id


def test_tree_renders_at_fixed_widths() -> None:
    from mlcareer.domain.ladder import ladder
    from mlcareer.pack.catalog import load_catalog, shipped_data_dir
    from mlcareer.render.path import ladder_page
    from mlcareer.render.to_text import page

    def render_path(result: Any) -> object:
        return page(ladder_page(result))

    whole = ladder(load_catalog(shipped_data_dir()))
    for width in (40, 80, 120):
        buffer = io.StringIO()
        Console(file=buffer, width=width, color_system=None).print(render_path(whole))
        lines = buffer.getvalue().splitlines()
        assert lines[0] == "Career ladder"
        assert max(len(line) for line in lines) <= width
        assert sum("pay:" in line for line in lines) == 12


# ---------------------------------------------------------------- the data checks


def broken_dir(tmp_path: Path, name: str) -> Path:
    """The mini data directory with the roles.yaml of tests/fixtures/ladder/NAME."""
    target = tmp_path / name
    shutil.copytree(MINI, target)
    shutil.copy(FIXTURES / "ladder" / name / "roles.yaml", target / "roles.yaml")
    return target


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        # the moves are derived from the levels now: a leads_to list of the old model is refused
        ("leads-to", "roles.yaml:12: roles[0].leads_to: unknown field"),  # no role field is close
        (
            "specialises-cycle",
            "roles.yaml:39: roles[1].specialises: "
            "specialisations go round in a circle: engineer -> vision-engineer -> engineer",
        ),
        ("specialises-self", "roles.yaml:44: roles[2].specialises: a role cannot specialise itself"),
    ],
)
def test_bad_transitions_fail_validation_with_file_and_line(
    invoke: Invoke, tmp_path: Path, name: str, problem: str
) -> None:
    from mlcareer.pack.catalog import display_name

    directory = broken_dir(tmp_path, name)
    shown = display_name(directory / "roles.yaml")
    for args in (("validate", str(directory)), ("--data-dir", str(directory), "path")):
        result = invoke(*args)
        assert result.exit_code == 1, args
        assert result.stdout == ""
        assert result.stderr == f"Error: {shown}{problem.removeprefix('roles.yaml')}\n", args
    data = json.loads(invoke("validate", str(directory), "--json").stdout)
    line, field = problem.split(":")[1], problem.split(": ")[1]
    assert [(p["line"], p["field"]) for p in data["problems"]] == [(int(line), field)]


def test_a_short_name_suggests_each_role_once(invoke: Invoke) -> None:
    result = invoke("path", "--to", "junior")
    assert result.exit_code == 1
    assert result.stderr == "Error: unknown role 'junior'; did you mean junior-ml-engineer?\n"


def test_highlight_stays_on_the_role_title() -> None:
    from mlcareer.domain.careers import role_by_id
    from mlcareer.domain.ladder import ladder
    from mlcareer.pack.catalog import load_catalog, shipped_data_dir
    from mlcareer.render.path import ladder_page
    from mlcareer.render.to_text import page

    def render_path(result: Any) -> object:
        return page(ladder_page(result))

    catalog = load_catalog(shipped_data_dir())
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, force_terminal=True, color_system="standard", no_color=False)
    console.print(render_path(ladder(catalog, role_by_id(catalog, "technical-architect"))))
    lines = buffer.getvalue().splitlines()
    title = next(line for line in lines if "Technical Architect\x1b" in line and "you are here" in line)
    assert "\x1b[1;33mTechnical Architect" in title
    pay = lines[lines.index(title) + 1]
    assert "pay:" in pay and "33m" not in pay  # the highlight does not bleed into the lines below


def test_route_skill_table_keeps_every_cell_whole_at_80_columns(invoke: Invoke) -> None:
    out = invoke(*ROUTE).stdout
    assert "…" not in out
    assert "(defaul\n" not in out
    assert out.count("working knowledge*") >= 16  # the default grade's mark, explained under the table
    assert "named without a grade: scored against the data pack's default" in " ".join(out.split())
