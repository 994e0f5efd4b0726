"""What the public site does for the GDPR rights of a candidate: delete their story when their data is erased, and
say what it holds about them when their data is exported. cohorts asks through its hooks (pages/wagtail_hooks.py).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Revision, WorkflowState

from cohorts.gdpr.sections import DataPart, model_section
from pages.models import CandidatePage, CustomImage, StoryCounter

STORY_FIELDS = [
    "title", "slug", "url_path", "live", "first_published_at", "last_published_at", "catchphrase", "story", "photo",
    "skills", "strengths", "wished_jobs", "sectors", "contract_types", "cities", "availability", "available_from",
    "languages", "driving_licence", "transport", "experiences", "testimonials", "keep_visible_after_exit",
]


@transaction.atomic
def erase_story(*, candidate, user=None):
    """Delete a candidate's story page, every revision of it, its log entries, its photos and their files.

    The story's views, shares and QR scans stay in the impact figures: the counters are detached from the page and
    kept under the candidate's cohort. Photos are those of the page and of any revision, unless another story shows
    one; their files and renditions leave the disk once the transaction commits. Returns the deleted page's id.
    """
    page = CandidatePage.objects.select_for_update().filter(candidate=candidate).first()
    if page is None:
        return None
    page_id, page_type = page.pk, ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.filter(base_content_type=page_type, object_id=str(page_id))
    photo_ids = {page.photo_id} | {revision.content.get("photo") for revision in revisions.only("content")}
    photo_ids -= {None}

    StoryCounter.objects.filter(page=page).update(page=None, cohort_id=candidate.cohort_id)
    WorkflowState.objects.filter(base_content_type=page_type, object_id=str(page_id)).delete()
    # The right to erasure wins over page permissions, as a withdrawn consent does (erasing is a permission of its own).
    DeletePageAction(page, user=user).execute(skip_permission_checks=True)
    revisions.delete()
    PageLogEntry.objects.filter(page_id=page_id).delete()
    _delete_photos(photo_ids - set(CandidatePage.objects.filter(photo__in=photo_ids).values_list("photo", flat=True)))
    return page_id


def _delete_photos(photo_ids):
    images = list(CustomImage.objects.filter(pk__in=photo_ids).prefetch_related("renditions"))
    if not images:
        return
    files = [(image.file.storage, image.file.name) for image in images]
    files += [(rendition.file.storage, rendition.file.name) for image in images for rendition in image.renditions.all()]
    image_type = ContentType.objects.get_for_model(CustomImage)
    ModelLogEntry.objects.filter(content_type=image_type, object_id__in=[str(image.pk) for image in images]).delete()
    CustomImage.objects.filter(pk__in=[image.pk for image in images]).delete()

    def delete_files():
        for storage, name in files:
            if name:
                storage.delete(name)

    # Not before the commit: a rolled-back erasure must find its photos where they were.
    transaction.on_commit(delete_files)


def story_data(*, candidate):
    """The candidate's story as the site holds it (every field, the dates of its revisions) and their photo file."""
    page = (CandidatePage.objects.filter(candidate=candidate).select_related("photo")
            .prefetch_related("sectors", "contract_types", "cities").first())
    if page is None:
        return DataPart()
    values = {
        "story": lambda p: strip_tags(p.story),
        "photo": lambda p: p.photo.description if p.photo else None,
        "skills": lambda p: [child["value"] for child in p.skills.raw_data],
        "strengths": lambda p: [child["value"] for child in p.strengths.raw_data],
        "sectors": lambda p: [str(sector) for sector in p.sectors.all()],
        "contract_types": lambda p: [str(contract) for contract in p.contract_types.all()],
        "cities": lambda p: [str(city) for city in p.cities.all()],
        "experiences": lambda p: [child["value"] for child in p.experiences.raw_data],
        "testimonials": lambda p: [child["value"] for child in p.testimonials.raw_data],
    }
    part = DataPart(sections=[
        model_section("story", _("Story page"), CandidatePage, [page], STORY_FIELDS, values=values),
        model_section(
            "story_revisions", _("Versions of the story page"), Revision,
            Revision.page_revisions.filter(object_id=str(page.pk)).order_by("created_at", "pk"),
            ["created_at", "approved_go_live_at"],
            note=_("Every saved version of the story, by date; the text above is the latest."),
        ),
    ])
    if page.photo and page.photo.file:
        name = page.photo.file.name.rsplit("/", 1)[-1]
        with page.photo.file.open("rb") as photo:
            part.files[f"photo/{name}"] = photo.read()
    return part
