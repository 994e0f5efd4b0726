"""The offers API serves what the public offer list shows, and nothing private."""

import datetime

import pytest

from tests.cohorts.factories import CandidateFactory
from tests.snippets.factories import OfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers():
    public = OfferFactory(title="Vendeuse", published=True, contact_email="rh@boulangerie.example",
                          contact_phone="06 55 44 33 22")
    OfferFactory(title="En attente")
    OfferFactory(title="Pour Amina", published=True, target_candidate=CandidateFactory())
    expired = OfferFactory(title="Expirée", published=True)
    expired.expires_on = expired.published_on - datetime.timedelta(days=365)
    expired.save()
    return public


def test_only_public_offers_are_listed(client, offers):
    response = client.get("/api/v2/offers/")

    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Vendeuse"]
    assert items[0]["company"] == offers.company.name and items[0]["city"] == str(offers.city)


def test_an_offer_never_shows_its_recruiter_nor_its_target(client, offers):
    body = client.get(f"/api/v2/offers/{offers.pk}/").content.decode()

    assert "Vendeuse" in body
    assert "rh@boulangerie.example" not in body and "06 55 44 33 22" not in body and "target" not in body


def test_a_private_offer_is_not_found(client, offers):
    from snippets.models import Offer

    private = Offer.objects.get(title="Pour Amina")
    assert client.get(f"/api/v2/offers/{private.pk}/").status_code == 404


def test_offers_filter_by_city(client, offers):
    other = OfferFactory(title="Agent de quai", published=True)

    items = client.get("/api/v2/offers/", {"city": other.city.pk}).json()["items"]

    assert [item["title"] for item in items] == ["Agent de quai"]


@pytest.mark.parametrize("count", [3, 30])
def test_the_listing_costs_the_same_whatever_the_number_of_offers(client, count, django_assert_max_num_queries):
    OfferFactory.create_batch(count, published=True)

    with django_assert_max_num_queries(3):
        assert client.get("/api/v2/offers/", {"limit": 20}).status_code == 200
