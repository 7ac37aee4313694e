"""The MkDocs adapter: load content once, add one generated page per record.

Kept thin on purpose: all content-to-Markdown logic lives in `render`, so an
adapter for another engine only has to repeat what is here.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Callable, Iterable
from dataclasses import fields, replace
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from swvsite.config import Settings, default_of, hand_written_pages
from swvsite.content import model as m
from swvsite.content import review
from swvsite.content.load import LoadCache, load_site
from swvsite.content.problems import ContentError
from swvsite.content.signalen import instellingen as signaalinstellingen
from swvsite.engine import theme
from swvsite.engine.previewindex import LaterIndex
from swvsite.pages import (
    bundle,
    exports,
    feeds,
    filters,
    footer,
    headers,
    pagehead,
    pagelinks,
    permalinks,
    redirects,
    zoeken,
    zoekindex,
)
from swvsite.pages.markup import abbreviations
from swvsite.pages.records import RenderMemo, record_pages
from swvsite.pages.redirects import removed_pages
from swvsite.pages.signalen import export as signaalexport
from swvsite.pages.signalen import pagina as signaalpagina
from swvsite.pages.translated import (
    finish_page,
    mark_dutch,
    page_languages,
    search_languages,
    translated_pages,
)

NETLIFY_HEADERS = "_headers"
SAFE_LINKS = "swvsite.engine.safelinks"
NGINX_HEADERS = "_nginx-security-headers.conf"


def _config_schema(settings: type[Settings]) -> type[Config]:
    """MkDocs' option schema for the plugin, made from `Settings` (declared once):
    each field an option of its default's type, with that default."""
    options = {}
    for option in fields(settings):
        default = default_of(option)
        options[option.name] = c.Type(type(default), default=default)
    return type("SwvsiteConfig", (Config,), options)


SwvsiteConfig = _config_schema(Settings)


