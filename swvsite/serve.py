"""`swvsite serve`: a preview that shows an edit within a second.

MkDocs' own `mkdocs serve` renders every page again after each change, polls the
watched folders twice a second and puts its reload script inline in every page,
where the site's Content-Security-Policy blocks it. This server differs in three
ways and is otherwise MkDocs' (mkdocs.commands.serve, mkdocs.livereload):

- every rebuild is `swvsite.build.build` with one page cache kept in memory for
  the whole session, so only the pages whose sources changed are rendered; the
  search index, sitemap and the other files of the site are made anew each time,
  so the preview is always the whole, current site;
- the watched folders are watched by the operating system (inotify and the
  like) where watchdog can, instead of being polled;
- the reload script is a file of its own (`/livereload.js`), which the policy
  allows.
"""

from __future__ import annotations

import logging
import os
import shutil
import string
import tempfile
import urllib.parse
from os.path import isdir, isfile, join
from urllib.parse import urlsplit

import watchdog.events
import watchdog.observers
from mkdocs.config import load_config
from mkdocs.livereload import _SCRIPT_TEMPLATE_STR, LiveReloadServer, _serve_url, _timestamp

from .build import TemplateCache, build, usable_cores
from .pagecache import PageCache

log = logging.getLogger("mkdocs.swvsite.serve")

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


class PreviewServer(LiveReloadServer):
    """MkDocs' LiveReloadServer with file system events and a reload script file."""

    build_delay_seconds = 0.05  # edits arrive as a few events in quick succession

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.build_delay = self.build_delay_seconds
        try:
            self.observer = watchdog.observers.Observer()
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

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if path == RELOAD_SCRIPT:
            start_response("200 OK", [("Content-Type", "application/javascript"),
                                      ("Content-Length", str(len(_RELOAD_JS))),
                                      ("Cache-Control", "no-store")])
            return [_RELOAD_JS]
        return super()._serve_request(environ, start_response)

    def _inject_js_into_html(self, content, epoch):
        try:
            body_end = content.rindex(b"</body>")
        except ValueError:
            body_end = len(content)
        query = urllib.parse.urlencode({"epoch": epoch, "id": _timestamp()})
        tag = f'<script src="{RELOAD_SCRIPT}?{query}"></script>'.encode()
        return content[:body_end] + tag + content[body_end:]


def serve(config_file: str, dev_addr: str | None = None, *, livereload: bool = True,
          open_in_browser: bool = False) -> None:
    """Build the site into a temporary folder, serve it and rebuild on every change
    of the docs, the content, mkdocs.yml or the theme overrides."""
    site_dir = tempfile.mkdtemp(prefix="swvsite-voorbeeld-")
    cache = PageCache()
    templates = TemplateCache()
    options = {"dev_addr": dev_addr} if dev_addr else {}

    def get_config():
        return load_config(config_file=config_file, site_dir=site_dir, **options)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    config.site_url = serve_url = _serve_url(host, port, mount_path)

    def builder(config=None):
        log.info("Building documentation...")
        if config is None:
            config = get_config()
            config.site_url = serve_url
        # Several processes only for the first build (forking once the server's
        # threads run is unsafe; build() checks that itself).
        stats = build(config, cache=cache, serve_url=serve_url, keep_site=True,
                      templates=templates, jobs=usable_cores())
        if stats.reused:
            log.info(f"{stats.pages - stats.reused} of {stats.pages} pages rendered, "
                     f"{stats.reused} unchanged")

    server = PreviewServer(builder=builder, host=host, port=port, root=site_dir,
                           mount_path=mount_path)

    def error_handler(code) -> bytes | None:
        if code in (404, 500):
            error_page = join(site_dir, f"{code}.html")
            if isfile(error_page):
                with open(error_page, "rb") as f:
                    return f.read()
        return None

    server.error_handler = error_handler
    try:
        builder(config)
        if livereload:
            server.watch(config.docs_dir)
            if config.config_file_path:
                server.watch(config.config_file_path)
            if config.theme.custom_dir:
                server.watch(config.theme.custom_dir)
            server = config.plugins.on_serve(server, config=config, builder=builder)
            for item in config.watch:
                server.watch(item)
        try:
            server.serve(open_in_browser=open_in_browser)
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        if isdir(site_dir):
            shutil.rmtree(site_dir)

