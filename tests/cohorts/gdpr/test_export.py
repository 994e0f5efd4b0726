"""Exporting everything held about a candidate or a coach: one ZIP, to read and for machines, each export logged."""

import csv
import datetime
import io
import zipfile

import pytest
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from cohorts.gdpr.audit import EXPORT_DATA_ACTION
from cohorts.gdpr.export import export_candidate, export_coach
from tests.cohorts.factories import CandidateFactory, CoachFactory, CoachingSessionFactory, PairFactory
from tests.cohorts.gdpr.conftest import EMAIL, FIRST_NAME, PHONE, loaded
from tests.snippets.factories import UserFactory

D = datetime.date
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Unclosed file <tempfile.SpooledTemporaryFile:ResourceWarning"),
]


def user_speaking(language):
    user = UserFactory()
    UserProfile.objects.create(user=user, preferred_language=language)
    return user


def csv_rows(archive, name):
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig")), delimiter=";"))


@pytest.fixture
def archive(zephyrine):
    content = export_candidate(candidate=zephyrine.candidate, user=user_speaking("en"))
    return zipfile.ZipFile(io.BytesIO(content))


def test_the_zip_holds_a_summary_the_data_as_json_and_csv_and_the_photo(archive, zephyrine):
    names = set(archive.namelist())
    photo = zephyrine.page.photo
    assert {"summary.html", "data.json", "csv/record.csv", "csv/consents.csv", "csv/pairs.csv", "csv/sessions.csv",
            "csv/applications.csv", "csv/status_history.csv", "csv/contact_requests.csv", "csv/outcome.csv",
            "csv/checks.csv", "csv/story.csv", "csv/story_revisions.csv"} <= names
    photo_name = f"photo/{photo.file.name.rsplit('/', 1)[-1]}"
    assert photo_name in names
    with photo.file.open("rb") as original:
        assert archive.read(photo_name) == original.read()


def test_the_json_holds_everything_about_her(archive, zephyrine):
    data = loaded(archive, "data.json")
    record = data["record"][0]
    assert (record["first_name"], record["email"], record["phone"], record["birth_date"]) == (
        FIRST_NAME, EMAIL, PHONE, "1990-05-17")
    assert record["status"] == "hired"
    assert {consent["purpose"] for consent in data["consents"]} == {"publish_story", "show_photo"}
    assert [session["note"] for session in data["sessions"]] == [f"{FIRST_NAME} a un entretien.", "Préparer le CV."]
    assert [(a["status"], a["notes"]) for a in data["applications"]] == [("hired", f"{FIRST_NAME} motivée")]
    assert [(c["from_status"], c["to_status"]) for c in data["status_history"]] == [
        ("", "proposed"), ("proposed", "contacted"), ("contacted", "hired")]
    assert data["outcome"][0]["category"] == "durable_employment"
    assert {check["kind"] for check in data["checks"]} == {"trial_end", "six_months", "twelve_months"}
    assert data["contact_requests"][0]["message"].startswith(f"Bonjour {FIRST_NAME}")
    assert data["story"][0]["catchphrase"] == f"Moi, {FIRST_NAME}, je ne lâche rien."
    assert len(data["story_revisions"]) >= 3
    assert all(revision["created_at"] for revision in data["story_revisions"])


def test_the_senders_contact_details_are_left_out(archive):
    everything = b"".join(archive.read(name) for name in archive.namelist() if not name.startswith("photo/"))
    assert b"sophie@boulangerie.example" not in everything
    assert b"07 11 22 33 44" not in everything


def test_the_csv_files_read_back_as_the_json(archive):
    data = loaded(archive, "data.json")
    sessions = csv_rows(archive, "csv/sessions.csv")
    assert [row["note"] for row in sessions] == [session["note"] for session in data["sessions"]]
    assert [row["date"] for row in sessions] == ["2026-01-26", "2026-02-09"]
    assert csv_rows(archive, "csv/record.csv")[0]["email"] == EMAIL


def test_the_summary_is_in_french_for_a_french_speaking_user(zephyrine):
    french = zipfile.ZipFile(io.BytesIO(export_candidate(candidate=zephyrine.candidate, user=user_speaking("fr"))))
    english = zipfile.ZipFile(io.BytesIO(export_candidate(candidate=zephyrine.candidate, user=user_speaking("en"))))
    summary_fr, summary_en = french.read("summary.html").decode(), english.read("summary.html").decode()
    assert '<html lang="fr">' in summary_fr
    assert "Séances de coaching" in summary_fr
    assert "Coaching sessions" in summary_en
    assert FIRST_NAME in summary_fr
    # The machines read the same codes whatever the language.
    assert loaded(french, "data.json")["record"][0]["status"] == loaded(english, "data.json")["record"][0]["status"]


def test_each_export_is_logged_in_her_history(zephyrine):
    staff = user_speaking("fr")
    export_candidate(candidate=zephyrine.candidate, user=staff)
    entry = ModelLogEntry.objects.get(action=EXPORT_DATA_ACTION)
    assert (entry.object_id, entry.user) == (str(zephyrine.candidate.pk), staff)


def test_a_candidate_without_story_exports_too(story_index):
    candidate = CandidateFactory()
    archive = zipfile.ZipFile(io.BytesIO(export_candidate(candidate=candidate, user=user_speaking("en"))))
    data = loaded(archive, "data.json")
    assert data["record"][0]["email"] == candidate.email
    assert "story" not in data
    assert data["files"] == []


def test_a_coach_export_holds_their_record_pairs_and_sessions(story_index):
    account = UserFactory(username="coach-export")
    coach = CoachFactory(first_name="Clément", last_name="Bénévole", phone="06 55 44 33 22", user=account)
    candidate = CandidateFactory(first_name="Awa", last_name="Suivie", phone="06 00 00 00 01")
    pair = PairFactory(coach=coach, candidate=candidate, start_date=D(2026, 1, 5))
    CoachingSessionFactory(pair=pair, date=D(2026, 1, 19), note="Première rencontre", logged_by=account)
    CoachingSessionFactory(date=D(2026, 1, 20), note="Autre binôme")
    staff = user_speaking("en")

    archive = zipfile.ZipFile(io.BytesIO(export_coach(coach=coach, user=staff)))

    data = loaded(archive, "data.json")
    assert data["record"][0]["last_name"] == "Bénévole"
    assert data["record"][0]["user"] == "coach-export"
    assert data["pairs"] == [{"candidate": "Awa S.", "start_date": "2026-01-05", "end_date": None}]
    assert [session["note"] for session in data["sessions"]] == ["Première rencontre"]
    assert [row["note"] for row in csv_rows(archive, "csv/sessions.csv")] == ["Première rencontre"]
    # Their candidate's private details are not theirs.
    assert b"06 00 00 00 01" not in archive.read("data.json")
    assert ModelLogEntry.objects.filter(action=EXPORT_DATA_ACTION, object_id=str(coach.pk), user=staff).exists()


@pytest.mark.parametrize("sessions", [3, 30])
def test_the_export_runs_a_fixed_number_of_queries(sessions, zephyrine, django_assert_max_num_queries):
    CoachingSessionFactory.create_batch(sessions, pair=zephyrine.pair, date=D(2026, 2, 16), note="Suivi")
    staff = user_speaking("en")
    with django_assert_max_num_queries(20):
        export_candidate(candidate=zephyrine.candidate, user=staff)
