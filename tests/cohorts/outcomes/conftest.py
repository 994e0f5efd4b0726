"""What the outcome tests share: English, a way to read refusals, and a hired application."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from cohorts.enums import ApplicationStatus
from cohorts.models.applications import Application
from tests.snippets.factories import ContractTypeFactory, OfferFactory

HIRE_START = datetime.date(2026, 11, 2)


@pytest.fixture(autouse=True)
def english(client):
    """These tests read the admin's English wording."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


def refused(response):
    """Whether the admin refused an admin user: Wagtail sends them to the dashboard with an error message."""
    if response.status_code == 403:
        return True
    if response.status_code != 302 or urlsplit(response.url).path != reverse("wagtailadmin_home"):
        return False
    return {message.level_tag for message in get_messages(response.wsgi_request)} == {"error"}


def outcome_url(view, pk=None):
    return reverse(f"wagtailsnippets_cohorts_outcome:{view}", args=[pk] if pk is not None else [])


def check_url(view, pk=None):
    return reverse(f"wagtailsnippets_cohorts_followupcheck:{view}", args=[pk] if pk is not None else [])


def hire(application, user, *, contract_slug="cdi", start=HIRE_START):
    application.change_status(
        ApplicationStatus.HIRED, user=user, contract_type=ContractTypeFactory(slug=contract_slug), start_date=start
    )
    return application


@pytest.fixture
def application(coached_candidate):
    return Application.objects.create(
        offer=OfferFactory(published=True, title="Commis de cuisine", company__name="Bistrot du Port"),
        candidate=coached_candidate,
    )
