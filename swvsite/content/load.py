"""Loading the content directory: read every YAML file safely, validate it
against the model and check the site as a whole.

`load_site` either returns a complete `Site` or raises `ContentError` with
every problem of the run; it never returns part of the content and never
raises anything else for anything found in the content folder.

Reading is defensive: at most `MAX_FILE_BYTES` are read, only UTF-8 is
accepted, and the YAML node tree is composed here from the parser's events
without recursion (PyYAML's C composer recurses and crashes the interpreter on
deeply nested input), refusing aliases, several documents, deep nesting and
very many nodes before they cost time or memory.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

import yaml

from swvsite.content import checks
from swvsite.content import model as m
from swvsite.content.problems import ContentError, Problem
from swvsite.content.validate import (
    MAX_DEPTH,
    Mapping,
    Node,
    PendingRef,
    Scalar,
    Sequence,
    Validator,
)

MAX_FILE_BYTES = 1_000_000
# The largest demo file has about 350 nodes; this allows a begrippenlijst of
# thousands of entries and keeps a hostile file's node tree small.
MAX_NODES = 50_000
RESERVED_IDS = {"index", "filter"}

try:  # The C parser is about 5x faster; fall back to pure Python where it is missing.
    from yaml import CSafeLoader as SafeLoader
    _OFFSETS_IN_BYTES = True  # libyaml reports reader errors at a UTF-8 byte offset
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]
    _OFFSETS_IN_BYTES = False


def load_site(content_dir: str | Path, cache: LoadCache | None = None,
              pages: checks.SitePages | None = None) -> m.Site:
    """Load and validate all content; raise ContentError listing every problem.

    Every problem of the run is listed at once: those of single files and
    those only the whole site shows (references, duplicates, colours, ...),
    the latter judged on the files that could be read. `pages` tells the
    checks the site's address and hand-written pages, for links in text to
    `pagina:...` and to the site's own https:// address.

    With a `cache` (see LoadCache), files whose content is unchanged since the
    previous load with that cache are not parsed and validated again; the
    result is the same as without one."""
    loader = _Loader(Path(content_dir), cache, pages or checks.SitePages())
    if cache is not None:
        cache._start_load()
    try:
        with _cycle_collection_paused():
            site = loader.load()
    finally:
        if cache is not None:
            cache._finish_load()
    if loader.problems:
        raise ContentError(loader.problems)
    assert site is not None
    return site


@contextlib.contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Python's cycle collector paused, and after that as it was.

    Loading makes hundreds of thousands of objects that stay (nodes, data,
    lines) and no reference cycles, and the collector would walk every object
    of the process again each time enough new ones have stayed: a reload from
    a LoadCache at national scale took twice as long with it. Garbage without
    cycles is freed all the same; cycles made meanwhile are collected later."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Loader:
    def __init__(self, content_dir: Path, cache: LoadCache | None = None,
                 pages: checks.SitePages | None = None):
        self.root = content_dir
        self.cache = cache
        self.pages = pages or checks.SitePages()
        self.problems: list[Problem] = []
        self.refs: list[PendingRef] = []
        # Files that exist but have problems: (record type, id, path, partial data).
        self.failed: list[tuple[m.RecordType, str, str, dict | None]] = []

    def load(self) -> m.Site | None:
        if not self.root.is_dir():
            self.problems.append(Problem(str(self.root), 1, None,
                                         "de map met inhoud bestaat niet"))
            return None
        self._report_unknown_files()
        single = {t.name: self._load_file(t) for t in m.RECORD_TYPES.values() if t.file}
        folders = {t.name: self._load_folder(t) for t in m.RECORD_TYPES.values() if t.folder}
        complete = not self.problems
        site = m.Site(
            organisatie=single["organisatie"] or self._stand_in(m.ORGANISATIE),
            begrippen=single["begrippen"] or self._stand_in(m.BEGRIPPEN),
            folders=folders,
            verwijderd=single["verwijderd"],
            pages=self.pages,
        )
        unknown = {kind for kind, missing in (
            ("swv", single["organisatie"] is None and not self._partial(m.ORGANISATIE)),
            ("begrip", single["begrippen"] is None and not self._partial(m.BEGRIPPEN)),
            ("vraag", any(t is m.THEMA and not data for t, _, _, data in self.failed)),
        ) if missing}
        found = checks.run(checks.CheckInput(site, self.refs, self._failed_ids(), self.pages,
                                             complete, frozenset(unknown)))
        self.problems += [p for p in found if not p.notice]
        site.notices = [p for p in found if p.notice]
        return site if complete else None

    def _partial(self, rtype: m.RecordType) -> dict | None:
        return next((data for t, _, _, data in self.failed if t is rtype and data), None)

    def _stand_in(self, rtype: m.RecordType) -> m.Record:
        """For checks across the site while a required single file has problems:
        what could be read of it (every field present, None where unreadable)."""
        partial = self._partial(rtype)
        data = {f.name: [] if isinstance(f.type, m.ListOf) else None for f in rtype.all_fields}
        data.update(partial or {})
        return m.Record(rtype, rtype.name, str(self.root / (rtype.file or rtype.name)), data)

    def _failed_ids(self) -> dict[str, set[str]]:
        """Ids that exist in files with problems: a reference to them is not dangling
        (the file's own problems are reported)."""
        ids: dict[str, set[str]] = {}
        for rtype, record_id, _, data in self.failed:
            if rtype.folder:
                ids.setdefault(rtype.name, set()).add(record_id)
            for kind, path in (("vraag", "vragen"), ("swv", "swvs")):
                for entry in (data or {}).get(path) or []:
                    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                        ids.setdefault(kind, set()).add(entry["id"])
        return ids

    # -- files -------------------------------------------------------------

    def _load_file(self, rtype: m.RecordType) -> m.Record | None:
        path = self.root / rtype.file
        if not path.exists() and rtype.optional:
            return None
        if not path.exists():
            self.problems.append(Problem(self._display(path), 1, None,
                                         f"dit bestand ontbreekt ({rtype.help})"))
            return None
        return self._load_record(rtype, path, rtype.name, self._display(path))

    def _load_folder(self, rtype: m.RecordType) -> dict[str, m.Record]:
        folder = self.root / rtype.folder
        records: dict[str, m.Record] = {}
        if not folder.is_dir():
            return records
        # A file's display path is its folder's and its name (_display is slow for thousands).
        folder_display = self._display(folder)
        for path in self._listing(folder):
            if path.name.startswith(".") or path.name == "__pycache__" and path.is_dir():
                continue
            record_id = path.stem
            if path.suffix != ".yml" or path.is_dir():
                self.problems.append(Problem(
                    self._display(path), 1, None,
                    "dit bestand wordt niet gelezen: in deze map horen alleen .yml-bestanden"))
                continue
            if not re.match(m.SLUG_REGEX, record_id) or record_id in RESERVED_IDS:
                self.problems.append(Problem(
                    self._display(path), 1, None,
                    f"'{record_id}' is geen geldige bestandsnaam: gebruik kleine letters, cijfers "
                    "en streepjes (de naam wordt het webadres)"
                    + (f"; '{record_id}' is gereserveerd" if record_id in RESERVED_IDS else "")))
                continue
            record = self._load_record(rtype, path, record_id, f"{folder_display}/{path.name}")
            if record is not None:
                records[record_id] = record
        return records

    def _load_record(self, rtype: m.RecordType, path: Path, record_id: str, display: str,
                     ) -> m.Record | None:
        raw = self._read(path, display)
        if raw is None:
            return None
        digest = file_digest(raw)
        if self.cache is not None:
            record, problems, refs, partial = self.cache.read_record(rtype, raw, display,
                                                                     record_id, digest)
        else:
            record, problems, refs, partial = _read_full(rtype, raw, display, record_id)
        if record is not None:
            record.digest = digest
        else:
            self.failed.append((rtype, record_id, display, partial))
        self.problems += problems
        self.refs += refs
        return record

    def _read(self, path: Path, display: str) -> bytes | None:
        """At most MAX_FILE_BYTES of a regular file; None (with a problem) otherwise."""
        try:
            if not path.is_file():
                self.problems.append(Problem(display, 1, None, (
                    "dit is geen gewoon bestand (maar bijvoorbeeld een map of een snelkoppeling "
                    "naar iets dat niet bestaat)")))
                return None
            with path.open("rb") as stream:
                raw = _read_at_most(stream, MAX_FILE_BYTES + 1)
        except OSError as exc:
            self.problems.append(Problem(display, 1, None, (
                f"het bestand kan niet gelezen worden ({exc.strerror or exc}); controleer of het "
                "bestaat en of u het mag openen")))
            return None
        if len(raw) > MAX_FILE_BYTES:
            size = _size_of(path, len(raw))
            self.problems.append(Problem(display, 1, None, (
                f"het bestand is te groot ({size}; het maximum is {_dotted(MAX_FILE_BYTES)} "
                "bytes); verdeel de inhoud over meer bestanden")))
            return None
        return raw

    def _report_unknown_files(self) -> None:
        expected = {t.file for t in m.RECORD_TYPES.values() if t.file}
        folders = {t.folder for t in m.RECORD_TYPES.values() if t.folder}
        for path in self._listing(self.root):
            if path.name.startswith(".") or path.name in expected | folders:
                continue
            if path.suffix in (".yml", ".yaml"):
                known = ", ".join(sorted(expected | {f + "/" for f in folders}))
                self.problems.append(Problem(
                    self._display(path), 1, None,
                    f"dit bestand wordt niet gelezen; inhoud hoort in: {known}"))

    def _listing(self, folder: Path) -> list[Path]:
        try:
            return sorted(folder.iterdir())
        except OSError as exc:
            self.problems.append(Problem(self._display(folder), 1, None, (
                f"de map kan niet gelezen worden ({exc.strerror or exc})")))
            return []

    def _display(self, path: Path) -> str:
        """The path as staff know it: from the folder that holds the content."""
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)


