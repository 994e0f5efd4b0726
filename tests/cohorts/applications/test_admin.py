"""The pipeline in the admin: who sees and changes which application, the matching screens and the one-click
proposal, and the partner company's page with its offers, applications and hires.
"""

import datetime
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import translation

from cohorts.enums import ApplicationStatus
from cohorts.models.applications import Application
from pages.enums import Availability
from snippets.enums import OfferStatus
from snippets.models import Offer
from tests.admin_screens import ROLE_CLIENTS, export_rows, listing_rows, role_client
from tests.cohorts.factories import CandidateFactory, CoachFactory, CohortFactory, PairFactory
from tests.snippets.factories import (
    CityFactory,
    ContractTypeFactory,
    OfferFactory,
    PartnerCompanyFactory,
    SectorFactory,
)

# Wagtail 8's own admin templates read unset variables (`icon_classname`, `classname`).
pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

START = datetime.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def english(client):
    """The admin speaks the browser's language: these tests read English, except those that read French."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


def url(view, pk=None):
    return reverse(f"wagtailsnippets_cohorts_application:{view}", args=[pk] if pk is not None else [])


def offer_matches_url(offer):
    return reverse("cohorts_offer_matches", args=[offer.pk])


def candidate_matches_url(candidate):
    return reverse("cohorts_candidate_matches", args=[candidate.pk])


def refusal(response):
    """How the admin answered a refusal: "dashboard" (an admin user lacking the permission), "login", or None."""
    if response.status_code != 302:
        return None
    path = urlsplit(response.url).path
    if path == reverse("wagtailadmin_home"):
        assert {m.level_tag for m in get_messages(response.wsgi_request)} == {"error"}
        return "dashboard"
    return "login" if path == reverse("wagtailadmin_login") else None


@pytest.fixture
def lyon():
    return CityFactory(name="Lyon", staff_emails="lyon@example.org")


@pytest.fixture
def own_application(coached_candidate):
    """An application of the coach user's own candidate."""
    return Application.objects.create(
        offer=OfferFactory(published=True, title="Agent d'entretien", company__name="Nettoyage Rhône"),
        candidate=coached_candidate,
    )


@pytest.fixture
def other_application(unrelated_candidate):
    return Application.objects.create(
        offer=OfferFactory(published=True, title="Cariste", company__name="Logistique Nord"),
        candidate=unrelated_candidate,
    )


# --- Who opens which screen -----------------------------------------------------------------------------------

EVERYTHING = {"list", "export", "inspect", "add", "edit", "delete", "history"}
ACCESS = {
    "superuser": EVERYTHING,
    "programme_admin": EVERYTHING,
    # Coaches follow their own candidate's applications; they neither create nor delete.
    "coach": {"list", "export", "inspect", "edit", "history"},
    "communication": set(),
    "no_role": set(),
}
REQUESTS = {
    "list": ("list", False, {}),
    "export": ("list", False, {"export": "csv"}),
    "add": ("add", False, {}),
    "inspect": ("inspect", True, {}),
    "edit": ("edit", True, {}),
    "delete": ("delete", True, {}),
    "history": ("history", True, {}),
}


def test_access_names_every_role():
    assert set(ACCESS) == set(ROLE_CLIENTS)


@pytest.mark.parametrize("action", sorted(EVERYTHING))
@pytest.mark.parametrize("role", sorted(ACCESS))
def test_application_screens_follow_the_roles(request, role, action, own_application):
    view, needs_pk, query = REQUESTS[action]

    response = role_client(request, role).get(url(view, own_application.pk if needs_pk else None), query)

    if action in ACCESS[role]:
        assert response.status_code == 200
    else:
        assert refusal(response) == ("login" if role == "no_role" else "dashboard")


@pytest.mark.parametrize("view", ["inspect", "edit", "history", "usage", "delete"])
def test_coach_gets_404_on_another_candidates_application(coach_client, own_application, other_application, view):
    response = coach_client.get(url(view, other_application.pk))

    assert response.status_code == 404


def test_coach_list_and_export_hold_only_their_own_candidates_applications(
    coach_client, own_application, other_application
):
    rows = listing_rows(coach_client.get(url("list")))
    header, *exported = export_rows(coach_client.get(url("list"), {"export": "csv"}))

    assert [row["Candidate"] for row in rows] == ["Awa Suivie"]
    assert [row[0] for row in exported] == ["Awa Suivie"]


