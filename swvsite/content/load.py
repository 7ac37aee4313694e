"""Loading the content directory: read every YAML file safely, validate it
against the model and check the site as a whole.

`load_site` either returns a complete `Site` or raises `ContentError` with
every problem of the run; it never returns part of the content and never
raises anything else for anything found in the content folder.

Here: finding the files in the folders, reading at most `MAX_FILE_BYTES` of
each, and the `LoadCache` that keeps what a file gave while it is unchanged.
Decoding and composing the YAML node tree safely is `yamltree`; the Dutch
messages for YAML that cannot be read are `yamlmessages`.
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

from swvsite.content import checks, persoonsgegevens
from swvsite.content import model as m
from swvsite.content.problems import ContentError, Problem
from swvsite.content.validate import PendingRef, Validator
from swvsite.content.yamlmessages import (
    dotted,
    missing_spaces,
    yaml_error_line,
    yaml_message,
)
from swvsite.content.yamlnodes import Node
from swvsite.content.yamltree import Refused, compose, cut_comments, decode, reader_error_line

MAX_FILE_BYTES = 1_000_000
RESERVED_IDS = m.RESERVED_IDS


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
        data: dict[str, Any] = {f.name: [] if isinstance(f.type, m.ListOf) else None
                                for f in rtype.all_fields}
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
        assert rtype.file is not None  # called for the types kept in one file
        path = self.root / rtype.file
        if not path.exists() and rtype.optional:
            return None
        if not path.exists():
            self.problems.append(Problem(self._display(path), 1, None,
                                         f"dit bestand ontbreekt ({rtype.help})"))
            return None
        return self._load_record(rtype, path, rtype.name, self._display(path))

    def _load_folder(self, rtype: m.RecordType) -> dict[str, m.Record]:
        assert rtype.folder is not None  # called for the types kept in a folder
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
                f"het bestand is te groot ({size}; het maximum is {dotted(MAX_FILE_BYTES)} "
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
        result = _read_record(rtype, raw, display, record_id or rtype.name)
        if rtype.refuse_personal_data:
            result = persoonsgegevens.screen(raw, display, result)
        return result
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
        return Problem(display, reader_error_line(text, exc.position), None, (
            f"het bestand bevat een onzichtbaar stuurteken (U+{exc.character:04X}); typ de "
            "tekst opnieuw in plaats van hem te plakken")
            if isinstance(exc.character, int) else "dit is geen geldige YAML")
    except yaml.YAMLError as exc:
        return Problem(display, 1, None, f"dit is geen geldige YAML ({exc})")


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


def _size_of(path: Path, at_least: int) -> str:
    try:
        return f"{dotted(path.stat().st_size)} bytes"
    except OSError:  # pragma: no cover - the file went away while we read it
        return f"meer dan {dotted(at_least - 1)} bytes"