class LoadCache:
    """What earlier loads found in each file, for a process that loads the
    same content again and again: the preview server rebuilds the site on
    every change, and usually one file has changed.

    `load_site(content_dir, cache)` still reads every file, but parses and
    validates one only if the cache has no result for the same record type,
    path, id and content (its `file_digest`). What only the whole site can show
    (references between records, duplicate ids, a school's gemeente) is
    checked on every load, as are the files and folders themselves. After a
    load the cache holds the results of that load only, so removed and renamed
    files leave it.

    Each load gets its own copy of every record's data and lines: the results
    kept here are never handed out, so nothing a build does to its Site can
    reach a later load. Meant for one load at a time (a later load that
    overlaps an earlier one still gets the right results; the cache may just
    keep fewer of them)."""

    def __init__(self) -> None:
        self._results: dict[tuple, _Read] = {}
        self._used: dict[tuple, _Read] = {}
        # Display paths of the files parsed and validated by the latest load.
        self.reparsed: list[str] = []

    def read_record(self, rtype: m.RecordType, raw: bytes, display: str, record_id: str,
                    digest: str) -> tuple[m.Record | None, list[Problem], list[PendingRef],
                                          dict | None]:
        """`_read_full`'s result for these bytes (whose `file_digest` is `digest`),
        from the cache if it has it."""
        key = (rtype.name, display, record_id, digest)
        result = self._results.get(key)
        if result is None:
            record, problems, refs, partial = _read_full(rtype, raw, display, record_id)
            result = _Read(record, tuple(problems), tuple(refs), partial)
            self.reparsed.append(display)
        if not result.may_change:
            self._used[key] = result
        return result.copy()

    def _start_load(self) -> None:
        self._used = {}
        self.reparsed = []

    def _finish_load(self) -> None:
        self._results, self._used = self._used, {}


