"""Snippet choosers that follow cohorts/perms.py: Wagtail opens every chooser to every admin user.

Apart from cohorts/wagtail_hooks.py so that other modules (coaching, and the offers' viewset in snippets) use it
without importing the hooks.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)

# Any one of these on a model lets a user open its chooser.
READING_ACTIONS = ("add", "change", "delete", "view")


def may_read_model(user, model):
    """Whether this user holds any permission on ``model`` under its registered permission policy."""
    return policy_registry.get_by_type(model).user_has_any_permission(user, READING_ACTIONS)


def chooser_restricted_by(rule, *, require_permission=False):
    """A snippet chooser that lists, and resolves, only the rows that ``rule(user, queryset)`` lets this user read;
    with ``require_permission``, refused outright to who holds no permission on the model.

    Wagtail opens every chooser to every admin user, whatever their model permissions: without this, a coach
    would read the names of all candidates in the candidate (or pair) chooser, and a user with no right on
    outcomes would still be answered their (empty) list.
    """

    class RestrictedMixin:
        def dispatch(self, request, *args, **kwargs):
            if require_permission and not may_read_model(request.user, self.model_class):
                raise PermissionDenied
            return super().dispatch(request, *args, **kwargs)

        def get_object_list(self):
            # A `pk__in` subquery, not the rule's own joins: the chooser's search backend only filters on
            # declared FilterFields (Candidate declares "id").
            visible = rule(self.request.user, self.model_class.objects.all())
            return super().get_object_list().filter(pk__in=visible.values("pk"))

        def get_object(self, pk):
            return rule(self.request.user, self.model_class.objects.all()).get(pk=pk)

        def get_objects(self, pks):
            return rule(self.request.user, self.model_class.objects.all()).filter(pk__in=pks)

    return type(
        "RestrictedChooserViewSet",
        (SnippetChooserViewSet,),
        {
            "choose_view_class": type("ChooseView", (RestrictedMixin, ChooseView), {}),
            "choose_results_view_class": type("ChooseResultsView", (RestrictedMixin, ChooseResultsView), {}),
            "chosen_view_class": type("ChosenView", (RestrictedMixin, SnippetChosenView), {}),
            "chosen_multiple_view_class": type(
                "ChosenMultipleView", (RestrictedMixin, SnippetChosenMultipleView), {}
            ),
        },
    )
