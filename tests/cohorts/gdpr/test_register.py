"""The register of processing: written once, its retention computed from the settings the purge applies, read by
programme admins in the admin and refused to anyone else."""

import pytest
from django.urls import reverse
from django.utils import translation

from cohorts.gdpr.register import PROCESSINGS, register_entries
from cohorts.models import RetentionSettings
from tests.cohorts.gdpr.retention_items import english  # noqa: F401 (autouse: the assertions read English)

pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

REGISTER = reverse("cohorts_gdpr_register")
SETTINGS = reverse("wagtailsettings:edit", args=["cohorts", "retentionsettings"])


@pytest.fixture
def periods():
    return RetentionSettings.objects.create(
        contact_request_months=18, import_report_days=45, coaching_note_months=30, counter_trace_days=2,
        left_candidate_months=48,
    )


def retention_of(entries, key):
    return next(entry.retention for entry in entries if entry.key == key)


def test_every_processing_states_its_purpose_basis_data_recipients_and_retention():
    entries = register_entries()
    assert [entry.key for entry in entries] == [
        "follow_up", "story", "contact_requests", "offers", "coaching", "impact", "counters"]
    for entry in entries:
        assert entry.name and entry.purpose and entry.retention
        assert "art. 6(1)" in entry.legal_basis
        assert entry.data and entry.recipients


def test_the_register_states_the_configured_periods_in_french(periods):
    with translation.override("fr"):
        entries = register_entries()
    assert "puis 48 mois après la sortie" in retention_of(entries, "follow_up")
    assert retention_of(entries, "contact_requests") == "18 mois après la réception de la demande, puis suppression."
    assert "effacées 30 mois après la fin du binôme" in retention_of(entries, "coaching")
    assert "pendant 45 jours" in retention_of(entries, "coaching")
    assert "est oublié après 2 jours." in retention_of(entries, "counters")
    assert entries[0].name == "Suivi des candidats"


def test_the_register_follows_a_change_of_the_settings(periods):
    with translation.override("fr"):
        periods.contact_request_months = 1
        periods.counter_trace_days = 1
        periods.save()
        entries = register_entries()
    assert retention_of(entries, "contact_requests").startswith("1 mois après")
    assert "est oublié après 1 jour." in retention_of(entries, "counters")


def test_without_saved_settings_the_register_states_the_defaults_and_writes_nothing():
    with translation.override("fr"):
        entries = register_entries()
    assert retention_of(entries, "contact_requests").startswith("12 mois après")
    assert "puis 36 mois après la sortie" in retention_of(entries, "follow_up")
    assert not RetentionSettings.objects.exists()


SAME_IN_FRENCH = {"Coaching"}


def test_every_text_of_the_register_is_translated():
    with translation.override("fr"):
        french = register_entries()
    with translation.override("en"):
        english = register_entries()
    for fr, en in zip(french, english, strict=True):
        for field in ("name", "purpose", "legal_basis", "retention"):
            if getattr(en, field) not in SAME_IN_FRENCH:
                assert getattr(fr, field) != getattr(en, field), (fr.key, field)
        assert set(fr.data).isdisjoint(en.data) and set(fr.recipients).isdisjoint(en.recipients), fr.key
    assert len(PROCESSINGS) == len(french)


def test_programme_admins_read_the_register_in_the_admin(programme_admin_client, periods):
    response = programme_admin_client.get(REGISTER, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Registre des traitements" in html
    assert "18 mois après la réception de la demande, puis suppression." in html
    assert "Base légale" in html and "Destinataires" in html
    assert f'href="{SETTINGS}"' in html
    home = programme_admin_client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert REGISTER in home  # the Settings menu has it


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(REGISTER)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("client_fixture", ["coach_client", "communication_client"])
def test_coaches_and_other_staff_get_403_and_no_menu_item(client_fixture, request):
    client = request.getfixturevalue(client_fixture)
    assert client.get(REGISTER).status_code == 403
    assert REGISTER not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_programme_admins_change_the_periods_in_the_settings(programme_admin_client):
    response = programme_admin_client.get(SETTINGS, follow=True)
    assert response.status_code == 200
    edit_url = response.redirect_chain[-1][0] if response.redirect_chain else SETTINGS
    data = {"contact_request_months": 6, "import_report_days": 30, "coaching_note_months": 24,
            "counter_trace_days": 1, "left_candidate_months": 36}
    response = programme_admin_client.post(edit_url, data)
    assert response.status_code == 302
    assert RetentionSettings.current().contact_request_months == 6


def test_a_period_of_zero_is_refused(programme_admin_client):
    edit_url = programme_admin_client.get(SETTINGS, follow=True).redirect_chain[-1][0]
    data = {"contact_request_months": 0, "import_report_days": 30, "coaching_note_months": 24,
            "counter_trace_days": 1, "left_candidate_months": 36}
    response = programme_admin_client.post(edit_url, data)
    assert response.status_code == 200
    assert RetentionSettings.current().contact_request_months == 12


def test_coaches_cannot_change_the_periods(coach_client, periods):
    edit_url = reverse("wagtailsettings:edit", args=["cohorts", "retentionsettings", periods.pk])
    assert b"contact_request_months" not in coach_client.get(edit_url, follow=True).content
    coach_client.post(edit_url, {"contact_request_months": 1, "import_report_days": 1, "coaching_note_months": 1,
                                 "counter_trace_days": 1, "left_candidate_months": 1})
    periods.refresh_from_db()
    assert periods.contact_request_months == 18
