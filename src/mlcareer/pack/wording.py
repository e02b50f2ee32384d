"""The one wording map: how a source's phrase reads as a grade of the 0-4 scale.

Used alike by the checks on raw data and by the domain on validated data, so a quote
reads as the same grade everywhere.
"""

from __future__ import annotations

import functools
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
    return [
        (p, g)
        for (p, g), pattern in zip(wording.items(), _patterns(tuple(wording)), strict=True)
        if pattern.search(quote)
    ]


@functools.lru_cache(maxsize=8)
def _patterns(phrases: tuple[str, ...]) -> list[re.Pattern[str]]:
    """Each phrase as a whole-word, case-blind pattern, compiled once per map (a big pack has
    tens of thousands of quotes)."""
    return [re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", flags=re.IGNORECASE) for phrase in phrases]
