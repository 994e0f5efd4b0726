"""The pipeline: every status change enters the history, a hire records its terms, the database keeps the rules.

Also the one-click proposal (``propose_offer``): what it refuses, and who it tells.
"""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import translation

from cohorts.applications.services import propose_offer
from cohorts.enums import ApplicationStatus
from cohorts.models.applications import Application, ApplicationStatusChange
from snippets.enums import OfferStatus
from tests.cohorts.factories import CandidateFactory, CoachFactory, CohortFactory, PairFactory
from tests.snippets.factories import CityFactory, ContractTypeFactory, OfferFactory, UserFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 11, 2)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def staff():
    return UserFactory(username="sonia", first_name="Sonia", last_name="Staff")


@pytest.fixture
def application(staff):
    return Application.objects.create(
        offer=OfferFactory(published=True), candidate=CandidateFactory(), created_by=staff
    )


def history(application):
    return list(
        ApplicationStatusChange.objects.filter(application=application).values_list(
            "from_status", "to_status", "changed_by__username", "note"
        )
    )


def constraint_message(name):
    constraint = next(c for c in Application._meta.constraints if c.name == name)
    return str(constraint.violation_error_message)


# --- History -----------------------------------------------------------------------------------------------------


def test_a_new_application_is_proposed_and_its_history_starts_there(application):
    assert application.status == ApplicationStatus.PROPOSED
    assert history(application) == [("", ApplicationStatus.PROPOSED, "sonia", "")]
    assert application.status_changes.get().changed_at == application.created_at


def test_every_status_change_enters_the_history_with_its_author_and_note(application, staff):
    coach = UserFactory(username="claire")

    application.change_status(ApplicationStatus.CONTACTED, user=coach, note="Appel à l'entreprise lundi")
    application.change_status(ApplicationStatus.INTERVIEW, user=staff, note="Entretien mardi 10 h")
    application.change_status(ApplicationStatus.REFUSED_AFTER_INTERVIEW, user=coach)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED_AFTER_INTERVIEW
    assert history(application) == [
        ("", "proposed", "sonia", ""),
        ("proposed", "contacted", "claire", "Appel à l'entreprise lundi"),
        ("contacted", "interview", "sonia", "Entretien mardi 10 h"),
        ("interview", "refused_after_interview", "claire", ""),
    ]


def test_a_change_starts_from_the_stored_status_even_if_this_copy_is_stale(application, staff):
    stale = Application.objects.get(pk=application.pk)
    application.change_status(ApplicationStatus.CONTACTED, user=staff)

    stale.change_status(ApplicationStatus.INTERVIEW, user=staff)

    assert [row[:2] for row in history(application)][-1] == ("contacted", "interview")


def test_hired_records_the_contract_and_the_start_date(application, staff):
    cdi = ContractTypeFactory(slug="cdi")

    change = application.change_status(ApplicationStatus.HIRED, user=staff, contract_type=cdi, start_date=START)

    application.refresh_from_db()
    assert (application.status, application.hired_contract_type, application.hired_start_date) == ("hired", cdi, START)
    assert (change.from_status, change.to_status) == ("proposed", "hired")
    assert list(Application.objects.hired()) == [application]


@pytest.mark.parametrize(
    ("given", "missing"),
    [((), {"contract_type", "start_date"}), (("start_date",), {"contract_type"}), (("contract_type",), {"start_date"})],
)
def test_hired_without_its_terms_is_refused_and_nothing_changes(application, staff, given, missing):
    terms = {"contract_type": ContractTypeFactory(slug="cdd"), "start_date": START}
    terms = {name: value for name, value in terms.items() if name in given}

    with pytest.raises(ValidationError) as error:
        application.change_status(ApplicationStatus.HIRED, user=staff, **terms)

    assert set(error.value.message_dict) == missing
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PROPOSED
    assert len(history(application)) == 1


@pytest.mark.parametrize("status", [ApplicationStatus.PROPOSED, "promoted"])
def test_the_same_or_an_unknown_status_is_refused(application, staff, status):
    with pytest.raises(ValidationError) as error:
        application.change_status(status, user=staff)

    assert list(error.value.message_dict) == ["status"]
    assert len(history(application)) == 1


