"""A candidate with something of every kind held about them, and a way to search the whole database for a text.

Zéphyrine Quintavalle has a published story with two photos over its revisions (one with a rendition), counters,
consents, a pair and sessions, applications with notes and status history, an outcome with checks, a contact request,
a row in an import report, log entries, an e-mail waiting in the task queue and her entry in the search index.
"""

import datetime
import json
from types import SimpleNamespace

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.log_actions import log

from cohorts.enums import ApplicationStatus, FollowUpKind
from cohorts.models import Application, FollowUpCheck, ImportJob
from pages.models.counters import StoryCounter
from tests.cohorts.factories import (
    CandidateFactory,
    CoachingSessionFactory,
    ContactRequestFactory,
    OutcomeFactory,
    PairFactory,
)
from tests.cohorts.impact.conftest import programme  # noqa: F401  (the fixture, for the figures)
from tests.pages.factories import ImageFactory
from tests.snippets.factories import ContractTypeFactory, OfferFactory, UserFactory

D = datetime.date
FIRST_NAME, LAST_NAME = "Zéphyrine", "Quintavalle"
EMAIL, PHONE = "zephyrine.quintavalle@example.net", "06 98 76 54 32"
# How her data may be written anywhere: with and without accents, in JSON's escapes, her phone without spaces.
NEEDLES = ["zéphyrine", "zephyrine", "z\\u00e9phyrine", "quintavalle", EMAIL, "06 98 76 54 32", "0698765432"]

pytestmark = pytest.mark.filterwarnings("ignore:Unclosed file <tempfile.SpooledTemporaryFile:ResourceWarning")


def mentions_in_database(needles=NEEDLES):
    """Every (table, column) of the database whose text holds one of ``needles``, whatever the case.

    Every table of the schema, Wagtail's and the search index's too, every column read as text: JSON, revisions'
    content and log entries included.
    """
    found = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = [column.name for column in connection.introspection.get_table_description(cursor, table)]
            for column in columns:
                condition = " OR ".join([f"LOWER(CAST({quote(column)} AS TEXT)) LIKE %s"] * len(needles))
                cursor.execute(f"SELECT COUNT(*) FROM {quote(table)} WHERE {condition}",
                               [f"%{needle.lower()}%" for needle in needles])
                if cursor.fetchone()[0]:
                    found.append((table, column))
    return found


def answer(outcome, kind, still_employed, note=""):
    FollowUpCheck.objects.filter(outcome=outcome, kind=kind).update(
        checked_on=outcome.checks.get(kind=kind).due_on, still_employed=still_employed, note=note
    )


def make_zephyrine(*, cohort=None, offer=None, staff=None):
    """Zéphyrine and everything held about her (see the module docstring)."""
    staff = staff or UserFactory(username="staff-gdpr")
    extra = {"cohort": cohort} if cohort else {}
    candidate = CandidateFactory(first_name=FIRST_NAME, last_name=LAST_NAME, email=EMAIL, phone=PHONE,
                                 notes=f"{FIRST_NAME} préfère être appelée le matin au {PHONE}.", published=True,
                                 **extra)
    log(instance=candidate, action="wagtail.edit", user=staff)
    for consent in candidate.consents.all():
        consent.text_version = f"Formulaire signé par {FIRST_NAME} {LAST_NAME}"
        consent.save()
        log(instance=consent, action="wagtail.create", user=staff)

    page = candidate.story_page
    old_photo = ImageFactory(title=f"{FIRST_NAME} ancienne photo", description=f"{FIRST_NAME} sourit")
    page.photo = old_photo
    page.catchphrase = f"Moi, {FIRST_NAME}, je ne lâche rien."
    page.save_revision()
    photo = ImageFactory(title=f"{FIRST_NAME} {LAST_NAME}, portrait", description=f"{FIRST_NAME} au travail")
    rendition = photo.get_rendition("fill-100x100")
    page.photo = photo
    page.save_revision(user=staff).publish()
    page.refresh_from_db()
    StoryCounter.objects.bulk_create([
        StoryCounter(page=page, kind="view", channel="direct", day=D(2026, 3, 10), count=40),
        StoryCounter(page=page, kind="share", channel="linkedin", day=D(2026, 3, 10), count=6),
        StoryCounter(page=page, kind="qr_scan", channel="qr", day=D(2026, 4, 2), count=3),
    ])

    pair = PairFactory(candidate=candidate, start_date=D(2026, 1, 12))
    CoachingSessionFactory(pair=pair, date=D(2026, 1, 26), duration_minutes=45, note=f"{FIRST_NAME} a un entretien.")
    CoachingSessionFactory(pair=pair, date=D(2026, 2, 9), duration_minutes=90, note="Préparer le CV.")
    offer = offer or OfferFactory(published=True)
    application = Application.objects.create(offer=offer, candidate=candidate, notes=f"{FIRST_NAME} motivée")
    application.change_status(ApplicationStatus.CONTACTED, user=staff, note=f"Appelée au {PHONE}")
    application.change_status(ApplicationStatus.HIRED, user=staff, note="Embauchée",
                              contract_type=ContractTypeFactory(slug="cdi"), start_date=D(2026, 3, 2))
    outcome = OutcomeFactory(candidate=candidate, exit_date=D(2026, 3, 2), start_date=D(2026, 3, 2),
                             trial_end_date=D(2026, 5, 2), employer_name=f"Chez {LAST_NAME}",
                             notes=f"{FIRST_NAME} est ravie.", application=application)
    answer(outcome, FollowUpKind.TRIAL_END, True, note=f"{FIRST_NAME} confirmée")
    contact = ContactRequestFactory(candidate=candidate, name="Sophie Recruteuse", email="sophie@boulangerie.example",
                                    phone="07 11 22 33 44", message=f"Bonjour {FIRST_NAME}, nous aimerions vous voir.")

    report = {
        "kind": "cohort", "dry_run": False, "total": 2, "file_errors": [], "unknown_columns": [], "created": [],
        "rows": [
            {"line": 2, "status": "updated", "label": f"{FIRST_NAME} {LAST_NAME}",
             "changes": [f"Téléphone : 06 11 11 11 11 → {PHONE}"], "errors": []},
            {"line": 3, "status": "new", "label": "Autre Personne", "changes": [], "errors": []},
        ],
    }
    job = ImportJob.objects.create(kind="cohort", status="done", file_name="promo.csv", report=report)
    task = DBTaskResult.objects.create(
        task_path="snippets.mail.send_email_task", backend_name="default", run_after=timezone.now(),
        args_kwargs={"args": [], "kwargs": {"key": "candidate_approval", "to": [EMAIL],
                                            "context": {"candidate_name": FIRST_NAME}}},
    )
    return SimpleNamespace(candidate=candidate, page=page, photos=[old_photo, photo], rendition=rendition,
                           pair=pair, application=application, outcome=outcome, contact=contact, job=job, task=task,
                           staff=staff)


@pytest.fixture
def zephyrine(story_index):
    return make_zephyrine()


def loaded(zip_file, name):
    return json.loads(zip_file.read(name))
