"""Making untrusted text harmless: one rule, used by the data model and every renderer."""

from __future__ import annotations

import unicodedata

_INVISIBLE = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def clean(text: str) -> str:
    """Control and format characters (ESC, BEL, NUL, bidi overrides...) shown as visible escapes.

    Newlines are kept and tabs become spaces; everything else printable is left alone.
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif unicodedata.category(ch) in _INVISIBLE:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def clean_line(text: str) -> str:
    """:func:`clean` for one line of a message: a newline is shown as ``\\n`` too."""
    return clean(text).replace("\n", "\\n") if not text.isprintable() else text
