"""Who may see which private records. Plain functions, so that views, exports and the API share them."""

from .models import Candidate
from .roles import COACHES


def sees_only_own_candidate(user):
    """A coach reads their own candidate only; staff with wider roles, and superusers, read every candidate.

    The rule holds for members of the "Coachs" group who hold no other role.
    """
    if user.is_superuser:
        return False
    group_names = {group.name for group in user.groups.all()}
    return group_names == {COACHES}


def visible_candidates(user, queryset):
    """Restrict a candidate queryset to what this user may read."""
    if sees_only_own_candidate(user):
        return queryset.coached_by(user)
    return queryset


def visible_pairs(user, queryset):
    """Restrict a pair queryset to the pairs of candidates this user may read."""
    if sees_only_own_candidate(user):
        return queryset.filter(candidate__in=Candidate.objects.coached_by(user))
    return queryset


def visible_applications(user, queryset):
    """Restrict an application queryset to what this user may read.

    Reading applications takes a permission on them (programme admins and coaches hold one); a coach reads only
    the applications of their own candidate.
    """
    if not (user.has_perm("cohorts.view_application") or user.has_perm("cohorts.change_application")):
        return queryset.none()
    if sees_only_own_candidate(user):
        return queryset.filter(candidate__in=Candidate.objects.coached_by(user))
    return queryset
