"""Erasing a candidate's data: nothing of them is left anywhere, and the impact figures do not move by one."""

import datetime
import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from cohorts.enums import CandidateStatus
from cohorts.gdpr.audit import ERASE_ACTION
from cohorts.gdpr.erasure import AlreadyErased, erase_candidate
from cohorts.impact.export import csv_text, xlsx_bytes
from cohorts.impact.figures import compute_impact, headline
from cohorts.impact.measures import ImpactFilters
from cohorts.models import Application, ApplicationStatusChange, Candidate, ContactRequest, FollowUpCheck, ImportJob
from pages.models import CandidatePage, CustomImage, CustomRendition, StoryCounter
from pages.sharing import total_shares
from snippets.models import Offer
from tests.cohorts.factories import CandidateFactory
from tests.cohorts.gdpr.conftest import EMAIL, FIRST_NAME, LAST_NAME, make_zephyrine, mentions_in_database
from tests.snippets.factories import UserFactory

D = datetime.date
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Unclosed file <tempfile.SpooledTemporaryFile:ResourceWarning"),
]


def erase(candidate, user=None, reason="Demande écrite du 3 mars", capture=None):
    user = user or UserFactory()
    if capture is None:
        return erase_candidate(candidate=candidate, user=user, reason=reason)
    with capture(execute=True):
        return erase_candidate(candidate=candidate, user=user, reason=reason)


def every_figure(programme):
    """Every table of the report, internal and public, the headline and both export files, for several filters."""
    filters = [
        ImpactFilters(D(2025, 1, 1), D(2027, 12, 31)),
        ImpactFilters(D(2026, 1, 1), D(2026, 6, 30)),
        ImpactFilters(D(2026, 3, 1), D(2026, 3, 31)),
        ImpactFilters(D(2025, 1, 1), D(2027, 12, 31), cohort=programme.cohort_a),
        ImpactFilters(D(2026, 1, 1), D(2026, 12, 31), city=programme.paris),
        ImpactFilters(D(2025, 1, 1), D(2027, 12, 31), city=programme.lille),
    ]
    figures = []
    with translation.override("en"):
        for impact_filters in filters:
            report = compute_impact(impact_filters)
            for audience in ("internal", "public"):
                tables = [(table.key, str(table.title), [str(c) for c in table.columns],
                           [[str(value) for value in row] for row in table.rows], str(table.note))
                          for table in report.tables(audience)]
                workbook = load_workbook(io.BytesIO(xlsx_bytes(report, audience)))
                cells = [[cell.value for cell in row] for sheet in workbook for row in sheet.iter_rows()]
                figures.append((tables, [tuple(map(str, item)) for item in headline(report, audience)],
                                csv_text(report, audience), cells))
    return figures, total_shares()


def test_the_impact_figures_and_the_funder_export_are_exactly_the_same_after_an_erasure(
    programme, django_capture_on_commit_callbacks
):
    offer = Offer.objects.filter(city=programme.paris, target_candidate__isnull=True).first()
    held = make_zephyrine(cohort=programme.cohort_a, offer=offer)
    before = every_figure(programme)

    erase(held.candidate, capture=django_capture_on_commit_callbacks)

    assert every_figure(programme) == before
    assert not CandidatePage.objects.filter(candidate=held.candidate).exists()


def test_the_figures_count_her_before_the_erasure(programme):
    """The test above means something: her story's views and her hire are in the figures it compares."""
    period = ImpactFilters(D(2026, 3, 1), D(2026, 3, 31), cohort=programme.cohort_a)
    without = compute_impact(period)
    make_zephyrine(cohort=programme.cohort_a)
    with_her = compute_impact(period)
    assert with_her.counters["view"] == without.counters.get("view", 0) + 40
    assert len(with_her.days_to_first_contract) == len(without.days_to_first_contract) + 1


def test_nothing_of_her_is_left_anywhere_in_the_database(zephyrine, django_capture_on_commit_callbacks):
    before = mentions_in_database()
    # The search finds her where she was: her record, revisions, the index, log entries, a report, the task queue.
    tables = {table for table, _column in before}
    assert {"cohorts_candidate", "wagtailcore_revision", "wagtailcore_modellogentry", "cohorts_importjob",
            DBTaskResult._meta.db_table, "cohorts_contactrequest", "wagtailsearch_indexentry",
            "pages_customimage"} <= tables

    erase(zephyrine.candidate, reason=f"{FIRST_NAME} {LAST_NAME} l'a demandé par courrier ({EMAIL}).",
          capture=django_capture_on_commit_callbacks)

    assert mentions_in_database() == []
    assert mentions_in_database(["sophie@boulangerie.example", "07 11 22 33 44", "Sophie Recruteuse"]) == []


