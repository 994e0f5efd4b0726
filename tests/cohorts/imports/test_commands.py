"""The command-line imports (manage.py import_cohort / import_offers) and the purge of old uploads (purge_imports)."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation

from cohorts.enums import ImportKind, ImportStatus
from cohorts.imports.progress import read_progress
from cohorts.imports.report import Report
from cohorts.models import Candidate, Coach, Cohort, ImportJob, Pair
from pages.models import CandidatePage
from snippets.enums import OfferStatus
from snippets.models import Offer, PartnerCompany
from tests.snippets.factories import CityFactory, SectorFactory

DATA = Path(__file__).resolve().parent / "data"
COHORT_FILE = DATA / "cli_cohort.csv"
COHORT_ERRORS_FILE = DATA / "cli_cohort_errors.csv"
OFFERS_FILE = DATA / "cli_offers.xlsx"
EMAILS = {"helene.dubois@example.org", "karim.benali@example.org", "amina.diallo@example.org"}


class TerminalIO(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def references(db, story_index):
    """What the files refer to; contract types (CDI, CDD, Intérim) are seeded by a migration."""
    CityFactory(name="Lyon")
    SectorFactory(label="Logistique", slug="logistique")


def run(command, *args, stderr=None):
    """Run a command in English; its stdout, whether it failed or not, and its CommandError (or None)."""
    stdout, stderr = io.StringIO(), stderr or io.StringIO()
    try:
        call_command(command, *args, "--language", "en", stdout=stdout, stderr=stderr)
    except CommandError as error:
        return stdout.getvalue(), error
    return stdout.getvalue(), None


def test_a_good_cohort_file_is_imported(references):
    stderr = io.StringIO()
    output, error = run("import_cohort", str(COHORT_FILE), stderr=stderr)

    assert error is None
    assert "3 rows read." in output
    assert "3 new, 0 updated, 0 unchanged, 0 with errors" in output
    assert "Dry run" not in output
    assert stderr.getvalue() == ""  # no progress when stderr is not a terminal
    assert set(Candidate.objects.values_list("email", flat=True)) == EMAILS
    karim = Candidate.objects.get(email="karim.benali@example.org")
    assert (karim.last_name, karim.phone, karim.birth_date) == ("Benali", "07 11 22 33 44", datetime.date(1988, 11, 2))
    assert karim.cohort.name == "Promo CLI 2026"
    assert CandidatePage.objects.filter(candidate__email__in=EMAILS, live=False).count() == 3
    helene_page = CandidatePage.objects.get(candidate__email="helene.dubois@example.org")
    assert helene_page.catchphrase == "Je ne lâche rien."
    assert Pair.objects.get(coach__email="claire.martin@example.org").candidate.email == "helene.dubois@example.org"

    job = ImportJob.objects.get()
    assert (job.kind, job.status, job.file_name, job.file_size) == (
        ImportKind.COHORT, ImportStatus.DONE, "cli_cohort.csv", COHORT_FILE.stat().st_size
    )
    assert (job.total_rows, job.new_count, job.updated_count, job.unchanged_count, job.error_count) == (3, 3, 0, 0, 0)
    assert job.uploaded_by is None
    assert not job.file
    assert job.finished_at is not None
    assert Report.from_json(job.report).as_text() == output.strip()
    assert read_progress(job.pk) is None


def test_a_dry_run_writes_nothing(references):
    output, error = run("import_cohort", str(COHORT_FILE), "--dry-run")

    assert error is None
    assert "Dry run: nothing was written." in output
    assert "3 new, 0 updated, 0 unchanged, 0 with errors" in output
    assert not Candidate.objects.exists()
    assert not Coach.objects.exists()
    assert not Cohort.objects.exists()
    assert not CandidatePage.objects.exists()
    job = ImportJob.objects.get()
    assert (job.status, job.new_count) == (ImportStatus.READY, 3)


@pytest.mark.parametrize(("dry_run", "status"), [(False, ImportStatus.FAILED), (True, ImportStatus.INVALID)])
def test_a_bad_file_exits_with_an_error_and_writes_nothing(references, dry_run, status):
    output, error = run("import_cohort", str(COHORT_ERRORS_FILE), *(["--dry-run"] if dry_run else []))

    assert error is not None
    assert "cannot be imported as it is" in str(error)
    assert "line 3, column Date de naissance: « 31/02/1990 » is not a date" in output
    assert "line 4, column E-mail: « amina.diallo@ » is not a valid e-mail address" in output
    assert "1 new, 0 updated, 0 unchanged, 2 with errors" in output
    assert "Nothing was written: fix the errors and import the file again." in output
    assert not Candidate.objects.exists()
    assert not Coach.objects.exists()
    assert not Cohort.objects.exists()
    assert not CandidatePage.objects.exists()
    job = ImportJob.objects.get()
    assert (job.status, job.error_count) == (status, 2)


def test_importing_the_same_file_twice_changes_nothing(references):
    run("import_cohort", str(COHORT_FILE))
    pages = set(CandidatePage.objects.values_list("pk", flat=True))

    output, error = run("import_cohort", str(COHORT_FILE))

    assert error is None
    assert "0 new, 0 updated, 3 unchanged, 0 with errors" in output
    assert Candidate.objects.count() == 3
    assert Pair.objects.count() == 1
    assert set(CandidatePage.objects.values_list("pk", flat=True)) == pages
    assert list(ImportJob.objects.values_list("status", "new_count", "unchanged_count")) == [
        (ImportStatus.DONE, 0, 3), (ImportStatus.DONE, 3, 0),  # newest first
    ]


def test_offers_are_imported_pending_validation(references):
    output, error = run("import_offers", str(OFFERS_FILE))

    assert error is None
    assert "2 new, 0 updated, 0 unchanged, 0 with errors" in output
    assert "Boulangerie Ange" in output and "Transports Rhône" in output  # the companies it created
    offer = Offer.objects.get(reference="BA-12")
    assert (offer.company.name, offer.start_date, offer.positions, offer.contact_email) == (
        "Boulangerie Ange", datetime.date(2026, 9, 1), 2, "recrutement@ange.fr"
    )
    assert set(Offer.objects.values_list("status", flat=True)) == {OfferStatus.PENDING}
    assert PartnerCompany.objects.count() == 2
    job = ImportJob.objects.get()
    assert (job.kind, job.status, job.new_count) == (ImportKind.OFFERS, ImportStatus.DONE, 2)

    output, error = run("import_offers", str(OFFERS_FILE))
    assert "0 new, 0 updated, 2 unchanged, 0 with errors" in output
    assert Offer.objects.count() == 2


def test_a_missing_file_is_refused(db):
    with pytest.raises(CommandError, match="There is no file at /nowhere/cohort.csv"):
        call_command("import_cohort", "/nowhere/cohort.csv", "--language", "en", stdout=io.StringIO())
    assert not ImportJob.objects.exists()


def test_a_file_too_big_is_refused_before_reading(references, settings):
    settings.IMPORT_MAX_BYTES = 100

    output, error = run("import_cohort", str(COHORT_FILE))

    assert error is not None
    assert "more than the 100\xa0bytes allowed" in output
    assert not Candidate.objects.exists()
    job = ImportJob.objects.get()
    assert (job.status, job.error_count) == (ImportStatus.FAILED, 1)


def test_progress_is_shown_on_a_terminal_only(references):
    terminal = TerminalIO()
    run("import_cohort", str(COHORT_FILE), stderr=terminal)

    assert "\r50 %" in terminal.getvalue()
    assert "\x1b" not in terminal.getvalue()  # plain text, not the red of errors
    assert terminal.getvalue().endswith("\r")  # the line is cleared before the report


def test_an_unexpected_error_is_recorded_as_failed(references, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("cohorts.imports.command.run_import", explode)

    with pytest.raises(RuntimeError):
        run("import_cohort", str(COHORT_FILE))

    job = ImportJob.objects.get()
    assert job.status == ImportStatus.FAILED
    assert job.report["file_errors"] == ["The import stopped on an unexpected error: disk full"]


def test_messages_are_in_the_site_language_by_default(references, monkeypatch, settings):
    settings.LANGUAGE_CODE = "fr"
    languages = []

    def fake_run(kind, data, file_name, *, dry_run, progress=None, **kwargs):
        languages.append(translation.get_language())
        return Report(kind=kind, dry_run=dry_run)

    monkeypatch.setattr("cohorts.imports.command.run_import", fake_run)

    call_command("import_cohort", str(COHORT_FILE), stdout=io.StringIO())
    call_command("import_cohort", str(COHORT_FILE), "--language", "en", stdout=io.StringIO())

    assert languages == ["fr", "en"]


def _job(hours_ago, status=ImportStatus.READY):
    job = ImportJob.objects.create(kind=ImportKind.COHORT, file_name="promo.csv", status=status)
    job.file.save("promo.csv", ContentFile(b"promotion;prenom;nom;email\n"))
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - datetime.timedelta(hours=hours_ago))
    return job


def test_purge_deletes_the_files_of_old_imports_only(db):
    old = _job(25)
    recent = _job(2)
    running = _job(25, status=ImportStatus.IMPORTING)
    storage, old_name = old.file.storage, old.file.name

    output, error = run("purge_imports")

    assert error is None
    assert output.strip() == "1 import file deleted."
    old.refresh_from_db()
    assert not old.file
    assert not storage.exists(old_name)
    assert old.status == ImportStatus.ABANDONED
    for job in (recent, running):
        job.refresh_from_db()
        assert job.file and storage.exists(job.file.name)

    output, _error = run("purge_imports")
    assert output.strip() == "0 import files deleted."
