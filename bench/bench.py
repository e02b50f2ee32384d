"""Start-up benchmark: every target of issue 14, as whole processes, in one command.

    python bench/bench.py [--rounds 15] [--warmup 2] [--roles 1000] [--big-roles 8000]
                          [--big-rounds 3] [--markdown]

Runs with the interpreter it is started with (use the venv's python) and the `mlcareer`
console script beside it. Each round alternates `python -c pass` with every command, so
both see the same machine load; the figures are medians and their ratios, because absolute
times on a shared machine are noise. Every run uses a temporary cache and home, warmed by
the warm-up rounds.

Measured: the read commands and `--help` against `python -c pass`; one Tab press
(`mlcareer role ml`, as Typer's bash and zsh scripts send it) on the shipped data and on a
generated pack of --roles roles; `role` on that pack (warm) against `role` on the shipped
data; `role` on a pack of --big-roles roles with an empty cache, in seconds; and the peak
memory (maximum resident set) of `role ml-engineer`. It asserts nothing: it reports.
Works with every typer version the project allows (the floor rows skip what a version lacks).
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
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PASS = "python -c pass"
ROLE = "mlcareer role ml-engineer"


@dataclass
class Case:
    """One thing timed: its command line, extra environment, and its target."""

    name: str
    args: list[str]
    target: float
    against: str = PASS  # PASS, ROLE, or "s" for seconds
    env: dict[str, str] = field(default_factory=dict)
    samples: list[float] = field(default_factory=list)


def _tab(shell: str, line: str) -> dict[str, str]:
    """The environment Typer's completion script for ``shell`` sets for one Tab press."""
    if shell == "bash":
        return {"_MLCAREER_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(line.count(" "))}
    return {"_MLCAREER_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": line}


def cases(pack: Path, roles: int) -> list[Case]:
    answers = str(REPO / "examples" / "answers.yaml")
    pack_env = {"MLCAREER_DATA_DIR": str(pack)}
    return [
        Case("mlcareer --help", ["--help"], 6),
        Case(ROLE, ["role", "ml-engineer"], 10),
        Case("mlcareer roles", ["roles"], 10),
        Case("mlcareer salary --level senior", ["salary", "--level", "senior"], 10),
        Case("mlcareer path", ["path"], 10),
        Case(
            "mlcareer path --from junior-ml-engineer --to chief-technology-officer",
            ["path", "--from", "junior-ml-engineer", "--to", "chief-technology-officer"],
            10,
        ),
        Case("mlcareer skill python", ["skill", "python"], 10),
        Case("mlcareer role ml-engineer --json", ["role", "ml-engineer", "--json"], 10),
        Case(
            "mlcareer quiz --answers examples/answers.yaml --json --no-save",
            ["quiz", "--answers", answers, "--json", "--no-save"],
            11,
        ),
        Case("Tab: mlcareer role ml (bash)", [], 5, env=_tab("bash", "mlcareer role ml")),
        Case("Tab: mlcareer role ml (zsh)", [], 5, env=_tab("zsh", "mlcareer role ml")),
        Case(f"role role-1 on {roles} roles, warm", ["role", "role-1"], 1.3, against=ROLE, env=pack_env),
        *(
            Case(f"Tab: {line} ({shell}), {roles} roles", [], 6, env={**pack_env, **_tab(shell, line)})
            for shell, line in (("bash", "mlcareer role role-1"), ("zsh", "mlcareer role role-1"))
        ),
    ]  # fmt: skip


# What the stack costs before mlcareer does anything: the floor under every ratio above.
FLOOR: list[tuple[str, str]] = [
    ("import typer", "import typer"),
    ("import typer + pydantic.BaseModel", "import typer; from pydantic import BaseModel"),
    (
        "... + rich Console and Table",
        "import typer, rich.console, rich.table; from pydantic import BaseModel",
    ),
    ("... + typer's pydantic adapters (typer 0.29+)", "import typer._adapters, rich.console, rich.table"),
]


def _run(argv: Sequence[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time of one process, and its peak resident memory in KiB."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=REPO)
    assert child.stderr is not None
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stderr.close()
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({child.returncode}): {err.decode()[-500:]}")
    return elapsed, usage.ru_maxrss


def _works(python: str, code: str) -> bool:
    return subprocess.run([python, "-c", code], capture_output=True).returncode == 0


def run(rounds: int, warmup: int, roles: int, big_roles: int, big_rounds: int) -> dict[str, object]:
    """Measure everything; return the medians and ratios."""
    python = sys.executable
    script = str(Path(python).parent / "mlcareer")
    work = Path(tempfile.mkdtemp(prefix="mlcareer-bench-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MLCAREER_", "_MLCAREER_", "_TYPER"))}
    env.pop("TERMINAL_WIDTH", None)
    env.update(
        NO_COLOR="1", COLUMNS="80", MLCAREER_HOME=str(work / "home"), MLCAREER_CACHE_DIR=str(work / "cache")
    )
    # In child processes: a child's peak memory (ru_maxrss) starts from this process's size at
    # the fork, so this one must stay small for the memory figure to be the command's own.
    pack, big = work / "pack", work / "big"
    for target, count in ((pack, roles), (big, big_roles)):
        subprocess.run(
            [python, str(HERE / "make_pack.py"), str(target), "--roles", str(count)],
            check=True,
            capture_output=True,
        )
    todo = cases(pack, roles)
    floor = [(name, code, []) for name, code in FLOOR if _works(python, code)]
    baseline: list[float] = []
    memory: list[int] = []
    for round_no in range(warmup + rounds):
        keep = round_no >= warmup
        for case in todo:
            base, _ = _run([python, "-c", "pass"], env)
            took, peak = _run([script, *case.args], {**env, **case.env})
            if keep:
                baseline.append(base)
                case.samples.append(took)
                if case.name == ROLE:
                    memory.append(peak)
        for _, code, samples in floor:
            took, _ = _run([python, "-c", code], env)
            if keep:
                samples.append(took)
    cold = Case(f"role role-1 on {big_roles} roles, cold (empty cache)", ["role", "role-1"], 3, against="s")
    for round_no in range(big_rounds):
        fresh = {**env, "MLCAREER_DATA_DIR": str(big), "MLCAREER_CACHE_DIR": str(work / f"cold-{round_no}")}
        cold.samples.append(_run([script, *cold.args], fresh)[0])
    base = statistics.median(baseline)
    role = statistics.median(next(c for c in todo if c.name == ROLE).samples)
    rows = []
    for case in [*todo, cold]:
        median = statistics.median(case.samples)
        ratio = median / base if case.against == PASS else median / role if case.against == ROLE else median
        rows.append((case.name, median, ratio, case.against, case.target))
    peak_mib = statistics.median(memory) / 1024
    floors = [(name, statistics.median(s), statistics.median(s) / base) for name, _, s in floor]
    return {"baseline": base, "rows": rows, "floor": floors, "rounds": rounds, "memory": peak_mib}


def _versions() -> str:
    found = []
    for name in ("typer", "pydantic", "rich"):
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:  # pragma: no cover
            found.append(f"{name} missing")
    return ", ".join(found)


def report(result: dict[str, object], markdown: bool) -> str:
    rows = result["rows"]
    assert isinstance(rows, list)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    lines = [
        f"machine: {machine}; {_versions()}; {result['rounds']} rounds; "
        f"python -c pass: {result['baseline'] * 1000:.1f} ms",
    ]
    if markdown:
        lines += ["", "| what | median | ratio | against | target | met |", "|---|---|---|---|---|---|"]

    def line(name: str, median: str, ratio: str, against: str, target: str, met: bool) -> str:
        if markdown:
            return f"| `{name}` | {median} | {ratio} | {against} | {target} | {'yes' if met else 'NO'} |"
        return f"{name:<70} {median:>9} {ratio:>8}  (target {target} {against}) {'yes' if met else 'NO'}"

    for name, median, ratio, against, target in rows:
        if against == "s":
            lines.append(line(name, f"{median:.2f} s", "", "", f"{target:g} s", median <= target))
        else:
            lines.append(
                line(
                    name, f"{median * 1000:.0f} ms", f"{ratio:.1f}x", against, f"{target:g}x", ratio <= target
                )
            )
    memory = result["memory"]
    assert isinstance(memory, float)
    lines.append(line(f"peak memory of {ROLE}", f"{memory:.1f} MiB", "", "", "30 MiB", memory <= 30))
    floors = result["floor"]
    assert isinstance(floors, list)
    lines += ["", "The floor: what importing the stack alone costs, as a ratio to python -c pass"]
    if markdown:
        lines += ["", "| import | median | ratio |", "|---|---|---|"]
    for name, median, ratio in floors:
        if markdown:
            lines.append(f"| `{name}` | {median * 1000:.0f} ms | {ratio:.1f}x |")
        else:
            lines.append(f"{name:<70} {median * 1000:7.0f} ms {ratio:6.1f}x")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--roles", type=int, default=1000, help="roles in the warm synthetic pack")
    parser.add_argument("--big-roles", type=int, default=8000, help="roles in the cold synthetic pack")
    parser.add_argument("--big-rounds", type=int, default=3, help="cold runs of the big pack")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    result = run(args.rounds, args.warmup, args.roles, args.big_roles, args.big_rounds)
    sys.stdout.write(report(result, args.markdown))


if __name__ == "__main__":
    main()
