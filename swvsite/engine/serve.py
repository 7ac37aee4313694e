"""`swvsite serve`: a preview that shows an edit within a second.

MkDocs' own `mkdocs serve` renders every page again after each change, polls the
watched folders twice a second and puts its reload script inline in every page,
where the site's Content-Security-Policy blocks it. This server differs in four
ways and is otherwise MkDocs' (mkdocs.commands.serve, mkdocs.livereload):

- every rebuild is `swvsite.engine.build.build` with one page cache kept in memory for
  the whole session, so only the pages whose sources changed are rendered; the
  search index, sitemap and the other files of the site are made anew each time,
  so the preview is always the whole, current site;
- the watched folders are watched by the operating system (inotify and the
  like) where watchdog can, instead of being polled;
- the reload script is a file of its own (`/livereload.js`), which the policy
  allows;
- a rebuild that fails does not leave the preview waiting. MkDocs' server makes
  every request wait until the site being built is finished, and a failed build
  never finishes one: every request hung until the next good build. Here a
  failed build counts as done, and until a build succeeds every request is
  answered with a problem page in Dutch (every problem with file, regel and
  veld), which carries the reload script, so the browser shows the site again as
  soon as the content is right. A first build that fails starts the server all
  the same.
"""

from __future__ import annotations

import errno
import html
import logging
import os
import shutil
import string
import tempfile
import traceback
import urllib.parse
from dataclasses import dataclass
from os.path import isdir, isfile, join
from typing import cast
from urllib.parse import urlsplit

import watchdog.events
import watchdog.observers
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError, MkDocsException
from mkdocs.livereload import _SCRIPT_TEMPLATE_STR, LiveReloadServer, _serve_url, _timestamp

from swvsite.content.problems import ContentError, Problem
from swvsite.engine.build import TemplateCache, build, usable_cores
from swvsite.engine.choice import engine_logger
from swvsite.engine.pagecache import PageCache
from swvsite.pages.headers import content_security_policy

log = logging.getLogger("mkdocs.swvsite.engine.serve")

RELOAD_SCRIPT = "/livereload.js"
# File system events that mean a file changed (not: opened, closed after reading).
CHANGES = frozenset({watchdog.events.EVENT_TYPE_CREATED, watchdog.events.EVENT_TYPE_DELETED,
                     watchdog.events.EVENT_TYPE_MODIFIED, watchdog.events.EVENT_TYPE_MOVED,
                     watchdog.events.EVENT_TYPE_CLOSED})
# MkDocs' reload script, started from its own address instead of inline values.
_RELOAD_JS = string.Template(_SCRIPT_TEMPLATE_STR).substitute(
    epoch="epoch", request_id="requestId").replace(
    "livereload(epoch, requestId);",
    ";(function () {\n"  # ';': the line before ends a function expression
    "  var query = new URL(document.currentScript.src).searchParams;\n"
    "  livereload(Number(query.get('epoch')), Number(query.get('id')));\n"
    "})();").encode("utf-8")


PROBLEM_STYLESHEET = "/swvsite-probleem.css"
OTHER_ADDRESS = "127.0.0.1:8001"
_PROBLEM_CSS = b"""\
body { margin: 0; background: #fff; color: #1a1a1a; font-family: system-ui, sans-serif;
       font-size: 1.125rem; line-height: 1.5; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { color: #a40000; font-size: 1.75rem; line-height: 1.25; }
h2 { font-size: 1.3rem; margin-top: 2rem; }
.problemen { list-style: none; padding: 0; }
.problemen li { margin: 0 0 1rem; padding: 0.6rem 0.9rem; border-left: 0.3rem solid #a40000;
                background: #fdf3f3; }
.plaats { display: block; font-weight: bold; overflow-wrap: anywhere; }
.melding { display: block; white-space: pre-line; overflow-wrap: anywhere; }
code { font-size: 1rem; }
"""


