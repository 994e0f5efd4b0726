"""A coach sees their own candidate and nothing of anybody else's, on every admin screen and API they can reach.

The world: the coach's pair (Awa, her story draft, an application, a session) and another pair (Bintou, coached
by Xavier Autrecoach, in "Promo Zed", with a story draft, a private offer aimed at her, an application, a
session and an outcome). Every screen is requested as the coach and must hold none of the other pair's words,
whatever its status; the screens about the other pair itself must refuse.
"""

import pytest
from _pytest.mark.structures import ParameterSet
from django.urls import reverse

from cohorts.models.applications import Application
from pages.models import CandidatePage
from snippets.enums import OfferStatus
from tests.cohorts.coaching.conftest import days_ago
from tests.cohorts.factories import CoachingSessionFactory, OutcomeFactory
from tests.snippets.factories import OfferFactory

pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

# Words only the other pair's records hold ("Bintou" alone would match a search term echoed back).
FOREIGN_WORDS = ["Bintou", "Ailleurs", "Autrecoach", "Promo Zed", "Offre pour Bintou", "Note de Xavier"]
SEARCH = "bint"
XHR = {"x-requested-with": "XMLHttpRequest"}


@pytest.fixture
def world(own_pair, other_pair, home_page, story_index):
    own, other = own_pair.candidate, other_pair.candidate
    for candidate in (own, other):
        draft_story(candidate, story_index)
    private_offer = OfferFactory(title="Offre pour Bintou", target_candidate=other, status=OfferStatus.PUBLISHED)
    public_offer = OfferFactory(title="Commis de cuisine", status=OfferStatus.PUBLISHED)
    Application.objects.create(offer=private_offer, candidate=other)
    Application.objects.create(offer=public_offer, candidate=own)
    CoachingSessionFactory(pair=own_pair, date=days_ago(3), note="Note de Claire")
    other_session = CoachingSessionFactory(pair=other_pair, date=days_ago(5), note="Note de Xavier")
    OutcomeFactory(candidate=other)
    return {
        "own": own,
        "other": other,
        "own_pair": own_pair,
        "other_pair": other_pair,
        "other_session": other_session,
        "private_offer": private_offer,
        "story_index": story_index,
    }


def draft_story(candidate, parent):
    """A story page that was never published: what the coach helps write."""
    page = CandidatePage(
        title=candidate.public_name, slug=f"recit-{candidate.pk}", candidate=candidate,
        catchphrase=f"Récit de {candidate.first_name} {candidate.last_name}", live=False,
    )
    parent.add_child(instance=page)
    page.save_revision()
    return page


def snippet(model, view, *args, app="cohorts"):
    return reverse(f"wagtailsnippets_{app}_{model}:{view}", args=args)


def chooser(model, view, *args, app="cohorts"):
    return reverse(f"wagtailsnippetchoosers_{app}_{model}:{view}", args=args)


