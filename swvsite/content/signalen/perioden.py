"""Periods of the signalen: a quarter (2026-q1) or a month (2026-03).

Their names on the pages are `pages.signalen.tabellen`'s."""

from __future__ import annotations


def maanden(periode: str) -> tuple[int, ...]:
    """The months (1-12) a period covers."""
    deel = periode.split("-", 1)[1]
    if deel.startswith("q"):
        start = (int(deel[1]) - 1) * 3 + 1
        return (start, start + 1, start + 2)
    return (int(deel),)


def jaar(periode: str) -> int:
    return int(periode.split("-", 1)[0])


def sorteersleutel(periode: str) -> tuple[int, int, int]:
    """Oldest first; a quarter before the months in it."""
    months = maanden(periode)
    return (jaar(periode), months[0], len(months) == 1)


def overlappen(a: str, b: str) -> bool:
    return a != b and jaar(a) == jaar(b) and bool(set(maanden(a)) & set(maanden(b)))
