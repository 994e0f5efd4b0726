"""Every figure of the impact report on a programme with known data (tests/impact/conftest.py), for several filters."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from cohorts.enums import ApplicationStatus as S
from cohorts.enums import ExitCategory as E
from cohorts.impact.figures import compute_impact, headline
from cohorts.impact.measures import ImpactFilters, Median, Rate, display
from cohorts.models import Application
from tests.cohorts.factories import CandidateFactory, CohortFactory, OutcomeFactory
from tests.snippets.factories import ContractTypeFactory, OfferFactory

D = datetime.date
YEAR_2026 = (D(2026, 1, 1), D(2026, 12, 31))
FIRST_HALF = (D(2026, 1, 1), D(2026, 6, 30))


def companies(report):
    return [(row["company"], row["hires"], row["hires_to_date"]) for row in report.hiring_companies]


def offers(report):
    return [(row["company"], row["public"], row["private"]) for row in report.offers_by_company]


def test_whole_year_all_cities(programme):
    report = compute_impact(ImpactFilters(*YEAR_2026))
    # Cohorts A (6) and B (4) started in 2026; C started in 2025.
    assert report.entries == 10
    # A6, B2, B3, B4, C4, C5: C1 left in December 2025.
    assert report.in_programme == 6
    assert report.exits_by_category == {E.DURABLE_EMPLOYMENT: 3, E.TRANSITION_EMPLOYMENT: 1, E.POSITIVE_EXIT: 1,
                                        E.OTHER_EXIT: 1, E.DROP_OUT: 2}
    assert report.exits == 8
    assert report.positive_exits == Rate(5, 8)
    assert str(report.positive_exits) == "5 / 8 (63 %)"
    assert report.drop_outs == Rate(2, 8)
    assert report.exit_rate([E.DURABLE_EMPLOYMENT]) == Rate(3, 8)
    # Six-month checks answered and due in 2026: A1 yes, A2 no, C1 yes (A3's is pending).
    assert report.six_months == Rate(2, 3)
    # End of trial: A1, A2, A3, C1 yes; C3 no.
    assert report.trial == Rate(4, 5)
    # A1 46 days (hired application before the outcome), B2 76 (application only), A2 91, A3 119, C3 303.
    assert sorted(report.days_to_first_contract) == [46, 76, 91, 119, 303]
    assert (report.median_days.days, report.median_days.about) == (91, 5)
    assert [count for _label, count in report.first_contract_delays()] == [3, 1, 1]
    assert offers(report) == [("Alpha Nettoyage", 3, 1), ("=Cuisine Nord", 2, 1), ("Bâtir", 1, 0)]
    assert (report.offers_public, report.offers_private) == (6, 2)
    stages = report.funnel_stages()
    assert [count for _label, count, _rate in stages] == [7, 6, 4, 2]
    assert [rate for _label, _count, rate in stages] == [None, Rate(6, 7), Rate(4, 6), Rate(2, 4)]
    assert report.counters == {"view": 15, "share": 3, "qr_scan": 2}
    assert (report.pairs_matched, report.sessions, report.session_hours, report.active_coaches) == (2, 4, 4.0, 3)
    assert companies(report) == [("Alpha Nettoyage", 2, 2), ("Bâtir", 1, 2), ("=Cuisine Nord", 1, 1)]
    assert len(report.companies_hired_again) == 2


def test_one_cohort(programme):
    report = compute_impact(ImpactFilters(*YEAR_2026, cohort=programme.cohort_a))
    assert (report.entries, report.in_programme, report.exits) == (6, 1, 5)
    assert report.exits_by_category == {E.DURABLE_EMPLOYMENT: 2, E.TRANSITION_EMPLOYMENT: 1, E.POSITIVE_EXIT: 1,
                                        E.DROP_OUT: 1}
    assert report.positive_exits == Rate(4, 5)
    assert report.drop_outs == Rate(1, 5)
    assert report.six_months == Rate(1, 2)
    assert report.trial == Rate(3, 3)
    assert (report.median_days.days, report.median_days.about) == (91, 3)
    # Offers of the cohort's city, Paris.
    assert offers(report) == [("Alpha Nettoyage", 3, 1), ("Bâtir", 1, 0)]
    assert [count for _label, count, _rate in report.funnel_stages()] == [3, 3, 3, 1]
    assert report.counters == {"view": 10, "share": 3}
    assert (report.pairs_matched, report.sessions, report.session_hours, report.active_coaches) == (1, 2, 2.5, 1)
    assert companies(report) == [("Alpha Nettoyage", 2, 2), ("Bâtir", 1, 2)]


def test_one_city(programme):
    report = compute_impact(ImpactFilters(*YEAR_2026, city=programme.lille))
    assert (report.entries, report.in_programme, report.exits) == (0, 2, 2)
    assert report.positive_exits == Rate(1, 2)
    assert report.drop_outs == Rate(1, 2)
    assert report.six_months == Rate(1, 1)
    assert report.trial == Rate(1, 2)
    assert (report.median_days.days, report.median_days.about) == (303, 1)
    assert offers(report) == [("=Cuisine Nord", 2, 1)]
    assert [count for _label, count, _rate in report.funnel_stages()] == [2, 1, 0, 0]
    assert report.funnel_stages()[3][2] == Rate(0, 0)
    assert report.funnel_stages()[3][2].percent is None
    assert report.counters == {"view": 5, "qr_scan": 2}
    assert (report.pairs_matched, report.sessions, report.session_hours, report.active_coaches) == (0, 1, 1.0, 1)
    assert companies(report) == [("=Cuisine Nord", 1, 1)]
    assert report.companies_hired_again == []


def test_a_period_that_leaves_some_out(programme):
    report = compute_impact(ImpactFilters(*FIRST_HALF))
    assert report.entries == 6
    # Entered by 30 June (A and C): A6, C3 (leaves on 1 July), C4, C5.
    assert report.in_programme == 4
    assert report.exits_by_category == {E.DURABLE_EMPLOYMENT: 2, E.TRANSITION_EMPLOYMENT: 1, E.POSITIVE_EXIT: 1,
                                        E.DROP_OUT: 2}
    assert report.positive_exits == Rate(4, 6)
    assert report.six_months == Rate(1, 1)
    assert report.trial == Rate(4, 4)
    assert sorted(report.days_to_first_contract) == [46, 91, 119]
    assert offers(report) == [("Bâtir", 1, 0)]
    assert [count for _label, count, _rate in report.funnel_stages()] == [1, 1, 1, 1]
    assert report.counters == {"view": 15, "share": 3, "qr_scan": 2}
    assert (report.pairs_matched, report.sessions, report.session_hours, report.active_coaches) == (1, 3, 3.5, 2)
    # Bâtir's hire of C1 (December 2025) counts "to date".
    assert companies(report) == [("Alpha Nettoyage", 2, 2), ("Bâtir", 1, 2)]


def test_an_empty_period_has_no_rates(programme):
    report = compute_impact(ImpactFilters(D(2030, 1, 1), D(2030, 12, 31), city=programme.paris))
    assert report.exits == 0
    assert report.positive_exits.percent is None
    assert str(report.positive_exits) == "0 / 0"
    assert report.median_days.days is None
    assert str(report.median_days) == "—"


def test_tables_show_small_cells_inside_and_suppress_them_outside(programme):
    report = compute_impact(ImpactFilters(*YEAR_2026))
    internal = {table.key: table for table in report.tables("internal")}
    public = {table.key: table for table in report.tables("public")}
    assert internal["people"].rows[0][1:] == [10]
    assert public["people"].rows[0][1:] == [10]
    exits_internal = {str(row[0]): row[1:] for row in internal["exits"].rows}
    exits_public = {str(row[0]): row[1:] for row in public["exits"].rows}
    assert exits_internal["Durable employment"] == [3, "3 / 8 (38 %)"]
    assert exits_public["Durable employment"] == ["< 5", "< 5"]
    assert exits_public["Positive exits (durable, transition, positive exit)"] == [5, "5 / 8 (63 %)"]
    assert internal["follow_up"].rows[1][1:] == [5, 4, "4 / 5 (80 %)"]
    assert public["follow_up"].rows[1][1:] == [5, "< 5", "< 5"]
    assert internal["first_contract"].rows[0][1] == "91"
    assert public["first_contract"].rows[0][1] == "91"
    assert public["funnel"].rows[1][1:] == [6, "6 / 7 (86 %)"]
    assert public["funnel"].rows[2][1:] == ["< 5", "< 5"]
    # Views, offers and companies are not counts of people: shown as they are.
    assert public["sharing"].rows[2][1] == 2
    assert public["offers_by_company"].rows[2] == ["Bâtir", 1, 0, 1]
    assert public["hiring_companies"].rows[0][1:3] == ["< 5", "< 5"]
    with pytest.raises(ValueError):
        report.tables("everyone")


def test_median_of_fewer_than_5_people_is_suppressed_outside(programme):
    report = compute_impact(ImpactFilters(*YEAR_2026, cohort=programme.cohort_a))
    assert {key: value for key, _label, value, _detail in headline(report, "internal")}["median_days"] == "91"
    public = {key: (value, detail) for key, _label, value, detail in headline(report, "public")}
    assert public["median_days"] == ("< 5", "for < 5 people")
    assert public["entries"] == (6, "")
    assert public["positive_exits"][0] == "< 5"
    assert public["durable_six_months"][0] == "< 5"
    assert public["companies_hired"] == (2, "2 hired again")


@pytest.mark.parametrize(
    ("language", "rate", "median", "count"),
    [
        ("fr", "1\xa0234 / 2\xa0000 (62 %)", "12,5", "10\xa0000"),
        ("en", "1,234 / 2,000 (62 %)", "12.5", "10,000"),
    ],
)
def test_numbers_read_in_the_readers_language(language, rate, median, count):
    with translation.override(language):
        assert str(Rate(1234, 2000)) == rate
        assert str(Median(12.5, about=8)) == median
        assert display(10_000) == count
    assert str(Median(12.0, about=8)) == "12"
    assert display("< 5") == "< 5"


def test_report_tables_group_thousands():
    table = {"columns": ["Company", "Views"], "rows": [["Alpha 2026", 12345]]}
    with translation.override("fr"):
        html = render_to_string("cohorts/impact/table.html", {"table": table})

    assert "<th scope=\"row\">Alpha 2026</th><td>12\xa0345</td>" in html


def test_funnel_counts_each_application_at_its_furthest_stage_with_or_without_history(db):
    """The current status counts even without any history (rows written in bulk), and a stage reached in the history
    counts after the application moved back (withdrawn after an interview)."""
    offer, contract = OfferFactory(published=True), ContractTypeFactory()
    candidates = CandidateFactory.create_batch(5)
    Application.objects.bulk_create([
        Application(offer=offer, candidate=candidates[0], status=S.HIRED, hired_contract_type=contract,
                    hired_start_date=D(2026, 3, 1)),
        Application(offer=offer, candidate=candidates[1], status=S.PROPOSED),
        Application(offer=offer, candidate=candidates[2], status=S.REFUSED_BEFORE_INTERVIEW),
    ])
    withdrawn = Application.objects.create(offer=offer, candidate=candidates[3])
    for status in (S.CONTACTED, S.INTERVIEW, S.WITHDRAWN):
        withdrawn.change_status(status, user=None)
    Application.objects.create(offer=offer, candidate=candidates[4]).change_status(S.IMMERSION, user=None)
    today = timezone.localdate()

    report = compute_impact(ImpactFilters(today - datetime.timedelta(days=1), today))

    assert [count for _label, count, _rate in report.funnel_stages()] == [5, 4, 3, 1]


def test_first_contract_is_the_earliest_job_or_hire_and_must_start_in_the_period(db):
    """A positive exit's start (training) is no contract; nor is the start of a hire the application left since.
    A first contract before the period leaves the candidate out, even with a later one inside it."""
    cohort = CohortFactory(start_date=D(2026, 1, 5), end_date=D(2026, 6, 30))
    training, hire_and_job, two_hires, left_hire, early_hire = CandidateFactory.create_batch(5, cohort=cohort)
    offers, contract = OfferFactory.create_batch(2, published=True), ContractTypeFactory()

    def hired(candidate, offer, start, status=S.HIRED):
        return Application(offer=offer, candidate=candidate, status=status, hired_contract_type=contract,
                           hired_start_date=start)

    Application.objects.bulk_create([
        hired(training, offers[0], D(2026, 3, 1)),
        hired(hire_and_job, offers[0], D(2026, 5, 1)),
        hired(two_hires, offers[0], D(2026, 5, 1)),
        hired(two_hires, offers[1], D(2026, 4, 1)),
        hired(left_hire, offers[0], D(2026, 2, 1), status=S.WITHDRAWN),
        hired(early_hire, offers[0], D(2025, 12, 20)),
    ])
    OutcomeFactory(candidate=training, category=E.POSITIVE_EXIT, employer=None, contract_type=None,
                   exit_date=D(2026, 2, 1), start_date=D(2026, 2, 1), trial_end_date=None)
    OutcomeFactory(candidate=hire_and_job, exit_date=D(2026, 2, 16), start_date=D(2026, 2, 16),
                   trial_end_date=D(2026, 4, 16))
    OutcomeFactory(candidate=left_hire, exit_date=D(2026, 6, 1), start_date=D(2026, 6, 1),
                   trial_end_date=D(2026, 8, 1))
    OutcomeFactory(candidate=early_hire, exit_date=D(2026, 2, 1), start_date=D(2026, 2, 1),
                   trial_end_date=D(2026, 4, 1))

    report = compute_impact(ImpactFilters(*YEAR_2026))

    # training: 1 March (55 days); hire_and_job: the job, 16 February (42); two_hires: 1 April (86);
    # left_hire: the job, 1 June (147); early_hire: 20 December 2025, before the period.
    assert sorted(report.days_to_first_contract) == [42, 55, 86, 147]