def test_coach_chooser_lists_only_their_own_candidates_applications(coach_client, own_application, other_application):
    response = coach_client.get(reverse("wagtailsnippetchoosers_cohorts_application:choose"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Agent d&#x27;entretien" in content or "Agent d'entretien" in content
    assert "Cariste" not in content


def test_communication_is_refused_the_application_chooser(communication_client, own_application):
    response = communication_client.get(reverse("wagtailsnippetchoosers_cohorts_application:choose"))

    # Refused: outside a modal, the admin sends a refusal back to the dashboard.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


# --- Changing the status from the admin --------------------------------------------------------------------------


def edit_data(**fields):
    return {"new_status": "", "contract_type": "", "start_date": "", "status_note": "", "notes": "", **fields}


def test_coach_moves_their_candidates_application_and_the_history_names_them(coach_client, coach_user,
                                                                               own_application):
    response = coach_client.post(url("edit", own_application.pk), edit_data(
        new_status="interview", status_note="Entretien mardi 10 h", notes="Très motivée"
    ))

    assert response.status_code == 302
    own_application.refresh_from_db()
    assert (own_application.status, own_application.notes) == ("interview", "Très motivée")
    change = own_application.status_changes.last()
    assert (change.from_status, change.to_status, change.changed_by, change.note) == (
        "proposed", "interview", coach_user, "Entretien mardi 10 h"
    )


def test_hired_from_the_admin_records_contract_and_start(admin_client, own_application):
    cdd = ContractTypeFactory(slug="cdd")

    admin_client.post(url("edit", own_application.pk), edit_data(
        new_status="hired", contract_type=cdd.pk, start_date="2026-12-01"
    ))

    own_application.refresh_from_db()
    assert (own_application.status, own_application.hired_contract_type, own_application.hired_start_date) == (
        "hired", cdd, START
    )


def test_hired_without_contract_and_start_shows_errors_next_to_the_fields(admin_client, own_application):
    response = admin_client.post(url("edit", own_application.pk), edit_data(new_status="hired"))

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {
        "contract_type": ["A hire needs its contract type."],
        "start_date": ["A hire needs its start date."],
    }
    own_application.refresh_from_db()
    assert own_application.status == ApplicationStatus.PROPOSED


def test_hired_errors_read_in_french(admin_client, own_application):
    with translation.override("fr"):
        response = admin_client.post(url("edit", own_application.pk), edit_data(new_status="hired"),
                                     HTTP_ACCEPT_LANGUAGE="fr")

    assert "Indiquez le type de contrat de l&#x27;embauche." in response.content.decode()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"new_status": "proposed"}, "new_status", "The application already has this status."),
        ({"status_note": "Rappeler"}, "new_status", "Choose the new status this note is about."),
    ],
)
def test_status_form_explains_what_is_wrong(admin_client, own_application, data, field, message):
    response = admin_client.post(url("edit", own_application.pk), edit_data(**data))

    assert response.context["form"].errors == {field: [message]}
    assert own_application.status_changes.count() == 1


def test_the_status_field_cannot_be_posted_directly(admin_client, own_application):
    admin_client.post(url("edit", own_application.pk), edit_data(status="hired", notes="Essai"))

    own_application.refresh_from_db()
    assert (own_application.status, own_application.notes) == ("proposed", "Essai")
    assert own_application.status_changes.count() == 1


def test_inspect_shows_the_status_history(admin_client, admin_user, own_application):
    admin_user.first_name, admin_user.last_name = "Sonia", "Staff"
    admin_user.save()
    own_application.change_status("contacted", user=admin_user, note="Appel de l'entreprise")

    response = admin_client.get(url("inspect", own_application.pk))

    table = BeautifulSoup(response.content, "html.parser").select("table.listing")[-1]
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
    assert [row[1:] for row in rows] == [["—", "Proposed", ""],
                                         ["Sonia Staff", "Proposed → Contacted", "Appel de l'entreprise"]]
    assert all(row[0] for row in rows)  # dated


# --- Creating an application by hand: the same rules as the one-click proposal ---------------------------------


