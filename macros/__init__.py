"""mkdocs-macros module: a thin adapter that exposes swvsite's render blocks.

Every macro takes no arguments from the page beyond what it needs; the content
comes from the swvsite plugin, which loaded and validated it in on_config.
"""

from swvsite import render

BLOCKS = (
    "voorzieningen_overzicht",
    "scholen_overzicht",
    "procedures_overzicht",
    "vragen_overzicht",
    "begrippenlijst",
    "contact",
    "bij_wie_terecht",
    "steunpunt_contact",
    "jongeren_vragen",
    "jongeren_contact",
)


def define_env(env):
    def bind(block):
        def macro():
            site = env.conf.plugins["swvsite"].site
            return getattr(render, block)(site, env.page.file.src_uri)

        macro.__name__ = block
        return macro

    for name in BLOCKS:
        env.macro(bind(name))
