"""Every admin URL, as every role, with the ids of rows the role may and may not read: no leak, no server error.

The audit crawled the admin as four roles and found names where page-level tests saw none. This walk does the
same from the URL resolver (tests/cms/url_walk.py), so a screen added tomorrow is walked without anybody listing
it: each pattern under /admin/ is filled with real ids (the coach's own candidate, another candidate, their pages,
revisions, images, workflow states...) and requested with GET as each role. It asserts:
- anonymous visitors and accounts without a role are sent to the login page, whatever the URL;
- no answer is a server error;
- no answer holds the name, e-mail or phone of a person the role may not read (lists, choosers and their
  results, chosen views, exports unzipped, JSON decoded, history and usage pages, reports, the admin API).
The figures of each walk are written to test-artifacts/admin-url-walk/<role>.json.
"""

import json
from collections import Counter

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, Revision, Task, TaskState, Workflow, WorkflowState

from cohorts.enums import ConsentPurpose, ImportKind, ImportStatus
from cohorts.models import Application, Candidate, CoachingSession, ImportJob
from pages.models import CandidateIndexPage, CandidatePage, CustomImage
from snippets.models import ProgrammeSettings
from tests.cms.url_walk import admin_urls, model_of, readable_text
from tests.cohorts.factories import (
    CandidateFactory,
    CoachFactory,
    ConsentRecordFactory,
    ContactRequestFactory,
    OutcomeFactory,
    PairFactory,
)
from tests.pages.factories import ImageFactory
from tests.snippets.factories import OfferFactory, UserFactory

# Wagtail 8's own admin templates read unset variables (`icon_classname`, `classname`).
pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

ROLES = ["anonymous", "no_role", "coach", "communication", "programme_admin", "superuser"]
USER_FIXTURES = {
    "no_role": "plain_user",
    "coach": "coach_user",
    "communication": "communication_user",
    "programme_admin": "programme_admin",
    "superuser": "admin_user",
}

# What each kind of secret is, and who may read it.
OTHER_CANDIDATE = ["Zelinda", "Quarrington", "zelinda.quarrington@example.org", "07 61 52 43 34"]
OTHER_COACH = ["Autrecoach", "xavier.autrecoach@example.org"]
OWN_CANDIDATE = ["Suivie", "awa.suivie@example.org"]
SENDER = ["Rosalind Recruteuse", "rosalind.recruteuse@example.org", "+33 6 98 87 76 65"]
SECRETS = {
    "anonymous": OTHER_CANDIDATE + OTHER_COACH + OWN_CANDIDATE + SENDER,
    "no_role": OTHER_CANDIDATE + OTHER_COACH + OWN_CANDIDATE + SENDER,
    "coach": OTHER_CANDIDATE + OTHER_COACH + SENDER,
    # Communication reads every candidate to write their stories; contact requests are not theirs.
    "communication": SENDER,
    "programme_admin": [],
    "superuser": [],
}

# Admin URLs open to anyone: signing in, the password reset that starts from the login page, and the login page's
# icons and translations.
PUBLIC_ADMIN_URLS = ("/admin/login/", "/admin/password_reset/", "/admin/sprite/", "/admin/jsi18n/")
# Wagtail's own page for testing error reports: a server error on purpose, for whoever has admin access.
DELIBERATE_ERROR = "/admin/failwhale/"
# The statuses a refusal or an answer may take; a 5xx is never one of them.
STATUSES = {200, 204, 301, 302, 400, 403, 404, 405}


@pytest.fixture(autouse=True)
def _templates_as_in_production(settings):
    """An unset template variable renders empty, as in production. pytest-django's stand-in for it is truthy, so
    Wagtail's `{% if previous_revision %}` would take it for a revision and fail on its id: a 500 no user meets."""
    settings.TEMPLATES = [
        {**engine, "OPTIONS": {**engine.get("OPTIONS", {}), "string_if_invalid": ""}} for engine in settings.TEMPLATES
    ]


