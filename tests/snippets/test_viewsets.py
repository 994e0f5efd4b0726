"""Every admin screen stands on TremplinViewSet, and a declared visibility rule scopes its list and its chooser."""

import pytest
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from cohorts.perms import visible_candidates
from snippets.viewsets import TremplinViewSet
from tests.cohorts.factories import CandidateFactory, CoachFactory, PairFactory


def _viewsets():
    return [model.snippet_viewset for model in get_snippet_models()]


def test_every_snippet_screen_is_a_tremplin_viewset():
    others = [type(viewset).__name__ for viewset in _viewsets() if not isinstance(viewset, TremplinViewSet)]
    assert others == []


@pytest.mark.parametrize("app_label", ["cohorts"])
def test_every_screen_of_a_private_record_keeps_the_database_search(app_label):
    """Wagtail's search index would hold a copy of private data: the screens search the database."""
    viewsets = [viewset for viewset in _viewsets() if viewset.model._meta.app_label == app_label]
    assert viewsets
    assert {viewset.search_backend_name for viewset in viewsets} == {None}


def test_a_declared_rule_scopes_the_list_and_the_chooser(rf, coach_user):
    viewset = CandidateFactory._meta.model.snippet_viewset
    assert type(viewset).visibility is visible_candidates
    own = CandidateFactory()
    PairFactory(candidate=own, coach=CoachFactory(user=coach_user))
    other = CandidateFactory()
    request = rf.get("/")
    request.user = coach_user
    assert list(viewset.get_queryset(request)) == [own]
    chooser = viewset.chooser_viewset
    view = chooser.choose_results_view_class(model=viewset.model)
    view.setup(request)
    view.model_class = viewset.model
    assert own in view.get_object_list() and other not in view.get_object_list()


@pytest.mark.ignore_template_errors  # Wagtail's admin 404 page
def test_the_coach_chooser_answers_404_for_another_candidate(coach_client, coach_user):
    PairFactory(coach=CoachFactory(user=coach_user))
    other = CandidateFactory()
    response = coach_client.get(reverse("wagtailsnippetchoosers_cohorts_candidate:chosen", args=[other.pk]))
    assert response.status_code == 404