class AddressUnavailable(Exception):
    """The preview's address cannot be opened: in use, or not this computer's."""

    def __init__(self, host: str, port: int, error: OSError):
        address = f"{host}:{port}"
        if error.errno == errno.EADDRINUSE:
            reason = (f"Het adres {address} is al in gebruik, waarschijnlijk door een andere "
                      "voorbeeldweergave (swvsite serve of mkdocs serve). Stop die, of kies een "
                      "ander adres")
        else:
            reason = (f"Het adres {address} kan niet gebruikt worden ({error.strerror}). "
                      "Kies een ander adres")
        super().__init__(f"{reason}, bijvoorbeeld:\n  swvsite serve --dev-addr {OTHER_ADDRESS}")


@dataclass(frozen=True)
class BuildFailure:
    """Why the last build of the preview failed: the content's problems (each with
    file, regel and veld), or else the error messages the build gave."""

    problems: tuple[Problem, ...] = ()
    messages: tuple[str, ...] = ()
    unexpected: bool = False  # not a mistake in content or configuration

    @classmethod
    def of(cls, error: BaseException, logged: list[str]) -> BuildFailure:
        content = _content_error(error)
        if content is not None:
            return cls(problems=tuple(content.problems))
        unexpected = not isinstance(error, MkDocsException)
        messages = list(dict.fromkeys(logged))
        if unexpected:
            messages.append(f"{type(error).__name__}: {error}")
        elif not messages or isinstance(error, BuildError):
            messages.append(str(error))
        return cls(messages=tuple(dict.fromkeys(messages)), unexpected=unexpected)

    def count(self) -> int:
        return len(self.problems) or len(self.messages)


def _content_error(error: BaseException | None) -> ContentError | None:
    """The ContentError behind `error`: the plugin reports it as a PluginError,
    which the build turns into an Abort; each keeps the one before as context."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, ContentError):
            return error
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return None


class _ErrorLog(logging.Handler):
    """The error messages MkDocs and swvsite log during one build."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _reload_tag(epoch: int) -> str:
    query = urllib.parse.urlencode({"epoch": epoch, "id": _timestamp()})
    return f'<script src="{RELOAD_SCRIPT}?{query}"></script>'


