"""HTML handouts, opened in a real headless Chromium with the network off.

Each view's page loads with no console error and no request beyond the file itself, shows
the view's title and figures as text, keeps hostile data as text, and is kept as a
screenshot (1280 px) and a printed PDF under .artifacts/html/ for a person to look at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests import browser
from tests.conftest import REPO, Invoke
from tests.test_expectations import _pack, _role, _said

BROWSER = browser.find()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        BROWSER is None, reason="no Chromium on this machine (.ci/run installs Debian's chromium)"
    ),
]
ARTIFACTS = REPO / ".artifacts" / "html"
EXAMPLE = str(REPO / "examples" / "answers.yaml")

VIEWS = {
    "role": (
        ["role", "ml-engineer"],
        ["Machine Learning Engineer", "Several years of experience", "$110,000"],
    ),
    "roles": (["roles"], ["Junior Machine Learning Engineer", "Chief Technology Officer"]),
    "compare": (["compare", "ml-engineer", "data-scientist"], ["How they differ", "Data Scientist"]),
    "skill": (["skill", "statistics"], ["Statistics", "the sources do not say"]),
    "skills": (["skills"], ["Mathematics", "Stated by"]),
    "salary": (["salary"], ["$80,000", "$150,000", "$160,471"]),
    "path": (["path"], ["Career ladder", "Lead Machine Learning Engineer"]),
    "route": (
        ["path", "--from", "junior-ml-engineer", "--to", "chief-technology-officer"],
        ["Route from Junior Machine Learning Engineer to Chief Technology Officer", "$80,000"],
    ),
    "plan": (["plan", "--answers", EXAMPLE], ["Learning plan for Machine Learning Engineer", "Mathematics"]),
    "team": (["team", str(REPO / "examples" / "team")], ["Ana", "Gaps the group shares"]),
}


def _check(loaded: browser.Loaded, expected: list[str], name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.png").write_bytes(loaded.screenshot)
    (ARTIFACTS / f"{name}.pdf").write_bytes(loaded.pdf)
    assert loaded.errors == []
    assert loaded.requests == []
    text = " ".join(loaded.text.split())
    for want in expected:
        assert want in text, want
    assert loaded.title
    assert loaded.screenshot.startswith(b"\x89PNG") and loaded.pdf.startswith(b"%PDF")


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_each_view_opens_as_a_page(
    invoke: Invoke, chromium: browser.Browser, tmp_path: Path, view: str
) -> None:
    args, expected = VIEWS[view]
    out = tmp_path / f"{view}.html"
    result = invoke(*args, "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<title>" in page and "@media print" in page
    assert "<script" not in page and not re.search(r"""(src|href)=["']?https?:""", page)
    _check(chromium.load(out), expected, view)


def test_the_quiz_report_is_the_same_kind_of_page(
    invoke: Invoke, chromium: browser.Browser, tmp_path: Path
) -> None:
    out = tmp_path / "result.html"
    result = invoke("quiz", "--answers", EXAMPLE, "--no-save", "--report", str(out))
    assert result.exit_code == 0, result.stderr
    _check(chromium.load(out), ["Self-assessment against Machine Learning Engineer", "Readiness"], "quiz")


def test_the_svg_report_embeds_no_remote_font(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "result.svg"
    assert invoke("quiz", "--answers", EXAMPLE, "--no-save", "--report", str(out)).exit_code == 0
    svg = out.read_text(encoding="utf-8")
    assert "cdnjs" not in svg and "@font-face" not in svg and "<svg" in svg


def test_a_hostile_title_stays_text(invoke: Invoke, chromium: browser.Browser, tmp_path: Path) -> None:
    hostile = '<script>document.title="pwned"</script><img src=x onerror="console.error(1)"> & *bold*'
    pack = _pack(
        tmp_path, roles=[_role("engineer", title=hostile, skills=[_said("coding", "Expertise in coding.")])]
    )
    out = tmp_path / "role.html"
    assert (
        invoke("--data-dir", str(pack), "role", "engineer", "--format", "html", "-o", str(out)).exit_code == 0
    )
    assert "<script>" not in out.read_text(encoding="utf-8")
    loaded = chromium.load(out)
    _check(loaded, [hostile], "hostile")
    assert loaded.title != "pwned"
