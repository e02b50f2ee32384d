"""Pure domain: one plan handout per person of a class, each with a file name of its own.

`mlcareer plan --answers DIR --output OUTDIR` writes them, with an index that links them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mlcareer.domain.plan import Plan, make_plan
from mlcareer.domain.team import Person
from mlcareer.named import NamedTuple

if TYPE_CHECKING:
    from mlcareer.models import Catalog, Role

#: The index page's own name: no handout takes it.
INDEX = "index"
#: Names some systems refuse as file names, whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"{dev}{i}" for dev in ("com", "lpt") for i in range(1, 10))}
_LONGEST = 60


class Handout(NamedTuple):
    """One person's plan, and the file name (without extension) it is written under."""

    person: Person
    stem: str
    plan: Plan


def safe_stem(name: str) -> str:
    """A file name for ``name`` that every system accepts: ASCII letters, digits and hyphens.

    'José Núñez' -> 'jose-nunez'; a name with nothing left ('李') -> 'student'.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_name.casefold()).strip("-")[:_LONGEST].strip("-")
    stem = stem or "student"
    return f"{stem}-student" if stem in _RESERVED else stem


def unique_stems(names: Sequence[str]) -> list[str]:
    """A file name per name, in order: the second 'ben' is 'ben-2', and so on; never the index's."""
    taken = {INDEX}
    out = []
    for name in names:
        stem = base = safe_stem(name)
        n = 2
        while stem in taken:
            stem, n = f"{base}-{n}", n + 1
        taken.add(stem)
        out.append(stem)
    return out


def handouts(catalog: Catalog, role: Role, people: Sequence[Person], quick: bool = False) -> list[Handout]:
    """Each person's plan for ``role``, in the order given, each under a file name of its own."""
    stems = unique_stems([p.name for p in people])
    return [
        Handout(person, stem, make_plan(catalog, role, person.answers, quick=quick))
        for person, stem in zip(people, stems, strict=True)
    ]