class _Read(NamedTuple):
    """The result of `read_record`, as a LoadCache keeps it: never handed out."""

    record: m.Record | None
    problems: tuple[Problem, ...]
    refs: tuple[PendingRef, ...]
    partial: dict | None = None  # what could be read of a file with problems

    @property
    def may_change(self) -> bool:
        """Whether the same bytes could give another result next time: a file
        too complex to read may have failed for lack of memory."""
        return any(problem.message == TOO_COMPLEX for problem in self.problems)

    def copy(self) -> tuple[m.Record | None, list[Problem], list[PendingRef], dict | None]:
        """The result with a record of its own (problems and references are
        immutable)."""
        record = self.record
        if record is not None:
            record = m.Record(record.type, record.id, record.path, _copy_data(record.data),
                              dict(record.lines))
        partial = _copy_data(self.partial) if self.partial is not None else None
        return record, list(self.problems), list(self.refs), partial


def _copy_data(value: Any) -> Any:
    """A copy of validated data: new dicts and lists all the way down (as deep
    as the model goes). What they hold otherwise, str, int, bool, date and
    None, cannot be changed, and is shared."""
    if type(value) is dict:
        return {key: _copy_data(item) if type(item) in _CONTAINERS else item
                for key, item in value.items()}
    if type(value) is list:
        return [_copy_data(item) if type(item) in _CONTAINERS else item for item in value]
    return value


