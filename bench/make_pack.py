"""Generate a synthetic but valid data pack: N roles (about 2 KB of YAML each), for benchmarks.

    python bench/make_pack.py DIR [--roles 1000]

The content is filler, clearly marked synthetic; it exists to measure speed, not to inform.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

LEVELS = ("entry", "mid", "senior", "executive")
SKILLS = 40
CATEGORIES = ("technical", "analytical", "interpersonal")
FILLER = (
    "Synthetic benchmark text: this sentence stands in for a responsibility a real data pack "
    "would describe in a counsellor's own words, long enough to look like real content."
)


# One phrase per grade of the wording map, and one the map does not grade.
PHRASES = ("Familiarity with", "Proficiency in", "Expertise in", "Work on")


def _q(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid YAML double-quoted scalar


def make_pack(target: Path, roles: int = 1000) -> Path:
    """Write the pack into ``target`` (created if needed) and return it."""
    target.mkdir(parents=True, exist_ok=True)
    (target / "sources.yaml").write_text(
        "sources:\n  - id: synthetic\n    title: Synthetic benchmark data\n"
        "    note: Generated; not real content.\n"
    )
    scale = "".join(
        f"  - {{value: {v}, name: step {v}, description: {_q('Synthetic step ' + str(v))}}}\n"
        for v in range(5)
    )
    skills = "".join(
        f"  - id: skill-{i}\n    name: Skill {i}\n    category: {CATEGORIES[i % 3]}\n"
        f"    description: {_q(FILLER)}\n    sources: [synthetic]\n"
        for i in range(SKILLS)
    )
    (target / "skills.yaml").write_text("scale:\n" + scale + "skills:\n" + skills)
    (target / "expectations.yaml").write_text(
        "wording:\n  - {phrase: familiarity with, grade: 2}\n  - {phrase: proficiency in, grade: 3}\n"
        "  - {phrase: expertise in, grade: 4}\n"
        "default_grade: {grade: 2, reason: Synthetic default.}\n"
    )
    per_level = max(roles // len(LEVELS), 1)
    out = ["roles:\n"]
    for i in range(roles):
        level = min(i // per_level, len(LEVELS) - 1)
        out.append(
            f"  - id: role-{i}\n    title: Synthetic role {i}\n    aliases: [SR{i}]\n"
            f"    level: {LEVELS[level]}\n    kind: ladder\n    summary: {_q(FILLER)}\n"
            "    responsibilities:\n      - group: Synthetic work\n        items:\n"
            + "".join(f"          - text: {_q(FILLER)}\n            sources: [synthetic]\n" for _ in range(4))
            + "    skills:\n"
            + "".join(
                f"      - skill: skill-{(i + k) % SKILLS}\n"
                # the quote names its skill ("skill 15"), as validate asks of every statement
                f"        quote: {_q(f'{PHRASES[(i + k) % len(PHRASES)]} skill {(i + k) % SKILLS}')}\n"
                "        source: synthetic\n"
                for k in range(6)
            )
            + "    tools: [Tool A, Tool B, Tool C]\n"
            "    sources: [synthetic]\n"
        )
    (target / "roles.yaml").write_text("".join(out))
    return target


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("directory", type=Path)
    parser.add_argument("--roles", type=int, default=1000)
    args = parser.parse_args()
    pack = make_pack(args.directory, args.roles)
    size = sum(p.stat().st_size for p in pack.glob("*.yaml"))
    print(f"wrote {args.roles} roles, {size / 1e6:.1f} MB of YAML, to {pack}")


if __name__ == "__main__":
    main()
