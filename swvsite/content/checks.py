"""Checks across the whole site: what no single file can show.

Every such check is in SITE_CHECKS, and `load_site` runs that list on every
load, so `swvsite check`, `swvsite build` and the preview all run every check
(a test fails when a module defines a check that is not in the list). Each
check gets a `CheckInput` and returns Problems with file, line and field;
a Problem with `notice=True` is reported but does not stop a build.

While some files have problems, the checks run on the files that could be
read, so that every problem of a run is listed at once; a check that cannot
judge content missing a file is left out of that run.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from swvsite.content import frontmatter, huisstijl
from swvsite.content import model as m
from swvsite.content.problems import Problem
from swvsite.content.signalen.controle import signal_counts
from swvsite.content.validate import OWN_URL, PendingRef
from swvsite.pages import openinghours, redirects

RESERVED_IDS = m.RESERVED_IDS
GENERATED_PAGES = m.GENERATED_PAGES
SitePages = m.SitePages


@dataclass
class CheckInput:
    site: m.Site
    refs: list[PendingRef]
    # Ids that exist in files with problems of their own (not dangling).
    failed_ids: dict[str, set[str]] = field(default_factory=dict)
    pages: SitePages = field(default_factory=SitePages)
    complete: bool = True  # every file could be read
    # Kinds of reference whose ids are in a file that could not be read at all
    # (organisatie.yml missing: its SWVs are unknown): not judged in this run.
    unknown_kinds: frozenset[str] = frozenset()


Check = Callable[[CheckInput], list[Problem]]


def run(given: CheckInput) -> list[Problem]:
    """Every check of SITE_CHECKS on the site (old ids resolved first)."""
    given.site.aliases = old_ids(given.site)
    found: list[Problem] = []
    for check in SITE_CHECKS:
        try:
            found += check(given)
        except (KeyError, TypeError, AttributeError, IndexError, ValueError):
            if given.complete:
                raise
            # Content with problems elsewhere may be too incomplete for this check;
            # it runs again once those problems are mended.
    return found


def on_site(check: Callable[[m.Site], list[Problem]]) -> Check:
    """A check that needs only the site, as an entry of SITE_CHECKS."""
    @functools.wraps(check)
    def run_on_site(given: CheckInput) -> list[Problem]:
        return check(given.site)
    return run_on_site


# --------------------------------------------------------------------------
# Old ids
# --------------------------------------------------------------------------


def old_ids(site: m.Site) -> dict[str, dict[str, str]]:
    """Per kind of reference: every old id (oude_ids) and the id it now belongs to.
    An old id that is also a current id stays that record's (redirects.problems
    reports the clash)."""
    aliases: dict[str, dict[str, str]] = {}
    for kind in m.RENAMEABLE:
        records = site.records(kind)
        own = aliases.setdefault(kind, {})
        for record in records.values():
            for old in record.data.get("oude_ids") or []:
                if old not in records:
                    own.setdefault(old, record.id)
    vragen = aliases.setdefault("vraag", {})
    current = {v["id"] for _, v in site.vragen() if v.get("id")}
    for _, vraag in site.vragen():
        for old in vraag.get("oude_ids") or []:
            if old not in current:
                vragen.setdefault(old, vraag["id"])
    return aliases


# --------------------------------------------------------------------------
# References
# --------------------------------------------------------------------------

TARGET_NAMES = {**m.SITE_LINK_KINDS, "swv": "samenwerkingsverband"}


def references(given: CheckInput) -> list[Problem]:
    """Every reference to another record, as an id field or a link in text
    (`procedure:tlv-aanvragen`), names something that exists. A reference
    through an old id works (it is a notice, and an id field is set to the
    record's current id)."""
    site = given.site
    known = _known_ids(site, given.failed_ids)
    by_path = {record.path: record for record in site.all_records()}
    found = []
    for ref in given.refs:
        if ref.target == OWN_URL:
            continue
        if ref.target == "pagina":
            found += _page_link(ref, given.pages)
            continue
        if ref.target in given.unknown_kinds:
            continue
        ids = known.get(ref.target, set())
        value = ref.value
        if value not in ids:
            current = site.aliases.get(ref.target, {}).get(value)
            if current is None:
                found.append(_dangling(ref, ids))
                continue
            found.append(_through_old_id(ref, current))
            if not ref.in_text and ref.file in by_path:
                _set_at(by_path[ref.file].data, ref.field, current)
            value = current
        if ref.anchor:
            found += _anchor(site, ref, value)
    return found


def _known_ids(site: m.Site, failed: dict[str, set[str]]) -> dict[str, set[str]]:
    known = site.ids_by_target()
    known["thema"] = set(site.themas)
    known["nieuws"] = set(site.nieuws)
    known["begrip"] = {link for b in site.begrippen_lijst for link in m.begrip_link_ids(b)}
    for kind, ids in failed.items():
        known.setdefault(kind, set()).update(ids)
    return known


def _dangling(ref: PendingRef, known: set[str]) -> Problem:
    what = TARGET_NAMES.get(ref.target, ref.target)
    message = f"er bestaat geen {what} met id '{ref.value}'"
    close = difflib.get_close_matches(ref.value, sorted(known), n=1)
    if close:
        message += f"; bedoelt u '{close[0]}'?"
    return Problem(ref.file, ref.line, ref.field, message)


def _through_old_id(ref: PendingRef, current: str) -> Problem:
    what = TARGET_NAMES.get(ref.target, ref.target)
    written = f"{ref.target}:{current}" if ref.in_text else current
    return Problem(ref.file, ref.line, ref.field, (
        f"'{ref.value}' is een oude id van de {what} '{current}'. De link werkt, maar schrijf "
        f"liever '{written}'"), notice=True)


def _anchor(site: m.Site, ref: PendingRef, record_id: str) -> list[Problem]:
    """The part after # of a link in text: a step of a procedure, a vraag of a thema."""
    where = f"{ref.target}:{ref.value}#{ref.anchor}"
    if ref.target == "procedure" and record_id in site.procedures:
        steps = len([s for s in site.procedures[record_id]["stappen"] if s])
        number = re.fullmatch(r"stap-([0-9]+)", ref.anchor)
        if number and 1 <= int(number.group(1)) <= steps:
            return []
        return [Problem(ref.file, ref.line, ref.field, (
            f"de link '{where}' wijst naar een stap die niet bestaat; deze procedure heeft de "
            f"stappen stap-1 tot en met stap-{steps}"))]
    if ref.target == "thema" and record_id in site.themas:
        vragen = [v for v in site.themas[record_id]["vragen"] if v]
        anchors = {v["id"] for v in vragen} | {o for v in vragen for o in v["oude_ids"]}
        if ref.anchor in anchors:
            return []
        return [Problem(ref.file, ref.line, ref.field, (
            f"de link '{where}' wijst naar een vraag die niet in dit thema staat; schrijf "
            "vraag:<id van de vraag> om naar een vraag te linken"))]
    if ref.target in ("procedure", "thema"):
        return []  # the record is in a file with problems of its own
    return [Problem(ref.file, ref.line, ref.field, (
        f"een link naar een {TARGET_NAMES.get(ref.target, ref.target)} kan geen deel na '#' "
        f"hebben; schrijf '{ref.target}:{ref.value}'"))]


def _page_link(ref: PendingRef, pages: SitePages) -> list[Problem]:
    if pages.has_page(ref.value) is not False:
        return []
    known = sorted(p.removesuffix(".md").removesuffix("/index")
                   for p in (pages.pages or frozenset()) | GENERATED_PAGES)
    message = f"er is geen pagina '{ref.value}'"
    close = difflib.get_close_matches(ref.value, known, n=1)
    message += f"; bedoelt u 'pagina:{close[0]}'?" if close else (
        f"; bestaande pagina's zijn: {', '.join(known)}")
    return [Problem(ref.file, ref.line, ref.field, message)]


_PATH_PART = re.compile(r"([a-z_]+)(?:\[([0-9]+)\])?")


def _set_at(data: dict, path: str, value: Any) -> None:
    """Set the value at a field path such as `vragen[2].procedures[1]` (1-based)."""
    target: Any = data
    parts = path.split(".")
    for number, part in enumerate(parts):
        match = _PATH_PART.fullmatch(part)
        if match is None:
            return
        name, index = match.group(1), match.group(2)
        last = number == len(parts) - 1
        if index is None:
            if last:
                target[name] = value
                return
            target = target[name]
        else:
            items = target[name]
            position = int(index) - 1
            if last:
                items[position] = value
                return
            target = items[position]


# --------------------------------------------------------------------------
# Links in text to the site's own address
# --------------------------------------------------------------------------


def own_site_links(given: CheckInput) -> list[Problem]:
    """A link in text to the site's own address (https://...) leads to a page
    that exists; a link to a record's old address is a notice."""
    site_url = given.pages.site_url
    if not site_url:
        return []
    base = urlsplit(site_url)
    base_path = base.path.rstrip("/") + "/"
    found = []
    for ref in given.refs:
        if ref.target != OWN_URL:
            continue
        url = urlsplit(ref.value)
        if url.hostname != base.hostname or not (url.path + "/").startswith(base_path):
            continue
        found += _own_path(given, ref, url.path[len(base_path):].strip("/"))
    return found




def _own_path(given: CheckInput, ref: PendingRef, path: str) -> list[Problem]:
    site = given.site
    parts = path.split("/")
    if len(parts) == 2 and parts[0] in m.FOLDERS and parts[1] not in RESERVED_IDS:
        kind, record_id = m.FOLDERS[parts[0]], parts[1]
        if record_id in site.records(kind) or record_id in given.failed_ids.get(kind, set()):
            return []
        current = site.aliases.get(kind, {}).get(record_id)
        if current is not None:
            return [Problem(ref.file, ref.line, ref.field, (
                f"de link {ref.value} gaat naar het oude adres van '{current}'. De link werkt, "
                f"maar schrijf liever '{kind}:{current}'"), notice=True)]
        return [Problem(ref.file, ref.line, ref.field, (
            f"de link {ref.value} wijst naar een pagina van deze site die niet bestaat "
            f"(er is geen {TARGET_NAMES[kind]} met id '{record_id}'); schrijf een link naar een "
            f"pagina als {kind}:<id>"))]
    if given.pages.has_page(path) is False and not _is_site_file(path):
        return [Problem(ref.file, ref.line, ref.field, (
            f"de link {ref.value} wijst naar een pagina van deze site die niet bestaat; "
            "controleer het adres, of schrijf pagina:<naam>, zoals pagina:contact"))]
    return []


def _is_site_file(path: str) -> bool:
    """Files the build makes besides pages (exports, feeds, search, assets)."""
    return path.startswith(("data/", "assets/", "search/", "feed")) or "." in path.rsplit("/")[-1]


# --------------------------------------------------------------------------
# Duplicates and consistency
# --------------------------------------------------------------------------


def duplicate_entry_ids(site: m.Site) -> list[Problem]:
    """A vraag id is unique across the site; so is a begrip's and an SWV's id."""
    problems = []
    seen: dict[str, str] = {}
    for thema in site.themas.values():
        for index, vraag in enumerate(thema.data["vragen"], start=1):
            if not vraag or not vraag.get("id"):
                continue
            vid = vraag["id"]
            if vid in seen:
                problems.append(Problem(thema.path, thema.line_of(f"vragen[{index}].id"),
                                        f"vragen[{index}].id",
                                        f"de id '{vid}' bestaat al in {seen[vid]}; kies een "
                                        "andere id"))
            else:
                seen[vid] = thema.path
    for kind, entries, path in (("begrip", site.begrippen_lijst, "begrippen"),
                                ("samenwerkingsverband", site.swv_lijst, "swvs")):
        ids: set[str | None] = set()
        for index, entry in enumerate(entries, start=1):
            eid = entry.get("id")
            if eid in ids:
                record = site.begrippen if kind == "begrip" else site.organisatie
                where = f"{path}[{index}]"
                problems.append(Problem(record.path, record.line_of(where), where,
                                        f"er is al een {kind} met id '{eid}'"))
            ids.add(eid)
    return problems


def school_gemeenten(site: m.Site) -> list[Problem]:
    """A school's gemeente is one of its SWV's gemeenten."""
    problems = []
    swvs = {s["id"]: s for s in site.swv_lijst}
    for school in site.scholen.values():
        swv = swvs.get(school.data.get("swv"))
        gemeente = school.data.get("gemeente")
        if swv and gemeente and swv.get("gemeenten") and gemeente not in swv["gemeenten"]:
            problems.append(Problem(
                school.path, school.line_of("gemeente"), "gemeente",
                f"gemeente '{gemeente}' hoort niet bij samenwerkingsverband '{swv['id']}'; "
                f"kies uit: {', '.join(swv['gemeenten'])}"))
    return problems


def duplicate_schools(site: m.Site) -> list[Problem]:
    """Two school files for the same BRIN number and vestiging."""
    problems = []
    seen: dict[tuple[str, str], m.Record] = {}
    for school in site.scholen.values():
        key = (school["brin"], school["vestiging"])
        if key in seen:
            first = seen[key]
            problems.append(Problem(
                school.path, school.line_of("brin"), "brin",
                f"BRIN {key[0]} met vestiging {key[1]} staat ook in {first.path}; één school "
                "hoort in één bestand (verwijder een van de twee, of verbeter het nummer)"))
        else:
            seen[key] = school
    return problems


def reserved_old_ids(given: CheckInput) -> list[Problem]:
    """An old id may not be a reserved name nor the name of a file with problems
    (redirects.problems checks the records that could be read)."""
    found = []
    for kind in m.RENAMEABLE:
        failed = given.failed_ids.get(kind, set())
        for record in given.site.records(kind).values():
            for index, old in enumerate(record["oude_ids"], start=1):
                where = f"oude_ids[{index}]"
                if old in RESERVED_IDS:
                    found.append(Problem(record.path, record.line_of(where), where, (
                        f"'{old}' kan geen oude id zijn: dat adres is van de site zelf")))
                elif old in failed:
                    found.append(Problem(record.path, record.line_of(where), where, (
                        f"'{old}' is de id van een bestaand bestand ({record.type.folder}/"
                        f"{old}.yml); een oude id moet vrij zijn")))
    return found


def hand_written_links(given: CheckInput) -> list[Problem]:
    """Links from the hand-written pages (docs/) to records lead somewhere."""
    from swvsite.pages import (
        pagelinks,  # renders links; imported only when there are pages to check
    )

    if given.pages.docs_dir is None:
        return []
    return pagelinks.problems(given.site, given.pages.docs_dir)


def hand_written_search_settings(given: CheckInput) -> list[Problem]:
    """A hand-written page's `search:` front matter (boost, exclude) is one the
    site's search can use (frontmatter.search_settings)."""
    docs_dir = given.pages.docs_dir
    if docs_dir is None:
        return []
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        found = frontmatter.read(path)
        try:
            frontmatter.search_settings(found.meta.get("search"))
        except ValueError as exc:
            line = found.line_of("boost", "search")
            display = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
            problems.append(Problem(display, line, "search", str(exc)))
    return problems


def hours_in_one_place(site: m.Site) -> list[Problem]:
    """The steunpunt's opening hours are in `openingstijden` only: the free text
    `bereikbaar` of its contact (and of a route step that is the steunpunt itself)
    states no times or days, so no page can show hours that disagree."""
    org = site.organisatie
    own = org["contact"] or {}
    places = [("contact.bereikbaar", own.get("bereikbaar"))]
    for index, stap in enumerate(org["route"] or [], start=1):
        contact = (stap or {}).get("contact") or {}
        if own.get("telefoon") and contact.get("telefoon") == own.get("telefoon"):
            places.append((f"route[{index}].contact.bereikbaar", contact.get("bereikbaar")))
    return [
        Problem(org.path, org.line_of(where), where, (
            f"hier staan tijden of dagen ('{found}'); de openingstijden van het steunpunt "
            "staan op één plek, in 'openingstijden', zodat elke pagina dezelfde tijden "
            "toont. De site laat deze tekst daarom weg. Zet de tijden in 'openingstijden', "
            "en gebruik dit veld alleen voor iets anders, zoals hoe snel u een e-mail "
            "beantwoordt"), notice=True)
        for where, text in places
        if (found := openinghours.states_hours(text))
    ]


def translations(given: CheckInput) -> list[Problem]:
    """Translated pages name their Dutch page; every translation without a stamp
    or made from an older Dutch text is listed (a notice: it never stops a publish)."""
    from swvsite.content import vertalingen

    found = vertalingen.Vertalingen() if given.site.vertalingen is None else given.site.vertalingen
    notices = vertalingen.stale_notices(found.all())
    docs_dir = given.pages.docs_dir
    if docs_dir is None:
        return notices
    return (vertalingen.page_problems(docs_dir, found.talen)
            + notices + vertalingen.stale_notices(
                vertalingen.page_translations(docs_dir, found.talen)))


# The one list: every check across the site, in the order they are reported.
SITE_CHECKS: tuple[Check, ...] = (
    hand_written_links,
    hand_written_search_settings,
    references,
    own_site_links,
    on_site(duplicate_entry_ids),
    on_site(school_gemeenten),
    on_site(duplicate_schools),
    on_site(redirects.problems),
    reserved_old_ids,
    on_site(huisstijl.problems),
    signal_counts,
    on_site(hours_in_one_place),
    translations,
)
