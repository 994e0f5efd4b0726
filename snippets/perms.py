"""Who reads which rows of the partner network, in plain words; cohorts/perms.py builds its own rules on these.

The roles are Wagtail groups (snippets/roles.py). This module names other apps' models only in query lookups.
"""

from django.db.models import Q

from snippets.roles import COACHES


def sees_only_own_candidate(user):
    """A coach reads their own candidate only; staff with wider roles, and superusers, read every candidate.

    The rule holds for members of the "Coachs" group who hold no other role.
    """
    if user.is_superuser:
        return False
    group_names = {group.name for group in user.groups.all()}
    return group_names == {COACHES}


def visible_offers(user, queryset):
    """A coach reads the public offers and those aimed at their own candidate, never one aimed at another candidate.

    Other users read offers through their permissions on them; this rule is for the choosers, open to every admin
    user. "Their own candidate" is the candidate of the coach's current pair.
    """
    if sees_only_own_candidate(user):
        offers = queryset.model.objects
        aimed_at_own = offers.filter(target_candidate__pairs__coach__user=user, target_candidate__pairs__end_date=None)
        return queryset.filter(Q(pk__in=offers.public().values("pk")) | Q(pk__in=aimed_at_own.values("pk")))
    return queryset
