"""Running axe-core in a Playwright page: the code lives in swvsite.tools.axe (it is also
what `swvsite check-site --browser` runs); the browser tests import it from here."""

from swvsite.tools.axe import WCAG_TAGS, Violation, axe_source, report, run_axe  # noqa: F401
