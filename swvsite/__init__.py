"""swvsite: the static site generator for an ouder- en jeugdsteunpunt passend onderwijs."""

__version__ = "0.1.0"