_CONTAINERS = (dict, list)


def file_digest(raw: bytes) -> str:
    """A digest of a file's bytes: it tells whether a file changed (the load cache,
    `Record.digest`, the page cache's keys)."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def read_record(rtype: m.RecordType, raw: bytes, display: str, record_id: str | None = None,
                ) -> tuple[m.Record | None, list[Problem], list[PendingRef]]:
    """One record from the bytes of its file: the record (None if it has
    problems), the problems, and its references to other records, which only
    the whole site can check. Never raises for anything in `raw`."""
    return _read_full(rtype, raw, display, record_id)[:3]


def _read_full(rtype: m.RecordType, raw: bytes, display: str, record_id: str | None = None,
               ) -> tuple[m.Record | None, list[Problem], list[PendingRef], dict | None]:
    """`read_record`'s result and, for a file with problems, what could be read
    of it (to tell which ids exist while the file is being mended)."""
    try:
        return _read_record(rtype, raw, display, record_id or rtype.name)
    except (MemoryError, RecursionError):
        return None, [Problem(display, 1, None, TOO_COMPLEX)], [], None
    except Exception as exc:  # noqa: BLE001 - staff get a message, never a traceback
        return None, [Problem(display, 1, None, (
            f"interne fout bij het lezen van dit bestand ({type(exc).__name__}); de inhoud is "
            "niet gebruikt. Meld dit aan de beheerder van de site"))], [], None


def _read_record(rtype: m.RecordType, raw: bytes, display: str, record_id: str,
                 ) -> tuple[m.Record | None, list[Problem], list[PendingRef], dict | None]:
    parsed = _parse(raw, display)
    if isinstance(parsed, list):
        return None, parsed, [], None
    root, text, spacing = parsed
    validator = Validator(display, text, cut=cut_comments(text))
    data = validator.record(rtype, root)
    problems = validator.problems
    if spacing:  # what follows from a missing space is not reported on its line again
        lines = {p.line for p in spacing}
        problems = spacing + [p for p in problems if p.line not in lines]
    if data is None or problems:
        return None, problems, validator.refs, data
    return m.Record(rtype, record_id, display, data, validator.lines), [], validator.refs, None


def _parse(raw: bytes, display: str) -> tuple[Node | None, str, list[Problem]] | list[Problem]:
    """The file's YAML node tree (None if empty), its text and the lines where a
    field name lacks the space after its colon; or the problems that stop reading."""
    text = decode(raw)
    if isinstance(text, Problem):
        return [Problem(display, text.line, None, text.message)]
    spacing = missing_spaces(text, display)
    parsed = _compose(text, display)
    if isinstance(parsed, Problem):
        # A syntax error after `naam:Basisschool` is that line's doing (YAML often
        # notices only at the end of the file): the missing space is the problem.
        return spacing or [parsed]
    return parsed, text, spacing


def _compose(text: str, display: str) -> Node | None | Problem:
    try:
        return compose(text)
    except Refused as exc:
        return Problem(display, exc.line, None, exc.message)
    except yaml.MarkedYAMLError as exc:
        return Problem(display, yaml_error_line(exc, text), None, yaml_message(exc, text))
    except yaml.reader.ReaderError as exc:
        return Problem(display, _reader_error_line(text, exc.position), None, (
            f"het bestand bevat een onzichtbaar stuurteken (U+{exc.character:04X}); typ de "
            "tekst opnieuw in plaats van hem te plakken")
            if isinstance(exc.character, int) else "dit is geen geldige YAML")
    except yaml.YAMLError as exc:
        return Problem(display, 1, None, f"dit is geen geldige YAML ({exc})")


# A line that starts with a field name and a colon with no space after it
# (`naam:Basisschool`): YAML reads that as one piece of text, not as a field.
_NO_SPACE_KEY = re.compile(r"^([ \t]*(?:-[ \t]+)?)([a-z_][a-z0-9_]*):(?=[^\s])", re.M)


def missing_spaces(text: str, display: str) -> list[Problem]:
    """A problem for every line where a field name of the model is followed by a
    colon without a space."""
    if ":" not in text:
        return []
    found = []
    for match in _NO_SPACE_KEY.finditer(text):
        name = match.group(2)
        if name in m.FIELD_NAMES:
            line = line_at(text, match.start(2))
            found.append(Problem(display, line, None, (
                f"na '{name}:' hoort een spatie; schrijf '{name}: ...' (zonder spatie leest YAML "
                "de hele regel als tekst en niet als veld)")))
    return found


# A comment that starts right after a plain value's space: ` #1` in `naam: School #1`.
_CUT_HINT = re.compile(r"[ \t]#\S")
_COMMENT_AFTER = re.compile(r"[ \t]*#\S.*")


def cut_comments(text: str) -> dict[int, str]:
    """Lines where YAML cut a plain (unquoted) value at ' #', and what it cut off.

    YAML reads ` #` as the start of a comment. `# fictief` (with a space) is a
    comment staff wrote on purpose; `#1` or `#1f4e79` right after the value is
    almost always part of it, and silently lost. Keyed by the line the value
    starts on (for an empty value: the line of its field name)."""
    if not _CUT_HINT.search(text):
        return {}
    lines = text.splitlines()
    cut: dict[int, str] = {}
    loader = SafeLoader(text)
    try:
        previous_key_line = 0
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                return cut
            if not isinstance(event, yaml.ScalarEvent) or event.style not in (None, ""):
                continue
            end = event.end_mark
            rest = lines[end.line][end.column:] if end.line < len(lines) else ""
            found = _COMMENT_AFTER.match(rest)
            if found:
                line = event.start_mark.line + 1 if event.value else previous_key_line
                cut.setdefault(line, found.group().strip())
            previous_key_line = event.start_mark.line + 1
    except yaml.YAMLError:
        return cut
    finally:
        loader.dispose()


TOO_COMPLEX = ("het bestand is te groot of te ingewikkeld om te lezen; verdeel de inhoud over "
               "meer bestanden")


def _read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """The stream's bytes up to `limit`.

    Asks for the file's own size first: `read(limit)` sets aside `limit`
    bytes for every file, which costs more than reading a small file."""
    expected = os.fstat(stream.fileno()).st_size
    raw = stream.read(min(expected + 1, limit))
    if len(raw) > expected:  # it grew since: read on, up to the limit
        raw += stream.read(limit - len(raw))
    return raw


def _dotted(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _size_of(path: Path, at_least: int) -> str:
    try:
        return f"{_dotted(path.stat().st_size)} bytes"
    except OSError:  # pragma: no cover - the file went away while we read it
        return f"meer dan {_dotted(at_least - 1)} bytes"


def _reader_error_line(text: str, position: int) -> int:
    if _OFFSETS_IN_BYTES:
        position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
    return line_at(text, position)


# Line breaks as YAML (and most editors) count them: CR LF, a lone CR, or LF.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Line breaks for YAML 1.1 but not for most editors: refused, so that line
# numbers in messages are the ones staff see.
_ODD_LINE_BREAKS = "\x85\u2028\u2029"
_ODD_LINE_BREAK = re.compile(f"[{_ODD_LINE_BREAKS}]")


def line_at(text: str, index: int) -> int:
    """The line number (from 1) of the character at `index`."""
    return len(_LINE_BREAK.findall(text, 0, index)) + 1


# --------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------

SAVE_AS_UTF8 = "sla het op als UTF-8 (in de meeste editors: 'Opslaan als' en kies UTF-8)"


def decode(raw: bytes) -> str | Problem:
    """UTF-8 text of a file (a BOM is allowed), or a Problem saying what is wrong."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return Problem("", 1, None, f"het bestand is opgeslagen als UTF-32; {SAVE_AS_UTF8}")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(raw):
        return Problem("", 1, None, f"het bestand is opgeslagen als UTF-16; {SAVE_AS_UTF8}")
    if b"\x00" in raw:
        before = raw[: raw.index(b"\x00")].decode("utf-8", "replace")
        line = line_at(before, len(before))
        return Problem("", line, None, "dit is geen tekstbestand: het bevat binaire gegevens "
                       "(een NUL-teken)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", "replace")
        line = line_at(before, len(before))
        return Problem("", line, None, "het bestand is niet opgeslagen als UTF-8"
                       + _cp1252_hint(raw[exc.start:exc.end + 1]) + f"; {SAVE_AS_UTF8}")
    # Looking for three characters is much faster than searching with the pattern.
    odd = _ODD_LINE_BREAK.search(text) if any(c in text for c in _ODD_LINE_BREAKS) else None
    if odd:
        return Problem("", line_at(text, odd.start()), None, (
            f"het bestand bevat een ongewoon regeleinde (U+{ord(odd.group()):04X}), vaak uit "
            "Word of een pdf; typ deze regel opnieuw"))
    return text