class SwvsitePlugin(BasePlugin):
    """Loads `content_dir` in on_config and adds record pages in on_files; tells
    swvsite.engine.build's page cache what each page depends on (page_dependencies).
    The build and publish talk to it as a `hooks.SwvsiteHooks`."""

    config_class = SwvsiteConfig
    site: m.Site | None = None
    preview = False  # in `swvsite serve` (see on_startup)
    load_cache: LoadCache | None = None
    render_memo: RenderMemo | None = None
    export_memo: dict | None = None
    later_index: LaterIndex | None = None

    def __init__(self) -> None:
        super().__init__()
        self._script_hashes: set[str] = set()
        self._page_script_hashes: dict[str, list[str]] = {}
        self._files: Files | None = None
        self._digests: dict[str, str] | None = None
        self._streng: bool | None = None
        # Called with the content as soon as it is loaded (swvsite build's B1 summary).
        self._when_loaded: Callable[[m.Site], None] | None = None

    # --- what the build and publish ask of the plugin (hooks.SwvsiteHooks) ---

    @property
    def settings(self) -> Settings:
        """The plugin's options in mkdocs.yml, with what `prepare_build` overrides."""
        settings = Settings.from_options(dict(self.config))
        return settings if self._streng is None else replace(settings, streng=self._streng)

    def prepare_build(self, *, streng: bool = False,
                      when_loaded: Callable[[m.Site], None] | None = None) -> None:
        """For the next build: refuse overdue records (`streng`) and call
        `when_loaded(site)` once, as soon as the content is loaded."""
        self._streng = streng
        self._when_loaded = when_loaded

    @property
    def loaded_site(self) -> m.Site | None:
        return self.site

    @property
    def content(self) -> m.Site:
        """The content, in the events after on_config (which loads it)."""
        if self.site is None:
            raise PluginError("de inhoud is nog niet geladen (on_config)")
        return self.site

    def add_script_hashes(self, hashes: Iterable[str]) -> None:
        """Inline scripts of a page the build did not run through on_post_page (a
        cached page): their hashes go into the site's headers all the same."""
        self._script_hashes.update(hashes)

    def script_hashes_of(self, src_uri: str) -> list[str]:
        """The hashes of the inline scripts in the page made from `src_uri`."""
        return list(self._page_script_hashes.get(src_uri, []))

    def content_path(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.settings.content_dir

    def on_config(self, config):
        docs_dir = Path(config.docs_dir)
        pages = m.SitePages(config.site_url, hand_written_pages(docs_dir),
                            docs_dir if docs_dir.is_dir() else None,
                            Path(config.config_file_path))
        try:
            self.site = site = load_site(self.content_path(config),
                                         self.load_cache if self.preview else None, pages)
        except ContentError as exc:
            raise PluginError(exc.report()) from None
        self._check_review(site, self.settings)
        when_loaded, self._when_loaded = self._when_loaded, None  # once, for this build
        if when_loaded is not None:
            when_loaded(site)
        self._configure_site(config, site)
        return config

    @staticmethod
    def _check_review(site: m.Site, settings: Settings) -> None:
        unknown = review.unknown_types(settings.controle_termijnen)
        if unknown:
            raise PluginError(f"controle_termijnen in mkdocs.yml: onbekende soort(en) "
                              f"{', '.join(unknown)}; kies uit "
                              f"{', '.join(review.DEFAULT_MAX_DAYS)}")
        if settings.streng:
            late = review.overdue(site, review.today(), settings.controle_termijnen)
            if late:
                raise PluginError(review.report(late) + "\nDe site is niet gebouwd (--streng).")

    @staticmethod
    def _configure_site(config: MkDocsConfig, site: m.Site) -> None:
        organisatie = site.organisatie
        config.extra["swvsite"] = {"demo": bool(organisatie["demo"]),
                                   "voet": footer.footer_values(site)}
        config.copyright = html.escape(organisatie["naam"])
        # One stylesheet (huisstijl included) and one script of our own (see bundle).
        if bundle.SCRIPT not in config.extra_javascript:
            config.extra_javascript.append(bundle.SCRIPT)
        if bundle.STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, bundle.STYLESHEET)
        if organisatie["huisstijl"]:
            theme.use_custom_palette(config.theme)
        _add_safe_links(config)
        _add_abbreviations(config, abbreviations(site))

    def on_startup(self, command, dirty):
        """MkDocs keeps a plugin with this event for a whole `serve` session: then
        what did not change between rebuilds is not loaded or rendered again."""
        self.preview = command == "serve"
        if self.preview:
            self.load_cache = LoadCache()
            self.render_memo = RenderMemo(record_digest)
            self.export_memo = {}
            self.later_index = LaterIndex()

    def on_shutdown(self):
        if self.later_index is not None:
            self.later_index.stop()
        self.preview = False
        self.load_cache = self.render_memo = self.export_memo = self.later_index = None

    def on_files(self, files: Files, config) -> Files:
        records = record_pages(self.content, self.render_memo if self.preview else None)
        generated = records + filters.facet_pages(self.content) + translated_pages(self.content)
        generated += signaalpagina.paginas(self.content, self._signalen(), review.today())
        self._languages = page_languages(self.content, Path(config.docs_dir))
        generated += [zoeken.zoekpagina(self.content, taal)
                      for taal in search_languages(self._languages)]
        known = {page.path for page in records}
        generated += removed_pages(self.content, lambda target: self._resolve(target, files, known))
        self._files = files
        for page in generated:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(
                    f"docs/{page.path} bestaat al, maar die pagina wordt gemaakt uit de inhoud; "
                    "verwijder het bestand uit docs/")
            files.append(File.generated(config, page.path, content=page.markdown))
        files.append(File.generated(config, redirects.REDIRECT_SCRIPT,
                                    content=redirects.REDIRECT_JS))
        for name, text in exports.exports(self.content, config.site_url,
                                          self.export_memo if self.preview else None).items():
            files.append(File.generated(config, f"{exports.DATA_DIR}/{name}", content=text))
        for name, text in signaalexport.bestanden(self.content, self._signalen()).items():
            files.append(File.generated(config, f"{exports.DATA_DIR}/{name}", content=text))
        if config.site_url:
            files.append(File.generated(config, feeds.ATOM_PATH,
                                        content=feeds.atom(self.content, config.site_url)))
            files.append(File.generated(config, feeds.JSON_PATH,
                                        content=feeds.json_feed(self.content, config.site_url)))
        files.append(File.generated(config, bundle.SCRIPT, content=bundle.script()))
        for path, text in bundle.feature_files().items():
            files.append(File.generated(config, path, content=text))
        files.append(File.generated(config, bundle.SEARCH_SCRIPT, content=bundle.search_script()))
        files.append(File.generated(config, bundle.STYLESHEET,
                                    content=bundle.stylesheet(theme.palette_css(self.content))))
        return files

    @event_priority(-100)  # after macros, so a description set by a page wins
    def on_page_markdown(self, markdown, page, config, files):
        if page.file.generated_by is None:  # a hand-written page: links to records
            markdown = pagelinks.rewrite(markdown, page.file.src_uri, self.content)
        summary = pagehead.description(self.content, page.file.src_uri)
        if summary and not page.meta.get("description"):
            # Material inserts the description unescaped.
            page.meta["description"] = html.escape(summary, quote=True)
        return markdown

    def _signalen(self) -> signaalinstellingen.Instellingen:
        """The signalen settings (on_config refused the build if they have problems)."""
        return signaalinstellingen.uit(self.settings.signalen or None)[0]

    def _resolve(self, target: str, files: Files, generated: set[str]) -> str:
        """The source page for a site path from verwijderd.yml (`procedures` or
        `procedures/tlv-aanvragen`), among hand-written and generated pages."""
        for candidate in (f"{target}.md", f"{target}/index.md"):
            if candidate in generated or files.get_file_from_path(candidate) is not None:
                return candidate
        record = self.content.verwijderd
        assert record is not None  # only its pages are resolved
        index = next(i for i, e in enumerate(record["paginas"], start=1) if e["naar"] == target)
        field = f"paginas[{index}].naar"
        raise PluginError(f"{record.path}, regel {record.line_of(field)}, veld '{field}': er is "
                          f"geen pagina '{target}'; kies een bestaande pagina, zoals procedures")

    def on_pre_build(self, config):
        if self.later_index is not None:
            self.later_index.stop()  # it would read pages this build rewrites
        self._script_hashes = set()
        self._page_script_hashes = {}
        self._digests = None

    def on_page_content(self, html, page, config, files):
        return mark_dutch(html)

    def on_post_page(self, output, page, config):
        head = pagehead.head_html(self.content, page.file.src_uri, config.site_url, page.title,
                                  page.meta.get("description") or config.site_description)
        output = output.replace("</head>", head + "</head>", 1)
        # The content was marked in on_page_content; the table of contents and the
        # navigation carry its headings' marks still (the staged post-pass does the same).
        output = finish_page(mark_dutch(output), page.file.src_uri, self._languages,
                             config.site_url)
        output = permalinks.quiet_permalinks(output)
        try:
            searched = zoekindex.page_attributes(page.meta.get("search"))
        except ValueError as exc:
            raise PluginError(f"docs/{page.file.src_uri}: {exc}") from None
        output = footer.with_print_attributes(output, {**footer.print_attributes(
            self.content, page.file.src_uri, config.site_url), **searched})
        output = bundle.with_feature_assets(output, page.file.src_uri)
        output, hashes = self._policy(output, page.file.src_uri)
        self._page_script_hashes[page.file.src_uri] = hashes
        return output

    def on_post_template(self, output_content, template_name, config):
        if not template_name.endswith(".html"):
            return None
        return self._policy(output_content, template_name)[0]

    def _policy(self, html: str, where: str) -> tuple[str, list[str]]:
        try:
            html, hashes = headers.add_meta_policy(html)
        except headers.UnexpectedScript as exc:
            raise PluginError(f"{where} bevat een script dat niet van het thema is "
                              f"({exc}); scripts horen in een eigen bestand") from None
        self._script_hashes.update(hashes)
        return html, hashes

    def page_dependencies(self, src_uri: str) -> str:
        """What a page's output is made from besides its Markdown, as a digest (for
        swvsite.engine.build's page cache). Every page shows the organisatie (its name in
        the head, its SWVs in structured data) and the begrippen (abbreviations,
        search words); a record's page also its record (structured data has
        fields that are not in the Markdown). What macros put into a hand-written
        page is in the Markdown the cache keys it on."""
        digests = self._content_digests()
        shared = digests["organisatie"] + digests["begrippen"]
        record = self.content.records_by_page.get(src_uri)
        return shared + digests[record.path] if record is not None else shared

    def _content_digests(self) -> dict[str, str]:
        if self._digests is None:
            self._digests = content_digests(self.content)
        return self._digests

    def on_post_build(self, config):
        site_dir = Path(config.site_dir)
        self._write_redirects(site_dir, config)
        hashes = sorted(self._script_hashes)
        (site_dir / NETLIFY_HEADERS).write_text(headers.netlify_headers(hashes), encoding="utf-8")
        (site_dir / NGINX_HEADERS).write_text(headers.nginx_snippet(hashes), encoding="utf-8")
        if self.later_index is not None:
            self.later_index.schedule(site_dir, self.content_path(config))
        else:
            zoekindex.write(site_dir, self.content)

    def _write_redirects(self, site_dir: Path, config) -> None:
        meta = headers.meta_tag([])
        written = {file.dest_uri for file in self._files} if self._files is not None else set()
        for redirect in redirects.redirects(self.content):
            target = site_dir / redirect.old / "index.html"
            if f"{redirect.old}index.html" in written:
                raise PluginError(f"{redirect.old} is zowel een pagina als een oud adres")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(redirects.redirect_page(redirect, config.site_url, meta),
                              encoding="utf-8")

    def on_serve(self, server, config, builder):
        server.watch(str(self.content_path(config)))
        return server


