"""Characters content may not hold (control characters, separators, BOM, lone
surrogates, noncharacters), and content values quoted safely for a message."""

from __future__ import annotations

import re


def is_control(char: str) -> bool:
    """Control characters, separators, BOM, lone surrogates and noncharacters."""
    code = ord(char)
    return ((code < 32 and char not in "\n\t") or 0x7F <= code < 0xA0
            or char in "\u2028\u2029\ufeff" or 0xD800 <= code < 0xE000
            or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE)


def first_control(value: str) -> str | None:
    """The first character of `value` that `is_control` refuses, or None.

    Checked for every value of every file, so done in the fastest way that
    gives the same answer: a printable text has none of them (every refused
    character is unprintable; a test checks that), and neither has one that
    is printable but for line breaks and tabs (most longer texts). Otherwise
    one pattern finds the refused characters of the Basic Multilingual Plane
    and any character beyond it, of which only the noncharacters (U+1FFFE,
    ...) are refused. A pattern naming those 32 characters one by one is ten
    times slower."""
    if value.isprintable() or value.replace("\n", "").replace("\t", "").isprintable():
        return None
    for found in _CONTROL_OR_ASTRAL.finditer(value):
        if is_control(found.group()):
            return found.group()
    return None


_CONTROL_OR_ASTRAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff"
                                "\ufdd0-\ufdef\ufffe\uffff\U00010000-\U0010ffff]")


def quote(value: str, limit: int = 60) -> str:
    """A value from the content, quoted for a message: one line, printable, not too long."""
    folded = " ".join(str(value).split())
    shown = "".join(c if c.isprintable() and not is_control(c) else f"\\u{ord(c):04x}"
                    for c in folded[:limit])
    return f"'{shown}…'" if len(folded) > limit else f"'{shown}'"