def _looks_like_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte order mark: mostly text with a NUL in every other byte."""
    sample = raw[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return False
    even, odd = sample[0::2], sample[1::2]
    return any(half.count(0) >= 0.7 * len(half) and other.count(0) == 0
               for half, other in ((even, odd), (odd, even)))


def _cp1252_hint(bad: bytes) -> str:
    """Which character a Windows-1252 byte was meant to be, if it looks like one."""
    try:
        char = bad[:1].decode("cp1252")
    except UnicodeDecodeError:
        return ""
    if not char.isprintable():
        return ""
    return (f" (er staat een '{char}' in de codering Windows-1252, zoals bij tekst uit Word of "
            "Excel)")


# --------------------------------------------------------------------------
# Composing the node tree
# --------------------------------------------------------------------------


class Refused(Exception):
    """YAML that is well-formed but not accepted as content; has a line and a message."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


ALIAS_MESSAGE = ("ankers en verwijzingen (& en *) zijn niet toegestaan; schrijf de tekst gewoon "
                 "uit")
MULTI_DOCUMENT_MESSAGE = ("het bestand bevat meer dan één YAML-document: een regel met alleen "
                          "'---' begint een nieuw document; haal die regel weg of zet het andere "
                          "document in een eigen bestand")


TOO_DEEP_MESSAGE = f"de inhoud is te diep genest (meer dan {MAX_DEPTH} niveaus)"
TOO_MANY_NODES_MESSAGE = (f"het bestand bevat te veel onderdelen (meer dan {_dotted(MAX_NODES)}); "
                          "verdeel de inhoud over meer bestanden")

