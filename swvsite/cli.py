"""The `swvsite` command: check, build, serve and export schemas.

Messages for staff are Dutch; a content mistake never prints a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

# Not from .publish: that pulls in MkDocs, which `swvsite check` does not need.
from swvsite.content.problems import BuildFailed, ContentError, Problem

DEFAULT_CONFIG = "mkdocs.yml"


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    if args.command in ("build", "serve"):
        _import_on_first_use("requests")
    try:
        return args.run(args)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except BuildFailed as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except (OSError, yaml.YAMLError) as exc:  # mkdocs.yml missing, unreadable or broken
        config = getattr(args, "config_file", DEFAULT_CONFIG)
        print(f"{config} kon niet gelezen worden: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _import_on_first_use(name: str) -> None:
    """Import module `name` when one of its attributes is first used, not when it
    is imported. mkdocs-macros imports requests (40 ms, most of its import time)
    at start-up for a feature this site never uses: fetching included files
    from the web. (importlib's LazyLoader does not help here: on Python 3.11 the
    import statement itself reads the module's __spec__ and loads it.)"""
    import importlib
    import importlib.util
    import types

    if name in sys.modules or importlib.util.find_spec(name) is None:
        return

    class OnFirstUse(types.ModuleType):
        def __getattr__(self, attribute):
            module = self.__dict__.get("_module")
            if module is None:
                if sys.modules.get(name) is self:
                    del sys.modules[name]
                module = self.__dict__["_module"] = importlib.import_module(name)
            return getattr(module, attribute)

    sys.modules[name] = OnFirstUse(name)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="swvsite",
        description="Bouw de website van een ouder- en jeugdsteunpunt uit YAML-inhoud.",
    )
    commands = parser.add_subparsers(dest="command", metavar="opdracht")

    check = commands.add_parser("check", help="Controleer de inhoud (er wordt niets gebouwd).")
    check.add_argument("--content", default=None,
                       help="Map met inhoud (standaard: uit mkdocs.yml).")
    check.add_argument("--taal", action="store_true",
                       help="Controleer ook of de teksten taalniveau B1 halen "
                            "(per bestand en veld).")
    check.add_argument("--streng", action="store_true",
                       help="Ook fout als een bestand te lang niet gecontroleerd is.")
    _config_arg(check)
    check.set_defaults(run=_check)

    build = commands.add_parser("build", help="Controleer de inhoud en bouw de hele site.")
    _config_arg(build)
    build.add_argument("--site-dir", default=None, help="Waar de site komt (standaard: site/).")
    build.add_argument("--streng", action="store_true",
                       help="Bouw niet als een bestand te lang niet gecontroleerd is.")
    build.add_argument("--zonder-cache", dest="cache", action="store_false",
                       help="Maak elke pagina opnieuw, ook als er niets aan veranderd is.")
    build.add_argument("--processen", type=int, default=None, metavar="N",
                       help="Maak pagina's met N processen tegelijk (standaard: één per "
                       "processorkern; 1 = alles na elkaar).")
    build.set_defaults(run=_build)

    rollback = commands.add_parser(
        "rollback", help="Zet de vorige gepubliceerde versie van de site terug.")
    _config_arg(rollback)
    rollback.add_argument("--site-dir", default=None,
                          help="De gepubliceerde site (standaard: site/).")
    rollback.set_defaults(run=_rollback)

    links = commands.add_parser(
        "links", help="Controleer de externe links van de gebouwde site (voor een geplande taak).")
    links.add_argument("--extern", action="store_true", required=True,
                       help="Controleer links naar andere websites.")
    _config_arg(links)
    links.add_argument("--site-dir", default=None, help="De gebouwde site (standaard: site/).")
    links.add_argument("--timeout", type=float, default=10.0, help="Seconden per link.")
    links.set_defaults(run=_links)

    site_check = commands.add_parser(
        "check-site", help="Controleer de gebouwde site: pagina's, links, ankers, zoekindex, "
        "geen verzoeken aan andere websites; met --browser ook de toegankelijkheid (axe).")
    _config_arg(site_check)
    site_check.add_argument("--site-dir", default=None, help="De gebouwde site (standaard: site/).")
    site_check.add_argument("--browser", action="store_true",
                            help="Controleer ook elke pagina met axe-core in Chromium "
                            "(WCAG 2.0, 2.1 en 2.2, niveau A en AA).")
    site_check.set_defaults(run=_check_site)

    serve = commands.add_parser("serve", help="Bekijk de site lokaal; herlaadt bij elke wijziging.")
    _config_arg(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="Adres en poort.")
    serve.set_defaults(run=_serve)

    schema = commands.add_parser("schema", help="Schrijf de JSON Schema-bestanden voor editors.")
    schema.add_argument("--out", default="schemas", help="Map voor de schema's.")
    schema.set_defaults(run=_schema)
    new = commands.add_parser("new", help="Maak een nieuw bestand aan, met uitleg bij elk veld.")
    new.add_argument("soort", help="voorziening, school, procedure, thema (of vraag), nieuws, "
                     "begrip of signaal (id: de periode, zoals 2026-q1).")
    new.add_argument("id", help="Kleine letters, cijfers en streepjes; wordt de bestandsnaam en "
                     "het webadres.")
    new.add_argument("--content", default=None, help="Map met inhoud (standaard: uit mkdocs.yml).")
    _config_arg(new)
    new.set_defaults(run=_new)

    imp = commands.add_parser("import-scholen",
                              help="Maak of werk schoolbestanden bij uit het "
                                   "adressenbestand van DUO.")
    imp.add_argument("bestand", help="Het CSV-bestand van DUO ('Adressen van alle vestigingen').")
    imp.add_argument("--swv", default=None,
                     help="Id van het samenwerkingsverband uit organisatie.yml, bijvoorbeeld po.")
    imp.add_argument("--gemeenten", default=None,
                     help="Alleen scholen in deze gemeenten, gescheiden door komma's "
                     "(standaard: de gemeenten van --swv).")
    imp.add_argument("--proef", "--dry-run", dest="dry_run", action="store_true",
                     help="Laat zien wat er zou gebeuren, zonder iets op te slaan.")
    imp.add_argument("--content", default=None, help="Map met inhoud (standaard: uit mkdocs.yml).")
    _config_arg(imp)
    imp.set_defaults(run=_import_scholen)

    fields = commands.add_parser("velden", help="Toon de velden van een soort record, met uitleg.")
    fields.add_argument("soort", nargs="?", help="Bijvoorbeeld voorziening, school, procedure.")
    fields.set_defaults(run=_fields)
    return parser


