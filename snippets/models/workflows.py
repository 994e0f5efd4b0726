"""The "Validation des offres" step: the programme staff of the offer's city approve it or send it back.

A city names its staff by e-mail address (``City.staff_emails``). Members of the task's groups whose
address is listed for the offer's city moderate its offers; when a city lists none of them, every member
of the groups does, so that no offer waits for a reviewer who does not exist. Superusers always may.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask

from snippets.models.network import City, Offer


def _listed(address, city):
    return address.lower() in {email.lower() for email in city.staff_email_list}


class CityStaffApprovalTask(GroupApprovalTask):
    """Group approval restricted to the staff of the offer's city (see the module docstring)."""

    class Meta:
        verbose_name = _("approval by the city's staff")
        verbose_name_plural = _("approvals by the city's staff")

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups who are staff of the offer's city approve it")

    def city_reviewers(self, city):
        """The users of the task's groups listed as staff of ``city``, or all of them when none is listed."""
        members = self.member_queryset()
        listed = [user for user in members if user.email and _listed(user.email, city)]
        return listed or list(members)

    def member_queryset(self):
        return get_user_model().objects.filter(is_active=True, groups__in=self.groups.all()).distinct()

    def _may_moderate(self, obj, user):
        if user.is_superuser:
            return True
        if not self._user_in_groups(user):
            return False
        city = getattr(obj, "city", None)
        return city is None or user in self.city_reviewers(city)

    def user_can_access_editor(self, obj, user):
        return self._may_moderate(obj, user)

    def locked_for_user(self, obj, user):
        return not self._may_moderate(obj, user)

    def user_can_lock(self, obj, user):
        return self._may_moderate(obj, user)

    def get_actions(self, obj, user):
        if self._may_moderate(obj, user):
            return super().get_actions(obj, user)
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser or not states.exists():
            return states
        cities = [city.pk for city in City.objects.all() if user in self.city_reviewers(city)]
        offers = Offer.objects.filter(city__in=cities).values_list("pk", flat=True)
        return states.filter(Q(workflow_state__object_id__in=[str(pk) for pk in offers]))