def test_leaving_hired_keeps_the_terms_of_the_hire(application, staff):
    cdi = ContractTypeFactory(slug="cdi")
    application.change_status(ApplicationStatus.HIRED, user=staff, contract_type=cdi, start_date=START)

    application.change_status(ApplicationStatus.WITHDRAWN, user=staff, note="Fin de période d'essai")

    application.refresh_from_db()
    assert (application.hired_contract_type, application.hired_start_date) == (cdi, START)
    assert list(Application.objects.hired()) == []


# --- No status change without history ---------------------------------------------------------------------------


def test_saving_a_changed_status_directly_is_refused(application):
    application.status = ApplicationStatus.HIRED

    with pytest.raises(ValueError, match="change_status"):
        application.save()

    assert Application.objects.get().status == ApplicationStatus.PROPOSED


def test_other_fields_save_normally_before_and_after_a_status_change(application, staff):
    application.notes = "Très motivée"
    application.save()
    application.change_status(ApplicationStatus.CONTACTED, user=staff)
    application.notes = "Rappeler jeudi"
    application.save()

    reloaded = Application.objects.get()
    assert (reloaded.status, reloaded.notes) == (ApplicationStatus.CONTACTED, "Rappeler jeudi")


def test_a_copy_refreshed_after_a_change_elsewhere_saves_normally(application, staff):
    other = Application.objects.get(pk=application.pk)
    other.change_status(ApplicationStatus.CONTACTED, user=staff)

    application.refresh_from_db()
    application.notes = "Entreprise rappelée"
    application.save()

    assert Application.objects.get().status == ApplicationStatus.CONTACTED


# --- Database constraints and their messages ---------------------------------------------------------------------


def test_the_database_refuses_a_hire_without_contract_or_start_date(application):
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.HIRED)


def test_full_clean_says_why_a_hire_without_its_terms_is_invalid(application):
    hired = Application(offer=application.offer, candidate=CandidateFactory(), status=ApplicationStatus.HIRED)

    with pytest.raises(ValidationError) as error:
        hired.full_clean()

    assert error.value.messages == [constraint_message("hired_application_has_contract_and_start")]
    assert error.value.messages == ["A hire needs its contract type and its start date."]


def test_an_offer_is_proposed_once_to_the_same_candidate(application):
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(offer=application.offer, candidate=application.candidate)

    assert Application.objects.count() == 1


def test_full_clean_says_the_offer_was_already_proposed(application):
    again = Application(offer=application.offer, candidate=application.candidate)

    with pytest.raises(ValidationError) as error:
        again.full_clean()

    assert error.value.messages == ["This offer was already proposed to this candidate."]
    assert error.value.messages == [constraint_message("unique_application_per_offer_and_candidate")]


def test_messages_speak_french(application, staff):
    again = Application(offer=application.offer, candidate=application.candidate)

    with translation.override("fr"):
        with pytest.raises(ValidationError) as duplicate:
            again.full_clean()
        with pytest.raises(ValidationError) as hire:
            application.change_status(ApplicationStatus.HIRED, user=staff)
        # Messages are translated when read.
        duplicate_messages, hire_messages = duplicate.value.messages, hire.value.message_dict
        label = str(ApplicationStatus.IMMERSION.label)

    assert duplicate_messages == ["Cette offre a déjà été proposée à ce candidat."]
    assert hire_messages == {
        "contract_type": ["Indiquez le type de contrat de l'embauche."],
        "start_date": ["Indiquez la date de début de l'embauche."],
    }
    assert label == "Immersion (PMSMP)"


def test_a_history_row_always_changes_the_status(application):
    with pytest.raises(IntegrityError), transaction.atomic():
        ApplicationStatusChange.objects.create(application=application, from_status="proposed", to_status="proposed")


def test_an_offer_or_a_candidate_with_applications_cannot_be_deleted(application):
    with pytest.raises(ProtectedError):
        application.offer.delete()
    with pytest.raises(ProtectedError):
        application.candidate.delete()

    assert Application.objects.count() == 1


# --- propose_offer -----------------------------------------------------------------------------------------------


@pytest.fixture
def lyon():
    return CityFactory(name="Lyon", staff_emails="lyon@example.org\nmarc@example.org")


