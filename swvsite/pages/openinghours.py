"""Opening hours as typed by staff ("maandag t/m vrijdag", "9.00 - 12.30 uur")
read into schema.org's OpeningHoursSpecification; what cannot be read stays text."""

from __future__ import annotations

import re

from swvsite.pages import safe
from swvsite.pages.plaintext import plain

_DAYS = {
    "maandag": "Monday", "ma": "Monday",
    "dinsdag": "Tuesday", "di": "Tuesday",
    "woensdag": "Wednesday", "wo": "Wednesday",
    "donderdag": "Thursday", "do": "Thursday",
    "vrijdag": "Friday", "vr": "Friday",
    "zaterdag": "Saturday", "za": "Saturday",
    "zondag": "Sunday", "zo": "Sunday",
}
_WEEK = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_DAY_GROUPS = {
    "werkdagen": _WEEK[:5], "werkdag": _WEEK[:5], "doordeweeks": _WEEK[:5],
    "weekend": _WEEK[5:], "weekenddagen": _WEEK[5:], "elke dag": _WEEK, "dagelijks": _WEEK,
    "alle dagen": _WEEK,
}
_TIME = r"(\d{1,2})(?:[.:](\d{2}))?"
_TIME_RANGE = re.compile(rf"^(?:van\s+)?{_TIME}\s*(?:-|–|tot)\s*{_TIME}$")


def parse_days(text: str) -> list[str] | None:
    """Dutch days ("Maandag, dinsdag en donderdag", "maandag t/m vrijdag",
    "werkdagen") as schema.org day names in week order; None if not understood."""
    folded = " ".join(text.lower().replace(".", " ").split())
    if folded in _DAY_GROUPS:
        return list(_DAY_GROUPS[folded])
    folded = re.sub(r"\s*(?:\bt/m\b|\btot en met\b|\btot\b|–|-)\s*", " ~ ", folded)
    days: set[str] = set()
    for part in re.split(r"\s*(?:,|&|\ben\b)\s*", folded):
        if not part:
            continue
        ends = [p.strip() for p in part.split("~")]
        if any(e not in _DAYS for e in ends) or len(ends) > 2:
            return None
        first, last = _WEEK.index(_DAYS[ends[0]]), _WEEK.index(_DAYS[ends[-1]])
        if last < first:
            return None
        days.update(_WEEK[first:last + 1])
    return [d for d in _WEEK if d in days] or None


def parse_times(text: str) -> list[tuple[str, str]] | None:
    """Dutch time ranges ("9.00 - 12.30 uur en 19.00 - 20.30 uur") as
    ("09:00", "12:30") pairs; None if any part is not understood."""
    folded = " ".join(text.lower().replace("uur", " ").split())
    ranges = []
    for part in re.split(r"\s*(?:,|;|\ben\b)\s*", folded):
        if not part:
            continue
        match = _TIME_RANGE.match(part)
        if not match:
            return None
        h1, m1, h2, m2 = (int(x) if x else 0 for x in match.groups())
        if not (0 <= h1 <= 24 and 0 <= h2 <= 24 and m1 < 60 and m2 < 60):
            return None
        opens, closes = f"{h1:02d}:{m1:02d}", f"{h2:02d}:{m2:02d}"
        if closes <= opens:
            return None
        ranges.append((opens, closes))
    return ranges or None


def opening_hours(openingstijden: list[dict]) -> tuple[list[dict], list[str]]:
    """OpeningHoursSpecification objects for the entries that can be parsed, and
    the others as text lines ("Dagen: tijden") for a description."""
    specs: list[dict] = []
    rest: list[str] = []
    for entry in openingstijden:
        if not entry:
            continue
        days = parse_days(entry["dagen"])
        times = parse_times(entry["tijden"])
        if not days or not times:
            rest.append(f"{plain(entry['dagen'])}: {plain(entry['tijden'])}")
            continue
        for opens, closes in times:
            specs.append({
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [f"https://schema.org/{d}" for d in days],
                "opens": opens,
                "closes": closes,
            })
    return specs, rest


def hours_rows(openingstijden: list[dict]) -> list[tuple[str, str]]:
    """The opening hours as typed, one (dagen, tijden) pair of Markdown per entry:
    the one way the site shows them, on the contact page and in every contact block."""
    return [(safe.text(entry["dagen"]), safe.text(entry["tijden"]))
            for entry in openingstijden if entry]


def hours_markdown(openingstijden: list[dict]) -> str:
    """The opening hours as a list ("Maandag, dinsdag en donderdag: 9.00 - 16.30 uur")."""
    return "\n".join(f"- {dagen}: {tijden}" for dagen, tijden in hours_rows(openingstijden))


# Times ("9.00", "20:30") or Dutch day names ("woensdagavond" too) in free text.
_HOURS_IN_TEXT = re.compile(
    r"\b\d{1,2}[.:]\d{2}\b|(?:maan|dins|woens|donder|vrij|zater|zon)dag", re.I)


def states_hours(text: str | None) -> str | None:
    """What in free text (`bereikbaar`) states hours or days, or None: the
    steunpunt's hours are in `openingstijden` only, so no page contradicts them."""
    found = _HOURS_IN_TEXT.search(text or "")
    return found.group(0) if found else None


def without_hours(contact: dict | None) -> dict | None:
    """The steunpunt's contact with `bereikbaar` left out when it states hours
    (the check reports that to staff); its hours come from `openingstijden`."""
    if not contact or not states_hours(contact.get("bereikbaar")):
        return contact
    return {key: value for key, value in contact.items() if key != "bereikbaar"}
