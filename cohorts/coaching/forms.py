"""The form a coach logs a session with: only their own pair to choose."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from cohorts.models import Pair
from snippets.perms import sees_only_own_candidate


class CoachingSessionForm(WagtailAdminModelForm):
    """A coach picks among their own current pairs in a plain list (usually one); staff use the pair chooser.

    The date is checked by ``CoachingSession.clean``: not in the future, within the pair's dates.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and sees_only_own_candidate(self.for_user):
            field = self.fields["pair"]
            field.widget = forms.Select()
            field.queryset = own_pairs(self.for_user)
            field.empty_label = None


def own_pairs(user):
    """The coach's current pairs: where their sessions go."""
    return Pair.objects.active().filter(coach__user=user).select_related("coach", "candidate")