@pytest.fixture
def candidate(lyon):
    candidate = CandidateFactory(first_name="Awa", last_name="Traoré", cohort=CohortFactory(city=lyon))
    PairFactory(candidate=candidate, coach=CoachFactory(first_name="Claire", last_name="Roux",
                                                        email="claire@example.org"))
    return candidate


def propose(django_capture_on_commit_callbacks, **kwargs):
    """Propose as staff do, in the French admin: the e-mail is written in the language of the request."""
    with translation.override("fr"), django_capture_on_commit_callbacks(execute=True):
        return propose_offer(**kwargs)


def test_proposing_creates_the_application_and_emails_the_coach_and_city_staff(
    candidate, staff, django_capture_on_commit_callbacks
):
    offer = OfferFactory(published=True, title="Agent d'entretien", company__name="Nettoyage Rhône",
                         contact_name="Paul Martin")

    application = propose(django_capture_on_commit_callbacks, offer=offer, candidate=candidate, user=staff)

    assert (application.offer, application.candidate, application.created_by) == (offer, candidate, staff)
    assert history(application) == [("", "proposed", "sonia", "")]
    (email,) = mail.outbox
    assert sorted(email.to) == ["claire@example.org", "lyon@example.org", "marc@example.org"]
    assert email.subject == "Offre proposée à Awa T. : Agent d'entretien (Nettoyage Rhône)"
    for text in ("Agent d'entretien", "Nettoyage Rhône", offer.city.name, str(offer.contract_type), "Paul Martin",
                 "Sonia Staff", "Prochaine étape pour Claire Roux", f"/admin/snippets/cohorts/application/edit/"
                 f"{application.pk}/", f"/admin/snippets/snippets/offer/edit/{offer.pk}/"):
        assert text in email.body, text
    assert "Traoré" not in email.body  # the public name only


@pytest.mark.parametrize(
    "offer_kwargs",
    [
        {"status": OfferStatus.PENDING},
        {"status": OfferStatus.DRAFT},
        {"status": OfferStatus.FILLED},
        {"published": True, "expires_on": datetime.date(2020, 1, 1)},
        {"published": True, "live": False},
    ],
    ids=["pending", "draft", "filled", "expired", "offline"],
)
def test_an_offer_that_is_not_online_is_not_proposed(
    candidate, staff, offer_kwargs, django_capture_on_commit_callbacks
):
    offer = OfferFactory(**offer_kwargs)

    with pytest.raises(ValidationError) as error:
        propose(django_capture_on_commit_callbacks, offer=offer, candidate=candidate, user=staff)

    assert error.value.messages == ["Only a validated offer, online and not expired, can be proposed."]
    assert not Application.objects.exists()
    assert mail.outbox == []


def test_a_private_offer_is_proposed_to_its_candidate_only(candidate, staff, django_capture_on_commit_callbacks):
    offer = OfferFactory(published=True, target_candidate=CandidateFactory())

    with pytest.raises(ValidationError) as error:
        propose(django_capture_on_commit_callbacks, offer=offer, candidate=candidate, user=staff)

    assert error.value.messages == [
        "This offer is aimed at another candidate: it cannot be proposed to anyone else."
    ]
    own = OfferFactory(published=True, target_candidate=candidate)
    assert propose(django_capture_on_commit_callbacks, offer=own, candidate=candidate, user=staff).offer == own


def test_a_second_proposal_of_the_same_offer_is_refused(candidate, staff, django_capture_on_commit_callbacks):
    offer = OfferFactory(published=True)
    propose(django_capture_on_commit_callbacks, offer=offer, candidate=candidate, user=staff)
    mail.outbox.clear()

    with pytest.raises(ValidationError) as error:
        propose(django_capture_on_commit_callbacks, offer=offer, candidate=candidate, user=staff)

    assert error.value.messages == ["This offer was already proposed to this candidate."]
    assert Application.objects.count() == 1
    assert mail.outbox == []


def test_a_candidate_without_coach_still_reaches_the_city_staff(lyon, staff, django_capture_on_commit_callbacks):
    candidate = CandidateFactory(cohort=CohortFactory(city=lyon))

    propose(django_capture_on_commit_callbacks, offer=OfferFactory(published=True), candidate=candidate, user=staff)

    (email,) = mail.outbox
    assert sorted(email.to) == ["lyon@example.org", "marc@example.org"]
    assert "Prochaine étape :" in email.body