STR_TAG = "tag:yaml.org,2002:str"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"


def compose(text: str) -> Node | None:
    """The node tree of one YAML document (None if there is none).

    The same tree as `yaml.compose(text, Loader=SafeLoader)` for accepted
    input (same tags, values, structure and lines), but made of the
    validator's lighter nodes, composed without recursion, and raising
    `Refused` for aliases, a second document, more than MAX_NODES nodes and
    nesting deeper than MAX_DEPTH levels. Tags are kept as PyYAML keeps them;
    the validator refuses unknown ones."""
    loader = SafeLoader(text)
    try:
        return _compose_events(loader.get_event)
    finally:
        loader.dispose()


def _compose_events(next_event) -> Node | None:
    """Build the tree from the parser's events.

    There is one event per node, so this loop is where reading spends its
    time: it dispatches on the event's class, scalars (most nodes) first,
    keeps the open collections on lists instead of the call stack, and pairs
    a mapping's keys and values when the mapping ends. The limits are checked
    before a node is made."""
    root: Node | None = None
    open_nodes: list[Node] = []  # the collections being filled, outermost first
    children: list[list[Node]] = []  # theirs so far (a mapping's: key, value, key, ...)
    documents = nodes = 0
    too_deep_line = 0  # the last scalar nested deeper than MAX_DEPTH, reported at the end
    while True:
        event = next_event()
        kind = event.__class__
        if kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent \
                or kind is yaml.SequenceStartEvent:
            nodes += 1
            line = event.start_mark.line + 1
            if nodes > MAX_NODES:
                raise Refused(line, TOO_MANY_NODES_MESSAGE)
            tag = event.tag
            if kind is yaml.ScalarEvent:
                if tag is None or tag == "!":
                    tag = _scalar_tag(event.value, event.implicit[0])
                node: Node = Scalar(tag, event.value, line)
                if len(children) >= MAX_DEPTH:
                    too_deep_line = line
                new_children = None
            elif len(children) >= MAX_DEPTH:
                raise Refused(line, TOO_DEEP_MESSAGE)
            elif kind is yaml.SequenceStartEvent:
                new_children = []
                node = Sequence(SEQ_TAG if tag is None or tag == "!" else tag, line, new_children)
            else:
                new_children = []
                node = Mapping(MAP_TAG if tag is None or tag == "!" else tag, line, [])
            if children:
                children[-1].append(node)
            else:
                root = node
            if new_children is not None:
                open_nodes.append(node)
                children.append(new_children)
        elif kind is yaml.MappingEndEvent:
            flat = children.pop()
            open_nodes.pop().pairs = list(zip(flat[0::2], flat[1::2]))
        elif kind is yaml.SequenceEndEvent:
            open_nodes.pop()  # its items were added to it directly
            children.pop()
        elif kind is yaml.StreamEndEvent:
            if too_deep_line:
                raise Refused(too_deep_line, TOO_DEEP_MESSAGE)
            return root
        elif kind is yaml.AliasEvent:
            raise Refused(_line_of(event), ALIAS_MESSAGE)
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise Refused(_line_of(event), MULTI_DOCUMENT_MESSAGE)
        # Nothing to do at the start of the stream and the end of a document.