def record_digest(record: m.Record) -> str:
    """A digest of a record: of its file as loaded, or else of its data."""
    if record.digest:
        return f"{record.path}\x1f{record.digest}"
    return hashlib.blake2b(repr((record.path, record.data)).encode(),
                           digest_size=16).hexdigest()


def content_digests(site: m.Site) -> dict[str, str]:
    """A digest of every record by its file, plus 'organisatie' and 'begrippen'."""
    digests = {record.path: record_digest(record) for record in site.all_records()}
    digests["organisatie"] = digests[site.organisatie.path]
    digests["begrippen"] = digests[site.begrippen.path]
    return digests


def _add_safe_links(config: MkDocsConfig) -> None:
    """Every page's HTML loses unsafe link and image addresses (swvsite.engine.safelinks),
    also when the site's mkdocs.yml does not name the extension."""
    if SAFE_LINKS not in config.markdown_extensions:
        config.markdown_extensions.append(SAFE_LINKS)


def _add_abbreviations(config, glossary: dict[str, str]) -> None:
    """Give Python-Markdown's abbr extension the begrippen as its glossary, once for
    every page (an abbreviation the site's own mkdocs.yml defines wins)."""
    if not glossary:
        return
    if "abbr" not in config.markdown_extensions:
        config.markdown_extensions.append("abbr")
    own = config.mdx_configs.get("abbr") or {}
    config.mdx_configs["abbr"] = {**own, "glossary": {**glossary, **(own.get("glossary") or {})}}
