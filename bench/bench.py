"""Start-up benchmark: every target of issue 27, as whole processes, in one command.

    python bench/bench.py [--rounds 15] [--warmup 2] [--roles 1000] [--big-roles 8000]
                          [--big-rounds 3] [--before OTHER_PYTHON] [--markdown]

Runs with the interpreter it is started with (use the venv's python) and the `mlcareer`
console script beside it. Each figure is CPU time (user + sys, from the child's rusage), not
wall time, because the machine is shared; each round alternates `python -c pass` with every
command, so both see the same load, and the figures are medians and their ratios. With
``--before``, the `mlcareer` beside that other interpreter (an install of older code) runs
in the same rounds, after each command, and its ratios are shown beside. Every install has
its own temporary cache and home, warmed by the warm-up rounds.

Measured: the read commands and `--help` against `python -c pass`; one Tab press
(`mlcareer role ml`, as Typer's bash and zsh scripts send it) on the shipped data and on a
generated pack of --roles roles; `role` on that pack, warm and cold (an empty cache each
round); `role` on a pack of --big-roles roles with an empty cache, in seconds; and the peak
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
    target: float | None
    against: str = PASS  # PASS, or "s" for seconds
    env: dict[str, str] = field(default_factory=dict)
    cold: bool = False  # an empty cache each run
    samples: dict[str, list[float]] = field(default_factory=dict)  # install -> CPU seconds


def _tab(shell: str, line: str) -> dict[str, str]:
    """The environment Typer's completion script for ``shell`` sets for one Tab press."""
    if shell == "bash":
        return {"_MLCAREER_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(line.count(" "))}
    return {"_MLCAREER_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": line}


def cases(pack: Path, roles: int) -> list[Case]:
    answers = str(REPO / "examples" / "answers.yaml")
    team = sorted(str(p) for p in (REPO / "examples" / "team").glob("*.yaml"))
    pack_env = {"MLCAREER_DATA_DIR": str(pack)}
    return [
        Case("mlcareer --help", ["--help"], 5),
        Case(ROLE, ["role", "ml-engineer"], 10),
        Case("mlcareer roles", ["roles"], 10),
        Case("mlcareer salary --level senior", ["salary", "--level", "senior"], 10),
        Case("mlcareer path", ["path"], 10),
        Case(
            "mlcareer path --from junior-ml-engineer --to chief-technology-officer",
            ["path", "--from", "junior-ml-engineer", "--to", "chief-technology-officer"],
            11,
        ),
        Case("mlcareer skill python", ["skill", "python"], 10),
        Case("mlcareer role ml-engineer --json", ["role", "ml-engineer", "--json"], 7),
        Case(
            "mlcareer quiz --answers examples/answers.yaml --json --no-save",
            ["quiz", "--answers", answers, "--json", "--no-save"],
            10,
        ),
        Case("mlcareer plan --answers examples/answers.yaml", ["plan", "--answers", answers], 11),
        Case(f"mlcareer team on {len(team)} files", ["team", *team], 12),
        Case("Tab: mlcareer role ml (bash)", [], 3, env=_tab("bash", "mlcareer role ml")),
        Case("Tab: mlcareer role ml (zsh)", [], 3, env=_tab("zsh", "mlcareer role ml")),
        Case(f"role role-1 on {roles} roles, warm", ["role", "role-1"], 14, env=pack_env),
        Case(f"role role-1 on {roles} roles, cold", ["role", "role-1"], 50, env=pack_env, cold=True),
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
    """CPU time (user + sys) of one process, and its peak resident memory in KiB."""
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=REPO)
    assert child.stderr is not None
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stderr.close()
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({child.returncode}): {err.decode()[-500:]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def _works(python: str, code: str) -> bool:
    return subprocess.run([python, "-c", code], capture_output=True).returncode == 0


def run(
    rounds: int, warmup: int, roles: int, big_roles: int, big_rounds: int, before: str | None = None
) -> dict[str, object]:
    """Measure everything; return the medians and ratios (``before``: another install's python)."""
    python = sys.executable
    installs = {"now": str(Path(python).parent / "mlcareer")}
    if before:
        installs["before"] = str(Path(before).parent / "mlcareer")
    work = Path(tempfile.mkdtemp(prefix="mlcareer-bench-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MLCAREER_", "_MLCAREER_", "_TYPER"))}
    env.pop("TERMINAL_WIDTH", None)
    env.update(NO_COLOR="1", COLUMNS="80")
    # Each install its own cache and home: their cache formats may differ.
    homes = {
        name: {"MLCAREER_HOME": str(work / name / "home"), "MLCAREER_CACHE_DIR": str(work / name / "cache")}
        for name in installs
    }
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
    memory: dict[str, list[int]] = {name: [] for name in installs}
    runs = 0
    for round_no in range(warmup + rounds):
        keep = round_no >= warmup
        for case in todo:
            base, _ = _run([python, "-c", "pass"], env)
            if keep:
                baseline.append(base)
            for name, script in installs.items():
                extra = dict(homes[name])
                if case.cold:
                    runs += 1
                    extra["MLCAREER_CACHE_DIR"] = str(work / name / f"cold-{runs}")
                took, peak = _run([script, *case.args], {**env, **extra, **case.env})
                if keep:
                    case.samples.setdefault(name, []).append(took)
                    if case.name == ROLE:
                        memory[name].append(peak)
        for _, code, samples in floor:
            took, _ = _run([python, "-c", code], env)
            if keep:
                samples.append(took)
    cold = Case(
        f"role role-1 on {big_roles} roles, cold (empty cache)", ["role", "role-1"], None, against="s"
    )
    for round_no in range(big_rounds):
        for name, script in installs.items():
            fresh = {
                **env,
                **homes[name],
                "MLCAREER_DATA_DIR": str(big),
                "MLCAREER_CACHE_DIR": str(work / name / f"big-{round_no}"),
            }
            cold.samples.setdefault(name, []).append(_run([script, *cold.args], fresh)[0])
    base = statistics.median(baseline)
    rows = []
    for case in [*todo, cold]:
        medians = {name: statistics.median(samples) for name, samples in case.samples.items()}
        ratios = {name: m / base if case.against == PASS else m for name, m in medians.items()}
        rows.append((case.name, medians, ratios, case.against, case.target))
    peak_mib = {name: statistics.median(values) / 1024 for name, values in memory.items()}
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


MEMORY_TARGET_MIB = 26


def report(result: dict[str, object], markdown: bool) -> str:
    rows = result["rows"]
    assert isinstance(rows, list)
    memory = result["memory"]
    assert isinstance(memory, dict)
    before = "before" in memory
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    lines = [
        f"machine: {machine}; {_versions()}; {result['rounds']} rounds; CPU time (user + sys); "
        f"python -c pass: {result['baseline'] * 1000:.1f} ms",
    ]
    head = ["what", "now", "ratio", *(["before", "ratio before"] if before else []), "target", "met"]
    if markdown:
        lines += ["", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]

    def show(value: float, against: str) -> str:
        return f"{value:.2f} s" if against == "s" else f"{value * 1000:.0f} ms"

    def line(cells: list[str]) -> str:
        if markdown:
            return "| " + " | ".join(cells) + " |"
        return f"{cells[0]:<72} " + " ".join(f"{c:>12}" for c in cells[1:])

    for name, medians, ratios, against, target in rows:
        ratio = ratios["now"]
        cells = [f"`{name}`" if markdown else name, show(medians["now"], against)]
        cells.append("" if against == "s" else f"{ratio:.1f}x")
        if before:
            cells += [show(medians["before"], against), "" if against == "s" else f"{ratios['before']:.1f}x"]
        if target is None:
            cells += ["(recorded)", ""]
        else:
            unit = " s" if against == "s" else "x"
            cells += [f"{target:g}{unit}", "yes" if ratio <= target else "NO"]
        lines.append(line(cells))
    now = memory["now"]
    cells = [f"peak memory of {ROLE}", f"{now:.1f} MiB", ""]
    if before:
        cells += [f"{memory['before']:.1f} MiB", ""]
    cells += [f"{MEMORY_TARGET_MIB} MiB", "yes" if now <= MEMORY_TARGET_MIB else "NO"]
    lines.append(line(cells))
    floors = result["floor"]
    assert isinstance(floors, list)
    lines += ["", "The floor: what importing the stack alone costs, as a ratio to python -c pass"]
    if markdown:
        lines += ["", "| import | median | ratio |", "|---|---|---|"]
    for name, median, ratio in floors:
        if markdown:
            lines.append(f"| `{name}` | {median * 1000:.0f} ms | {ratio:.1f}x |")
        else:
            lines.append(f"{name:<72} {median * 1000:7.0f} ms {ratio:6.1f}x")
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
    parser.add_argument(
        "--before", metavar="PYTHON", help="also time the mlcareer beside this interpreter (older code)"
    )
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    result = run(args.rounds, args.warmup, args.roles, args.big_roles, args.big_rounds, args.before)
    sys.stdout.write(report(result, args.markdown))


if __name__ == "__main__":
    main()
