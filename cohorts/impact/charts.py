"""The impact report's bar charts, laid out in Python and drawn as inline SVG by a template: no JavaScript, no CDN.

Each chart says what it shows in its <title> and <desc>, and writes each bar's label and value as text, so that it
reads without colour and with a screen reader. The figures are also in the table under each chart.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from cohorts.enums import ExitCategory
from cohorts.impact.measures import display

WIDTH = 720
LABEL_WIDTH = 260
VALUE_WIDTH = 130
BAR_AREA = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 10
BAR_HEIGHT = 22
ROW_HEIGHT = 32
PADDING = 8


@dataclass(frozen=True)
class Bar:
    label: str
    display: str
    y: int
    width: int

    @property
    def text_y(self):
        return self.y + BAR_HEIGHT // 2 + 5

    @property
    def value_x(self):
        return LABEL_WIDTH + self.width + 8


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    bars: list
    height: int
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    bar_x: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def bar_chart(key, title, items, *, scale=None):
    """A horizontal bar chart of ``items`` (label, number, text shown); bars are scaled to ``scale`` or the largest."""
    top = scale or max((number for _label, number, _text in items), default=0) or 1
    bars = [
        Bar(str(label), display(text), PADDING + index * ROW_HEIGHT, round(BAR_AREA * number / top) if number else 0)
        for index, (label, number, text) in enumerate(items)
    ]
    description = "; ".join(f"{bar.label}: {bar.display}" for bar in bars)
    return Chart(key, str(title), description, bars, 2 * PADDING + ROW_HEIGHT * len(bars))


def rate_items(rows):
    """(label, Rate) rows as bars scaled to 100 %, each showing its numerator and denominator."""
    return [(label, rate.percent or 0, str(rate)) for label, rate in rows]


def report_charts(report):
    """One chart per section of the report, keyed like the tables they illustrate."""
    funnel = report.funnel_stages()
    return {
        "people": bar_chart("people", _("Candidates"), [
            (_("Entries"), report.entries, report.entries),
            (_("In programme at the end"), report.in_programme, report.in_programme),
            (_("Exits"), report.exits, report.exits),
        ]),
        "exits": bar_chart("exits", _("Exits by category"), [
            (label, report.exits_by_category.get(value, 0), report.exit_rate([value]))
            for value, label in ExitCategory.choices
        ]),
        "follow_up": bar_chart("follow_up", _("Still employed, in % of checks answered"), rate_items([
            (_("At 6 months"), report.six_months), (_("At the end of the trial period"), report.trial),
        ]), scale=100),
        "first_contract": bar_chart("first_contract", _("Time from entry to first contract"), [
            (label, count, count) for label, count in report.first_contract_delays()
        ]),
        "funnel": bar_chart("funnel", _("Applications by furthest stage reached"), [
            (label, count, rate if rate is not None else count) for label, count, rate in funnel
        ]),
        "offers": bar_chart("offers", _("Offers received"), [
            (_("Public"), report.offers_public, report.offers_public),
            (_("Private"), report.offers_private, report.offers_private),
        ]),
        "offers_by_company": bar_chart("offers_by_company", _("Offers by company (top 10)"), [
            (row["company"], row["total"], row["total"]) for row in report.offers_by_company[:10]
        ]),
        "sharing": bar_chart("sharing", _("Views, shares and QR scans"), [
            (_("Views"), report.counters.get("view", 0), report.counters.get("view", 0)),
            (_("Shares"), report.counters.get("share", 0), report.counters.get("share", 0)),
            (_("QR code scans"), report.counters.get("qr_scan", 0), report.counters.get("qr_scan", 0)),
        ]),
        "coaching": bar_chart("coaching", _("Coach activity"), [
            (_("Pairs matched"), report.pairs_matched, report.pairs_matched),
            (_("Sessions logged"), report.sessions, report.sessions),
            (_("Coaches active"), report.active_coaches, report.active_coaches),
        ]),
        "hiring_companies": bar_chart("hiring_companies", _("Hires in the period by company (top 10)"), [
            (row["company"], row["hires"], row["hires"]) for row in report.hiring_companies[:10]
        ]),
    }