def test_programme_admin_creates_an_application_which_emails_the_coach(
    programme_admin_client, coached_candidate, coach_record, django_capture_on_commit_callbacks
):
    offer = OfferFactory(published=True, title="Commis de cuisine")

    with django_capture_on_commit_callbacks(execute=True):
        response = programme_admin_client.post(url("add"), {"candidate": coached_candidate.pk, "offer": offer.pk})

    assert response.status_code == 302
    assert Application.objects.get().offer == offer
    (email,) = mail.outbox
    assert coach_record.email in email.to
    assert "Commis de cuisine" in email.body


@pytest.mark.parametrize(
    ("already", "offer_kwargs", "message"),
    [
        (False, {"status": OfferStatus.PENDING}, "Only a validated offer, online and not expired, can be proposed."),
        (True, {"published": True}, "This offer was already proposed to this candidate."),
    ],
    ids=["not-online", "duplicate"],
)
def test_create_form_says_once_why_the_offer_cannot_be_proposed(
    programme_admin_client, coached_candidate, already, offer_kwargs, message
):
    offer = OfferFactory(**offer_kwargs)
    if already:
        Application.objects.create(offer=offer, candidate=coached_candidate)

    response = programme_admin_client.post(url("add"), {"candidate": coached_candidate.pk, "offer": offer.pk})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [message]
    assert Application.objects.count() == int(already)
    assert mail.outbox == []


def test_an_offer_with_applications_cannot_be_deleted_from_the_admin(admin_client, own_application):
    offer = own_application.offer

    admin_client.post(reverse("wagtailsnippets_snippets_offer:delete", args=[offer.pk]))

    assert Offer.objects.filter(pk=offer.pk).exists()


# --- Filters and export ------------------------------------------------------------------------------------------


@pytest.fixture
def pipeline(lyon):
    """Two companies, two cohorts, three applications in distinct states."""
    paris = CityFactory(name="Paris")
    cohort_lyon, cohort_paris = CohortFactory(name="Lyon 2026", city=lyon), CohortFactory(name="Paris 2026", city=paris)
    bakery, cleaning = PartnerCompanyFactory(name="Boulangerie Dupain"), PartnerCompanyFactory(name="Net Plus")
    awa = CandidateFactory(first_name="Awa", last_name="Sy", cohort=cohort_lyon, email="awa.private@example.org",
                           phone="06 11 11 11 11")
    bintou = CandidateFactory(first_name="Bintou", last_name="Ba", cohort=cohort_paris)
    first = Application.objects.create(
        offer=OfferFactory(published=True, title="Vendeuse", company=bakery, city=lyon), candidate=awa,
        notes="Suivi confidentiel",
    )
    second = Application.objects.create(
        offer=OfferFactory(published=True, title="Agent de propreté", company=cleaning, city=paris), candidate=awa
    )
    third = Application.objects.create(
        offer=OfferFactory(published=True, title="Boulanger", company=bakery, city=paris), candidate=bintou
    )
    second.change_status("interview", user=None)
    third.change_status("hired", user=None, contract_type=ContractTypeFactory(slug="cdi"), start_date=START)
    return {"lyon": lyon, "paris": paris, "cohort_lyon": cohort_lyon, "bakery": bakery, "cleaning": cleaning,
            "applications": (first, second, third)}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (lambda p: {"status": "interview"}, {"Agent de propreté"}),
        (lambda p: {"company": p["bakery"].pk}, {"Vendeuse", "Boulanger"}),
        (lambda p: {"cohort": p["cohort_lyon"].pk}, {"Vendeuse", "Agent de propreté"}),
        (lambda p: {"city": p["paris"].pk}, {"Agent de propreté", "Boulanger"}),
        (lambda p: {"company": p["bakery"].pk, "status": "hired"}, {"Boulanger"}),
    ],
    ids=["status", "company", "cohort", "city", "company-and-status"],
)
def test_filters_narrow_the_application_list(admin_client, pipeline, params, expected):
    rows = listing_rows(admin_client.get(url("list"), params(pipeline)))

    assert {row["Offer"] for row in rows} == expected


