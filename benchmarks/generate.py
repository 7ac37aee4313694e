"""Generate realistic synthetic content in swvsite's own YAML format.

The demo content in content/ describes one *region*: a PO and a VO
samenwerkingsverband with their steunpunt, 12 voorzieningen, 8 procedures,
9 themes of veelgestelde vragen and the begrippenlijst. A scale is a number of
such regions plus a number of school profiles:

    1x        1 region,   60 schools    (one real SWV pair: 89 record pages)
    10x       10 regions, 600 schools   (890 record pages)
    national  76 regions, 7,000 schools (every school in the country: 9,204 record pages)

Region 1 keeps the demo texts and ids as they are (docs/index.md links to
procedures/thuiszitten.md), and the demo's translations of them
(content/vertalingen/, which docs/en/ and docs/ar/ link to). Every other region
gets a copy of the demo's voorzieningen, procedures and themes with its own ids
(suffix `-<region>`), its own gemeenten, phone numbers, web addresses and
dates, and a few vragen left out. School profiles are built from the demo
schools of the same sector (PO or VO): a template school gives the type,
niveaus and denominatie, and its lists (basisondersteuning, extra
ondersteuning, expertise, ...) are resampled from all demo schools of that
sector, with names and places swapped. The begrippenlijst grows with the square
root of the number of regions (regional variants of existing terms, without
their abbreviation and search words: a glossary lists an abbreviation once): a
glossary does not grow with the school count.

Everything comes from one seeded random generator, so a scale always produces
the same bytes. Usage:

    python benchmarks/generate.py OUT_DIR --scale 10x [--force]
    python benchmarks/generate.py OUT_DIR --regions 3 --schools 200
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import math
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "content"
SEED = 20261012

SCALES = {
    "1x": (1, 60),
    "10x": (10, 600),
    "national": (76, 7000),
}

# The demo region's gemeenten, in the order other regions replace them.
DEMO_GEMEENTEN = ("Tilburg", "Goirle", "Oisterwijk", "Hilvarenbeek", "Alphen-Chaam")
# Place names in the demo texts that are part of a demo gemeente.
DEMO_PLACES = {"Berkel-Enschot": 0, "Alphen": 4, "Chaam": 4}
DEMO_REGION = "Hart van Brabant"
DEMO_DOMAIN = "hartvanbrabant"

# Three-digit Dutch area codes, so numbers stay 10 digits like the demo's 013.
AREA_CODES = ("010", "013", "015", "020", "023", "024", "026", "030", "033", "035", "036",
              "038", "040", "043", "045", "046", "050", "053", "055", "058", "070", "071",
              "072", "073", "074", "075", "076", "077", "078", "079")

# Synthetic gemeente names: prefix + suffix (deterministic, never a demo name).
GEMEENTE_PREFIXES = ("Ooster", "Wester", "Noorder", "Zuider", "Hoog", "Laag", "Groot", "Klein",
                     "Oud", "Nieuw", "Berg", "Bree", "Dijk", "Hout", "Veen", "Zand", "Eik",
                     "Linde", "Beek", "Haven", "Mol", "Wolde", "Rijs", "Ter", "Vlier")
GEMEENTE_SUFFIXES = ("wijk", "dorp", "veen", "horst", "hoven", "rode", "dam", "beek", "zijl",
                     "broek", "loo", "burg", "kerk", "heide", "meer", "gein")

SHORT_NAMES_PO = (
    "De Klimop", "Het Palet", "De Regenboog", "De Vlieger", "De Zaaier", "Sint-Jan",
    "De Linden", "De Bolster", "De Kameleon", "De Eik", "Het Kompas", "De Wilgen", "De Horizon",
    "De Springplank", "Het Anker", "De Zonnewijzer", "De Boomgaard", "De Wingerd",
    "De Vuurvogel", "Het Startpunt", "De Schakel", "De Tweemaster", "Het Mozaïek",
    "De Piramide", "De Duizendpoot", "De Sterrenwacht", "Het Talent", "De Driesprong",
    "Sint-Maarten", "Sint-Lambertus", "De Wieken", "De Akker", "De Molenwiek", "De Vonk",
    "Het Baken", "De Toermalijn", "De Meander", "De Fontein", "Het Kristal", "De Notenboom",
    "De Ontdekking", "Op Weg", "De Kleine Prins", "Het Hofke", "De Lindeboom", "Ter Borch",
    "De Vlinderhof", "Het Veldje", "De Parel", "De Bron",
)
SHORT_NAMES_VO = (
    "Regte Heide", "De Linde", "De Vennen", "Het Beekdal", "De Smidse", "De Eikenhorst",
    "Noord", "De Heemgaard", "Het Baarnsch", "De Breul", "Het Rhedens", "De Nieuwe Veste",
    "Het Stedelijk", "De Rietlanden", "Het Hooghuis", "De Waalborg", "Het Kwadrant",
    "De Lage Waard", "Het Vlietland", "De Grundel",
)
FIRST_NAMES = ("Anouk", "Karim", "Petra", "Joris", "Marieke", "Sanne", "Bram", "Fatima",
               "Daan", "Lotte", "Youssef", "Esther", "Ruud", "Ilse", "Mehmet", "Femke",
               "Niels", "Ayşe", "Wouter", "Linda", "Thijs", "Naima", "Koen", "Miriam")
LAST_NAMES = ("Verhoeven", "El Idrissi", "Maas", "Bakker", "van Dongen", "de Bruijn", "Jansen",
              "Yilmaz", "van den Berg", "Smits", "Hendriks", "Bouzid", "de Wit", "van Gils",
              "Peters", "Kuipers", "Mulder", "Aydın", "van Beek", "Claassen", "Schouten")
STREETS = ("Akeleistraat", "Kerkstraat", "Schoolstraat", "Molenweg", "Lindelaan", "Dorpsstraat",
           "Beukenlaan", "Stationsstraat", "Wilhelminapark", "Burgemeester de Grauwstraat",
           "Eikenlaan", "Julianastraat", "Vennenweg", "Heuvelstraat", "Ringbaan-Oost")


# --------------------------------------------------------------------------
# YAML in and out
# --------------------------------------------------------------------------


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes YAML as staff do: block literals for multi-line text, no anchors."""

    def ignore_aliases(self, data):
        return True


