"""`mlcareer team NEW --since OLD`: each person's change, and the group's change per skill."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from mlcareer.domain.team import Person, pair_people
from tests.conftest import REPO, Invoke

TEAM = REPO / "examples" / "team"


def _rounds(tmp_path: Path) -> tuple[Path, Path]:
    """An earlier round: Ben's programming was 1; Cho's file was cho-v1.yaml named Cho; Dee left since."""
    old = tmp_path / "old"
    shutil.copytree(TEAM, old)
    ben = (old / "ben.yaml").read_text(encoding="utf-8").replace("programming: 2", "programming: 1")
    (old / "ben.yaml").write_text(ben, encoding="utf-8")
    (old / "cho.yaml").rename(old / "cho-v1.yaml")
    dee = ben.replace("name: Ben", "name: Dee")
    (old / "dee.yaml").write_text(dee, encoding="utf-8")
    new = tmp_path / "new"
    shutil.copytree(TEAM, new)
    # a file with no name: key, paired with the earlier round by its file name
    ana = (new / "ana.yaml").read_text(encoding="utf-8").replace("name: Ana\n", "")
    (new / "ana.yaml").write_text(ana, encoding="utf-8")
    (new / "eve.yaml").write_text(dee.replace("name: Dee", "name: Eve"), encoding="utf-8")
    return old, new


def _json(invoke: Invoke, *args: str) -> dict[str, Any]:
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_each_persons_change_in_json(invoke: Invoke, tmp_path: Path) -> None:
    old, new = _rounds(tmp_path)
    data = _json(invoke, "team", str(new), "--since", str(old), "--json")
    people = {p["name"]: p for p in data["people"]}
    assert sorted(people) == ["Ben", "Cho", "ana"]
    assert people["Ben"]["matched_by"] == "name" and people["Cho"]["matched_by"] == "name"
    assert people["ana"]["matched_by"] == "file"
    programming = next(s for s in people["Ben"]["skills"] if s["skill"] == "programming")
    assert programming["before"]["grade"] == 1 and programming["after"]["grade"] == 2
    assert programming["change"] == 1
    ben = people["Ben"]
    before, after = ben["before"]["readiness"]["percent"], ben["after"]["readiness"]["percent"]
    assert people["Ben"]["readiness_change"] == after - before > 0
    assert all(s["change"] == 0 for s in people["Cho"]["skills"])
    assert [p["name"] for p in data["only_before"]] == ["Dee"]
    assert [p["name"] for p in data["only_after"]] == ["Eve"]
    line = next(s for s in data["skills"] if s["skill"] == "programming")
    assert line["before"]["answered"] == 4 and line["after"]["answered"] == 4
    assert line["change"] is not None
    assert data["matching"].startswith("People are paired by the name: key")


@pytest.mark.parametrize(("fmt", "marker"), [("markdown", "# Change since"), ("html", "<h1>Change since")])
def test_documents(invoke: Invoke, tmp_path: Path, fmt: str, marker: str) -> None:
    old, new = _rounds(tmp_path)
    result = invoke("team", str(new), "--since", str(old), "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert marker in result.stdout
    assert "Each person&#x27;s change" in result.stdout or "Each person's change" in result.stdout
    assert "Only in" in result.stdout and "Dee" in result.stdout and "Eve" in result.stdout


def test_text_names_the_unpaired(invoke: Invoke, tmp_path: Path) -> None:
    old, new = _rounds(tmp_path)
    result = invoke("team", str(new), "--since", str(old), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert "Change since" in text and "3 people against Machine Learning Engineer" in text
    assert f"Only in {old}: Dee" in text and f"Only in {new}: Eve" in text
    assert re.search(r"Programming \(Python, R, Java, Julia\) ?1 (→|->) 2", text), text


def test_a_bad_file_is_reported_and_the_rest_shown(invoke: Invoke, tmp_path: Path) -> None:
    old, new = _rounds(tmp_path)
    (old / "bad.yaml").write_text("programming: 7\n", encoding="utf-8")
    result = invoke("team", str(new), "--since", str(old), "--json")
    assert result.exit_code == 1
    assert "bad.yaml" in result.stderr
    assert json.loads(result.stdout)["problems"][0]["file"].endswith("bad.yaml")


def test_since_and_calibrate_do_not_go_together(invoke: Invoke, tmp_path: Path) -> None:
    two = (str(TEAM / "ana.yaml"), str(TEAM / "ben.yaml"))
    result = invoke("team", *two, "--calibrate", "--since", str(TEAM))
    assert result.exit_code == 2 and "--since" in result.stderr


def test_pairing_rule() -> None:
    def person(name: str, file: str, named: bool = True) -> Person:
        return Person(name, file, {}, named)

    before = [person("Ben", "a/x.yaml"), person("ana", "a/ana.yaml", named=False), person("Li", "a/li.yaml")]
    after = [person("BEN", "b/y.yaml"), person("Ana", "b/ana.yaml"), person("Lee", "b/li.yaml")]
    pairs, only_before, only_after = pair_people(before, after)
    # Ben by name in any case; ana by file (the earlier file has no name:); Li and Lee by file name
    assert pairs == [(0, 0, "name"), (1, 1, "file"), (2, 2, "file")]
    assert only_before == [] and only_after == []
