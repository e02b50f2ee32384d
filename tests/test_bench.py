"""A smoke run of the benchmark (bench/bench.py, which is not a test) with the tiniest counts:
it still runs end to end and prints every row. It asserts no timings, which would flake."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import processes
from tests.conftest import REPO

pytestmark = pytest.mark.slow

#: bench/ is outside what the test update may change; its pack generator still writes the old model.


def test_benchmark_runs_and_prints_ratios() -> None:
    script = Path(sys.executable).parent / "mlcareer"
    if not script.exists():
        pytest.skip("needs the mlcareer console script beside the interpreter")
    result = processes.run(
        [
            *(sys.executable, "bench/bench.py", "--rounds", "1", "--warmup", "0", "--roles", "12"),
            *("--big-roles", "12", "--big-rounds", "1", "--markdown", "--before", sys.executable),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "python -c pass" in out
    for name in (
        "mlcareer --help",
        "mlcareer role ml-engineer",
        "mlcareer path --from junior-ml-engineer --to chief-technology-officer",
        "mlcareer plan --answers examples/answers.yaml",
        "mlcareer team on 3 files",
        "Tab: mlcareer role ml (zsh)",
        "role role-1 on 12 roles, warm",
        "role role-1 on 12 roles, cold",
        "peak memory",
        "typer ",
        "CPU time",
        "ratio before",
    ):
        assert name in out
    assert out.count("x |") >= 51  # a ratio, one before and a target for each of the 17 timed rows


def test_pack_generator_makes_valid_data(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_pack", REPO / "bench" / "make_pack.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    make_pack: Callable[[Path, int], Path] = module.make_pack
    from mlcareer.pack.catalog import check_directory

    catalog, problems = check_directory(make_pack(tmp_path / "pack", 40))
    assert problems == [] and catalog is not None and len(catalog.roles) == 40
