"""The programme's impact figures, as funders read them, for a period, a cohort and a city.

``compute_impact(ImpactFilters(start, end, cohort=None, city=None))`` returns an ``ImpactReport``. It runs a small,
fixed number of aggregate queries whatever the size of the programme. ``report.tables(audience)`` gives its content
as tables (title, column headers, rows) for the admin report, the exports and the public impact page;
``headline(report, audience)`` gives the handful of key figures. With ``audience="public"`` every figure about fewer
than ``SMALL_CELL`` people reads "< 5".

Definitions (dates inclusive; "the period" is from ``start`` to ``end``):

- Scope: the candidates of the cohorts that match the cohort and city filters (a cohort's city). A candidate's entry
  date is their cohort's start date.
- Entries: candidates in scope whose entry date is in the period.
- In programme: candidates in scope who entered on or before the end of the period and have no exit dated on or
  before it.
- Exits: outcomes of candidates in scope with an exit date in the period, by category; each category's rate is over
  all exits. Drop-outs: exits in the "drop-out" category, rate over all exits. Positive exits: durable employment,
  transition employment and positive exits (training, work-study, inclusion employer), rate over all exits.
- Durable employment at 6 months: the six-month follow-up checks due in the period and answered, for candidates in
  scope; rate = still employed / answered. Trial-period pass rate: the same with the end-of-trial checks.
- Days from entry to first contract: for candidates in scope whose first contract starts in the period. The first
  contract is the earliest of the start date of their employment outcome and the start dates of their hired
  applications; days are counted from the entry date. The median is given with the number of people it is about.
- Offers received: offers created in the period, in the chosen city (the cohort's city when a cohort is chosen),
  whatever their status since. Private offers are those aimed at one candidate; all others are public.
- Funnel: applications of candidates in scope created in the period, each counted once, at the furthest stage it
  ever reached (its status history and its current status): proposed (all), contacted (including refused before
  an interview), interview (including a PMSMP immersion and refused after the interview), hired. Each stage's rate
  is over the stage before.
- Views, shares and QR scans: counted on our own server, for days in the period, on story pages of candidates in
  scope; the counts of an erased candidate's story stay, under their cohort (cohorts/gdpr/erasure.py).
- Coach activity: pairs of candidates in scope that started in the period; coaching sessions of those candidates'
  pairs dated in the period (count and hours); coaches who logged at least one of those sessions.
- Companies that hired: partner companies employing candidates in scope in an employment outcome (durable or
  transition) that starts in the period. Hired again: among them, those with two or more hires of programme
  candidates (any cohort, any city) starting on or before the end of the period.
"""

import statistics
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Case, Count, Max, Min, Q, Sum, When
from django.db.models.functions import Coalesce, Least
from django.utils.translation import gettext_lazy as _

from cohorts.enums import ApplicationStatus, ExitCategory, FollowUpKind
from cohorts.hooks import STORY_COUNTERS
from cohorts.hooks import run as run_hook
from cohorts.impact.measures import ImpactFilters, Median, People, Rate, Table, cell, display
from cohorts.models import (
    Application,
    ApplicationStatusChange,
    Candidate,
    CoachingSession,
    FollowUpCheck,
    Outcome,
    Pair,
)
from cohorts.models.outcomes import EMPLOYMENT_CATEGORIES
from snippets.models import Offer

POSITIVE_CATEGORIES = (*EMPLOYMENT_CATEGORIES, ExitCategory.POSITIVE_EXIT)
TOP_COMPANIES = 20

# The furthest stage an application reached, from a status (its current one or one in its history).
STAGE_CONTACTED, STAGE_INTERVIEW, STAGE_HIRED = 1, 2, 3
STAGE_OF_STATUS = {
    ApplicationStatus.CONTACTED: STAGE_CONTACTED,
    ApplicationStatus.REFUSED_BEFORE_INTERVIEW: STAGE_CONTACTED,
    ApplicationStatus.INTERVIEW: STAGE_INTERVIEW,
    ApplicationStatus.IMMERSION: STAGE_INTERVIEW,
    ApplicationStatus.REFUSED_AFTER_INTERVIEW: STAGE_INTERVIEW,
    ApplicationStatus.HIRED: STAGE_HIRED,
}