def _config_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-f", "--config-file", default=DEFAULT_CONFIG,
                        help="Het mkdocs.yml-bestand (standaard: mkdocs.yml).")


def _content_dir(args: argparse.Namespace) -> Path:
    from swvsite.config import content_dir_from_config

    return Path(args.content) if args.content else content_dir_from_config(args.config_file)


def _check(args: argparse.Namespace) -> int:
    from swvsite.config import site_pages
    from swvsite.content.load import load_site
    from swvsite.content.model import SitePages
    from swvsite.content.problems import notices_report

    # The hand-written pages and the address belong to mkdocs.yml's own content; a
    # content folder given with --content is checked on its own.
    pages = SitePages() if args.content else site_pages(args.config_file)
    site = load_site(_content_dir(args), pages=pages)
    if site.notices:
        print(notices_report(site.notices), file=sys.stderr)
    counts = {
        "voorzieningen": len(site.voorzieningen),
        "scholen": len(site.scholen),
        "procedures": len(site.procedures),
        "vragen": len(site.vragen()),
        "begrippen": len(site.begrippen_lijst),
    }
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    against: list[str] = []  # why the content is valid but the check fails all the same
    late = _overdue(site, args.config_file)
    if late:
        print(late, file=sys.stderr)
        if args.streng:
            against.append("er zijn bestanden te lang niet gecontroleerd (--streng)")
    if args.taal:
        from swvsite.content import taal

        bevindingen = taal.check_site(site, _drempels(args.config_file))
        print(taal.report(bevindingen))
        if bevindingen:
            count = len(bevindingen)
            against.append(f"{count} {'tekst haalt' if count == 1 else 'teksten halen'} "
                           "taalniveau B1 niet (--taal; zie hierboven)")
    if against:
        print(f"De inhoud is geldig ({summary}), maar {' en '.join(against)}.", file=sys.stderr)
        return 1
    print(f"De inhoud is in orde: {summary}.")
    return 0


def _drempels(config_file: str):
    """Readability thresholds: the defaults, with the `taal` block of mkdocs.yml on top."""
    from swvsite.config import Settings
    from swvsite.content import taal

    try:
        return taal.Drempels.uit(Settings.read(config_file).taal or None)
    except ValueError as exc:
        raise ContentError([Problem(str(config_file), None, "taal", str(exc))]) from None


def _overdue(site, config_file: str) -> str:
    """The review report for this site, with the limits from mkdocs.yml if there is one."""
    from swvsite.config import Settings
    from swvsite.content import review

    limits = Settings.read(config_file).controle_termijnen
    return review.report(review.overdue(site, review.today(), limits or {}))


def _build(args: argparse.Namespace) -> int:
    from swvsite.engine.background import InBackground
    from swvsite.engine.publish import build_site

    drempels = _drempels(args.config_file)
    summary: list[InBackground] = []

    def start_language_summary(site) -> None:
        summary.append(InBackground(_language_summary, site, drempels))

    try:
        published = build_site(args.config_file, args.site_dir, streng=args.streng,
                               use_cache=args.cache, jobs=args.processen,
                               when_loaded=start_language_summary)
    except BaseException:
        for job in summary:
            job.cancel()
        raise
    target, site, stats = published.site_dir, published.site, published.stats
    print(f"De site is gebouwd in {target}/.")
    made = stats.pages - stats.reused
    if stats.processes > 1:
        print(f"{made} pagina's gemaakt door {stats.processes} processen tegelijk.")
    if stats.reused:
        print(f"{stats.reused} van de {stats.pages} pagina's waren niet veranderd en komen uit "
              "de vorige build.")
    if site:
        from swvsite.content.problems import notices_report

        if site.notices:
            print(notices_report(site.notices), file=sys.stderr)
        print(summary[0].result() if summary else _language_summary(site, drempels))
        late = _overdue(site, args.config_file)
        if late:
            print(late, file=sys.stderr)
    return 0


