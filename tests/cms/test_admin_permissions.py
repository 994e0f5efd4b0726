"""Who may open which admin screen: the permission matrix of cohorts/roles.py, screen by screen.

Wagtail answers a refusal in two ways, and the matrix asserts which one:
- an account without ``wagtailadmin.access_admin`` is sent to the admin login page (302, ``?next=`` the screen);
- an admin user who lacks the model permission is sent to the dashboard (302) with an error message, not a 403.
"""

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cohorts.models import Candidate, Cohort
from tests.admin_screens import ROLE_CLIENTS, SNIPPETS, admin_url, export_rows, role_client
from tests.cohorts.factories import CandidateFactory, CoachFactory, PairFactory
from tests.snippets.factories import UserFactory

# Wagtail 8's own admin templates read unset variables (`icon_classname`, `classname`).
pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

READ = frozenset({"list", "inspect", "export_csv", "export_xlsx"})
EVERYTHING = READ | {"add", "edit", "delete", "history"}
ACTIONS = sorted(EVERYTHING)

# The rule: which screens each role opens, model by model. Anything not listed is refused.
# Contact requests come from the public form only: nobody adds one in the admin.
RECEIVED_ONLY = {"contactrequest": EVERYTHING - {"add"}}
ACCESS = {
    "superuser": dict.fromkeys(SNIPPETS, EVERYTHING) | RECEIVED_ONLY,
    "programme_admin": dict.fromkeys(SNIPPETS, EVERYTHING) | RECEIVED_ONLY,
    # Writes the stories: reads candidates, cohorts and consents, changes none, sees no coach, pair, company or
    # contact request.
    "communication": {"candidate": READ, "cohort": READ, "consentrecord": READ},
    # Reads their own candidate only (the other candidates are tested below: 404 and an empty list).
    "coach": {"candidate": READ},
    # Logged in without a role: no admin at all.
    "no_role": {},
}
HAS_ADMIN_ACCESS = {"superuser", "programme_admin", "communication", "coach"}