def test_list_shows_candidate_offer_company_and_status_label(admin_client, pipeline):
    rows = listing_rows(admin_client.get(url("list"), {"status": "hired"}))

    assert [(row["Candidate"], row["Offer"], row["Company"], row["Status"]) for row in rows] == [
        ("Bintou Ba", "Boulanger", "Boulangerie Dupain", "Hired")
    ]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_export_reads_as_labels_and_holds_no_contact_details_nor_notes(admin_client, pipeline, export_format):
    response = admin_client.get(url("list"), {"export": export_format, "status": "hired"})

    header, *rows = export_rows(response)
    assert header == ["Candidate", "Cohort", "Offer", "Company", "City", "Status", "Contract of the hire",
                      "Start of the job", "Proposed on", "Updated"]
    assert [row[:8] for row in rows] == [
        ["Bintou Ba", "Paris 2026", "Boulanger", "Boulangerie Dupain", "Paris (75)", "Hired", "CDI", "2026-12-01"]
    ]
    everything = admin_client.get(url("list"), {"export": export_format})
    text = repr(export_rows(everything))
    for private in ("awa.private@example.org", "06 11 11 11 11", "Suivi confidentiel"):
        assert private not in text


@pytest.mark.parametrize("n", [3, 30])
@pytest.mark.parametrize("role", ["programme_admin", "coach"])
def test_application_list_takes_the_same_queries_for_3_or_30(request, role, n, coached_candidate,
                                                             django_assert_max_num_queries):
    for offer in OfferFactory.create_batch(n, published=True):
        Application.objects.create(offer=offer, candidate=coached_candidate)
    client = role_client(request, role)

    with django_assert_max_num_queries(16):
        response = client.get(url("list"))

    assert len(listing_rows(response)) == min(n, 20)  # 20 a page


# --- Matching screens and the one-click proposal ----------------------------------------------------------------


@pytest.fixture
def cleaning():
    return SectorFactory(label="Propreté")


@pytest.fixture
def offer(lyon, cleaning):
    return OfferFactory(published=True, title="Agent d'entretien", city=lyon, sector=cleaning,
                        company__name="Nettoyage Rhône")


@pytest.fixture
def awa(lyon, cleaning, coach_record):
    """The coach user's own candidate, in Lyon, looking for a cleaning job now."""
    candidate = CandidateFactory(first_name="Awa", last_name="Suivie", cohort=CohortFactory(city=lyon),
                                 with_story=True)
    page = candidate.story_page
    page.sectors.set([cleaning])
    page.availability = Availability.IMMEDIATE
    page.save()
    PairFactory(coach=coach_record, candidate=candidate)
    return candidate


@pytest.fixture
def bintou(lyon):
    """Another coach's candidate, in Lyon."""
    candidate = CandidateFactory(first_name="Bintou", last_name="Ailleurs", cohort=CohortFactory(city=lyon),
                                 with_story=True)
    PairFactory(candidate=candidate, coach=CoachFactory(email="autre.coach@example.org"))
    return candidate


def match_rows(response):
    table = BeautifulSoup(response.content, "html.parser").select_one("table.listing")
    return [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]


def test_offer_screen_ranks_candidates_with_reasons_and_propose_buttons(programme_admin_client, offer, awa, bintou):
    response = programme_admin_client.get(offer_matches_url(offer))

    assert response.status_code == 200
    rows = match_rows(response)
    assert [(row[0], row[3], row[4]) for row in rows] == [
        ("Awa Suivie", "8", "same job family, same city, available now"),
        ("Bintou Ailleurs", "4", "same city, available now"),
    ]
    assert [row[5] for row in rows] == ["Propose to Awa", "Propose to Bintou"]


def test_one_click_proposes_the_offer_and_emails_the_coach_and_city_staff(
    programme_admin_client, programme_admin, offer, awa, coach_record, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = programme_admin_client.post(offer_matches_url(offer), {"candidate": awa.pk})

    assert response.status_code == 302
    assert response.url == offer_matches_url(offer)
    application = Application.objects.get()
    assert (application.offer, application.candidate, application.status, application.created_by) == (
        offer, awa, "proposed", programme_admin
    )
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["success"]
    (email,) = mail.outbox
    assert sorted(email.to) == sorted([coach_record.email, "lyon@example.org"])
    assert "Agent d'entretien" in email.subject
    assert "Agent d'entretien" in email.body
    assert "Nettoyage Rhône" in email.body

    rows = match_rows(programme_admin_client.get(offer_matches_url(offer)))
    assert rows[0][5] == "Already proposed: Proposed"


def test_a_second_click_does_not_propose_twice(programme_admin_client, offer, awa, django_capture_on_commit_callbacks):
    Application.objects.create(offer=offer, candidate=awa)

    with django_capture_on_commit_callbacks(execute=True):
        response = programme_admin_client.post(offer_matches_url(offer), {"candidate": awa.pk})

    assert Application.objects.count() == 1
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "This offer was already proposed to this candidate."
    ]
    assert mail.outbox == []


