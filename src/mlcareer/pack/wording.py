"""The one wording map: how a source's phrase reads as a grade of the 0-4 scale.

Used alike by the checks on raw data and by the domain on validated data, so a quote
reads as the same grade everywhere.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
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
    return grader(wording)(quote)


def grader(wording: dict[str, int]) -> Callable[[str], list[tuple[str, int]]]:
    """:func:`grades_in` for one wording map, its patterns looked up once for every quote."""
    patterns = _patterns(tuple(wording))
    table = [(p, g, pattern) for (p, g), pattern in zip(wording.items(), patterns, strict=True)]

    def grades(quote: str) -> list[tuple[str, int]]:
        return [(p, g) for p, g, pattern in table if pattern.search(quote)]

    return grades


@functools.lru_cache(maxsize=8)
def _patterns(phrases: tuple[str, ...]) -> list[re.Pattern[str]]:
    """Each phrase as a whole-word, case-blind pattern, compiled once per map (a big pack has
    tens of thousands of quotes)."""
    return [re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", flags=re.IGNORECASE) for phrase in phrases]


_STOP = frozenset({"and", "of", "the", "a", "an", "in", "for", "with", "to", "or", "e", "g"})


_WORD = re.compile(r"[a-z0-9]+")


def _stems(text: str) -> list[str]:
    """The words of ``text`` cut to five letters: 'algorithms' and 'algorithm' read alike."""
    return [w[:5] for w in _WORD.findall(text.lower()) if w not in _STOP]


# Each word's first five letters, as _stems cuts them, found by the pattern itself.
_WORD_STEM = re.compile(r"([a-z0-9]{1,5})[a-z0-9]*")


def names_skill(text: str, terms: list[str]) -> bool:
    """Whether ``text`` names a skill by one of its ``terms`` (its id, name, the names in brackets
    and its keywords): every word of the term stands in the text, in any form ('deploying' for
    'deployment'). A mechanical check, meant to catch a sentence attached to the wrong skill."""
    # The text's stems, stop words kept: no term's stems hold one (a big pack has tens of
    # thousands of sentences, so this is worked out without a Python step per word).
    words = set(_WORD_STEM.findall(text.lower()))
    return any(words.issuperset(stems) for stems in _term_stems(tuple(terms)))


@functools.lru_cache(maxsize=1024)
def _term_stems(terms: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Each term's stems, worked out once per skill (a big pack has tens of thousands of quotes)."""
    return tuple(stems for stems in (tuple(_stems(t)) for t in terms) if stems)


def skill_terms(skill: Any) -> list[str]:
    """A skill's terms for :func:`names_skill`, from raw or validated data."""

    def get(key: str) -> Any:
        return skill.get(key) if isinstance(skill, dict) else getattr(skill, key, None)

    terms: list[str] = []
    ident, name, keywords = get("id"), get("name"), get("keywords")
    if isinstance(ident, str):
        terms.append(ident.replace("-", " "))
    if isinstance(name, str):
        head, _, rest = name.partition("(")
        terms += [head, *[x for x in re.split(r"[,)]", rest) if x.strip()]]
        terms += [x for x in re.split(r",| and ", head) if x.strip()]
    if isinstance(keywords, list):
        terms += [k for k in keywords if isinstance(k, str)]
    return terms
