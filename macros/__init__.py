"""mkdocs-macros module: a thin adapter that exposes swvsite's blocks for hand-written pages.

Every block takes the loaded content (from the swvsite plugin, which loaded and
validated it in on_config) and the calling page's path, for relative links.
"""

from swvsite.pages import blocks, contactblok, filters, nieuws
from swvsite.pages.translated import hand_written_block

BLOCKS = {
    "voorzieningen_overzicht": filters.voorzieningen_overzicht,
    "scholen_overzicht": filters.scholen_overzicht,
    "procedures_overzicht": blocks.procedures_overzicht,
    "vragen_overzicht": blocks.vragen_overzicht,
    "begrippenlijst": blocks.begrippenlijst,
    "contact": blocks.contact,
    "bij_wie_terecht": blocks.bij_wie_terecht,
    "steunpunt_contact": blocks.steunpunt_contact,
    "jongeren_vragen": blocks.jongeren_vragen,
    "jongeren_contact": blocks.jongeren_contact,
    "nieuws_overzicht": nieuws.nieuws_overzicht,
    "nieuws_kort": nieuws.nieuws_kort,
    "contactblok": contactblok.contactblok,
    "contactblok_jongeren": contactblok.contactblok_jongeren,
}


def define_env(env):
    def bind(name, block):
        def macro():
            site = env.conf.plugins["swvsite"].site
            return hand_written_block(site, env.page.file.src_uri, block)

        macro.__name__ = name
        return macro

    for name, block in BLOCKS.items():
        env.macro(bind(name, block))