def _str(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False, indent=2)


def read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class Swap:
    """Replace several words at once (one pass, longest first) in every string."""

    def __init__(self, mapping: dict[str, str]):
        self.mapping = {k: v for k, v in mapping.items() if k and k != v}
        keys = sorted(self.mapping, key=len, reverse=True)
        self.regex = re.compile("|".join(map(re.escape, keys))) if keys else None

    def __call__(self, value: Any) -> Any:
        if isinstance(value, str):
            if self.regex is None:
                return value
            return self.regex.sub(lambda m: self.mapping[m.group(0)], value)
        if isinstance(value, dict):
            return {k: self(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self(v) for v in value]
        return copy.copy(value)


# --------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------


@dataclass
class Region:
    index: int
    name: str
    key: str            # slug used as id suffix ('' for the demo region)
    domain: str         # replaces 'hartvanbrabant' in web and mail addresses
    gemeenten: list[str]
    area_code: str
    swap: Swap          # demo region names -> this region's names

    def rid(self, record_id: str) -> str:
        return f"{record_id}-{self.key}" if self.key else record_id


def make_regions(rng: random.Random, count: int) -> list[Region]:
    names = [p + s for p in GEMEENTE_PREFIXES for s in GEMEENTE_SUFFIXES]
    rng.shuffle(names)
    regions = [Region(0, DEMO_REGION, "", DEMO_DOMAIN, list(DEMO_GEMEENTEN), "013", Swap({}))]
    for index in range(1, count):
        size = rng.choice((3, 4, 4, 5, 5, 6))
        gemeenten = [names.pop() for _ in range(size)]
        name = f"Regio {gemeenten[0]}"
        mapping = {DEMO_REGION: name, DEMO_DOMAIN: slug(name).replace("-", "")}
        for i, old in enumerate(DEMO_GEMEENTEN):
            new = gemeenten[i % size]
            mapping[old] = new
            mapping[slug(old)] = slug(new)
        for old, i in DEMO_PLACES.items():
            mapping[old] = gemeenten[i % size]
            mapping[slug(old)] = slug(gemeenten[i % size])
        code = rng.choice(AREA_CODES)
        mapping["013 - "] = f"{code} - "
        regions.append(Region(index, name, slug(gemeenten[0]), mapping[DEMO_DOMAIN], gemeenten,
                              code, Swap(mapping)))
    return regions


def random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def phone(rng: random.Random, code: str) -> str:
    return f"{code} - 000 {rng.randrange(10, 100)} {rng.randrange(10, 100)}"


# --------------------------------------------------------------------------
# Region records: organisatie, voorzieningen, procedures, themes, begrippen
# --------------------------------------------------------------------------


def organisatie(demo: dict, regions: list[Region]) -> dict:
    data = copy.deepcopy(demo)
    po, vo = (next(s for s in demo["swvs"] if s["id"] == key) for key in ("po", "vo"))
    swvs = []
    for region in regions:
        for swv in (po, vo):
            entry = region.swap(swv)
            entry["id"] = region.rid(swv["id"])
            entry["gemeenten"] = list(region.gemeenten)
            swvs.append(entry)
    data["swvs"] = swvs
    return data


def region_record(rng: random.Random, region: Region, data: dict, title_field: str) -> dict:
    """A demo record for another region: swapped names, ids of that region."""
    result = region.swap(data)
    if region.index == 0:
        return result
    if result[title_field] == data[title_field]:
        result[title_field] = f"{data[title_field]} ({region.name})"
    _remap_refs(result, region)
    if result.get("oude_ids"):  # former ids (redirects) must stay unique too
        result["oude_ids"] = [region.rid(x) for x in result["oude_ids"]]
    result["gecontroleerd_op"] = random_date(rng, dt.date(2026, 1, 5), dt.date(2026, 10, 30))
    return result


def _remap_refs(value: Any, region: Region) -> None:
    """Give every reference field (procedures, voorzieningen, procedure) the region's ids."""
    if isinstance(value, list):
        for item in value:
            _remap_refs(item, region)
    if not isinstance(value, dict):
        return
    for key, item in value.items():
        if key in ("procedures", "voorzieningen") and isinstance(item, list):
            value[key] = [region.rid(x) for x in item]
        elif key == "procedure" and isinstance(item, str):
            value[key] = region.rid(item)
        else:
            _remap_refs(item, region)


def thema(rng: random.Random, region: Region, data: dict) -> dict:
    result = region_record(rng, region, data, "titel")
    if region.index:
        vragen = [v for v in result["vragen"] if rng.random() > 0.1] or result["vragen"][:1]
        result["vragen"] = [{**v, "id": region.rid(v["id"]),
                             **({"oude_ids": [region.rid(o) for o in v["oude_ids"]]}
                                if v.get("oude_ids") else {})} for v in vragen]
    return result


def begrippen(rng: random.Random, demo: dict, regions: list[Region]) -> dict:
    entries = list(demo["begrippen"])
    wanted = round(len(entries) * math.sqrt(len(regions)))
    pairs = [(b, r) for r in regions[1:] for b in demo["begrippen"]]
    rng.shuffle(pairs)
    for b, region in pairs[: wanted - len(entries)]:
        extra = region.swap(b)
        extra["term"] = f"{b['term']} in {region.name}"
        extra.pop("id", None)
        # The abbreviation and search words belong to the national term; a glossary
        # lists an abbreviation once.
        extra.pop("afkorting", None)
        extra.pop("zoekwoorden", None)
        extra["uitleg"] = (f"{extra['uitleg']} Zo werkt het in {region.name}; vraag het "
                           "steunpunt als u twijfelt.")
        entries.append(extra)
    return {**demo, "begrippen": entries}


# --------------------------------------------------------------------------
# Schools
# --------------------------------------------------------------------------

SCHOOL_PREFIXES = ("Protestants-christelijke Basisschool", "Islamitische Basisschool",
                   "Openbare Basisschool", "Stedelijk Gymnasium", "Stedelijk College",
                   "Scholengemeenschap", "Daltonschool", "Kindcentrum", "Basisschool",
                   "Vakcollege", "College", "Lyceum", "Mavo")
POOL_FIELDS = ("basisondersteuning", "extra_ondersteuning", "expertise",
               "fysieke_voorzieningen", "partners", "grenzen")


@dataclass
class Template:
    data: dict
    sector: str
    prefix: str
    short: str
    gemeente: str
    domain: str

    def origin_swap(self, short: str, gemeente: str, domain: str) -> Swap:
        mapping = {self.short: short, self.gemeente: gemeente, self.domain: domain}
        plaats = self.data["adres"]["plaats"]
        if plaats != self.gemeente:
            mapping[plaats] = gemeente
        return Swap(mapping)


def school_templates(demo_dir: Path, swv_sector: dict[str, str]) -> list[Template]:
    templates = []
    for path in sorted((demo_dir / "scholen").glob("*.yml")):
        data = read_yaml(path)
        prefix = next(p for p in SCHOOL_PREFIXES if data["naam"].startswith(p + " "))
        # website is optional: a school without one has no domain to swap in its texts.
        website = data.get("website") or f"https://www.{slug(data['naam'])}.example"
        domain = re.sub(r"^https?://(www\.)?", "", website).split("/")[0]
        templates.append(Template(data, swv_sector[data["swv"]], prefix,
                                  data["naam"][len(prefix) + 1:], data["gemeente"], domain))
    return templates


def school(rng: random.Random, number: int, region: Region, templates: list[Template],
           used_ids: set[str]) -> tuple[str, dict]:
    sector = "po" if rng.random() < 0.8 else "vo"
    same = [t for t in templates if t.sector == sector]
    template = rng.choice(same)
    short = rng.choice(SHORT_NAMES_PO if sector == "po" else SHORT_NAMES_VO)
    gemeente = rng.choices(region.gemeenten, weights=[3] + [1] * (len(region.gemeenten) - 1))[0]
    domain = f"{slug(short).replace('-', '')}{slug(gemeente).replace('-', '')}.example"
    base_id = slug(f"{template.prefix if sector == 'vo' else 'bs'} {short} {gemeente}")
    school_id, n = base_id, 1
    while school_id in used_ids:
        n += 1
        school_id = f"{base_id}-{n}"
    used_ids.add(school_id)

    def localise(item: Any, origin: Template) -> Any:
        return region.swap(origin.origin_swap(short, gemeente, domain)(item))

    data = localise(template.data, template)
    data.pop("oude_ids", None)  # a generated school never had another id
    data["naam"] = f"{template.prefix} {short}"
    data["brin"] = f"{number // 676 % 100:02d}{chr(65 + number // 26 % 26)}{chr(65 + number % 26)}"
    data["vestiging"] = f"{rng.choice((0, 0, 0, 1, 2)):02d}"
    data["swv"] = region.rid(sector)
    data["adres"] = {
        "straat": f"{rng.choice(STREETS)} {rng.randrange(1, 240)}",
        "postcode": f"{rng.randrange(1000, 10000)} {chr(65 + rng.randrange(26))}"
                    f"{chr(65 + rng.randrange(26))}",
        "plaats": gemeente,
    }
    data["gemeente"] = gemeente
    data["telefoon"] = phone(rng, region.area_code)
    data["email"] = f"info@{domain}"
    data["website"] = f"https://www.{domain}"
    # Lists resampled from every demo school of the same sector.
    for name in POOL_FIELDS:
        pool = [(t, item) for t in same for item in
                (t.data.get(name) if isinstance(t.data.get(name), list) else [t.data.get(name)])
                if item]
        if name == "grenzen":
            origin, item = rng.choice(pool)
            data[name] = localise(item, origin)
            continue
        own = len(template.data.get(name) or [])
        k = max(1 if name in ("basisondersteuning", "extra_ondersteuning") else 0,
                min(len(pool), own + rng.choice((-1, 0, 0, 1))))
        data[name] = [localise(item, origin) for origin, item in rng.sample(pool, k)]
        if not data[name] and name not in ("basisondersteuning",):
            data.pop(name)
    contact = data["contactpersoon"]
    contact["naam"] = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    if contact.get("telefoon"):
        contact["telefoon"] = phone(rng, region.area_code)
    if contact.get("email"):
        contact["email"] = f"{contact['email'].split('@')[0]}@{domain}"
    vastgesteld = random_date(rng, dt.date(2023, 3, 1), dt.date(2025, 12, 31))
    data["vastgesteld_op"] = vastgesteld
    if rng.random() < 0.95:
        data["geldig_tot"] = dt.date(vastgesteld.year + 4, 7, 31)
    else:
        data.pop("geldig_tot", None)
    data["gecontroleerd_op"] = random_date(rng, dt.date(2026, 1, 5), dt.date(2026, 10, 30))
    return school_id, data


# --------------------------------------------------------------------------
# The whole content folder
# --------------------------------------------------------------------------


def generate(out: Path, regions_count: int, schools_count: int, seed: int = SEED,
             demo_dir: Path = DEMO) -> dict[str, int]:
    """Write a content folder; returns the number of records of each kind."""
    rng = random.Random(f"{seed}-{regions_count}-{schools_count}")
    regions = make_regions(rng, regions_count)
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, Any] = {}

    demo_org = read_yaml(demo_dir / "organisatie.yml")
    files["organisatie.yml"] = organisatie(demo_org, regions)
    files["begrippen.yml"] = begrippen(rng, read_yaml(demo_dir / "begrippen.yml"), regions)
    for folder, title, kind in (("voorzieningen", "naam", "record"),
                                ("procedures", "titel", "record"),
                                ("vragen", "titel", "thema")):
        demo_records = [(p.stem, read_yaml(p)) for p in sorted((demo_dir / folder).glob("*.yml"))]
        for region in regions:
            for record_id, data in demo_records:
                if kind == "thema":
                    record = thema(rng, region, data)
                else:
                    record = region_record(rng, region, data, title)
                files[f"{folder}/{region.rid(record_id)}.yml"] = record

    swv_sector = {s["id"]: s["sector"] for s in demo_org["swvs"]}
    templates = school_templates(demo_dir, swv_sector)
    used: set[str] = set()
    for number in range(schools_count):
        region = regions[number % len(regions)]
        school_id, data = school(rng, number, region, templates, used)
        files[f"scholen/{school_id}.yml"] = data

    for name, data in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump_yaml(data), encoding="utf-8")
    # The demo's translations belong to region 1's records (the demo ids), and
    # the translated hand-written pages in docs/ link to them.
    if (demo_dir / "vertalingen").is_dir():
        shutil.copytree(demo_dir / "vertalingen", out / "vertalingen", dirs_exist_ok=True)
    counts = {kind: sum(1 for n in files if n.startswith(folder + "/")) for kind, folder in
              (("voorzieningen", "voorzieningen"), ("scholen", "scholen"),
               ("procedures", "procedures"), ("themas", "vragen"))}
    counts["vragen"] = sum(len(d["vragen"]) for n, d in files.items() if n.startswith("vragen/"))
    counts["begrippen"] = len(files["begrippen.yml"]["begrippen"])
    counts["gemeenten"] = sum(len(r.gemeenten) for r in regions)
    counts["swvs"] = 2 * len(regions)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="content folder to write")
    parser.add_argument("--scale", choices=sorted(SCALES), default="1x")
    parser.add_argument("--regions", type=int, help="override the number of regions")
    parser.add_argument("--schools", type=int, help="override the number of schools")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--force", action="store_true", help="replace OUT if it is not empty")
    args = parser.parse_args(argv)
    regions, schools = SCALES[args.scale]
    regions = args.regions or regions
    schools = args.schools if args.schools is not None else schools
    if args.out.exists() and any(args.out.iterdir()):
        if not args.force:
            print(f"{args.out} is not empty; use --force to replace it", file=sys.stderr)
            return 2
        shutil.rmtree(args.out)
    counts = generate(args.out, regions, schools, args.seed)
    print(", ".join(f"{n} {k}" for k, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