@pytest.fixture
def walk_data(coached_candidate, story_index, admin_user, django_capture_on_commit_callbacks):
    """Two candidates with what the programme holds about them: the coach's own (Awa Suivie) and another (Zelinda
    Quarrington, coached by Xavier Autrecoach), each with a story in review, a photo, a document, consents, a
    contact request, an application, a session and an outcome; an import report names them both."""
    own = coached_candidate
    own.email = "awa.suivie@example.org"
    own.save()
    other_coach = CoachFactory(first_name="Xavier", last_name="Autrecoach", email="xavier.autrecoach@example.org",
                               user=UserFactory(username="xavier", email="xavier.autrecoach@example.org"))
    other = CandidateFactory(first_name="Zelinda", last_name="Quarrington", phone="07 61 52 43 34",
                             email="zelinda.quarrington@example.org")
    PairFactory(coach=other_coach, candidate=other)
    offer = OfferFactory(published=True, title="Commis de cuisine")
    index = CandidateIndexPage.objects.get()
    for candidate in (own, other):
        full_name = f"{candidate.first_name} {candidate.last_name}"
        ConsentRecordFactory(candidate=candidate, purpose=ConsentPurpose.PUBLISH_STORY)
        ConsentRecordFactory(candidate=candidate, purpose=ConsentPurpose.SHOW_PHOTO, withdrawn_at=timezone.now())
        ContactRequestFactory(candidate=candidate, name="Rosalind Recruteuse",
                              email="rosalind.recruteuse@example.org", phone="+33 6 98 87 76 65")
        Application.objects.create(offer=offer, candidate=candidate)
        pair = candidate.pairs.get()
        CoachingSession.objects.create(pair=pair, date=pair.start_date, duration_minutes=45,
                                       note=f"Notes about {full_name}")
        OutcomeFactory(candidate=candidate)
        get_document_model().objects.create(title=f"CV {full_name}",
                                            file=ContentFile(b"%PDF-1.4", name=f"cv-{candidate.pk}.pdf"))
        page = index.add_child(instance=CandidatePage(
            title=candidate.public_name, slug=f"story-{candidate.pk}", candidate=candidate, live=False,
            catchphrase=f"{candidate.first_name} ne lache rien.",
            photo=ImageFactory(title=f"Portrait {full_name}", description=f"{full_name} sourit"),
        ))
        page.save_revision(user=admin_user)
        with django_capture_on_commit_callbacks(execute=True):
            page.get_workflow().start(page, admin_user)
    ImportJob.objects.create(
        kind=ImportKind.COHORT, status=ImportStatus.DONE, file_name="promo.csv", uploaded_by=admin_user,
        report={"kind": "cohort", "dry_run": False, "total": 2, "rows": [
            {"line": 2, "status": "new", "label": "Zelinda Quarrington", "changes": [], "errors": []},
            {"line": 3, "status": "new", "label": "Awa Suivie", "changes": [], "errors": []},
        ]},
    )
    offer.save_revision(user=admin_user)
    return {"own": own, "other": other}


# Models named by (app_label, model_name) in URLs, per kind of URL that takes them.
NAMED_MODELS = {
    "admin/bulk/": [("cohorts", "candidate"), ("cohorts", "consentrecord"), ("cohorts", "contactrequest"),
                    ("wagtailcore", "page"), ("pages", "customimage"), ("wagtaildocs", "document"),
                    ("auth", "user")],
    "admin/settings/": [("snippets", "programmesettings")],
    "admin/tag-autocomplete/": [("pages", "customimage")],
    "admin/workflows/tasks/add/": [("pages", "candidateapprovaltask")],
    "admin/editing-sessions/": [("cohorts", "candidate")],
}
PAGE_MODEL = [("pages", "candidatepage")]
# Views that find their model from the request, by where they live.
MODELS_BY_ROUTE = {
    "admin/pages/": Page, "admin/api/main/^pages/": Page, "admin/api/main/^images/": CustomImage,
    "admin/api/main/^documents/": get_document_model(), "admin/workflows/tasks/": Task,
    "admin/workflows/": Workflow, "admin/candidats/": Candidate, "admin/imports/": ImportJob,
    "admin/settings/": ProgrammeSettings,
}
MODEL_NAME_KEYS = {"app_label": "model_name", "app_name": "model_name", "content_type_app_name":
                   "content_type_model_name"}


def ids(queryset, limit=8):
    return list(queryset.order_by("pk").values_list("pk", flat=True)[:limit])


def page_ids():
    return ids(Page.objects.filter(depth__gt=1), limit=6)