def test_the_record_is_anonymised_and_keeps_what_the_figures_count(zephyrine):
    candidate = zephyrine.candidate
    dpo = UserFactory(username="dpo")

    erase(candidate, user=dpo)

    candidate.refresh_from_db()
    with translation.override("en"):
        assert str(candidate) == f"Erased person #{candidate.pk}"
    with translation.override("fr"):
        assert str(candidate) == f"Personne effacée #{candidate.pk}"
    assert (candidate.first_name, candidate.last_name, candidate.phone, candidate.notes) == ("", "", "", "")
    assert candidate.birth_date is None
    assert (candidate.erased_by, candidate.status) == (dpo, CandidateStatus.HIRED)
    assert candidate.erased_at is not None
    assert candidate.cohort == zephyrine.pair.candidate.cohort
    application = Application.objects.get(pk=zephyrine.application.pk)
    assert (application.status, application.notes, application.hired_start_date) == ("hired", "", D(2026, 3, 2))
    assert [change.to_status for change in ApplicationStatusChange.objects.filter(application=application)] == [
        "proposed", "contacted", "hired"]
    assert set(ApplicationStatusChange.objects.filter(application=application).values_list("note", flat=True)) == {""}
    assert candidate.outcome.category == "durable_employment"
    assert candidate.outcome.start_date == D(2026, 3, 2)
    checks = FollowUpCheck.objects.filter(outcome=candidate.outcome)
    assert checks.count() == 3
    assert checks.filter(still_employed=True).count() == 1
    assert not candidate.consents.current().exists()
    contact = ContactRequest.objects.get(pk=zephyrine.contact.pk)
    assert (contact.name, contact.email, contact.phone, contact.message, contact.help_kind) == (
        "", "", "", "", zephyrine.contact.help_kind)


def test_the_other_rows_of_an_import_report_are_kept(zephyrine):
    erase(zephyrine.candidate)

    rows = ImportJob.objects.get(pk=zephyrine.job.pk).report["rows"]
    assert rows[0] == {"line": 2, "status": "updated", "label": str(Candidate.objects.get(pk=zephyrine.candidate.pk)),
                       "changes": [], "errors": []}
    assert rows[1] == {"line": 3, "status": "new", "label": "Autre Personne", "changes": [], "errors": []}


def test_her_story_its_revisions_log_entries_photos_and_files_are_gone(zephyrine, django_capture_on_commit_callbacks):
    page_id = zephyrine.page.pk
    files = [photo.file.path for photo in zephyrine.photos] + [zephyrine.rendition.file.path]
    assert all(os.path.exists(path) for path in files)
    assert Revision.page_revisions.filter(object_id=str(page_id)).count() >= 3

    erase(zephyrine.candidate, capture=django_capture_on_commit_callbacks)

    assert not CandidatePage.objects.filter(pk=page_id).exists()
    assert not Revision.page_revisions.filter(object_id=str(page_id)).exists()
    assert not PageLogEntry.objects.filter(page_id=page_id).exists()
    assert not CustomImage.objects.filter(pk__in=[photo.pk for photo in zephyrine.photos]).exists()
    assert not CustomRendition.objects.exists()
    assert not any(os.path.exists(path) for path in files)
    # The story's counts stay, under her cohort.
    counters = StoryCounter.objects.filter(cohort=zephyrine.candidate.cohort)
    assert sorted(counters.values_list("kind", "count")) == [("qr_scan", 3), ("share", 6), ("view", 40)]
    assert not StoryCounter.objects.filter(page__isnull=False, cohort__isnull=False).exists()


def test_a_failed_erasure_leaves_every_file_in_place(zephyrine, django_capture_on_commit_callbacks):
    files = [photo.file.path for photo in zephyrine.photos]
    with pytest.raises(ValidationError), django_capture_on_commit_callbacks(execute=True):
        erase_candidate(candidate=zephyrine.candidate, user=zephyrine.staff, reason="  ")
    assert all(os.path.exists(path) for path in files)
    assert CandidatePage.objects.filter(candidate=zephyrine.candidate).exists()


def test_the_erasure_is_logged_under_the_anonymised_name_with_the_reason_cleaned(zephyrine):
    dpo = UserFactory(username="dpo")
    erase(zephyrine.candidate, user=dpo, reason=f"Courrier de {FIRST_NAME} {LAST_NAME}, {EMAIL}")

    candidate = Candidate.objects.get(pk=zephyrine.candidate.pk)
    entry = ModelLogEntry.objects.get(action=ERASE_ACTION, object_id=str(candidate.pk))
    assert (entry.user, entry.label) == (dpo, str(candidate))
    assert entry.data == {"reason": "Courrier de […], […]"}
    # Every earlier entry of her records now carries their anonymised text.
    labels = set(ModelLogEntry.objects.values_list("label", flat=True))
    assert not [label for label in labels if FIRST_NAME in label or LAST_NAME in label]


def test_an_erased_candidate_cannot_be_erased_twice(zephyrine):
    first = UserFactory(username="first")
    erase(zephyrine.candidate, user=first)

    with pytest.raises(AlreadyErased):
        erase(zephyrine.candidate)

    candidate = Candidate.objects.get(pk=zephyrine.candidate.pk)
    assert candidate.erased_by == first
    assert ModelLogEntry.objects.filter(action=ERASE_ACTION).count() == 1


def test_an_erasure_needs_a_reason(zephyrine):
    with pytest.raises(ValidationError):
        erase(zephyrine.candidate, reason="")
    assert not Candidate.objects.get(pk=zephyrine.candidate.pk).is_erased


def test_two_erased_candidates_live_side_by_side(story_index):
    first, second = CandidateFactory(), CandidateFactory()
    erase(first)
    erase(second)
    assert Candidate.objects.filter(erased_at__isnull=False).count() == 2


def test_another_candidate_is_left_alone(zephyrine):
    other = CandidateFactory(with_story=True, first_name="Yasmine", notes="Rappeler Yasmine.")
    erase(zephyrine.candidate)
    other.refresh_from_db()
    assert (other.first_name, other.notes) == ("Yasmine", "Rappeler Yasmine.")
    assert CandidatePage.objects.filter(candidate=other).exists()
