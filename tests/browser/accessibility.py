"""Run axe-core in the page and keep only what breaks WCAG 2.2 AA."""

from axe_playwright_python.sync_playwright import Axe

WCAG_22_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_axe = Axe()


def axe_violations(page):
    """The axe violations of the page as loaded, for the WCAG 2.0, 2.1 and 2.2 A and AA rules."""
    options = {"runOnly": {"type": "tag", "values": WCAG_22_AA_TAGS}, "resultTypes": ["violations"]}
    return _axe.run(page, options=options).response["violations"]


def describe_violations(violations, max_nodes=3):
    """A short, readable list for an assertion message: rule, impact, help text and the first offending nodes."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} [{violation['helpUrl']}]")
        for node in violation["nodes"][:max_nodes]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}")
        if len(violation["nodes"]) > max_nodes:
            lines.append(f"    … and {len(violation['nodes']) - max_nodes} more")
    return "\n".join(lines)
