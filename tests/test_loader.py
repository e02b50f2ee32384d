"""The loader's failure modes: one small fixture file each, each error naming file, line and field."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlcareer.errors import DataError
from mlcareer.pack import yamlfile
from mlcareer.pack.catalog import check_directory, load_catalog
from mlcareer.pack.yamlfile import parse
from tests import processes
from tests.conftest import FIXTURES, MINI, PRINT_PEAK_KIB, Invoke
from tests.processes import cpu_seconds

if TYPE_CHECKING:
    from _typeshed import StrOrBytesPath

BROKEN = FIXTURES / "broken"

# fixture file -> the line the error must contain (file:line: field: message)
CASES = {
    "roles--malformed": "roles.yaml:4: invalid YAML: did not find expected ',' or ']'",
    "roles--tabs": "roles.yaml:3: invalid YAML: found a tab character",
    "roles--empty": "roles.yaml: file is empty; expected a mapping with roles",
    "roles--list-at-top": "roles.yaml:1: expected a mapping with roles, found a list",
    "skills--duplicate-key": "skills.yaml:12: skills[0].name: duplicate key (first at line 9)",
    "roles--unknown-key": "roles.yaml:18: roles[1].skils: unknown field; did you mean 'skills'?",
    "roles--unknown-top-level-key": "roles.yaml:1: role: unknown key; did you mean 'roles'?",
    "roles--wrong-type": "roles.yaml:21: roles[1].responsibilities[0].items[0].sources: must be a list",
    "roles--yaml11-no": "roles.yaml:41: roles[2].level: must be 'entry', 'mid', 'senior' or 'executive'",
    "roles--yaml11-number-id": "roles.yaml:39: roles[2].id: must be text (put it in quotes",
    "roles--missing-field": "roles.yaml:39: roles[2].summary: required field is missing",
    "roles--duplicate-id": "roles.yaml:39: roles[2].id: duplicate id 'engineer' (first at line 12)",
    "roles--dangling-skill": "roles.yaml:27: roles[1].skills[1].skill: unknown skill 'pytorc'",
    "roles--dangling-transition": (
        "roles.yaml:43: roles[2].specialises: unknown role 'enginer' (did you mean 'engineer'?)"
    ),
    "roles--not-utf8": "roles.yaml:17: not valid UTF-8 text",
    "roles--python-tag": (
        "roles.yaml:17: roles[1].summary: tag '!!python/object/apply:os.system' is not allowed"
    ),
    "roles--custom-tag": "roles.yaml:33: roles[1].tools: tag '!!set' is not allowed",
    "roles--alias-bomb": "roles.yaml:1: b[0]: aliases (*name) are not allowed in data files",
    "roles--deep-nesting": "roles.yaml:3: roles[0].title[0][0][0][0][0]…: nesting deeper than 48 levels",
}


def _broken_dir(tmp_path: Path, case: str) -> Path:
    """The mini data directory with one file replaced by the fixture ``case``."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    shutil.copy(BROKEN / f"{case}.yaml", target / (case.split("--")[0] + ".yaml"))
    return target


