"""The signalen settings in mkdocs.yml: the closed list of categories and the threshold.

    plugins:
      - swvsite:
          signalen:
            categorieen:
              thuiszitten: Thuiszitten
              tlv: TLV
            drempel: 5

Without a `signalen` block the defaults below apply. Problems name mkdocs.yml,
the line and the setting, in Dutch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from swvsite.content import model as m
from swvsite.content.problems import Problem

DEFAULT_CATEGORIEEN = {
    "zorgplicht": "Zorgplicht",
    "thuiszitten": "Thuiszitten",
    "tlv": "TLV",
    "bezwaar": "Bezwaar",
    "vervoer": "Leerlingenvervoer",
    "communicatie-school": "Communicatie met school",
    "wachtlijst-jeugdhulp": "Wachtlijst jeugdhulp",
}
DEFAULT_DREMPEL = 5
# Below this, a published number could point at one or two families.
MIN_DREMPEL = 3
SETTING = "signalen"


@dataclass(frozen=True)
class Instellingen:
    categorieen: dict[str, str]
    drempel: int = DEFAULT_DREMPEL


DEFAULT = Instellingen(dict(DEFAULT_CATEGORIEEN), DEFAULT_DREMPEL)


def lees(config_file: str | Path | None) -> tuple[Instellingen, list[Problem]]:
    """The settings from mkdocs.yml (the defaults without one), and its problems."""
    if config_file is None or not Path(config_file).is_file():
        return DEFAULT, []
    from swvsite.config import plugin_config

    return uit(plugin_config(config_file).get(SETTING), str(config_file),
               _text(Path(config_file)))


def uit(value, where: str = "mkdocs.yml", text: str = "") -> tuple[Instellingen, list[Problem]]:
    """Settings from the `signalen` block (None: the defaults)."""
    if value is None:
        return DEFAULT, []
    problems: list[Problem] = []

    def problem(field: str, key: str, message: str) -> None:
        problems.append(Problem(where, _line(text, key), field, message))

    if not isinstance(value, dict):
        problem(SETTING, SETTING, "hier horen de instellingen 'categorieen' en 'drempel'")
        return DEFAULT, problems
    for key in value:
        if key not in ("categorieen", "drempel"):
            problem(f"{SETTING}.{key}", str(key),
                    "is geen bekende instelling; kies uit: categorieen, drempel")
    categorieen = dict(DEFAULT_CATEGORIEEN)
    given = value.get("categorieen")
    if given is not None:
        if not isinstance(given, dict) or not given:
            problem(f"{SETTING}.categorieen", "categorieen", "hier hoort een lijst van "
                    "categorieën: op elke regel een id, een dubbele punt en de naam, zoals "
                    "'thuiszitten: Thuiszitten'")
        else:
            categorieen = {}
            for key, label in given.items():
                field = f"{SETTING}.categorieen.{key}"
                if not isinstance(key, str) or not re.match(m.SLUG_REGEX, key):
                    problem(field, str(key), "de id van een categorie is kleine letters, "
                            "cijfers en streepjes, zoals communicatie-school")
                elif not isinstance(label, str) or not label.strip():
                    problem(field, key, "schrijf achter de dubbele punt de naam van de "
                            "categorie, zoals die op de site komt")
                else:
                    categorieen[key] = " ".join(label.split())
    drempel = value.get("drempel", DEFAULT_DREMPEL)
    if isinstance(drempel, bool) or not isinstance(drempel, int) or drempel < MIN_DREMPEL:
        problem(f"{SETTING}.drempel", "drempel", f"de drempel is een geheel getal van minstens "
                f"{MIN_DREMPEL}: aantallen kleiner dan de drempel komen niet op de site")
        drempel = DEFAULT_DREMPEL
    return Instellingen(categorieen or dict(DEFAULT_CATEGORIEEN), drempel), problems


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _line(text: str, key: str) -> int | None:
    """The line of `key:` inside the `signalen:` block of mkdocs.yml, if found."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if re.match(r"^\s*signalen\s*:", line)), None)
    if start is None:
        return None
    if key == SETTING:
        return start + 1
    pattern = re.compile(rf"^\s*['\"]?{re.escape(key)}['\"]?\s*:")
    return next((i + 1 for i in range(start, len(lines)) if pattern.match(lines[i])), start + 1)