def _language_summary(site, drempels) -> str:
    from swvsite.content import taal

    return taal.summary(site, drempels).tekst()


def _rollback(args: argparse.Namespace) -> int:
    from swvsite.engine.publish import rollback

    target = rollback(args.config_file, args.site_dir)
    print(f"De vorige versie staat weer in {target}/. Nog een keer 'swvsite rollback' zet "
          "de nieuwere versie terug.")
    return 0


def _links(args: argparse.Namespace) -> int:
    from urllib.parse import urlparse

    from swvsite.config import site_url_from_config
    from swvsite.engine.publish import _target
    from swvsite.tools import links

    site_dir = _target(args.config_file, args.site_dir)
    if not site_dir.is_dir():
        print(f"Er is nog geen gebouwde site in {site_dir}/; bouw eerst met 'swvsite build'.",
              file=sys.stderr)
        return 2
    own = urlparse(site_url_from_config(args.config_file) or "").netloc or None
    results, pages = links.check_site(site_dir, own, timeout=args.timeout)
    text, code = links.report(results, pages)
    print(text)
    return code


def _check_site(args: argparse.Namespace) -> int:
    from swvsite.config import content_dir_from_config, site_dir_from_config
    from swvsite.content.load import load_site
    from swvsite.tools import sitecheck

    site_dir = Path(args.site_dir) if args.site_dir else site_dir_from_config(args.config_file)
    if not (site_dir / "index.html").is_file():
        print(f"Er is nog geen gebouwde site in {site_dir}/; bouw eerst met 'swvsite build'.",
              file=sys.stderr)
        return 2
    site = load_site(content_dir_from_config(args.config_file))
    built, findings = sitecheck.check_built_site(site_dir, site, args.config_file)
    pages = built.pages
    if args.browser:
        from swvsite.tools import axe

        try:
            violations = axe.check_site(site_dir, [p.label for p in pages.values()])
        except axe.BrowserMissing as exc:
            print(f"De browsercontrole kon niet starten: {exc}.", file=sys.stderr)
            return 2
        findings += [sitecheck.Finding(v.page, f"toegankelijkheid (axe, {v.rule}): {v.help}"
                                       + "".join(f"; bij {t}" for t in v.targets[:5]),
                                       "Meld het aan een ontwikkelaar; de regel wordt "
                                       "uitgelegd op https://dequeuniversity.com/rules/axe/"
                                       + v.rule) for v in violations]
    text = sitecheck.report(findings, len(pages))
    print(text, file=sys.stderr if findings else sys.stdout)
    return 1 if findings else 0


def _serve(args: argparse.Namespace) -> int:
    import logging

    from swvsite.engine.publish import show_mkdocs_messages
    from swvsite.engine.serve import AddressUnavailable, serve

    show_mkdocs_messages(logging.INFO)
    try:
        serve(args.config_file, args.dev_addr)
    except AddressUnavailable as exc:
        print(f"De voorbeeldweergave is niet gestart. {exc}", file=sys.stderr)
        return 1
    return 0


def _schema(args: argparse.Namespace) -> int:
    from swvsite.content.schema import write_schemas

    written = write_schemas(Path(args.out))
    print(f"{len(written)} schema's geschreven in {args.out}/.")
    return 0


def _new(args: argparse.Namespace) -> int:
    from swvsite.tools.scaffold import ScaffoldError, new_record, next_steps

    try:
        path = new_record(_content_dir(args), args.soort, args.id)
    except ScaffoldError as exc:
        print(f"Niet aangemaakt: {exc}", file=sys.stderr)
        return 1
    print(next_steps(path, args.soort, args.id))
    return 0


def _import_scholen(args: argparse.Namespace) -> int:
    from swvsite.tools.importer import ImportFailed, import_scholen

    gemeenten = ([g.strip() for g in args.gemeenten.split(",") if g.strip()]
                 if args.gemeenten else None)
    try:
        report = import_scholen(args.bestand, _content_dir(args), gemeenten=gemeenten,
                                swv=args.swv, dry_run=args.dry_run)
    except ImportFailed as exc:
        print(f"De import is gestopt: {exc}", file=sys.stderr)
        return 1
    print(report.text(), end="")
    return report.exit_code


def _fields(args: argparse.Namespace) -> int:
    from swvsite.content import model as m
    from swvsite.content.schema import describe_fields

    if args.soort not in m.RECORD_TYPES:
        names = ", ".join(m.RECORD_TYPES)
        print(f"Kies een soort: {names}", file=sys.stderr)
        return 2
    print(describe_fields(m.RECORD_TYPES[args.soort]))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