def test_an_offer_not_yet_validated_is_shown_but_not_proposed(programme_admin_client, lyon, cleaning, awa):
    offer = OfferFactory(status=OfferStatus.PENDING, city=lyon, sector=cleaning)

    page = programme_admin_client.get(offer_matches_url(offer))
    response = programme_admin_client.post(offer_matches_url(offer), {"candidate": awa.pk})

    assert "This offer is not online (Pending validation)" in page.content.decode()
    assert match_rows(page)[0][5] == "Not proposed"
    assert not Application.objects.exists()
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]


def test_posting_an_unknown_candidate_is_a_404(programme_admin_client, offer):
    assert programme_admin_client.post(offer_matches_url(offer), {"candidate": "abc"}).status_code == 404
    assert programme_admin_client.post(offer_matches_url(offer), {"candidate": "999999"}).status_code == 404


@pytest.mark.parametrize(("role", "outcome"), [("coach", "dashboard"), ("communication", "dashboard"),
                                               ("no_role", "login")])
def test_only_staff_who_propose_open_the_offer_screen(request, role, outcome, offer, awa):
    client = role_client(request, role)

    assert refusal(client.get(offer_matches_url(offer))) == outcome
    assert refusal(client.post(offer_matches_url(offer), {"candidate": awa.pk})) == outcome
    assert not Application.objects.exists()


def test_candidate_screen_lists_matching_offers_and_proposes_in_one_click(
    programme_admin_client, offer, awa, django_capture_on_commit_callbacks
):
    OfferFactory(published=True, title="Maçon", city=CityFactory())  # nothing in common

    rows = match_rows(programme_admin_client.get(candidate_matches_url(awa)))
    with django_capture_on_commit_callbacks(execute=True):
        programme_admin_client.post(candidate_matches_url(awa), {"offer": offer.pk})

    assert [(row[0], row[4], row[5], row[6]) for row in rows] == [
        ("Agent d'entretien", "8", "same job family, same city, available now", "Propose")
    ]
    assert Application.objects.get().candidate == awa
    assert len(mail.outbox) == 1


def test_coach_sees_the_offers_matching_their_candidate_but_does_not_propose(coach_client, offer, awa):
    response = coach_client.get(candidate_matches_url(awa))
    post = coach_client.post(candidate_matches_url(awa), {"offer": offer.pk})

    assert response.status_code == 200
    rows = match_rows(response)
    assert [(row[0], row[6]) for row in rows] == [("Agent d'entretien", "Not proposed")]
    assert refusal(post) == "dashboard"
    assert not Application.objects.exists()


def test_coach_cannot_see_the_matches_of_another_candidate(coach_client, awa, bintou):
    assert coach_client.get(candidate_matches_url(bintou)).status_code == 404


@pytest.mark.parametrize(("role", "outcome"), [("communication", "dashboard"), ("no_role", "login")])
def test_other_roles_do_not_open_the_candidate_screen(request, role, outcome, awa):
    assert refusal(role_client(request, role).get(candidate_matches_url(awa))) == outcome


def test_candidate_screen_explains_a_candidate_without_story(programme_admin_client, lyon):
    candidate = CandidateFactory(first_name="Chloé", last_name="Sansrécit", cohort=CohortFactory(city=lyon))

    response = programme_admin_client.get(candidate_matches_url(candidate))

    assert "Chloé Sansrécit has no story page yet" in response.content.decode()