# Every screen a coach reaches that lists or searches several records: (id, url builder, query).
LISTINGS = [
    ("home", lambda w: reverse("wagtailadmin_home"), {}),
    ("candidate list", lambda w: snippet("candidate", "list"), {}),
    ("candidate search", lambda w: snippet("candidate", "list"), {"q": SEARCH}),
    ("candidate export", lambda w: snippet("candidate", "list"), {"export": "csv"}),
    ("candidate inspect", lambda w: snippet("candidate", "inspect", w["own"].pk), {}),
    ("candidate's matching offers", lambda w: reverse("cohorts_candidate_matches", args=[w["own"].pk]), {}),
    ("application list", lambda w: snippet("application", "list"), {}),
    ("application search", lambda w: snippet("application", "list"), {"q": SEARCH}),
    ("application export", lambda w: snippet("application", "list"), {"export": "xlsx"}),
    ("session list", lambda w: snippet("coachingsession", "list"), {}),
    ("session search", lambda w: snippet("coachingsession", "list"), {"q": SEARCH}),
    ("session export", lambda w: snippet("coachingsession", "list"), {"export": "csv"}),
    ("session add", lambda w: snippet("coachingsession", "add"), {}),
    ("story draft preview", lambda w: reverse("cohorts_story_draft", args=[w["own"].pk]), {}),
    *[
        (f"{model} chooser{' search' if query else ''}", lambda w, m=model, a=app: chooser(m, "choose", app=a), query)
        for model, app in [
            ("candidate", "cohorts"), ("pair", "cohorts"), ("coach", "cohorts"), ("cohort", "cohorts"),
            ("application", "cohorts"), ("coachingsession", "cohorts"), ("offer", "snippets"),
        ]
        for query in ({}, {"q": SEARCH})
    ],
    *[(f"{model} chooser", lambda w, m=model: chooser(m, "choose"), {}) for model in ("outcome", "followupcheck")],
    ("page chooser", lambda w: reverse("wagtailadmin_choose_page"), {}),
    ("page chooser, story list", lambda w: reverse("wagtailadmin_choose_page_child", args=[w["story_index"].pk]), {}),
    ("page chooser search", lambda w: reverse("wagtailadmin_choose_page_search"), {"q": SEARCH}),
    ("page search", lambda w: reverse("wagtailadmin_pages:search"), {"q": SEARCH}),
    ("explorer", lambda w: reverse("wagtailadmin_explore", args=[w["story_index"].pk]), {}),
    ("site history", lambda w: reverse("wagtailadmin_reports:site_history"), {}),
    ("aging pages", lambda w: reverse("wagtailadmin_reports:aging_pages"), {}),
    ("locked pages", lambda w: reverse("wagtailadmin_reports:locked_pages"), {}),
    ("workflows report", lambda w: reverse("wagtailadmin_reports:workflow"), {}),
    ("inactive pairs report", lambda w: reverse("cohorts_inactive_pairs"), {}),
    ("admin API pages", lambda w: "/admin/api/main/pages/", {"search": SEARCH}),
    ("admin API story list", lambda w: f"/admin/api/main/pages/?child_of={w['story_index'].pk}", {}),
    ("public API stories", lambda w: "/api/v2/stories/", {}),
    ("public API pages", lambda w: "/api/v2/pages/", {"search": SEARCH}),
    ("public API offers", lambda w: "/api/v2/offers/", {}),
]

LISTINGS = [entry if isinstance(entry, ParameterSet) else pytest.param(*entry, id=entry[0]) for entry in LISTINGS]

# Screens about the other pair's own records: refused (404, or sent away), and nothing of them shown.
FOREIGN_OBJECTS = [
    ("candidate inspect", lambda w: snippet("candidate", "inspect", w["other"].pk)),
    ("candidate's matching offers", lambda w: reverse("cohorts_candidate_matches", args=[w["other"].pk])),
    ("story draft preview", lambda w: reverse("cohorts_story_draft", args=[w["other"].pk])),
    ("story page edit", lambda w: reverse("wagtailadmin_pages:edit", args=[w["other"].story_page.pk])),
    ("story page draft", lambda w: reverse("wagtailadmin_pages:view_draft", args=[w["other"].story_page.pk])),
    ("application edit", lambda w: snippet("application", "edit", w["other"].applications.get().pk)),
    ("application inspect", lambda w: snippet("application", "inspect", w["other"].applications.get().pk)),
    ("session edit", lambda w: snippet("coachingsession", "edit", w["other_session"].pk)),
    ("session delete", lambda w: snippet("coachingsession", "delete", w["other_session"].pk)),
    ("session history", lambda w: snippet("coachingsession", "history", w["other_session"].pk)),
    ("pair inspect", lambda w: snippet("pair", "inspect", w["other_pair"].pk)),
    ("coach inspect", lambda w: snippet("coach", "inspect", w["other_pair"].coach.pk)),
    ("candidate chosen", lambda w: chooser("candidate", "chosen", w["other"].pk)),
    ("pair chosen", lambda w: chooser("pair", "chosen", w["other_pair"].pk)),
    ("coach chosen", lambda w: chooser("coach", "chosen", w["other_pair"].coach.pk)),
    ("cohort chosen", lambda w: chooser("cohort", "chosen", w["other"].cohort.pk)),
    ("session chosen", lambda w: chooser("coachingsession", "chosen", w["other_session"].pk)),
    ("page chooser below their story", lambda w: reverse("wagtailadmin_choose_page_child",
                                                         args=[w["other"].story_page.pk])),
    ("private offer chosen", lambda w: chooser("offer", "chosen", w["private_offer"].pk, app="snippets")),
    ("public API story draft", lambda w: f"/api/v2/stories/{w['other'].story_page.pk}/"),
    ("admin API story draft", lambda w: f"/admin/api/main/pages/{w['other'].story_page.pk}/"),
]


