"""Start-up benchmark: each command's whole-process time as a ratio to `python -c pass`.

    python bench/bench.py [--rounds 15] [--warmup 2] [--roles 1000] [--markdown]

Runs with the interpreter it is started with (use the venv's python) and the `mlcareer`
console script beside it. Each round alternates `python -c pass` with every command, so
both see the same machine load; the figures are medians and their ratios, because
absolute times on a shared machine are noise. The 1,000-role pack is generated into a
temporary directory and timed on a first run (empty cache) and on later runs (warm cache),
as ratios to `mlcareer role ml-engineer` on the shipped data.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from make_pack import make_pack  # noqa: E402

# name, arguments, target ratio to `python -c pass`
COMMANDS: list[tuple[str, list[str], float]] = [
    ("mlcareer --help", ["--help"], 10),
    ("mlcareer role ml-engineer", ["role", "ml-engineer"], 12),
    ("mlcareer salary --level senior", ["salary", "--level", "senior"], 12),
    ("mlcareer path", ["path"], 12),
    (
        "mlcareer quiz --answers examples/answers.yaml --json --no-save",
        ["quiz", "--answers", str(REPO / "examples" / "answers.yaml"), "--json", "--no-save"],
        15,
    ),
]


# What the stack costs before mlcareer does anything: the floor under every ratio above.
FLOOR: list[tuple[str, str]] = [
    ("import typer", "import typer"),
    ("import typer + pydantic.BaseModel", "import typer; from pydantic import BaseModel"),
    (
        "... + rich Console and Table",
        "import typer, rich.console, rich.table; from pydantic import BaseModel",
    ),
    ("... + typer's pydantic adapters", "import typer._adapters, rich.console, rich.table"),
]


def _time(argv: Sequence[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=REPO)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def run(rounds: int, warmup: int, roles: int) -> dict[str, object]:
    """Measure everything; return the medians and ratios."""
    python = sys.executable
    script = str(Path(python).parent / "mlcareer")
    work = Path(tempfile.mkdtemp(prefix="mlcareer-bench-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLCAREER_")}
    env.update(
        NO_COLOR="1", COLUMNS="80", MLCAREER_HOME=str(work / "home"), MLCAREER_CACHE_DIR=str(work / "cache")
    )
    pack = make_pack(work / "pack", roles)
    baseline = [python, "-c", "pass"]
    commands = [(name, [script, *args], target) for name, args, target in COMMANDS]
    floor = [(name, [python, "-c", code]) for name, code in FLOOR]
    pack_cmd = [script, "--data-dir", str(pack), "roles"]
    samples: dict[str, list[float]] = {name: [] for name, _, _ in commands}
    samples["python -c pass"] = []
    samples["pack first run"] = []
    samples["pack later runs"] = []
    for name, _ in floor:
        samples[name] = []
    for round_no in range(warmup + rounds):
        keep = round_no >= warmup
        for name, argv, _ in commands:
            base = _time(baseline, env)
            took = _time(argv, env)
            if keep:
                samples["python -c pass"].append(base)
                samples[name].append(took)
        for name, argv in floor:
            took = _time(argv, env)
            if keep:
                samples[name].append(took)
        cold = dict(env, MLCAREER_CACHE_DIR=str(work / f"cold-{round_no}"))
        first = _time(pack_cmd, cold)
        later = _time(pack_cmd, env)
        if keep:
            samples["pack first run"].append(first)
            samples["pack later runs"].append(later)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    base = medians["python -c pass"]
    role = medians["mlcareer role ml-engineer"]
    rows = []
    for name, _, target in commands:
        rows.append((name, medians[name], medians[name] / base, "python -c pass", target))
    for name, target in (("pack first run", 6.0), ("pack later runs", 1.5)):
        rows.append(
            (f"{name} ({roles} roles)", medians[name], medians[name] / role, "role ml-engineer", target)
        )
    floors = [(name, medians[name], medians[name] / base) for name, _ in floor]
    return {"baseline": base, "rows": rows, "floor": floors, "rounds": rounds, "roles": roles, "pack": pack}


def report(result: dict[str, object], markdown: bool) -> str:
    rows = result["rows"]
    assert isinstance(rows, list)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    lines = [
        f"machine: {machine}; {result['rounds']} rounds; python -c pass: {result['baseline'] * 1000:.1f} ms",
    ]
    if markdown:
        lines += ["", "| command | median | ratio | against | target | met |", "|---|---|---|---|---|---|"]
    for name, median, ratio, against, target in rows:
        met = "yes" if ratio <= target else "NO"
        if markdown:
            lines.append(
                f"| `{name}` | {median * 1000:.0f} ms | {ratio:.1f}x | {against} | {target:g}x | {met} |"
            )
        else:
            lines.append(
                f"{name:<66} {median * 1000:7.0f} ms {ratio:6.1f}x  (target {target:g}x {against}) {met}"
            )
    floors = result["floor"]
    assert isinstance(floors, list)
    lines += ["", "The floor: what importing the stack alone costs, as a ratio to python -c pass"]
    if markdown:
        lines += ["", "| import | median | ratio |", "|---|---|---|"]
    for name, median, ratio in floors:
        if markdown:
            lines.append(f"| `{name}` | {median * 1000:.0f} ms | {ratio:.1f}x |")
        else:
            lines.append(f"{name:<66} {median * 1000:7.0f} ms {ratio:6.1f}x")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--roles", type=int, default=1000, help="roles in the synthetic pack")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    sys.stdout.write(report(run(args.rounds, args.warmup, args.roles), args.markdown))


if __name__ == "__main__":
    main()