@pytest.mark.parametrize("n", [3, 30])
def test_matching_screens_take_the_same_queries_for_3_or_30(n, programme_admin_client, lyon, cleaning, offer, awa,
                                                          django_assert_max_num_queries):
    for candidate in CandidateFactory.create_batch(n, cohort=CohortFactory(city=lyon), with_story=True):
        PairFactory(candidate=candidate)
        Application.objects.create(offer=offer, candidate=candidate)
    for other in OfferFactory.create_batch(n, published=True, city=lyon):
        Application.objects.create(offer=other, candidate=awa)

    with django_assert_max_num_queries(16):
        offer_screen = programme_admin_client.get(offer_matches_url(offer))
    with django_assert_max_num_queries(16):
        candidate_screen = programme_admin_client.get(candidate_matches_url(awa))

    assert len(match_rows(offer_screen)) == min(n + 1, 20)
    assert len(match_rows(candidate_screen)) == min(n + 1, 20)


# --- Links to the matching screens -------------------------------------------------------------------------------


def test_offer_list_links_each_offer_to_its_matching_candidates(programme_admin_client, offer):
    response = programme_admin_client.get(reverse("wagtailsnippets_snippets_offer:list"))

    assert offer_matches_url(offer) in response.content.decode()


@pytest.mark.parametrize(("role", "linked"), [("programme_admin", True), ("coach", True), ("communication", False)])
def test_candidate_list_and_page_link_to_matching_offers(request, role, linked, awa):
    client = role_client(request, role)

    listing = client.get(reverse("wagtailsnippets_cohorts_candidate:list"))
    inspect = client.get(reverse("wagtailsnippets_cohorts_candidate:inspect", args=[awa.pk]))

    assert (candidate_matches_url(awa) in listing.content.decode()) is linked
    assert (candidate_matches_url(awa) in inspect.content.decode()) is linked


# --- The partner company's page ----------------------------------------------------------------------------------


def company_page(client, company):
    response = client.get(reverse("wagtailsnippets_snippets_partnercompany:inspect", args=[company.pk]))
    assert response.status_code == 200
    tables = BeautifulSoup(response.content, "html.parser").select("table.listing")
    return response, [
        [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
        for table in tables
    ]


def test_company_page_shows_its_offers_applications_and_hires(admin_client, lyon):
    company = PartnerCompanyFactory(name="Boulangerie Dupain")
    public = OfferFactory(published=True, title="Vendeuse", company=company, city=lyon)
    private = OfferFactory(published=True, title="Boulanger", company=company, city=lyon,
                           target_candidate=CandidateFactory())
    OfferFactory(title="Pâtissier", company=company, status=OfferStatus.DRAFT, city=lyon)
    OfferFactory(title="Ailleurs")  # another company's
    awa = CandidateFactory(first_name="Awa", last_name="Sy")
    Application.objects.create(offer=public, candidate=awa)
    hired = Application.objects.create(offer=private, candidate=private.target_candidate)
    hired.change_status("hired", user=None, contract_type=ContractTypeFactory(slug="cdi"), start_date=START)

    response, (offers, applications, hires) = company_page(admin_client, company)

    assert sorted((row[0], row[1], row[2], row[3], row[4]) for row in offers) == [
        ("Boulanger", "Published", "Lyon (75)", "Private: aimed at one candidate", "1"),
        ("Pâtissier", "Draft", "Lyon (75)", "Public", "0"),
        ("Vendeuse", "Published", "Lyon (75)", "Public", "1"),
    ]
    assert sorted((row[0], row[1], row[2]) for row in applications) == sorted([
        ("Awa Sy", "Vendeuse", "Proposed"), (private.target_candidate.full_name, "Boulanger", "Hired"),
    ])
    assert hires == [[private.target_candidate.full_name, "Boulanger", "CDI", "12/01/2026"]]
    assert "1 hire" in response.content.decode()
    assert "Ailleurs" not in response.content.decode()


@pytest.mark.parametrize("n", [3, 30])
def test_company_page_takes_the_same_queries_for_3_or_30(n, admin_client, django_assert_max_num_queries):
    company = PartnerCompanyFactory()
    cdi = ContractTypeFactory(slug="cdi")
    for offer in OfferFactory.create_batch(n, published=True, company=company):
        for candidate in CandidateFactory.create_batch(2):
            application = Application.objects.create(offer=offer, candidate=candidate)
        application.change_status("hired", user=None, contract_type=cdi, start_date=START)

    with django_assert_max_num_queries(18):
        _response, (offers, applications, hires) = company_page(admin_client, company)

    assert (len(offers), len(applications), len(hires)) == (n, 2 * n, n)
