"""The public « données personnelles » page shows the register of processing, with the periods staff set."""

from html import unescape

import pytest

from cohorts.models import RetentionSettings
from pages.models import ContentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def privacy_page(home_page):
    return home_page.add_child(instance=ContentPage(
        title="Données personnelles", slug="donnees-personnelles",
        body=[("heading", "Vos droits"), ("paragraph", "<p>Écrivez-nous.</p>"), ("register", None)],
    ))


def test_the_public_page_shows_the_register_with_the_configured_periods(client, privacy_page):
    RetentionSettings.objects.create(contact_request_months=18, left_candidate_months=48, counter_trace_days=2)

    response = client.get(privacy_page.url)

    assert response.status_code == 200
    body = unescape(response.content.decode())
    assert '<h2 class="register__heading" id="register-heading">Registre des traitements</h2>' in body
    for name in ("Suivi des candidats", "Publication des récits", "Prises de contact", "Offres des partenaires",
                 "Coaching", "Statistiques d'impact", "Compteurs d'audience"):
        assert f">{name}</h3>" in body
    assert "18 mois après la réception de la demande, puis suppression." in body
    assert "puis 48 mois après la sortie" in body
    assert "est oublié après 2 jours." in body
    assert "Finalité" in body and "Base légale" in body and "Destinataires" in body and "Catégories de données" in body


def test_without_saved_settings_the_page_states_the_defaults(client, privacy_page):
    body = unescape(client.get(privacy_page.url).content.decode())
    assert "12 mois après la réception de la demande, puis suppression." in body
    assert not RetentionSettings.objects.exists()


def test_a_page_without_the_block_shows_no_register(client, home_page):
    page = home_page.add_child(instance=ContentPage(title="À propos", slug="a-propos", body=[("heading", "Nous")]))
    assert "register__heading" not in client.get(page.url).content.decode()