def test_every_fixture_has_a_case() -> None:
    assert {p.stem for p in BROKEN.glob("*.yaml")} == set(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_file_is_reported_with_file_line_and_field(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    data = _broken_dir(tmp_path, case)
    monkeypatch.chdir(data)
    with cpu_seconds() as spent:
        result = invoke("validate", ".")
    assert spent.seconds < 5, "bad data is rejected quickly"
    assert result.exit_code == 1
    assert result.stdout == ""
    assert CASES[case] in result.stderr
    assert "Traceback" not in result.stderr
    # every other command refuses the same data the same way
    other = invoke("roles")
    assert other.exit_code == 0  # the shipped data, no --data-dir
    refused = invoke("--data-dir", ".", "roles")
    assert refused.exit_code == 1 and CASES[case] in refused.stderr


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    roles = (data / "roles.yaml").read_text()
    roles = roles.replace("skill: statistics", "skill: pytorc").replace(
        "summary: Builds things.", "summary: Builds.\n    colour: red"
    )
    (data / "roles.yaml").write_text(roles)
    (data / "credentials.yaml").write_text(
        (data / "credentials.yaml").read_text().replace("[programming]", "[programing]")
    )
    _, problems = check_directory(data)
    messages = [str(p) for p in problems]
    assert len(problems) == 3, messages
    assert any(
        "credentials[0].skills[0]: unknown skill 'programing' (did you mean 'programming'?)" in m
        for m in messages
    )
    assert any("roles[1].colour: unknown field" in m for m in messages)
    assert any("unknown skill 'pytorc'" in m for m in messages)


def test_missing_required_file_and_unknown_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "roles.yaml").rename(data / "role.yaml")
    _, problems = check_directory(data)
    messages = [str(p) for p in problems]
    assert any(m.endswith("role.yaml: unknown data file; did you mean roles.yaml?") for m in messages)
    assert any(m.endswith("roles.yaml: required data file is missing") for m in messages)


def _bytes_read() -> int:
    """Bytes this process has read so far (Linux counts them in /proc/self/io)."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar in /proc/self/io")


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="counts bytes read in /proc/self/io (Linux)")
def test_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    with (data / "roles.yaml").open("wb") as fh:
        fh.write(b"roles:\n")
        fh.truncate(50 * 1024 * 1024)
    read_before = _bytes_read()
    _, problems = check_directory(data)
    # at most the limit and a byte (16 MB), to learn that it is over, plus the small files
    assert _bytes_read() - read_before < 20 * 1024 * 1024, "the 50 MB are not read"
    assert [p.message for p in problems] == ["file is larger than 16 MB"]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "roles.yaml").write_bytes(b"\xef\xbb\xbf" + (MINI / "roles.yaml").read_bytes())
    catalog, problems = check_directory(data)
    assert problems == [] and catalog is not None


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop_and_directory_in_place_of_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "roles.yaml").unlink()
    (data / "roles.yaml").symlink_to(data / "roles.yaml")
    (data / "skills.yaml").unlink()
    (data / "skills.yaml").mkdir()
    _, problems = check_directory(data)
    messages = [str(p) for p in problems]
    assert any("roles.yaml: cannot read:" in m for m in messages), messages
    assert any("skills.yaml: cannot read:" in m for m in messages), messages


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    real_open = os.open

    def deny(path: StrOrBytesPath, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        if os.fsdecode(path).endswith("roles.yaml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr("mlcareer.files.os.open", deny)
    _, problems = check_directory(data)
    assert [str(p).split(": ", 1)[1] for p in problems] == ["cannot read: Permission denied"]


def test_load_catalog_raises_data_error(tmp_path: Path) -> None:
    data = _broken_dir(tmp_path, "roles--duplicate-id")
    with pytest.raises(DataError) as caught:
        load_catalog(data)
    messages = [p.message for p in caught.value.problems]
    assert "duplicate id 'engineer' (first at line 12)" in messages
    assert "a role cannot specialise itself" in messages  # the copy specialises "itself"
    assert sum(m.startswith("unknown role 'vision-engineer'") for m in messages) == 2  # roles and quiz


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: no\nb: on\nc: yes\nd: off", {"a": "no", "b": "on", "c": "yes", "d": "off"}),
        ("v: 3.10\nw: 010\nx: 1:20\ny: 2024-01-01", {"v": 3.1, "w": 10, "x": "1:20", "y": "2024-01-01"}),
        (
            "t: true\nf: False\nn: null\ne: ~\ns: 'yes'",
            {"t": True, "f": False, "n": None, "e": None, "s": "yes"},
        ),
    ],
)
def test_yaml_is_read_with_the_core_schema(text: str, expected: dict[str, object]) -> None:
    assert parse(text.encode()).data == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Plain scalars are resolved by the walks, keys and values, in mappings and lists alike.
        ("true: 1", "key 'True' must be a string"),
        ("1.5: x", "key '1.5' must be a string"),
        ("a: [1, -2, +3, 0x1F, 0o17, .5, -.inf, ~, '', '7', '-', +, .x, 1e3, 1e, TRUE, True1]", None),
        # A tag that spells the mark of a plain scalar is a tag like any other: not allowed.
        ("a: !<mlcareer:plain> 3", "tag 'mlcareer:plain' is not allowed"),
    ],
)
def test_plain_scalars_are_resolved_where_the_walks_meet_them(text: str, expected: str | None) -> None:
    if expected is not None:
        with pytest.raises(yamlfile.YamlProblem, match=expected):
            parse(text.encode())
        return
    numbers: list[object] = [1, -2, 3, 31, 15, 0.5, float("-inf"), None, "", "7", "-", "+", ".x"]
    assert parse(text.encode()).data == {"a": [*numbers, 1000.0, "1e", True, "True1"]}
    assert repr(_parsed(text.encode())) == repr(_tracked(text.encode()))


def test_parse_records_lines() -> None:
    doc = parse(b"roles:\n  - id: a\n    skills:\n      - skill: b\n")
    assert doc.line_of(("roles", 0, "skills", 0, "skill")) == 4
    assert doc.line_of(("roles", 0, "missing", 3)) == 2


def _tracked(raw: bytes) -> tuple[Any, dict[tuple[str | int, ...], int]] | tuple[str, int | None, str]:
    """What the line-tracking walk alone makes of a file: (data, lines), or the problem it reports."""
    lines: dict[tuple[str | int, ...], int] = {}
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _parsed(raw)  # refused before either walk
    try:
        node = yamlfile._compose(text)
        data = yamlfile._Walker(lines).value(node, (), 0) if node is not None else None
    except yamlfile.YamlProblem as exc:
        return exc.message, exc.line, exc.field
    return data, lines


def _parsed(raw: bytes) -> tuple[Any, dict[tuple[str | int, ...], int]] | tuple[str, int | None, str]:
    try:
        doc = parse(raw)
    except yamlfile.YamlProblem as exc:
        return exc.message, exc.line, exc.field
    assert doc._lines is None, "a file that parses works out no lines until one is asked for"
    return doc.data, doc.lines


YAML_FILES = sorted(
    p for p in (*MINI.parent.parent.parent.joinpath("data").glob("*.yaml"), *FIXTURES.rglob("*.yaml"))
)


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(MINI.parent.parent.parent)))
def test_the_fast_walk_and_the_line_tracking_walk_agree(path: Path) -> None:
    """Valid files take the walk without lines; problems are reported by the walk with them."""
    raw = path.read_bytes()
    assert repr(_parsed(raw)) == repr(_tracked(raw))  # repr: NaN is not equal to itself


@pytest.mark.parametrize("path", sorted(MINI.parent.parent.parent.joinpath("data").glob("*.yaml")))
def test_a_plain_data_file_is_read_from_events_without_a_node_tree(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped files use nothing unusual: they are read from libyaml's events alone (no node
    tree: much less memory), to the same data the node tree's walks make."""
    expected = _tracked(path.read_bytes())

    def composed(text: str) -> None:
        raise AssertionError("a node tree was composed")

    monkeypatch.setattr(yamlfile, "_compose", composed)
    assert repr(yamlfile.parse(path.read_bytes()).data) == repr(expected[0])


@pytest.mark.parametrize(
    "text",
    ["a: &x 1\nb: *x\n", "a: !!str 3\n", "a: 1\n---\nb: 2\n", "a: [1\n", "1: one\n", "a: 1\na: 2\n"],
)
def test_anything_unusual_is_read_again_through_the_node_tree(text: str) -> None:
    """An anchor, a tag, a second document, a syntax error, a key that is no string, a duplicate:
    the node tree is composed, and accepts or reports it as ever."""
    assert repr(_parsed(text.encode())) == repr(_tracked(text.encode()))


# Lines of YAML that exercise every check of the walk: anchors and aliases, tags, merge keys,
# non-string and complex keys, duplicates, numbers in every notation, nulls and deep nesting.
FRAGMENTS = [
    "a: 1", "a: 2", "b: &x [1, 2]", "c: *x", "d: !!str 3", "e: !!int 0x1F", "e2: !!int 0o17",
    "e3: !!int zz", "f: !!float .inf", "f2: -.Inf", "f3: .nan", "f4: !!float x", "g: !!binary aGk=",
    "<<: {k: 1}", "? [1]\n: 2", "1: one", "true: yes", "~: null-key", "h: ~", "i:", "j: 2024-01-01",
    "k: no", "l: 0x10", "m: 010", "n: +5", "o: '+-5'", "p: !custom v", "q: {r: {s: {t: [u]}}}",
    "v: &y {w: 1}", "z: *y", "- item", "  nested: 1", "aa: !!map {b: 1}", "ab: !!seq [1]",
    "ac: " + "[" * 50 + "1" + "]" * 50,
    "ad: !!null ''", "ae: !!bool yes", "af: 'q'", 'ag: "\\u00e9"', "ah: |\n  block\n  text",
]  # fmt: skip


@pytest.mark.parametrize("depth", [yamlfile.MAX_DEPTH - 1, yamlfile.MAX_DEPTH, yamlfile.MAX_DEPTH + 1])
@pytest.mark.parametrize("anchor", ["", "&a "])
def test_both_walks_agree_at_the_depth_limit(depth: int, anchor: str) -> None:
    """Mappings nested to just below, at and beyond the limit, ending in a plain string."""
    raw = ("{a: " * depth + anchor + "leaf" + "}" * depth).encode()
    assert repr(_parsed(raw)) == repr(_tracked(raw))
    if depth > yamlfile.MAX_DEPTH:
        with pytest.raises(yamlfile.YamlProblem, match="nesting deeper"):
            parse(raw)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=8))
