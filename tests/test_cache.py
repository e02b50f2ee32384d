"""The catalog cache: never stale, a corrupt one is rebuilt, an unwritable one costs only speed."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from mlcareer.pack import cache
from mlcareer.pack.catalog import load, load_catalog
from mlcareer.records import Record, as_data
from tests.conftest import Invoke


@pytest.fixture(autouse=True)
def _fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLCAREER_CACHE_DIR", str(tmp_path / "cache"))
    load.cache_clear()


def _cache_dir() -> Path:
    where = cache.cache_dir()
    assert where is not None, "MLCAREER_CACHE_DIR names one"
    return where


def _entries() -> list[Path]:
    return sorted(_cache_dir().glob("catalog-*.json"))


def test_first_load_writes_the_cache_and_later_loads_use_it(
    mini_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_catalog(mini_dir)
    assert len(_entries()) == 1
    load.cache_clear()
    import mlcareer.pack.catalog as catalog_module

    def no_parsing(*args: object) -> None:
        raise AssertionError("the cache should have been used")

    monkeypatch.setattr(catalog_module, "_check", no_parsing)
    again = load_catalog(mini_dir)
    assert isinstance(again, Record), "a cached run holds records, not pydantic models"
    assert as_data(again) == as_data(first)


def test_any_change_to_a_data_file_is_seen(invoke: Invoke, mini_dir: Path) -> None:
    assert "Builds things." in invoke("--data-dir", str(mini_dir), "role", "engineer").stdout
    roles = mini_dir / "roles.yaml"
    roles.write_text(roles.read_text().replace("Builds things.", "Builds bridges."))
    load.cache_clear()
    assert "Builds bridges." in invoke("--data-dir", str(mini_dir), "role", "engineer").stdout
    assert len(_entries()) == 1, "one entry per data directory, replaced, not accumulated"


def test_a_change_that_breaks_the_data_is_reported_not_hidden_by_the_cache(
    invoke: Invoke, mini_dir: Path
) -> None:
    load_catalog(mini_dir)
    load.cache_clear()
    (mini_dir / "roles.yaml").write_text("roles: [\n")
    result = invoke("--data-dir", str(mini_dir), "roles")
    assert result.exit_code == 1 and "roles.yaml:2" in result.stderr


@pytest.mark.parametrize("garbage", [b"", b"not json\n{}", b'{"format": 1, "key": "x"}\n{}', b"\xff\xfe\x00"])
def test_corrupt_cache_is_ignored_and_rebuilt(mini_dir: Path, garbage: bytes) -> None:
    expected = load_catalog(mini_dir)
    (entry,) = _entries()
    entry.write_bytes(garbage)
    load.cache_clear()
    assert as_data(load_catalog(mini_dir)) == as_data(expected)
    assert entry.read_bytes() != garbage


def test_right_key_but_invalid_body_is_rebuilt(mini_dir: Path) -> None:
    expected = load_catalog(mini_dir)
    (entry,) = _entries()
    head = entry.read_text().split("\n", 1)[0]
    entry.write_text(head + '\n{"roles": "nonsense"}')
    load.cache_clear()
    assert as_data(load_catalog(mini_dir)) == as_data(expected)


def test_read_only_cache_directory_only_costs_speed(mini_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated: tests may run as root, which ignores permission bits.
    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)  # the atomic write is files.replace_file
    assert load_catalog(mini_dir).roles
    assert _entries() == []


def test_cache_directory_that_is_a_file_only_costs_speed(mini_dir: Path) -> None:
    _cache_dir().parent.mkdir(parents=True, exist_ok=True)
    _cache_dir().write_text("I am a file")
    assert load_catalog(mini_dir).roles
    assert _cache_dir().read_text() == "I am a file"


def test_a_tampered_entry_is_not_trusted(mini_dir: Path) -> None:
    expected = load_catalog(mini_dir)
    (entry,) = _entries()
    head, body = entry.read_bytes().split(b"\n", 1)
    entry.write_bytes(head + b"\n" + body.replace(b"Builds things.", b"Builds bombs!."))
    load.cache_clear()
    assert as_data(load_catalog(mini_dir)) == as_data(expected)


@pytest.mark.parametrize(
    "value",
    [
        {"text": ["café — naïve", "tab\there", "\x00\x1f\x7f\u2028", 'quote " and \\ slash']},
        [0, -(2**63), 10**30, 0.1, 1e308, 5e-324, -0.0, True, False, None],
        ["a lone surrogate \ud800 goes to the json module"],
    ],
    ids=["text", "numbers", "surrogate"],
)
def test_a_cache_body_reads_back_as_it_was_written(value: object) -> None:
    import json

    assert json.loads(cache._json(value)) == value


def test_infinities_and_nan_read_back() -> None:
    import json
    import math

    inf, minus, nan = json.loads(cache._json([math.inf, -math.inf, math.nan]))
    assert (inf, minus) == (math.inf, -math.inf) and math.isnan(nan)
