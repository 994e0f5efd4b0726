""" "Hired" in an offer's pipeline proposes the outcome, pre-filled from the hire, through the real admin views."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.urls import reverse

from cohorts.enums import ApplicationStatus, CandidateStatus, ExitCategory
from cohorts.models.applications import Application
from cohorts.models.outcomes import Outcome
from tests.cohorts.factories import CandidateFactory, OutcomeFactory
from tests.cohorts.outcomes.conftest import HIRE_START, hire, outcome_url, refused
from tests.snippets.factories import ContractTypeFactory, OfferFactory, UserFactory

# Wagtail 8's own admin templates read unset variables (`icon_classname`, `classname`).
pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]


def application_url(view, pk):
    return reverse(f"wagtailsnippets_cohorts_application:{view}", args=[pk])


def add_url(application):
    return f"{outcome_url('add')}?application={application.pk}"


def header_links(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {a.get_text(" ", strip=True): a["href"] for a in soup.select("header a[href]")}


def success_message(response):
    return " ".join(str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "success")


def test_moving_an_application_to_hired_offers_to_record_the_outcome(programme_admin_client, application):
    response = programme_admin_client.post(
        application_url("edit", application.pk),
        {"new_status": ApplicationStatus.HIRED, "contract_type": ContractTypeFactory(slug="cdi").pk,
         "start_date": "2026-11-02", "status_note": "", "notes": ""},
    )

    assert response.status_code == 302
    message = success_message(response)
    assert f'href="{add_url(application)}"' in message
    assert "Record the outcome" in message


def test_another_status_offers_no_outcome(programme_admin_client, application):
    response = programme_admin_client.post(
        application_url("edit", application.pk),
        {"new_status": ApplicationStatus.INTERVIEW, "contract_type": "", "start_date": "", "status_note": "",
         "notes": ""},
    )

    assert response.status_code == 302
    assert "Record the outcome" not in success_message(response)
    assert outcome_url("add") not in success_message(response)


def test_a_cdi_hire_pre_fills_a_durable_job(programme_admin_client, programme_admin, application):
    hire(application, programme_admin, contract_slug="cdi")

    response = programme_admin_client.get(add_url(application))

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["candidate"] == application.candidate_id
    assert form.initial["category"] == ExitCategory.DURABLE_EMPLOYMENT
    assert form.initial["employer"] == application.offer.company_id
    assert form.initial["contract_type"] == application.hired_contract_type_id
    assert form.initial["start_date"] == form.initial["exit_date"] == HIRE_START
    assert "Commis de cuisine" in response.content.decode()  # the application it comes from


def test_another_contract_pre_fills_a_transition_job(programme_admin_client, programme_admin, application):
    hire(application, programme_admin, contract_slug="cdd")

    form = programme_admin_client.get(add_url(application)).context["form"]

    assert form.initial["category"] == ExitCategory.TRANSITION_EMPLOYMENT
    assert form.initial["contract_type"] == ContractTypeFactory(slug="cdd").pk


def test_saving_the_pre_filled_form_links_the_outcome_to_the_hire(programme_admin_client, programme_admin,
                                                                  application):
    hire(application, programme_admin, contract_slug="cdd")
    page = programme_admin_client.get(add_url(application))
    assert BeautifulSoup(page.content, "html.parser").select_one("form[method='post']")["action"] == add_url(
        application
    )
    data = {
        "candidate": application.candidate_id, "exit_date": "2026-11-02",
        "category": ExitCategory.DURABLE_EMPLOYMENT,  # staff adjust: a CDD of 12 months
        "employer": application.offer.company_id, "employer_name": "",
        "contract_type": application.hired_contract_type_id,
        "start_date": "2026-11-02", "trial_end_date": "2026-12-02", "notes": "",
    }

    response = programme_admin_client.post(add_url(application), data)

    assert response.status_code == 302
    outcome = Outcome.objects.get()
    assert (outcome.application, outcome.candidate, outcome.recorded_by) == (
        application, application.candidate, programme_admin
    )
    assert outcome.category == ExitCategory.DURABLE_EMPLOYMENT
    assert outcome.checks.count() == 3
    assert application.candidate.__class__.objects.get(pk=application.candidate_id).status == CandidateStatus.HIRED


def test_the_outcome_of_a_hire_cannot_be_another_candidates(programme_admin_client, programme_admin, application):
    hire(application, programme_admin)
    other = CandidateFactory()
    data = {
        "candidate": other.pk, "exit_date": "2026-11-02", "category": ExitCategory.DURABLE_EMPLOYMENT,
        "employer": application.offer.company_id, "employer_name": "",
        "contract_type": application.hired_contract_type_id,
        "start_date": "2026-11-02", "trial_end_date": "", "notes": "",
    }

    response = programme_admin_client.post(add_url(application), data)

    assert response.status_code == 200
    assert "candidate" in response.context["form"].errors
    assert not Outcome.objects.exists()


def test_a_candidate_with_an_outcome_is_sent_to_its_edit_form(programme_admin_client, programme_admin, application):
    outcome = OutcomeFactory(candidate=application.candidate, drop_out=True)
    hire(application, programme_admin)

    response = programme_admin_client.get(add_url(application))
    assert response.status_code == 302
    assert response.url == outcome_url("edit", outcome.pk)

    response = programme_admin_client.get(application_url("inspect", application.pk))
    assert header_links(response)["Edit the outcome"] == outcome_url("edit", outcome.pk)


def test_only_hires_the_user_may_read_pre_fill_the_form(client, programme_admin_client, programme_admin, application):
    assert programme_admin_client.get(add_url(application)).status_code == 404  # not hired
    assert programme_admin_client.get(f"{outcome_url('add')}?application=abc").status_code == 404
    hire(application, programme_admin)
    # Someone who may record outcomes but read no application: the id is refused like an unknown one.
    recorder = UserFactory(username="recorder")
    recorder.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "add_outcome", "view_outcome"])
    )
    client.force_login(recorder)

    assert client.get(add_url(application)).status_code == 404
    assert client.get(outcome_url("add")).status_code == 200


def test_a_hired_applications_header_offers_to_record_the_outcome(programme_admin_client, programme_admin,
                                                                  application):
    other = Application.objects.create(offer=OfferFactory(), candidate=CandidateFactory())
    hire(application, programme_admin)

    for view in ("inspect", "edit"):
        links = header_links(programme_admin_client.get(application_url(view, application.pk)))
        assert links["Record the outcome"] == add_url(application), view
        assert "Record the outcome" not in header_links(programme_admin_client.get(application_url(view, other.pk)))


def test_a_coach_is_not_offered_to_record_the_outcome(coach_client, programme_admin, application):
    hire(application, programme_admin)

    for view in ("inspect", "edit"):
        response = coach_client.get(application_url(view, application.pk))
        assert response.status_code == 200
        assert outcome_url("add") not in response.content.decode()
    assert refused(coach_client.get(add_url(application)))
