"""Where one command's time goes, in-process: imports by package, and the main phases.

    python bench/phases.py [--rounds 5] role ml-engineer

Runs the command in a fresh interpreter per round (the cache warm), with ``-X importtime``,
and reports medians: the import time of each top-level package (self time, summed), and the
time inside the phases that are not imports (building the Click tree, importing and building
the command run, Typer's parameter processing, loading the catalog, rendering and printing).
Interpreter start-up is ``python -c pass``; the rest is what a whole-process time adds to it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

PROBE = r"""
import sys, time, json, gc, os
gc.disable()
marks = {}
def timed(owner, name, key):
    original = getattr(owner, name)
    def wrapper(*a, **k):
        t = time.perf_counter()
        try:
            return original(*a, **k)
        finally:
            marks[key] = marks.get(key, 0.0) + time.perf_counter() - t
    setattr(owner, name, wrapper)
start = time.perf_counter()
import mlcareer.cli, typer.main, typer.core, mlcareer.pack.catalog, mlcareer.terminal.console
marks["import mlcareer.cli"] = time.perf_counter() - start
timed(typer.main, "get_command", "build the Click tree")
cli_app = sys.modules["mlcareer.cli.app"]  # mlcareer.cli.app is the Typer app itself
if hasattr(cli_app, "_build"):  # commands built lazily, one per run
    timed(cli_app, "_build", "import and build the command run")
import typer._click.core
param = getattr(typer.core, "_TyperParameter", typer._click.core.Parameter)  # typer 0.29 / earlier
timed(param, "process_value", "Typer parameter processing")
timed(mlcareer.pack.catalog, "load_catalog", "load the catalog")
timed(mlcareer.terminal.console, "show", "render and print")
sys.argv = ["mlcareer", *ARGS]
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
try:
    mlcareer.cli.app(prog_name="mlcareer")
except SystemExit:
    pass
marks["main, all"] = time.perf_counter() - start
t = time.perf_counter(); gc.enable(); gc.collect()
marks["a full collection (as at exit)"] = time.perf_counter() - t
sys.stderr.write("PHASES " + json.dumps(marks) + "\n")
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("args", nargs=argparse.REMAINDER, help="the command line to time")
    opts = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MLCAREER_", "_MLCAREER_"))}
    env.update(NO_COLOR="1", COLUMNS="80", MLCAREER_CACHE_DIR=tempfile.mkdtemp(prefix="mlcareer-phases-"))
    code = PROBE.replace("ARGS", repr(opts.args))
    imports: dict[str, list[float]] = defaultdict(list)
    phases: dict[str, list[float]] = defaultdict(list)
    for round_no in range(opts.rounds + 1):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code],
            env=env,
            capture_output=True,
            text=True,
            cwd=Path.cwd(),
        )
        if round_no == 0:
            continue  # warms the cache
        per: dict[str, float] = defaultdict(float)
        for line in done.stderr.splitlines():
            if line.startswith("import time:") and "|" in line and "self [us]" not in line:
                own = int(line.split(":")[1].split("|")[0])
                per[line.split("|")[-1].strip().split(".")[0]] += own / 1000
            elif line.startswith("PHASES "):
                for key, value in json.loads(line[7:]).items():
                    phases[key].append(value * 1000)
        for key, value in per.items():
            imports[key].append(value)
    sys.stdout.write(f"`mlcareer {' '.join(opts.args)}`, medians of {opts.rounds} rounds (ms)\n\n")
    sys.stdout.write("| imports of | ms |\n|---|---|\n")
    ranked = sorted(imports.items(), key=lambda kv: -statistics.median(kv[1]))
    other = 0.0
    for name, values in ranked:
        median = statistics.median(values)
        if median >= 2:
            sys.stdout.write(f"| {name} | {median:.1f} |\n")
        else:
            other += median
    sys.stdout.write(
        f"| everything else | {other:.1f} |\n\n| phase (imports inside included) | ms |\n|---|---|\n"
    )
    for key, values in phases.items():
        sys.stdout.write(f"| {key} | {statistics.median(values):.1f} |\n")


if __name__ == "__main__":
    main()
