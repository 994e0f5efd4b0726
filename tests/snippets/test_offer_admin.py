"""Offers in the admin: private offers told apart, readable exports, the validation workflow on the edit screen."""

import pytest
from django.utils import translation

from snippets.enums import OfferSource
from snippets.wagtail_hooks import OfferViewSet
from tests.admin_screens import admin_url, export
from tests.cohorts.factories import CandidateFactory
from tests.snippets.factories import OfferFactory

pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]


@pytest.fixture
def offers():
    return {
        "public": OfferFactory(title="Vendeuse", published=True, part_time=True),
        "private": OfferFactory(
            title="Commis pour Amina", target_candidate=CandidateFactory(), source=OfferSource.FORM
        ),
    }


def test_the_list_filters_private_offers(programme_admin_client, offers):
    response = programme_admin_client.get(admin_url("offer", "list"), {"private": "true"})

    assert [offer.title for offer in response.context["object_list"]] == ["Commis pour Amina"]
    response = programme_admin_client.get(admin_url("offer", "list"), {"private": "false"})
    assert [offer.title for offer in response.context["object_list"]] == ["Vendeuse"]


def test_the_export_says_yes_or_no_and_names_the_source(programme_admin_client, offers):
    header, *rows = export(programme_admin_client, "offer", "csv")

    with translation.override("fr"):
        yes, no = translation.gettext("yes,no,maybe").split(",")[:2]
        private = header.index(str(OfferViewSet.export_headings["is_private"]))
        source = header.index(str(OfferViewSet.export_headings["get_source_display"]))
        by_title = {row[0]: (row[private], row[source]) for row in rows}
        assert by_title == {
            "Vendeuse": (no, str(OfferSource.ADMIN.label)),
            "Commis pour Amina": (yes, str(OfferSource.FORM.label)),
        }
    assert not any("@" in cell for row in rows for cell in row)  # no recruiter contact details


def test_staff_can_send_an_offer_into_the_validation_workflow(programme_admin_client, offers):
    response = programme_admin_client.get(admin_url("offer", "edit", offers["private"].pk))

    assert response.status_code == 200
    assert "Validation des offres" in response.content.decode()


@pytest.mark.parametrize("client_name", ["communication_client", "coach_client"])
def test_other_roles_do_not_reach_offers(request, client_name, offers):
    client = request.getfixturevalue(client_name)

    assert client.get(admin_url("offer", "list")).status_code in (302, 403)
    assert client.get(admin_url("offer", "edit", offers["public"].pk)).status_code in (302, 403)