def _line_of(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 1


def _scalar_tag(value: str, plain: bool) -> str:
    """The tag PyYAML's resolver gives a scalar written without one.

    For a plain (unquoted) scalar the first implicit resolver, chosen by the
    value's first character, whose pattern matches; otherwise str. This is
    `BaseResolver.resolve` without its generic parts, which SafeLoader does
    not use (path resolvers and resolvers for any first character; a test
    checks both are absent). Short values that some resolver could match
    (numbers, dates, words such as 'nee', field names such as 'naam') repeat
    a lot, so their tags are remembered."""
    if not plain:
        return STR_TAG
    candidates = IMPLICIT_RESOLVERS.get(value[:1])
    if not candidates:
        return STR_TAG
    if len(value) > _REMEMBERED_LENGTH:
        return _first_match(value, candidates)
    tag = _remembered_tags.get(value)
    if tag is None:
        if len(_remembered_tags) >= _REMEMBERED_TAGS:
            _remembered_tags.clear()
        tag = _remembered_tags[value] = _first_match(value, candidates)
    return tag


def _first_match(value: str, candidates: tuple[tuple[str, re.Pattern], ...]) -> str:
    return next((tag for tag, pattern in candidates if pattern.match(value)), STR_TAG)


# SafeLoader's implicit resolvers, first character to (tag, pattern) pairs, as
# they are when this module is imported (a test checks that they still are).
IMPLICIT_RESOLVERS = {first: tuple(pairs)
                      for first, pairs in SafeLoader.yaml_implicit_resolvers.items()}
_REMEMBERED_LENGTH = 40
_REMEMBERED_TAGS = 20_000
_remembered_tags: dict[str, str] = {}


# --------------------------------------------------------------------------
# Messages for YAML syntax errors
# --------------------------------------------------------------------------

YAML_HINTS = (
    ("found character '\\t'", "er staat een tab; gebruik spaties om in te springen"),
    ("found a tab character", "er staat een tab; gebruik spaties om in te springen"),
    ("mapping values are not allowed", "er staat een dubbele punt (:) op een plek waar dat niet "
     "kan; zet de tekst tussen aanhalingstekens"),
    ("could not find expected ':'", "er ontbreekt een dubbele punt (:) na een veldnaam, of een "
     "tekst loopt door over meerdere regels zonder aanhalingstekens"),
    ("found undefined alias", "ankers en verwijzingen (& en *) zijn niet toegestaan"),
    ("did not find expected key", "de inspringing klopt niet: velden die bij elkaar horen "
     "moeten precies even ver inspringen"),
    ("found unexpected end of stream", "een aanhalingsteken of haakje wordt niet afgesloten"),
    ("did not find expected '-' indicator", "de inspringing van een lijst klopt niet"),
    ("block sequence entries are not allowed", "een streepje (-) staat op een plek waar geen "
     "lijst kan beginnen; begin de lijst op een nieuwe regel of zet de tekst tussen "
     "aanhalingstekens"),
    ("found unknown escape character", "een backslash (\\) tussen dubbele aanhalingstekens; "
     "gebruik enkele aanhalingstekens"),
    ("found invalid Unicode character escape code", "een backslash (\\) tussen dubbele "
     "aanhalingstekens; gebruik enkele aanhalingstekens"),
    ("did not find expected hexdecimal number", "een backslash (\\) tussen dubbele "
     "aanhalingstekens; gebruik enkele aanhalingstekens"),
    ("did not find expected <document start>", "na een regel met alleen '...' (het einde van "
     "het document) mag niets meer staan"),
    ("did not find expected ',' or ']'", "een lijst tussen [ ] wordt niet goed afgesloten; "
     "zet tekst met een komma of haakje tussen aanhalingstekens"),
    ("did not find expected ',' or '}'", "een groep tussen { } wordt niet goed afgesloten; "
     "zet tekst met een komma of haakje tussen aanhalingstekens"),
    ("found character that cannot start any token", "een regel begint met een teken dat in "
     "YAML iets betekent (zoals @, ` of %); zet de tekst tussen aanhalingstekens"),
    ("did not find expected node content", "er ontbreekt een waarde, of een teken als [, {, "
     "* of & staat aan het begin van een tekst; zet de tekst tussen aanhalingstekens"),
    ("while scanning a directive", "een regel die met % begint is een YAML-instructie; zet de "
     "tekst tussen aanhalingstekens"),
    ("found duplicate anchor", "ankers en verwijzingen (& en *) zijn niet toegestaan"),
    ("while scanning an anchor", "een tekst die met & begint moet tussen aanhalingstekens"),
    ("while scanning an alias", "een tekst die met * begint moet tussen aanhalingstekens"),
    ("while scanning a tag", "een tekst die met ! begint moet tussen aanhalingstekens"),
    ("while scanning a block scalar", "na | of > hoort de tekst op de volgende regels te "
     "beginnen, verder ingesprongen"),
)


def yaml_error_line(exc: yaml.MarkedYAMLError, text: str) -> int:
    """The line to show for a YAML syntax error.

    Where something is not closed (a quote, a [ or {), the error is found
    only further on, often at the end of the file; the line where it was
    opened is the one to fix."""
    mark = exc.problem_mark or exc.context_mark
    unclosed = "end of stream" in (exc.problem or "") or (exc.context or "").startswith(
        ("while parsing a flow", "while scanning a simple key"))
    if unclosed and exc.context_mark:
        mark = exc.context_mark
    if mark is None:
        return 1
    # At the end of the file libyaml points one line past the last one.
    return min(mark.line + 1, line_at(text, len(text)))


def yaml_message(exc: yaml.MarkedYAMLError, text: str = "") -> str:
    if _char_at(text, exc.problem_mark) == "\t":
        return f"de YAML klopt niet: {YAML_HINTS[0][1]}"
    if _line_length(text, exc.problem_mark) > MAX_KEY_LENGTH and exc.problem in (
            "mapping values are not allowed in this context", "could not find expected ':'"):
        return (f"de YAML klopt niet: een veldnaam mag hoogstens {MAX_KEY_LENGTH} tekens lang "
                "zijn, of een lange tekst loopt door over meerdere regels zonder "
                "aanhalingstekens")
    summary = f"{exc.context or ''} {exc.problem or ''}"
    for needle, hint in YAML_HINTS:
        if needle in summary:
            return f"de YAML klopt niet: {hint}"
    return f"de YAML klopt niet ({(exc.problem or exc.context or 'onbekende fout').strip()})"


MAX_KEY_LENGTH = 1024  # libyaml's limit for a key written without ?


def _line_length(text: str, mark) -> int:
    lines = text.split("\n")
    return len(lines[mark.line]) if mark is not None and 0 <= mark.line < len(lines) else 0


def _char_at(text: str, mark) -> str:
    if mark is None:
        return ""
    lines = text.split("\n")
    if not 0 <= mark.line < len(lines) or not 0 <= mark.column < len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]
