"""A class in three commands: `plan --answers DIR --output OUTDIR` writes a plan per student, an index."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from mlcareer.domain.handouts import safe_stem, unique_stems
from tests import browser
from tests.conftest import REPO, Invoke

TEAM = REPO / "examples" / "team"


def _class(tmp_path: Path) -> Path:
    folder = tmp_path / "class"
    shutil.copytree(TEAM, folder)
    return folder


def test_one_page_per_student_and_an_index(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "plans"
    result = invoke("plan", "--answers", str(TEAM), "--output", str(out), "--format", "html")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "Wrote 3 plans and index.html to" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["ana.html", "ben.html", "cho.html", "index.html"]
    ben = (out / "ben.html").read_text(encoding="utf-8")
    assert "Ben: learning plan for Machine Learning Engineer" in ben
    assert 'href="index.html"' in ben
    index = (out / "index.html").read_text(encoding="utf-8")
    assert [m for m in re.findall(r'href="([^"]+)"', index)] == ["ana.html", "ben.html", "cho.html"]
    assert "Learning plans for Machine Learning Engineer" in index


def test_markdown_pages_link_to_each_other(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "plans"
    result = invoke("plan", "--answers", str(TEAM), "-o", str(out), "-f", "markdown", "--next", "3")
    assert result.exit_code == 0, result.stderr
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "[Ana](ana.md)" in index and "[Cho](cho.md)" in index
    ben = (out / "ben.md").read_text(encoding="utf-8")
    assert ben.startswith("# Ben: learning plan for Machine Learning Engineer")
    assert "[All plans of the class](index.md)" in ben and "The next 3 open steps" in ben


def test_nothing_is_overwritten_without_force(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "plans"
    out.mkdir()
    (out / "ben.html").write_text("mine", encoding="utf-8")
    refused = invoke("plan", "--answers", str(TEAM), "--output", str(out), "--format", "html")
    assert refused.exit_code == 1
    assert "1 of the pages exist in" in refused.stderr and "(ben.html)" in refused.stderr
    assert sorted(p.name for p in out.iterdir()) == ["ben.html"]  # nothing written at all
    assert (out / "ben.html").read_text(encoding="utf-8") == "mine"
    forced = invoke("plan", "--answers", str(TEAM), "--output", str(out), "--format", "html", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert "Ben: learning plan" in (out / "ben.html").read_text(encoding="utf-8")


def test_names_become_safe_distinct_file_names(invoke: Invoke, tmp_path: Path) -> None:
    folder = _class(tmp_path)
    ben = (folder / "ben.yaml").read_text(encoding="utf-8")
    (folder / "ben2.yaml").write_text(ben, encoding="utf-8")  # a second Ben
    (folder / "evil.yaml").write_text(ben.replace("name: Ben", "name: ../../etc/Index"), encoding="utf-8")
    (folder / "jose.yaml").write_text(ben.replace("name: Ben", "name: José Núñez"), encoding="utf-8")
    out = tmp_path / "plans"
    result = invoke("plan", "--answers", str(folder), "--output", str(out), "--format", "html")
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "ana.html",
        "ben-2.html",
        "ben.html",
        "cho.html",
        "etc-index.html",
        "index.html",
        "jose-nunez.html",
    ]
    assert "José Núñez: learning plan" in (out / "jose-nunez.html").read_text(encoding="utf-8")
    assert not (tmp_path / "etc").exists()


def test_stems() -> None:
    assert safe_stem("José Núñez") == "jose-nunez"
    assert safe_stem("李") == "student"
    assert safe_stem("CON") == "con-student"
    assert safe_stem("a" * 200) == "a" * 60
    stems = unique_stems(["Ben", "ben", "BEN!", "index", "Index"])
    assert stems == ["ben", "ben-2", "ben-3", "index-2", "index-3"]


def test_a_bad_file_is_named_and_the_others_written(invoke: Invoke, tmp_path: Path) -> None:
    folder = _class(tmp_path)
    (folder / "broken.yaml").write_text("name: Dee\nprogramming: 9\n", encoding="utf-8")
    out = tmp_path / "plans"
    result = invoke("plan", "--answers", str(folder), "--output", str(out), "--format", "html")
    assert result.exit_code == 1
    assert "broken.yaml" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["ana.html", "ben.html", "cho.html", "index.html"]
    assert "broken.yaml" in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([], "name the folder for them with --output OUTDIR"),
        (["--output", "x"], "add --format html or --format markdown"),
        (["--output", "x", "--json"], "add --format html or --format markdown"),
        (["--output", "x", "--format", "html", "--done", "1"], "they do not go with --answers"),
    ],
)
def test_usage(invoke: Invoke, tmp_path: Path, args: list[str], said: str) -> None:
    result = invoke("plan", "--answers", str(TEAM), *args)
    assert result.exit_code == 2 and said in result.stderr


def test_force_alone_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("plan", "--answers", str(TEAM / "ben.yaml"), "--force")
    assert result.exit_code == 2 and "--force goes with --answers DIR --output OUTDIR" in result.stderr


def test_an_empty_folder_is_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("plan", "--answers", str(tmp_path), "--output", str(tmp_path / "o"), "--format", "html")
    assert result.exit_code == 2 and "no answers files in" in result.stderr


@pytest.mark.slow
@pytest.mark.skipif(browser.find() is None, reason="no Chromium on this machine")
def test_every_page_opens_in_chromium_with_no_errors_and_no_requests(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "plans"
    result = invoke("plan", "--answers", str(TEAM), "--output", str(out), "--format", "html")
    assert result.exit_code == 0, result.stderr
    chromium = browser.find()
    assert chromium is not None
    for page in sorted(out.iterdir()):
        loaded = browser.load(chromium, page)
        assert loaded.errors == [], page.name
        assert loaded.requests == [], page.name
        text = " ".join(loaded.text.split())
        if page.name == "index.html":
            assert "Learning plans for Machine Learning Engineer" in text and "Ana" in text
        else:
            assert f"{page.stem.capitalize()}: learning plan for Machine Learning Engineer" in text
