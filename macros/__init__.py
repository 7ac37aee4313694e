"""mkdocs-macros module: a thin adapter that exposes swvsite's render blocks.

Every block takes the loaded content (from the swvsite plugin, which loaded and
validated it in on_config) and the calling page's path, for relative links.
"""

from swvsite.pages import filters
from swvsite.pages import records as render

BLOCKS = {
    "voorzieningen_overzicht": filters.voorzieningen_overzicht,
    "scholen_overzicht": filters.scholen_overzicht,
    "procedures_overzicht": render.procedures_overzicht,
    "vragen_overzicht": render.vragen_overzicht,
    "begrippenlijst": render.begrippenlijst,
    "contact": render.contact,
    "bij_wie_terecht": render.bij_wie_terecht,
    "steunpunt_contact": render.steunpunt_contact,
    "jongeren_vragen": render.jongeren_vragen,
    "jongeren_contact": render.jongeren_contact,
    "nieuws_overzicht": render.nieuws_overzicht,
    "nieuws_kort": render.nieuws_kort,
}


def define_env(env):
    def bind(name, block):
        def macro():
            site = env.conf.plugins["swvsite"].site
            return block(site, env.page.file.src_uri)

        macro.__name__ = name
        return macro

    for name, block in BLOCKS.items():
        env.macro(bind(name, block))
