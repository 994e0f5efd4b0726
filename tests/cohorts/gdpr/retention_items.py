"""What the retention tests share: items of every kind the purge knows, dated relative to today; table snapshots."""

import datetime
from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone, translation

from cohorts.enums import ImportKind, ImportStatus
from cohorts.models import ImportJob
from pages.sharing import SESSION_KEY
from tests.cohorts.factories import (
    CandidateFactory,
    CoachingSessionFactory,
    ContactRequestFactory,
    OutcomeFactory,
    PairFactory,
)

SessionStore = import_module(settings.SESSION_ENGINE).SessionStore


@pytest.fixture(autouse=True)
def english():
    """Assertions read the English labels; the French ones are checked where staff and the public read them."""
    with translation.override("en"):
        yield


def today():
    return timezone.localdate()


def noon(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def received_on(day, **fields):
    """A contact request received at noon on ``day``."""
    request = ContactRequestFactory(**fields)
    type(request).objects.filter(pk=request.pk).update(created_at=noon(day))
    return request


def import_on(day, *, name="Amina Diallo", status=ImportStatus.DONE):
    """An import uploaded on ``day``, whose report names a candidate, quotes her address and a bad date."""
    report = {
        "kind": "cohort", "dry_run": False, "total": 2, "file_errors": [], "unknown_columns": [],
        "rows": [
            {"line": 2, "status": "new", "label": name, "changes": ["email: amina@example.org"], "errors": []},
            {"line": 3, "status": "error", "label": "Awa Traoré", "changes": [], "errors": [
                {"column": "date_naissance", "letter": "E", "value": "31/02/1990",
                 "message": "« 31/02/1990 » is not a date"},
            ]},
        ],
        "created": [["Coaches", ["Claire Martin"]]],
    }
    job = ImportJob.objects.create(kind=ImportKind.COHORT, status=status, file_name="promo.csv", total_rows=2,
                                   new_count=1, error_count=1, report=report)
    ImportJob.objects.filter(pk=job.pk).update(created_at=noon(day))
    return job


def pair_ended_on(day, note="Elle préfère les horaires du matin, sa fille est à la crèche."):
    """A pair that ended on ``day``, with one session and its private note."""
    pair = PairFactory(start_date=day - datetime.timedelta(days=180), end_date=day)
    return CoachingSessionFactory(pair=pair, date=day - datetime.timedelta(days=7), note=note)


def left_on(day, **fields):
    """A candidate who left the programme on ``day`` (a drop-out), with a contact request about them."""
    candidate = CandidateFactory(**fields)
    OutcomeFactory(candidate=candidate, drop_out=True, exit_date=day)
    received_on(today(), candidate=candidate)
    candidate.refresh_from_db()  # the outcome set its status
    return candidate


def visitor_counted_on(day, **other):
    """A visitor's session that remembers the stories it was counted for on ``day``; ``other`` keys beside."""
    session = SessionStore()
    session[SESSION_KEY] = {"day": day.isoformat(), "keys": ["view:1:direct", "share:1:linkedin"]}
    for key, value in other.items():
        session[key] = value
    session.create()
    return session.session_key


def snapshot():
    """Every row of every table: what a dry run, or a second run, must leave untouched."""
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table in tables and not model._meta.proxy
    }
