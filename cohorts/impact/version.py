"""The version of the programme's figures: any change to what they count makes cached figures stale.

Outcomes, follow-up checks, candidates, cohorts and applications: their saves and deletes bump the version, from
whichever screen, import or shell they come (connected in CohortsConfig.ready). Whoever caches figures (the public
impact page) puts the version in the cache key.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.crypto import get_random_string

from cohorts.models import Application, Candidate, Cohort, FollowUpCheck, Outcome

CACHE_VERSION_KEY = "impact-page:version"
COUNTED_MODELS = (Outcome, FollowUpCheck, Candidate, Cohort, Application)


def bump_figures_version(**kwargs):
    """Forget every cached figure: the next reader computes them again."""
    cache.set(CACHE_VERSION_KEY, get_random_string(12), None)


def figures_version():
    """The current version, created on first use; two processes starting together agree on one."""
    version = cache.get(CACHE_VERSION_KEY)
    if version is None:
        version = get_random_string(12)
        cache.add(CACHE_VERSION_KEY, version, None)
        version = cache.get(CACHE_VERSION_KEY, version)
    return version


def connect():
    for model in COUNTED_MODELS:
        post_save.connect(bump_figures_version, sender=model, dispatch_uid=f"impact-figures-{model.__name__}-save")
        post_delete.connect(bump_figures_version, sender=model, dispatch_uid=f"impact-figures-{model.__name__}-delete")
