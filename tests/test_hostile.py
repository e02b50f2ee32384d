"""Hostile text in data files is shown as harmless literal text by every command in every format."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, MINI, Invoke

# Clear the screen, an OSC 8 hyperlink, an OSC 52 clipboard write, a bell, a NUL, Rich markup,
# a right-to-left override, Markdown and HTML.
HOSTILE = (
    "X\x1b[2J\x1b]8;;http://evil.example\x07click\x1b]8;;\x07"
    "\x1b]52;c;cm0gLXJmIH4=\x07\x00 [bold]big[/bold] [/] [link=http://e.x]l[/link] "
    "\u202e *em* <script>alert(1)</script> | `code`"
)
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202e]")


def _quoted() -> dict[str, str]:
    """A fresh {text, quote, source} each time (a shared dict would be dumped as a YAML alias)."""
    return {"text": HOSTILE, "quote": HOSTILE, "source": "doc"}


@pytest.fixture
def hostile_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    roles = yaml.safe_load((MINI / "roles.yaml").read_text())
    for role in roles["roles"]:
        role["title"] = f"{role['title']} {HOSTILE}"
        role["summary"] = HOSTILE
        role["tools"] = [HOSTILE]
        role["aliases"] = [*role.get("aliases", []), HOSTILE]
        for group in role.get("responsibilities", []):
            group["group"] = HOSTILE
            group["items"] = [{"text": HOSTILE, "sources": ["doc"]}]
        for need in role.get("skills", []):
            need["quote"] = f"{need['quote']} {HOSTILE}"  # the graded phrase stays, so grades show too
        for field in ("how_to_become", "suits", "team"):
            role[field] = [_quoted()]
        other = "engineer" if role["id"] != "engineer" else "junior-engineer"
        role["contrasts"] = [{"role": other, **_quoted()}]
    (target / "roles.yaml").write_text(yaml.safe_dump(roles, allow_unicode=True))
    levels = yaml.safe_load((MINI / "levels.yaml").read_text())
    for level in levels["levels"]:
        level["summary"] = HOSTILE
        level["advance"] = _quoted()
        level["requirements"] = [_quoted()]
    (target / "levels.yaml").write_text(yaml.safe_dump(levels, allow_unicode=True))
    skills = yaml.safe_load((MINI / "skills.yaml").read_text())
    for skill in skills["skills"]:
        skill["name"] = f"{skill['name']} {HOSTILE}"
        skill["description"] = HOSTILE
    (target / "skills.yaml").write_text(yaml.safe_dump(skills, allow_unicode=True))
    salaries = yaml.safe_load((MINI / "salaries.yaml").read_text())
    for figure in salaries["figures"]:
        figure["scope"] = HOSTILE
        figure["region"] = HOSTILE
    (target / "salaries.yaml").write_text(yaml.safe_dump(salaries, allow_unicode=True))
    sources = yaml.safe_load((MINI / "sources.yaml").read_text())
    sources["sources"][0]["title"] = HOSTILE
    (target / "sources.yaml").write_text(yaml.safe_dump(sources, allow_unicode=True))
    official = yaml.safe_load((FIXTURES / "official" / "occupations.yaml").read_text())
    for occupation in official["occupations"]:
        occupation["title"] = HOSTILE
        occupation["edition"] = HOSTILE
        occupation["region"] = HOSTILE
        occupation["url"] = f"https://e.x/{HOSTILE}"
        for pay in occupation["pay"]:
            pay["of"] = HOSTILE
            pay["reference"] = HOSTILE
            pay["quote"] = HOSTILE
        for name in ("jobs", "growth", "openings", "education"):
            occupation[name]["quote"] = HOSTILE
        occupation["education"]["level"] = HOSTILE
    (target / "occupations.yaml").write_text(yaml.safe_dump(official, allow_unicode=True))
    return target


COMMANDS = [
    ["role", "engineer"],
    ["roles"],
    ["compare", "engineer", "junior-engineer"],
    ["salary"],
    ["salary", "--role", "engineer"],
    ["salary", "--source", "bls"],
    ["role", "engineer", "--section", "official"],
    ["path"],
    ["path", "--from", "junior-engineer", "--to", "engineer"],
    ["skills"],
    ["skill", "programming"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_hostile_text_stays_literal(invoke: Invoke, hostile_dir: Path, args: list[str], fmt: str) -> None:
    result = invoke("--data-dir", str(hostile_dir), *args, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert not RAW_CONTROLS.search(out), "no raw control characters reach the terminal"
    if fmt == "json":
        json.loads(out)  # escaped, so still valid JSON
        assert "\\u001b" in out or "\\u001b" not in HOSTILE
    elif fmt == "text":
        assert "\\x1b[2J" in out, "escapes are shown as visible text"
        assert "[bold]big[/bold]" in out, "Rich markup in data is shown, not applied"
    else:
        assert "<script>" not in out, "HTML in data is escaped in Markdown"


def test_mermaid_with_hostile_text(invoke: Invoke, hostile_dir: Path) -> None:
    result = invoke("--data-dir", str(hostile_dir), "path", "--format", "mermaid")
    assert result.exit_code == 0
    assert not RAW_CONTROLS.search(result.stdout)
    assert "<script>" not in result.stdout


def test_error_messages_do_not_replay_hostile_input(invoke: Invoke) -> None:
    result = invoke("role", "\x1b[2Jevil\x07")
    assert result.exit_code == 1
    assert not RAW_CONTROLS.search(result.stderr)