def problem_page(failure: BuildFailure, epoch: int) -> bytes:
    """The page every address of the preview shows while the site cannot be built:
    what is wrong, where, and what to do. Every text from content is escaped."""
    policy = html.escape(content_security_policy([], for_meta=True))
    body = "\n".join([_problem_summary(failure), "<h2>Wat is er mis?</h2>",
                      _problem_list(failure), "<h2>Wat moet ik doen?</h2>", _what_to_do(failure)])
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<title>Fout gevonden – voorbeeldweergave</title>
<link rel="stylesheet" href="{PROBLEM_STYLESHEET}">
</head>
<body>
<main>
<h1>De site kan nu niet getoond worden</h1>
{body}
<p>Dit is alleen de voorbeeldweergave op uw eigen computer. De echte website verandert
niet.</p>
</main>
{_reload_tag(epoch)}
</body>
</html>
""".encode()


def _problem_summary(failure: BuildFailure) -> str:
    count = failure.count()
    if failure.problems:
        found = "is 1 fout" if count == 1 else f"zijn {count} fouten"
        return f"<p>Er {found} gevonden in de inhoud.</p>"
    if failure.unexpected:
        return "<p>Bij het bouwen van de site ging iets onverwacht mis.</p>"
    return "<p>Het bouwen van de site is mislukt.</p>"


def _problem_list(failure: BuildFailure) -> str:
    if failure.problems:
        items = [_problem_item(problem) for problem in failure.problems]
    else:
        items = [f'<li><span class="melding">{html.escape(message)}</span></li>'
                 for message in failure.messages]
    return '<ul class="problemen">\n' + "\n".join(items) + "\n</ul>"


def _problem_item(problem: Problem) -> str:
    where = f"{html.escape(problem.file)}, regel {problem.line}"
    if problem.field:
        where += f", veld '{html.escape(problem.field)}'"
    return (f'<li><span class="plaats">{where}</span>'
            f'<span class="melding">{html.escape(problem.message)}</span></li>')


def _what_to_do(failure: BuildFailure) -> str:
    if failure.unexpected:
        return ("<p>Dit lijkt geen fout in de inhoud. Vraag een ontwikkelaar om hulp; de "
                "volledige melding staat in het venster waarin <code>swvsite serve</code> "
                "draait.</p>\n<p>Is het verholpen? Deze pagina laadt vanzelf opnieuw.</p>")
    steps = ["Open het genoemde bestand en ga naar de genoemde regel."
             if failure.problems else "Open het bestand dat in de melding staat.",
             "Verbeter wat er staat.",
             "Sla het bestand op; deze pagina laadt vanzelf opnieuw."]
    return "<ol>\n" + "\n".join(f"<li>{step}</li>" for step in steps) + "\n</ol>"


def terminal_report(failure: BuildFailure, serve_url: str) -> str:
    """What the terminal says after a failed build (the build itself has already
    logged its messages)."""
    return (f"De site is niet gebouwd ({_count_text(failure)}). De voorbeeldweergave op "
            f"{serve_url} toont wat er mis is; na het opslaan van het verbeterde bestand "
            "verschijnt de site vanzelf weer.")


def _count_text(failure: BuildFailure) -> str:
    count = failure.count()
    if failure.problems:
        return "1 fout in de inhoud" if count == 1 else f"{count} fouten in de inhoud"
    return "1 melding" if count == 1 else f"{count} meldingen"


class PreviewServer(LiveReloadServer):
    """MkDocs' LiveReloadServer with file system events, a reload script file and
    a problem page while the site cannot be built."""

    build_delay_seconds = 0.05  # edits arrive as a few events in quick succession

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.build_delay = self.build_delay_seconds
        # Set by the builder before MkDocs makes its build visible; read under
        # _epoch_cond once that build is visible.
        self.failure: BuildFailure | None = None
        self._listening = False
        try:
            self.observer = watchdog.observers.Observer()  # type: ignore[assignment]
        except Exception:  # pragma: no cover - no native watcher: keep MkDocs' polling
            pass

    def watch(self, path: str, func=None, *, recursive: bool = True) -> None:
        """MkDocs' watch, reacting only to changes: the operating system also
        reports files being opened and read, which every build does."""
        path = os.path.abspath(path)
        if func is not None and func is not self.builder:
            raise TypeError("Plugins can no longer pass a 'func' parameter to watch().")
        if path in self._watched_paths:
            self._watched_paths[path] += 1
            return
        self._watched_paths[path] = 1

        def callback(event):
            if event.is_directory or event.event_type not in CHANGES:
                return
            with self._rebuild_cond:
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = callback  # type: ignore[method-assign]
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

    def listen(self) -> None:
        """Open the address now, before the first build, so that a busy port is
        reported at once and in Dutch (MkDocs opens it only in serve())."""
        try:
            self.server_bind()
            self.server_activate()
        except OSError as error:
            self.server_close()
            host, port = self.server_address[:2]
            raise AddressUnavailable(str(host), int(port), error) from None
        self._listening = True

    def server_bind(self):
        if not self._listening:
            super().server_bind()

    def server_activate(self):
        if not self._listening:
            super().server_activate()

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if path == RELOAD_SCRIPT:
            return _answer(start_response, "200 OK", _RELOAD_JS, "application/javascript")
        if path == PROBLEM_STYLESHEET:
            return _answer(start_response, "200 OK", _PROBLEM_CSS, "text/css")
        if not path.startswith("/livereload/"):
            failure, epoch = self._last_build()
            if failure is not None:
                return _answer(start_response, "500 Internal Server Error",
                               problem_page(failure, epoch), "text/html; charset=utf-8",
                               (("Content-Security-Policy", content_security_policy([])),))
        return super()._serve_request(environ, start_response)

    def _last_build(self) -> tuple[BuildFailure | None, int]:
        """Once the build under way (if any) is done: how it failed, and its epoch."""
        with self._epoch_cond:
            self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
            return self.failure, self._visible_epoch

    def _inject_js_into_html(self, content, epoch):
        try:
            body_end = content.rindex(b"</body>")
        except ValueError:
            body_end = len(content)
        return content[:body_end] + _reload_tag(epoch).encode() + content[body_end:]


def _answer(start_response, status: str, body: bytes, content_type: str,
            headers: tuple[tuple[str, str], ...] = ()) -> list[bytes]:
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(body))),
                            ("Cache-Control", "no-store"), *headers])
    return [body]


def serve(config_file: str, dev_addr: str | None = None, *, livereload: bool = True,
          open_in_browser: bool = False) -> None:
    """Build the site into a temporary folder, serve it and rebuild on every change
    of the docs, the content, mkdocs.yml or the theme overrides."""
    preview = _Preview(config_file, {"dev_addr": dev_addr} if dev_addr else {})
    try:
        preview.server.listen()
        preview.builder(preview.config)
        if livereload:
            preview.watch_sources()
        try:
            preview.server.serve(open_in_browser=open_in_browser)
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            preview.server.shutdown()
    finally:
        preview.config.plugins.on_shutdown()
        if isdir(preview.site_dir):
            shutil.rmtree(preview.site_dir)


class _Preview:
    """One `swvsite serve` session: its configuration, caches and server."""

    def __init__(self, config_file: str, options: dict[str, str]) -> None:
        self.config_file = config_file
        self.options = options
        self.site_dir = tempfile.mkdtemp(prefix="swvsite-voorbeeld-")
        self.cache = PageCache()
        self.templates = TemplateCache()
        self.config = config = self.load()
        config.plugins.on_startup(command="serve", dirty=False)
        host, port = config.dev_addr
        mount_path = urlsplit(config.site_url or "/").path
        config.site_url = self.serve_url = _serve_url(host, port, mount_path)
        self.builder = self._builder  # one object: MkDocs compares it in watch()
        self.server = PreviewServer(builder=self.builder, host=host, port=port,
                                    root=self.site_dir, mount_path=mount_path)
        self.server.error_handler = self.error_page

    def load(self) -> MkDocsConfig:
        return load_config(config_file=self.config_file, site_dir=self.site_dir, **self.options)

    def build_site(self, config: MkDocsConfig | None = None) -> None:
        log.info("Building documentation...")
        if config is None:
            config = self.load()
            config.site_url = self.serve_url
        # Several processes only for the first build (forking once the server's
        # threads run is unsafe; build() checks that itself).
        stats = build(config, cache=self.cache, serve_url=self.serve_url, keep_site=True,
                      templates=self.templates, jobs=usable_cores())
        if stats.reused:
            log.info(f"{stats.pages - stats.reused} of {stats.pages} pages rendered, "
                     f"{stats.reused} unchanged")

    def _builder(self, config: MkDocsConfig | None = None) -> None:
        """Build; a failure is kept for the problem page instead of raised, so
        that MkDocs counts the build as done and no request waits for it."""
        server = self.server
        errors = _ErrorLog()
        engine_logger().addHandler(errors)
        try:
            self.build_site(config)
        except Exception as error:  # noqa: BLE001 - every failure goes to the problem page
            server.failure = BuildFailure.of(error, errors.messages)
            if server.failure.unexpected:
                log.error("Onverwachte fout bij het bouwen van de site:\n"
                          + "".join(traceback.format_exception(error)).rstrip())
            log.error(terminal_report(server.failure, self.serve_url))
            return
        finally:
            engine_logger().removeHandler(errors)
        if server.failure is not None:
            log.info("De fouten zijn verbeterd; de voorbeeldweergave toont de site weer.")
        server.failure = None

    def error_page(self, code: int) -> bytes | None:
        if code in (404, 500):
            error_page = join(self.site_dir, f"{code}.html")
            if isfile(error_page):
                with open(error_page, "rb") as f:
                    return f.read()
        return None

    def watch_sources(self) -> None:
        """Rebuild on a change of the docs, mkdocs.yml, the overrides and what the
        plugins (the content folder) and mkdocs.yml's `watch` name."""
        config, server = self.config, self.server
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        if config.theme.custom_dir:
            server.watch(config.theme.custom_dir)
        self.server = server = cast(PreviewServer, config.plugins.on_serve(
            server, config=config, builder=self.builder))
        for item in config.watch:
            server.watch(item)