def test_any_document_gives_the_same_data_or_problem_on_either_walk(lines: list[str]) -> None:
    raw = "\n".join(lines).encode()
    assert repr(_parsed(raw)) == repr(_tracked(raw))  # repr: NaN is not equal to itself


@pytest.mark.parametrize("case", ["roles--alias-bomb", "roles--deep-nesting", "huge"])
def test_hostile_files_are_refused_in_bounded_time_and_memory(tmp_path: Path, case: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    if case == "huge":
        with (data / "roles.yaml").open("wb") as fh:
            fh.write(b"roles:\n" + b"  - x\n" * (50 * 1024 * 1024 // 6))
    else:
        shutil.copy(BROKEN / f"{case}.yaml", data / "roles.yaml")
    code = (
        "import sys\n"
        "from mlcareer.pack.catalog import check_directory\n"
        "_, problems = check_directory(__import__('pathlib').Path(sys.argv[1]))\n"
        "assert problems\n"
    ) + PRINT_PEAK_KIB
    with cpu_seconds() as spent:
        done = processes.run([sys.executable, "-c", code, str(data)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert spent.seconds < 10
    peak_kib = int(done.stdout.strip())
    assert peak_kib < 200 * 1024, f"peak memory {peak_kib} KiB"


def test_a_file_that_cannot_be_read_does_not_hide_the_others_problems(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    shutil.copy(BROKEN / "skills--duplicate-key.yaml", data / "skills.yaml")
    roles = (
        (data / "roles.yaml")
        .read_text()
        .replace("summary: Builds things.", "summary: Builds.\n    colour: red")
    )
    (data / "roles.yaml").write_text(roles)
    salaries = (data / "salaries.yaml").read_text().replace("currency: USD", "currency: usd", 1)
    (data / "salaries.yaml").write_text(salaries)
    _, problems = check_directory(data)
    messages = [f"{p.field}: {p.message}" for p in problems]
    assert "skills[0].name: duplicate key (first at line 9)" in messages
    assert "roles[1].colour: unknown field" in messages
    assert "figures[0].currency: must match the pattern '^[A-Z]{3}$'" in messages


def test_a_quote_that_is_not_text_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    roles = (data / "roles.yaml").read_text()
    roles = roles.replace('quote: "proficiency in code"', 'quote: ["proficiency in", code]')
    (data / "roles.yaml").write_text(roles)
    _, problems = check_directory(data)
    assert [(p.line, p.field) for p in problems] == [(25, "roles[1].skills[0].quote")]
    assert problems[0].message.startswith("must be")


@pytest.mark.parametrize("name", ["salaries", "expectations", "plan"])
def test_a_section_whose_file_is_not_there_is_what_its_model_validates_from_nothing(name: str) -> None:
    from mlcareer.models import Catalog

    catalog = Catalog.model_validate({"sources": [], "skills": [], "roles": []})
    default = getattr(catalog, name)
    validated = type(default).model_validate({})
    assert default == validated
    assert default.model_fields_set == validated.model_fields_set == set()


def test_no_model_field_has_a_mutable_default() -> None:
    """An empty list is made by a factory: a mutable default is deep-copied each time it is used."""
    from mlcareer.models.base import _Model

    todo: list[type[_Model]] = [_Model]
    mutable: list[str] = []
    while todo:
        model = todo.pop()
        todo.extend(model.__subclasses__())
        for name, field in model.model_fields.items():
            if isinstance(field.default, list | dict | set):
                mutable.append(f"{model.__name__}.{name}")
    assert not mutable


_WORDS = ["python", "Deploying", "deployment", "and", "of", "the", "ML", "e.g.", "algorithms", "algo", "x1"]
_pieces = st.one_of(st.sampled_from(_WORDS), st.text(alphabet="abcXYZ019 -.,()éİſK\u212a", max_size=8))
_phrases = st.lists(_pieces, max_size=8).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=_phrases, terms=st.lists(_phrases, max_size=4))
def test_a_sentence_names_a_skill_when_every_word_of_a_term_stands_in_it(text: str, terms: list[str]) -> None:
    """names_skill (one pattern over the text) agrees with the definition, word by word."""
    from mlcareer.pack.wording import _stems, _term_stems, names_skill

    words = set(_stems(text))
    expected = any(all(w in words for w in stems) for stems in _term_stems(tuple(terms)))
    assert names_skill(text, terms) == expected