def values_for(route, name, pattern):
    """The real values one parameter of one admin URL takes."""
    model = model_of(pattern)
    simple = {
        "page_id": page_ids, "parent_page_id": page_ids, "page_to_move_id": page_ids, "destination_id": page_ids,
        "page_pk": page_ids,
        "revision_id": lambda: ids(Revision.objects.all()),
        "image_id": lambda: ids(CustomImage.objects.all()),
        "name": lambda: list(CustomImage.objects.order_by("pk").values_list("file", flat=True)),
        "document_id": lambda: ids(get_document_model().objects.all()),
        "doc_id": lambda: ids(get_document_model().objects.all()),
        "task_state_id": lambda: ids(TaskState.objects.all()),
        "workflow_state_id": lambda: ids(WorkflowState.objects.all()),
        "task_id": lambda: ids(Task.objects.all()),
        "workflow_pk": lambda: ids(Workflow.objects.all()),
        "collection_id": lambda: ids(Collection.objects.all()),
        "revision_id_a": lambda: ["earliest"],
        "revision_id_b": lambda: ["latest"],
        "action_name": lambda: ["approve", "reject", "copy"],
        "action": lambda: ["delete"],
        "object_id": lambda: ids(model_of(pattern)._default_manager.all()) if model else [1],
        # Rows nobody made in this walk: the views must still answer them without an error.
        "redirect_id": lambda: [1], "uploaded_file_id": lambda: [1], "session_id": lambda: [1],
        "export_format": lambda: ["xlsx", "csv"],
        "filter_spec": lambda: ["max-165x165"],
        "kind": lambda: ["cohort", "offers"],
        "file_format": lambda: ["csv", "xlsx"],
        "uidb64": lambda: ["MQ"], "token": lambda: ["set-password"],
    }
    if name == "pk":
        model = model or next((model for prefix, model in MODELS_BY_ROUTE.items() if route.startswith(prefix)), None)
        if model is None:
            raise KeyError(name)
        if issubclass(model, Page):
            return page_ids()
        return ids(model._default_manager.all())
    return simple[name]()


def fill(route, names, pattern):
    """Every combination of real values for the parameters of one admin URL, named models kept in pairs."""
    combinations = [{}]
    for app_key, model_key in MODEL_NAME_KEYS.items():
        if app_key in names:
            pairs = next((models for prefix, models in NAMED_MODELS.items() if route.startswith(prefix)), PAGE_MODEL)
            combinations = [{app_key: app, model_key: model} for app, model in pairs]
            names = [name for name in names if name not in (app_key, model_key)]
    for name in names:
        combinations = [dict(combination, **{name: value})
                        for combination in combinations for value in values_for(route, name, pattern)]
    model = model_of(pattern)
    if model is not None and (route.endswith("chosen-multiple/") or route.startswith("admin/bulk/")):
        query = "?" + "&".join(f"id={pk}" for pk in ids(model._default_manager.all()))
        combinations = [dict(combination, **{"?": query}) for combination in combinations]
    # The start of a hidden name: what a search echoes back is not a leak, what it finds would be.
    search = f"?q={OTHER_CANDIDATE[1][:7]}"
    view_class = getattr(pattern.callback, "view_class", None)
    if view_class is not None and issubclass(view_class, SpreadsheetExportMixin):
        # A list's exports, and its search: both read rows another way than the page does.
        combinations += [dict(combination, **{"?": query}) for combination in combinations
                         for query in ("?export=csv", "?export=xlsx", search)]
    elif route.endswith(("/results/", "choose/", "search/")):
        combinations += [dict(combination, **{"?": search}) for combination in combinations]
    return combinations


@pytest.fixture
def walk(walk_data):
    return admin_urls(fill)


def test_the_walk_fills_every_admin_url(walk):
    """Each parameter of each admin URL has real values: a new kind of URL must be taught to the walk."""
    assert walk.unfilled == {}
    assert len({route for route, _url in walk.urls}) > 400


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_url_leaks_a_person_or_fails(request, role, walk, walk_data, pytestconfig):
    user = request.getfixturevalue(USER_FIXTURES[role]) if role in USER_FIXTURES else None
    client = Client(raise_request_exception=False)  # a server error is counted, and the walk goes on
    statuses, leaks, errors = Counter(), [], []
    previous = None
    for _route, url in walk.urls:
        if user is not None:
            # Signed in afresh each time: a URL that ends the session must not hide the ones after it.
            client.force_login(user)
        response = client.get(url)
        statuses[response.status_code] += 1
        if url == DELIBERATE_ERROR and response.status_code == 500:
            continue
        if response.status_code not in STATUSES:
            errors.append(f"{response.status_code} {url}")
            continue
        if role in ("anonymous", "no_role") and not url.startswith(PUBLIC_ADMIN_URLS):
            if not (response.status_code == 302 and response["Location"].startswith("/admin/login/")):
                errors.append(f"{response.status_code} for a visitor without admin access: {url}")
            continue
        text = readable_text(response)
        for secret in SECRETS[role]:
            if secret in text:
                # A message queued by the previous answer shows on this one.
                leaks.append(f"{secret!r} in {url} (after {previous})")
        previous = url
    folder = pytestconfig.rootpath / "test-artifacts" / "admin-url-walk"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{role}.json").write_text(json.dumps({
        "role": role, "patterns": len({route for route, _url in walk.urls}), "urls": len(walk.urls),
        "statuses": dict(sorted(statuses.items())), "leaks": leaks, "errors": errors,
    }, indent=2))
    assert errors == []
    assert leaks == []