# How each action is requested: (view name, needs the instance's pk, query string).
REQUESTS = {
    "list": ("list", False, {}),
    "export_csv": ("list", False, {"export": "csv"}),
    "export_xlsx": ("list", False, {"export": "xlsx"}),
    "add": ("add", False, {}),
    "edit": ("edit", True, {}),
    "inspect": ("inspect", True, {}),
    "delete": ("delete", True, {}),
    "history": ("history", True, {}),
}
CONTENT_TYPES = {
    "export_csv": "text/csv",
    "export_xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def expected_outcome(role, model_name, action):
    if action in ACCESS[role].get(model_name, ()):
        return "allowed"
    return "sent_to_dashboard" if role in HAS_ADMIN_ACCESS else "sent_to_login"


def get_screen(client, model_name, action, instance):
    view, needs_pk, query = REQUESTS[action]
    url = admin_url(model_name, view, instance.pk if needs_pk else None)
    return url, client.get(url, query)


def test_matrix_names_every_role_with_a_client():
    assert set(ACCESS) == set(ROLE_CLIENTS)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("model_name", SNIPPETS)
@pytest.mark.parametrize("role", ROLE_CLIENTS)
def test_admin_screen_access_follows_the_role_matrix(request, role, model_name, action, instances):
    client = role_client(request, role)

    url, response = get_screen(client, model_name, action, instances[model_name])

    outcome = expected_outcome(role, model_name, action)
    if outcome == "allowed":
        assert response.status_code == 200
        if action in CONTENT_TYPES:
            assert response["Content-Type"] == CONTENT_TYPES[action]
    elif outcome == "sent_to_dashboard":
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
        assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    else:
        assert response.status_code == 302
        login_url, query = urlsplit(response.url)[2], parse_qs(urlsplit(response.url).query)
        assert login_url == reverse("wagtailadmin_login")
        assert query["next"] == [response.wsgi_request.get_full_path()]
        assert query["next"][0].startswith(url)


def test_anonymous_visitor_is_sent_to_login(client, coached_candidate):
    response = client.get(admin_url("candidate", "inspect", coached_candidate.pk))

    assert response.status_code == 302
    assert urlsplit(response.url).path == reverse("wagtailadmin_login")


# --- Writes are refused as well as screens --------------------------------------------------------------------


def candidate_form_data(cohort):
    return {
        "first_name": "Nouvelle",
        "last_name": "Candidate",
        "email": "nouvelle@example.org",
        "phone": "",
        "birth_date": "",
        "cohort": cohort.pk,
        "referring_organisation": "",
        "status": "in_programme",
        "notes": "",
    }


@pytest.mark.parametrize(
    ("role", "created"),
    [("programme_admin", True), ("superuser", True), ("communication", False), ("coach", False), ("no_role", False)],
)
def test_only_programme_staff_can_create_a_candidate(request, role, created, coached_candidate):
    client = role_client(request, role)

    response = client.post(admin_url("candidate", "add"), candidate_form_data(coached_candidate.cohort))

    assert response.status_code == 302
    assert Candidate.objects.filter(email="nouvelle@example.org").exists() is created


@pytest.mark.parametrize("role", ["communication", "coach", "no_role"])
def test_roles_without_change_permission_cannot_edit_or_delete_a_candidate(request, role, coached_candidate):
    client = role_client(request, role)
    data = candidate_form_data(coached_candidate.cohort) | {"first_name": "Renommée", "email": "awa@example.org"}

    client.post(admin_url("candidate", "edit", coached_candidate.pk), data)
    client.post(admin_url("candidate", "delete", coached_candidate.pk))

    coached_candidate.refresh_from_db()
    assert coached_candidate.first_name == "Awa"


@pytest.mark.parametrize("role", ["communication", "coach"])
def test_read_only_roles_cannot_rename_a_cohort(request, role, coached_candidate):
    client = role_client(request, role)
    cohort = coached_candidate.cohort

    client.post(admin_url("cohort", "edit", cohort.pk), {"name": "Renommée", "city": cohort.city_id})

    assert Cohort.objects.get(pk=cohort.pk).name == cohort.name


# --- A coach reads their own candidate, and no other ----------------------------------------------------------


def test_coach_list_shows_only_their_own_candidate(coach_client, coached_candidate, unrelated_candidate):
    CandidateFactory.create_batch(3)

    response = coach_client.get(admin_url("candidate", "list"))

    assert list(response.context["object_list"]) == [coached_candidate]
    content = response.content.decode()
    assert "Awa Suivie" in content
    assert "Bintou" not in content


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_coach_export_holds_only_their_own_candidate(
    coach_client, coached_candidate, unrelated_candidate, export_format
):
    response = coach_client.get(admin_url("candidate", "list"), {"export": export_format})

    assert response.status_code == 200
    header, *rows = export_rows(response)
    assert [row[:2] for row in rows] == [["Awa", "Suivie"]]


def test_coach_search_does_not_reach_other_candidates(coach_client, coached_candidate, unrelated_candidate):
    response = coach_client.get(admin_url("candidate", "list"), {"q": "Bintou"})

    assert list(response.context["object_list"]) == []


def test_coach_filter_does_not_reach_other_candidates(coach_client, coached_candidate, unrelated_candidate):
    response = coach_client.get(admin_url("candidate", "list"), {"cohort": unrelated_candidate.cohort_id})

    # Another cohort is not even a choice of the coach's filter (its name is not theirs to read): it is ignored.
    assert list(response.context["object_list"]) == [coached_candidate]
    assert unrelated_candidate.cohort.name not in response.content.decode()


def test_coach_can_inspect_their_own_candidate(coach_client, coached_candidate):
    response = coach_client.get(admin_url("candidate", "inspect", coached_candidate.pk))

    assert response.status_code == 200
    assert "Awa" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "sees_notes"),
    [("superuser", True), ("programme_admin", True), ("communication", True), ("coach", False)],
)
def test_private_notes_are_shown_to_staff_but_not_to_the_volunteer_coach(request, role, sees_notes, coached_candidate):
    coached_candidate.notes = "Suivi social confidentiel"
    coached_candidate.save()
    client = role_client(request, role)

    response = client.get(admin_url("candidate", "inspect", coached_candidate.pk))

    assert response.status_code == 200
    assert ("Suivi social confidentiel" in response.content.decode()) is sees_notes


def test_coach_inspecting_another_candidate_gets_404(coach_client, coached_candidate, unrelated_candidate):
    response = coach_client.get(admin_url("candidate", "inspect", unrelated_candidate.pk))

    assert response.status_code == 404


def test_coach_inspecting_an_unpaired_candidate_gets_404(coach_client, coached_candidate):
    response = coach_client.get(admin_url("candidate", "inspect", CandidateFactory().pk))

    assert response.status_code == 404


