"""The one wording map: how a source's phrase reads as a grade of the 0-4 scale.

Used alike by the checks on raw data and by the domain on validated data, so a quote
reads as the same grade everywhere.
"""

from __future__ import annotations

import re
from typing import Any


def phrases(wording: Any) -> dict[str, int]:
    """The wording map of raw or validated data: phrase -> grade."""
    out: dict[str, int] = {}
    for entry in wording if isinstance(wording, list) else []:
        phrase = entry.get("phrase") if isinstance(entry, dict) else getattr(entry, "phrase", None)
        grade = entry.get("grade") if isinstance(entry, dict) else getattr(entry, "grade", None)
        if isinstance(phrase, str) and isinstance(grade, int) and not isinstance(grade, bool):
            out[phrase] = grade
    return out


def grades_in(quote: str, wording: dict[str, int]) -> list[tuple[str, int]]:
    """The map's phrases that stand in ``quote`` as whole words, ignoring case, with their grades.

    A phrase inside a longer one that also matches ("familiar with" in "should be familiar
    with") is the same reading; a phrase is not found inside a longer word ("strong" in
    "stronger").
    """
    found: list[tuple[str, int]] = []
    for phrase, grade in wording.items():
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", quote, flags=re.IGNORECASE):
            found.append((phrase, grade))
    return found
