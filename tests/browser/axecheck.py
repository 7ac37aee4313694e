"""Running axe-core in a Playwright page and reporting its violations readably."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

# WCAG 2.0, 2.1 and 2.2, levels A and AA (axe has no wcag22a tag).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@cache
def axe_source() -> str:
    """axe.min.js as bundled with axe-playwright-python (no network)."""
    return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


@dataclass
class Violation:
    page: str
    rule: str
    impact: str | None
    help: str
    targets: list[str] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"{self.page}  [{self.rule}, {self.impact}] {self.help}"]
        for target, summary in zip(self.targets, self.summaries):
            detail = summary.replace("\n", " ").strip()
            lines.append(f"    {target}" + (f"  -- {detail[:200]}" if detail else ""))
        return "\n".join(lines)


def run_axe(page, label: str | None = None, tags: list[str] = WCAG_TAGS) -> list[Violation]:
    """Inject axe into the loaded page (once per navigation) and run the WCAG rules.
    Returns one Violation per failing rule, with the CSS selectors of its nodes."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {
                runOnly: {type: 'tag', values: tags},
                resultTypes: ['violations'],
            });
            return r.violations.map(v => ({
                rule: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.map(t => [].concat(t).join(' >>> ')).join(' | ')),
                summaries: v.nodes.map(n => n.failureSummary || ''),
            }));
        }""",
        tags,
    )
    label = label or page.url
    return [Violation(page=label, **v) for v in result]


def report(violations: list[Violation]) -> str:
    """A failure message: counts per rule, then every violation with its targets."""
    if not violations:
        return "no violations"
    per_rule: dict[str, int] = {}
    for v in violations:
        per_rule[v.rule] = per_rule.get(v.rule, 0) + 1
    pages = len({v.page for v in violations})
    head = f"{len(violations)} axe violations on {pages} pages; per rule: " + ", ".join(
        f"{rule} ({n} pages)" for rule, n in sorted(per_rule.items()))
    return head + "\n\n" + "\n\n".join(str(v) for v in violations)
