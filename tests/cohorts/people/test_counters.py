"""Each candidate's row in the admin shows their story's views, shares and QR scans."""

import datetime

import pytest
from django.urls import reverse

from pages.models.counters import StoryCounter
from tests.cohorts.factories import CandidateFactory

pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]


def test_candidate_list_shows_story_counters(story_index, admin_client):
    candidate = CandidateFactory(published=True, first_name="Awa")
    quiet = CandidateFactory(published=True, first_name="Bintou")
    page = candidate.story_page
    for day, kind, channel, count in [
        (1, "view", "direct", 7), (2, "view", "direct", 3), (1, "share", "linkedin", 2),
        (1, "share", "whatsapp", 1), (1, "qr_scan", "qr", 4),
    ]:
        StoryCounter.objects.create(page=page, kind=kind, channel=channel, day=datetime.date(2026, 11, day),
                                    count=count)

    response = admin_client.get(reverse("wagtailsnippets_cohorts_candidate:list"))

    rows = {row.pk: row for row in response.context["object_list"]}
    assert (rows[candidate.pk].story_views, rows[candidate.pk].story_shares, rows[candidate.pk].story_qr_scans) == (
        10, 3, 4
    )
    assert (rows[quiet.pk].story_views, rows[quiet.pk].story_shares, rows[quiet.pk].story_qr_scans) == (0, 0, 0)