def body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", errors="replace")


def foreign_words_in(text):
    return [word for word in FOREIGN_WORDS if word in text]


@pytest.mark.parametrize(("name", "build", "query"), LISTINGS)
def test_coach_screen_shows_nothing_of_another_pair(coach_client, world, name, build, query):
    response = coach_client.get(build(world), query, headers=XHR if "chooser" in name else {})

    # Refused screens send a coach to the dashboard (302), as everywhere in the admin; the choosers of records they
    # hold no permission on (pairs, coaches, cohorts, outcomes...) refuse outright (403).
    assert response.status_code in (200, 302, 400, 403, 404), response.status_code
    assert foreign_words_in(body(response)) == []


@pytest.mark.parametrize(("name", "build"), FOREIGN_OBJECTS, ids=[name for name, _build in FOREIGN_OBJECTS])
def test_coach_cannot_open_another_pairs_records(coach_client, world, name, build):
    response = coach_client.get(build(world), headers=XHR if "chosen" in name else {})

    assert response.status_code in (302, 403, 404)
    assert foreign_words_in(body(response)) == []


@pytest.mark.parametrize(
    ("name", "build", "expected"),
    [
        ("home", lambda w: reverse("wagtailadmin_home"), "Awa Suivie"),
        ("candidate list", lambda w: snippet("candidate", "list"), "Awa Suivie"),
        ("application list", lambda w: snippet("application", "list"), "Commis de cuisine"),
        ("session list", lambda w: snippet("coachingsession", "list"), "Awa Suivie"),
        ("story draft preview", lambda w: reverse("cohorts_story_draft", args=[w["own"].pk]), "Récit de Awa Suivie"),
        ("candidate chooser", lambda w: chooser("candidate", "choose"), "Awa Suivie"),
        ("offer chooser", lambda w: chooser("offer", "choose", app="snippets"), "Commis de cuisine"),
        ("page chooser below their story",
         lambda w: reverse("wagtailadmin_choose_page_child", args=[w["own"].story_page.pk]), "Awa S."),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_coach_screen_shows_their_own_candidate(coach_client, world, name, build, expected):
    """The other side of the rule: the screens are not empty, they hold the coach's own pair."""
    response = coach_client.get(build(world), headers=XHR if "chooser" in name else {})

    assert response.status_code == 200
    assert expected in body(response)


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("coach chooser", lambda w: chooser("coach", "choose")),
        ("cohort chooser", lambda w: chooser("cohort", "choose")),
        ("offer chooser", lambda w: chooser("offer", "choose", app="snippets")),
        ("candidate filter", lambda w: snippet("candidate", "list")),
        ("page chooser below a story",
         lambda w: reverse("wagtailadmin_choose_page_child", args=[w["other"].story_page.pk])),
    ],
)
def test_staff_still_read_every_pair(programme_admin_client, world, name, build):
    response = programme_admin_client.get(build(world), headers=XHR if "chooser" in name else {})

    assert response.status_code == 200
    assert foreign_words_in(body(response)) != []
