"""Which change purges which cached public answers (pages/cache.py), in one place.

A save or delete of a record that a public page shows purges the tags of the answers that show it, from whichever
screen, import, command or shell it comes; Wagtail's publish, unpublish and move signals do the same for pages.
Purges wait for the transaction to commit, and a transaction purges each tag once (an import of 10,000 rows too).
Connected in PagesConfig.ready.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cohorts.models import Application, Candidate, Cohort, ConsentRecord, FollowUpCheck, Outcome, RetentionSettings
from pages.cache import (
    IMAGES_TAG,
    IMPACT_TAG,
    OFFERS_TAG,
    SITE_TAG,
    STORIES_TAG,
    candidate_tag,
    purge_tags,
    story_tag,
)
from pages.models import CandidatePage, CustomImage
from snippets.models import City, ContractType, Offer, PartnerCompany, ProgrammeSettings, ReferringOrganisation, Sector


def _page_changed(sender, instance, **kwargs):
    """A story changes its own page and every list; any other page may change the menus, so every answer."""
    page = instance.specific_deferred if type(instance) is Page else instance
    if isinstance(page, CandidatePage):
        purge_tags(STORIES_TAG, story_tag(page.pk), candidate_tag(page.candidate_id))
    else:
        purge_tags(SITE_TAG)


def _page_deleted(sender, instance, **kwargs):
    # A page's delete is seen once per table: for its own type, then for Page, whose row no longer says which.
    if isinstance(instance, Page) and type(instance) is not Page:
        _page_changed(sender, instance)


def _candidate_changed(sender, instance, **kwargs):
    """A hire, a withdrawn consent or an exit changes the story's page, the lists, and the figures."""
    purge_tags(STORIES_TAG, IMPACT_TAG, candidate_tag(instance.pk))


def _candidate_record_changed(sender, instance, **kwargs):
    purge_tags(STORIES_TAG, IMPACT_TAG, candidate_tag(instance.candidate_id))


def _purges(*tags):
    def receiver(sender, instance, **kwargs):
        purge_tags(*tags)

    return receiver


# The records whose save or delete purges these tags, besides candidates and their consents and outcomes.
PURGED_BY = {
    (OFFERS_TAG,): (Offer, PartnerCompany),
    (IMPACT_TAG,): (Cohort, Application, FollowUpCheck),
    (IMAGES_TAG, STORIES_TAG): (CustomImage,),
    # Shown on every page: the programme's name and footer, the reference data of cards and filters, the register
    # of processing's retention periods.
    (SITE_TAG,): (ProgrammeSettings, RetentionSettings, City, Sector, ContractType, ReferringOrganisation, Site),
}


def connect():
    page_signals = {"published": page_published, "unpublished": page_unpublished, "slug": page_slug_changed,
                    "moved": post_page_move}
    for name, signal in page_signals.items():
        signal.connect(_page_changed, dispatch_uid=f"public-cache-page-{name}")
    post_delete.connect(_page_deleted, dispatch_uid="public-cache-page-deleted")
    for name, signal in {"save": post_save, "delete": post_delete}.items():
        signal.connect(_candidate_changed, sender=Candidate, dispatch_uid=f"public-cache-Candidate-{name}")
        for model in (ConsentRecord, Outcome):
            uid = f"public-cache-{model.__name__}-{name}"
            signal.connect(_candidate_record_changed, sender=model, dispatch_uid=uid)
        for tags, models in PURGED_BY.items():
            receiver = _purges(*tags)
            for model in models:
                signal.connect(receiver, sender=model, weak=False, dispatch_uid=f"public-cache-{model.__name__}-{name}")