@dataclass
class ImpactReport:
    filters: ImpactFilters
    entries: int = 0
    in_programme: int = 0
    exits_by_category: dict = field(default_factory=dict)
    six_months: Rate = Rate(0, 0)
    trial: Rate = Rate(0, 0)
    days_to_first_contract: list = field(default_factory=list)
    offers_by_company: list = field(default_factory=list)
    funnel: dict = field(default_factory=dict)
    counters: dict = field(default_factory=dict)
    pairs_matched: int = 0
    sessions: int = 0
    session_minutes: int = 0
    active_coaches: int = 0
    hiring_companies: list = field(default_factory=list)

    # Derived figures.
    @property
    def exits(self):
        return sum(self.exits_by_category.values())

    def exit_rate(self, categories):
        return Rate(sum(self.exits_by_category.get(category, 0) for category in categories), self.exits)

    @property
    def drop_outs(self):
        return self.exit_rate([ExitCategory.DROP_OUT])

    @property
    def positive_exits(self):
        return self.exit_rate(POSITIVE_CATEGORIES)

    @property
    def median_days(self):
        days = self.days_to_first_contract
        return Median(statistics.median(days) if days else None, len(days))

    @property
    def offers_public(self):
        return sum(row["public"] for row in self.offers_by_company)

    @property
    def offers_private(self):
        return sum(row["private"] for row in self.offers_by_company)

    @property
    def session_hours(self):
        return round(self.session_minutes / 60, 1)

    @property
    def companies_hired_again(self):
        return [company for company in self.hiring_companies if company["hires_to_date"] >= 2]

    def funnel_stages(self):
        """(label, count, rate over the stage before) for each stage of the funnel."""
        labels = [_("Proposed"), _("Contacted"), _("Interview"), _("Hired")]
        counts = [self.funnel.get(stage, 0) for stage in range(4)]
        return [
            (label, count, Rate(count, counts[index - 1]) if index else None)
            for index, (label, count) in enumerate(zip(labels, counts, strict=True))
        ]

    def first_contract_delays(self):
        """How many people found their first contract within 3 months, 3 to 6 months, after 6 months."""
        days = self.days_to_first_contract
        return [
            (_("Within 3 months (≤ 91 days)"), sum(1 for d in days if d <= 91)),
            (_("3 to 6 months (92 to 183 days)"), sum(1 for d in days if 91 < d <= 183)),
            (_("More than 6 months"), sum(1 for d in days if d > 183)),
        ]

    def tables(self, audience="internal"):
        """The whole report as tables, in reading order; ``audience="public"`` applies the small-cell rule."""
        raw = [
            Table("people", _("Candidates"), [_("Figure"), _("People")], [
                [_("Entries in the period"), People(self.entries)],
                [_("In programme at the end of the period"), People(self.in_programme)],
                [_("Exits in the period"), People(self.exits)],
            ], _("Entry date: the cohort's start date. In programme: entered, and no exit by the end of the period.")),
            Table("exits", _("Exits by category"), [_("Category"), _("People"), _("Rate over all exits")], [
                *[[label, People(self.exits_by_category.get(value, 0)), self.exit_rate([value])]
                  for value, label in ExitCategory.choices],
                [_("Positive exits (durable, transition, positive exit)"), People(self.positive_exits.numerator),
                 self.positive_exits],
            ], _("Exits dated in the period. Rates are over all exits.")),
            Table("follow_up", _("Follow-up after hiring"),
                  [_("Check"), _("Answered"), _("Still employed"), _("Rate")], [
                [_("Durable employment at 6 months"), People(self.six_months.denominator),
                 People(self.six_months.numerator), self.six_months],
                [_("Trial period passed"), People(self.trial.denominator), People(self.trial.numerator), self.trial],
            ], _("Checks due in the period and answered; rate = still employed / answered.")),
            Table("first_contract", _("Time to first contract"), [_("Figure"), _("Value")], [
                [_("Median days from entry to first contract"), self.median_days],
                [_("People with a first contract starting in the period"), People(self.median_days.about)],
                *[[label, People(count)] for label, count in self.first_contract_delays()],
            ], _("First contract: the earliest start of an employment outcome or of a hired application.")),
            Table("funnel", _("Applications: proposal to hire"),
                  [_("Stage"), _("Applications"), _("Rate over the previous stage")],
                  [[label, People(count), rate if rate is not None else ""]
                   for label, count, rate in self.funnel_stages()],
                  _("Applications created in the period, each counted once at the furthest stage it reached. "
                    "A PMSMP immersion counts as an interview.")),
            Table("offers", _("Offers received"), [_("Offers"), _("Number")], [
                [_("Public offers"), self.offers_public],
                [_("Private offers (aimed at one candidate)"), self.offers_private],
                [_("All offers"), self.offers_public + self.offers_private],
            ], _("Offers created in the period, in the city chosen (the cohort's city for a cohort).")),
            Table("offers_by_company", _("Offers by company"),
                  [_("Company"), _("Public"), _("Private"), _("Total")],
                  [[row["company"], row["public"], row["private"], row["public"] + row["private"]]
                   for row in self.offers_by_company[:TOP_COMPANIES]],
                  _("The %(count)s companies with the most offers.") % {"count": TOP_COMPANIES}),
            Table("sharing", _("Views, shares and QR scans"), [_("Event"), _("Number")], [
                [_("Views"), self.counters.get("view", 0)],
                [_("Shares"), self.counters.get("share", 0)],
                [_("QR code scans"), self.counters.get("qr_scan", 0)],
            ], _("Counted on our own server, without trackers, for the stories of candidates in scope.")),
            Table("coaching", _("Coach activity"), [_("Figure"), _("Number")], [
                [_("Pairs matched in the period"), People(self.pairs_matched)],
                [_("Coaching sessions logged"), People(self.sessions)],
                [_("Hours of coaching"), self.session_hours],
                [_("Coaches who logged at least one session"), People(self.active_coaches)],
            ]),
            Table("companies", _("Companies that hired"), [_("Figure"), _("Companies")], [
                [_("Companies that hired in the period"), len(self.hiring_companies)],
                [_("Of which hired again (2 hires or more to date)"), len(self.companies_hired_again)],
            ], _("Partner companies only; hires to date count every cohort up to the end of the period.")),
            Table("hiring_companies", _("Hires by company"),
                  [_("Company"), _("Hires in the period"), _("Hires to date, all cohorts"), _("Hired again")],
                  [[row["company"], People(row["hires"]), People(row["hires_to_date"]),
                    _("yes") if row["hires_to_date"] >= 2 else _("no")] for row in self.hiring_companies]),
        ]
        return [
            Table(table.key, table.title, table.columns, [[cell(item, audience) for item in row] for row in table.rows],
                  table.note)
            for table in raw
        ]