def test_coach_no_longer_reads_a_candidate_once_their_pair_ended(coach_client, coach_record):
    former = CandidateFactory()
    PairFactory(coach=coach_record, candidate=former, start_date=date(2026, 1, 5), end_date=date(2026, 6, 30))

    list_response = coach_client.get(admin_url("candidate", "list"))
    inspect_response = coach_client.get(admin_url("candidate", "inspect", former.pk))

    assert list(list_response.context["object_list"]) == []
    assert inspect_response.status_code == 404


def test_coach_account_without_a_coach_record_reads_no_candidate(coach_client, unrelated_candidate):
    response = coach_client.get(admin_url("candidate", "list"))

    assert response.status_code == 200
    assert list(response.context["object_list"]) == []


def test_coach_who_also_holds_the_communication_role_reads_every_candidate(client, unrelated_candidate):
    from snippets import roles

    user = UserFactory(groups=[roles.COACHES, roles.COMMUNICATION])
    coach = CoachFactory(user=user)
    own = CandidateFactory()
    PairFactory(coach=coach, candidate=own)
    client.force_login(user)

    response = client.get(admin_url("candidate", "list"))

    assert set(response.context["object_list"]) == {own, unrelated_candidate}


@pytest.mark.parametrize("role", ["superuser", "programme_admin", "communication"])
def test_staff_roles_inspect_any_candidate(request, role, coached_candidate, unrelated_candidate):
    client = role_client(request, role)

    response = client.get(admin_url("candidate", "inspect", unrelated_candidate.pk))

    assert response.status_code == 200


# --- Choosers: Wagtail opens them to every admin user, so they follow the same rule ---------------------------


def chooser_url(model_name, view, *args):
    return reverse(f"wagtailsnippetchoosers_cohorts_{model_name}:{view}", args=args)


@pytest.mark.parametrize("view", ["choose", "choose_results"])
def test_coach_chooser_lists_only_their_own_candidate(coach_client, coached_candidate, unrelated_candidate, view):
    response = coach_client.get(chooser_url("candidate", view), headers={"x-requested-with": "XMLHttpRequest"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Awa Suivie" in content
    assert "Bintou" not in content


@pytest.mark.parametrize("view", ["choose", "choose_results", "chosen_multiple"])
@pytest.mark.parametrize("model_name", ["pair", "coach", "cohort", "consentrecord", "contactrequest", "outcome",
                                        "followupcheck"])
def test_a_private_records_chooser_refuses_who_holds_no_permission_on_it(coach_client, coached_candidate,
                                                                           model_name, view):
    """A coach holds no permission on these: their choosers answer 403, not a list (even an empty one)."""
    response = coach_client.get(chooser_url(model_name, view), headers={"x-requested-with": "XMLHttpRequest"})

    assert response.status_code == 403


@pytest.mark.parametrize(("query", "expected"), [("Awa", ["Awa Suivie"]), ("Bintou", []), ("Ailleurs", [])])
def test_coach_chooser_search_reaches_only_their_own_candidate(
    coach_client, coached_candidate, unrelated_candidate, query, expected
):
    response = coach_client.get(chooser_url("candidate", "choose_results"), {"q": query})

    assert [str(candidate) for candidate in response.context["results"]] == expected


def test_staff_chooser_search_finds_any_candidate(communication_client, coached_candidate, unrelated_candidate):
    response = communication_client.get(chooser_url("candidate", "choose_results"), {"q": "Bintou"})

    assert [str(candidate) for candidate in response.context["results"]] == ["Bintou Ailleurs"]


def test_coach_cannot_pick_another_candidate_by_id(coach_client, coached_candidate, unrelated_candidate):
    single = coach_client.get(chooser_url("candidate", "chosen", unrelated_candidate.pk))
    several = coach_client.get(
        chooser_url("candidate", "chosen_multiple"), {"id": [unrelated_candidate.pk, coached_candidate.pk]}
    )

    assert single.status_code == 404
    assert [item["string"] for item in several.json()["result"]] == ["Awa Suivie"]


@pytest.mark.parametrize("role", ["superuser", "programme_admin", "communication"])
def test_staff_chooser_lists_every_candidate(request, role, coached_candidate, unrelated_candidate):
    """Communication picks the candidate of a story page from this chooser."""
    client = role_client(request, role)

    response = client.get(chooser_url("candidate", "choose_results"))
    chosen = client.get(chooser_url("candidate", "chosen", unrelated_candidate.pk))

    content = response.content.decode()
    assert "Awa Suivie" in content and "Bintou Ailleurs" in content
    assert chosen.json()["result"]["string"] == "Bintou Ailleurs"
