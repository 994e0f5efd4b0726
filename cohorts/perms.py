"""Who may see which private records. Plain functions, so that views, exports and the API share them."""

from cohorts.models import Candidate
from snippets.perms import sees_only_own_candidate


def visible_candidates(user, queryset):
    """Restrict a candidate queryset to what this user may read."""
    if sees_only_own_candidate(user):
        return queryset.coached_by(user)
    return queryset


def visible_consents(user, queryset):
    """Consents are read by who holds a permission on them (programme admins, communication), for the candidates
    they may read; a coach holds none: the chooser would otherwise list every candidate's name."""
    if not (user.has_perm("cohorts.view_consentrecord") or user.has_perm("cohorts.change_consentrecord")):
        return queryset.none()
    return queryset.filter(candidate__in=visible_candidates(user, Candidate.objects.all()))


def visible_contact_requests(user, queryset):
    """Offers of help hold a stranger's contact details: only for who holds a permission on them (programme
    admins). The candidate's coach hears of them by e-mail, not through the admin."""
    if not (user.has_perm("cohorts.view_contactrequest") or user.has_perm("cohorts.change_contactrequest")):
        return queryset.none()
    return queryset.filter(candidate__in=visible_candidates(user, Candidate.objects.all()))


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


def visible_sessions(user, queryset):
    """Restrict a coaching-session queryset to what this user may read.

    Reading sessions takes a permission on them (programme admins and coaches hold one); a coach reads only the
    sessions of their own current pair, never those of another coach, even with the same candidate.
    """
    if not user.has_perm("cohorts.view_coachingsession"):
        return queryset.none()
    if sees_only_own_candidate(user):
        return queryset.filter(pair__coach__user=user, pair__end_date__isnull=True)
    return queryset


def visible_cohorts(user, queryset):
    """A coach reads only their own candidate's cohort (a chooser or a filter would list every cohort's name)."""
    if sees_only_own_candidate(user):
        return queryset.filter(pk__in=Candidate.objects.coached_by(user).values("cohort"))
    return queryset


def visible_coaches(user, queryset):
    """A coach reads only their own coach record: the other volunteers' names are not theirs to read."""
    if not user.is_authenticated:
        return queryset.none()
    if sees_only_own_candidate(user):
        return queryset.filter(user=user)
    return queryset


def visible_outcomes(user, queryset):
    """Outcomes are for those who hold a permission on them (programme admins); coaches hold none."""
    if not (user.has_perm("cohorts.view_outcome") or user.has_perm("cohorts.change_outcome")):
        return queryset.none()
    return queryset


def visible_follow_up_checks(user, queryset):
    """Follow-up checks are for those who hold a permission on them (programme admins); coaches hold none."""
    if not (user.has_perm("cohorts.view_followupcheck") or user.has_perm("cohorts.change_followupcheck")):
        return queryset.none()
    return queryset