def headline(report, audience="internal"):
    """The key figures, as (key, label, display value, detail), for the admin home panel and the public page."""
    return [(key, label, cell(item, audience), detail) for key, label, item, detail in headline_items(report, audience)]


def headline_items(report, audience="internal"):
    """The key figures before display, as (key, label, figure, detail): for a page that lays out rates its own way."""
    median = report.median_days
    figures = [
        ("entries", _("Entries"), People(report.entries), ""),
        ("in_programme", _("In programme"), People(report.in_programme), ""),
        ("positive_exits", _("Positive exits"), report.positive_exits, _("over all exits")),
        ("durable_six_months", _("Still employed at 6 months"), report.six_months, _("checks answered")),
        ("median_days", _("Median days to first contract"), median,
         _("for %(count)s people") % {"count": display(cell(People(median.about), audience))}),
        ("companies_hired", _("Companies that hired"), len(report.hiring_companies),
         _("%(count)s hired again") % {"count": display(len(report.companies_hired_again))}),
    ]
    return figures


def compute_impact(filters):
    """Every figure of the report in a fixed number of aggregate queries (see the module docstring)."""
    start, end = filters.start, filters.end
    period = (start, end)
    report = ImpactReport(filters)
    candidates = Candidate.objects.filter(filters.scope())

    counts = candidates.aggregate(
        entries=Count("pk", filter=Q(cohort__start_date__range=period)),
        in_programme=Count("pk", filter=Q(cohort__start_date__lte=end)
                           & (Q(outcome__isnull=True) | Q(outcome__exit_date__gt=end))),
    )
    report.entries, report.in_programme = counts["entries"], counts["in_programme"]

    exits = (Outcome.objects.filter(filters.scope("candidate__"), exit_date__range=period)
             .values_list("category").annotate(n=Count("pk")).order_by())
    report.exits_by_category = dict(exits)

    checks = (FollowUpCheck.objects.filter(filters.scope("outcome__candidate__"), due_on__range=period,
                                           checked_on__isnull=False,
                                           kind__in=[FollowUpKind.SIX_MONTHS, FollowUpKind.TRIAL_END])
              .values("kind").annotate(answered=Count("pk"), yes=Count("pk", filter=Q(still_employed=True)))
              .order_by())
    for row in checks:
        rate = Rate(row["yes"], row["answered"])
        if row["kind"] == FollowUpKind.SIX_MONTHS:
            report.six_months = rate
        else:
            report.trial = rate

    # One row per candidate whose first contract starts in the period, grouped by the candidate's id alone (grouping
    # by every column of the candidate sorted wide rows) and kept in SQL. Least of two Coalesces is the earlier of
    # two dates either of which may be missing, on SQLite (MIN) as on PostgreSQL (LEAST).
    first_hire = Min("applications__hired_start_date", filter=Q(applications__status=ApplicationStatus.HIRED))
    job_start = Max(Case(When(outcome__category__in=EMPLOYMENT_CATEGORIES, then="outcome__start_date")))
    contracts = (candidates.values("pk")
                 .annotate(entry=Max("cohort__start_date"),
                           first_contract=Least(Coalesce(first_hire, job_start), Coalesce(job_start, first_hire)))
                 .filter(first_contract__range=period)
                 .values_list("entry", "first_contract"))
    report.days_to_first_contract = [(first_contract - entry).days for entry, first_contract in contracts]

    since, until = filters.moments
    offers = Offer.objects.filter(created_at__gte=since, created_at__lt=until)
    if filters.offers_city is not None:
        offers = offers.filter(city=filters.offers_city)
    report.offers_by_company = list(
        offers.values("company_id")
        .annotate(company=Max("company__name"),
                  public=Count("pk", filter=Q(target_candidate__isnull=True)),
                  private=Count("pk", filter=Q(target_candidate__isnull=False)),
                  total=Count("pk"))
        .order_by("-total", "company")
    )

    # An application reached a stage when its current status or a status in its history is of that stage or a later
    # one. One pass over the applications, each history tested through a set of ids the database builds once per
    # stage: grouping the applications joined to their histories evaluated a CASE on every history row.
    def reached(stage):
        statuses = [status for status, of in STAGE_OF_STATUS.items() if of >= stage]
        histories = ApplicationStatusChange.objects.filter(to_status__in=statuses).values("application_id")
        return Q(status__in=statuses) | Q(pk__in=histories)

    funnel = (Application.objects.filter(filters.scope("candidate__"), created_at__gte=since, created_at__lt=until)
              .aggregate(s0=Count("pk"), **{f"s{stage}": Count("pk", filter=reached(stage))
                                            for stage in (STAGE_CONTACTED, STAGE_INTERVIEW, STAGE_HIRED)}))
    report.funnel = {reached: funnel[f"s{reached}"] for reached in range(4)}

    counters = Counter()
    for totals in run_hook(STORY_COUNTERS, scope=filters.scope("page__candidate__"),
                           cohort_scope=filters.scope(), period=period):
        counters.update(totals)
    report.counters = dict(counters)

    report.pairs_matched = Pair.objects.filter(filters.scope("candidate__"), start_date__range=period).count()
    sessions = CoachingSession.objects.filter(filters.scope("pair__candidate__"), date__range=period).aggregate(
        sessions=Count("pk"), minutes=Coalesce(Sum("duration_minutes"), 0),
        coaches=Count("pair__coach", distinct=True),
    )
    report.sessions, report.session_minutes = sessions["sessions"], sessions["minutes"]
    report.active_coaches = sessions["coaches"]

    # Every programme hire up to the end, grouped by company; the companies with a hire in scope in the period stay.
    in_scope = filters.scope("candidate__") & Q(start_date__gte=start)
    report.hiring_companies = list(
        Outcome.objects.filter(category__in=EMPLOYMENT_CATEGORIES, employer__isnull=False, start_date__lte=end)
        .values("employer")
        .annotate(company=Max("employer__name"), hires=Count("pk", filter=in_scope), hires_to_date=Count("pk"))
        .filter(hires__gt=0)
        .order_by("-hires_to_date", "company")
    )
    return report
