"""Who reads which rows of the partner network, in plain words; cohorts/perms.py builds its own rules on these.

The roles are Wagtail groups (snippets/roles.py). This module names other apps' models only in query lookups.
"""

from django.db.models import Q

from snippets.roles import COMMUNICATION, PROGRAMME_ADMINS


def reads_every_candidate(user):
    """Superusers and the wider roles (programme admins, communication) read every candidate.

    Said positively, so that whoever is not known to be wide is narrow: a coach, an account with no role, an
    anonymous visitor who reached an admin URL.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return bool({group.name for group in user.groups.all()} & {PROGRAMME_ADMINS, COMMUNICATION})


def sees_only_own_candidate(user):
    """A coach reads their own candidate only (the candidate of their current pair); anyone not known to read
    every candidate reads no more than that, and an anonymous visitor reads nothing."""
    return not reads_every_candidate(user)


def visible_offers(user, queryset):
    """A coach reads the public offers and those aimed at their own candidate, never one aimed at another candidate.

    Other users read offers through their permissions on them; this rule is for the choosers, open to every admin
    user. "Their own candidate" is the candidate of the coach's current pair.
    """
    if not user.is_authenticated:
        return queryset.filter(pk__in=queryset.model.objects.public().values("pk"))
    if sees_only_own_candidate(user):
        offers = queryset.model.objects
        aimed_at_own = offers.filter(target_candidate__pairs__coach__user=user, target_candidate__pairs__end_date=None)
        return queryset.filter(Q(pk__in=offers.public().values("pk")) | Q(pk__in=aimed_at_own.values("pk")))
    return queryset
