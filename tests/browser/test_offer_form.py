"""A recruiter on a phone fills in the offer form: tips appear as they type, errors sit next to the fields."""

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import axe_violations, describe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def form_url(live_server, home_page):
    from pages.models.offers import OfferFormPage
    from tests.snippets.factories import CityFactory, SectorFactory

    CityFactory(name="Lyon", department="69", staff_emails="equipe-lyon@example.org")
    CityFactory(name="Lille", department="59")
    SectorFactory(label="Restauration", slug="restauration")
    page = OfferFormPage(title="Proposer une offre", slug="proposer-une-offre")
    home_page.add_child(instance=page)
    return live_server.url + page.url


def test_a_recruiter_sends_an_offer_from_a_phone(phone_page, form_url, screenshots_dir):
    from snippets.enums import OfferStatus
    from snippets.models import Offer

    page = phone_page
    page.goto(form_url)
    page.get_by_label("Entreprise", exact=True).fill("Boulangerie Ange")
    page.get_by_label("Intitulé du poste", exact=True).fill("Vendeur ou vendeuse")
    page.get_by_label("Le poste", exact=True).fill("Bac+2 exigé. Vous accueillez les clients.")
    # The live check quotes the words and suggests another wording, before anything is sent.
    tips = page.locator("[data-inclusive-findings]")
    expect(tips).to_contain_text("Bac+2")
    page.get_by_label("CDI", exact=True).check()
    page.get_by_label("Lyon (69)", exact=True).check()
    page.get_by_label("Lille (59)", exact=True).check()
    page.get_by_label("Famille de métiers", exact=True).select_option(label="Restauration")
    page.get_by_label("Votre nom", exact=True).fill("Sophie Martin")
    page.get_by_label("Votre adresse e-mail", exact=True).fill("sophie@boulangerie.example")
    page.get_by_label("Votre numéro de téléphone", exact=True).fill("06 11 22 33 44")
    page.screenshot(path=screenshots_dir / "offer-form-phone.png", full_page=True)

    page.get_by_role("button", name="Envoyer mon offre").click()

    # The consent box was left unticked: the error sits next to it, and nothing is stored.
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator(".field--error")).to_have_count(1)
    page.screenshot(path=screenshots_dir / "offer-form-error-phone.png", full_page=True)
    assert not Offer.objects.exists()

    page.get_by_label("J'accepte que l'équipe du programme me contacte au sujet de cette offre.", exact=True).check()
    page.get_by_role("button", name="Envoyer mon offre").click()

    expect(page.locator("h1")).to_contain_text("Merci")
    page.screenshot(path=screenshots_dir / "offer-form-thanks-phone.png", full_page=True)
    assert sorted(Offer.objects.values_list("city__name", "status")) == [
        ("Lille", OfferStatus.PENDING), ("Lyon", OfferStatus.PENDING)
    ]


def test_the_offer_form_has_no_wcag_22_aa_violation(phone_page, form_url):
    phone_page.goto(form_url)

    violations = axe_violations(phone_page)

    assert [f"{v['id']} ({v['impact']})" for v in violations] == [], describe_violations(violations)
