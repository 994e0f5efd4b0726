"""Operations on the public pages that other apps and commands share."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations, get_field_value
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, PageLogEntry, Revision

from cohorts.imports.base import index_in_bulk
from cohorts.models import Candidate
from pages.models import CandidateIndexPage, CandidatePage, CustomRendition


@transaction.atomic
def create_draft_story(*, candidate, catchphrase="", story="", photo=None, parent=None):
    """Give a candidate a draft story page to write, with its first revision; return the existing one if any.

    It exists so that every writer creates story pages the same way: the cohort import (in ``cohorts``)
    calls it for each new candidate, and ``load_demo_data`` for the demo. The page is never published here:
    publication goes through review and the candidate's approval. Its title is the public name (first name
    and initial), never the full name. ``parent`` defaults to the site's story list page.
    """
    # Lock the candidate so that two imports running at once cannot both create a page for them.
    Candidate.objects.select_for_update().get(pk=candidate.pk)
    existing = CandidatePage.objects.filter(candidate=candidate).first()
    if existing is not None:
        return existing

    if parent is None:
        parent = CandidateIndexPage.objects.first()
        if parent is None:
            raise CandidateIndexPage.DoesNotExist("Create the story list page before creating story pages.")

    page = CandidatePage(
        title=candidate.public_name,
        slug=find_available_slug(parent, slugify(f"{candidate.first_name}-{candidate.pk}")),
        candidate=candidate,
        catchphrase=catchphrase,
        story=story,
        photo=photo,
        live=False,
    )
    parent.add_child(instance=page)
    page.save_revision(log_action=True)
    return page


BULK_BATCH = 500


@transaction.atomic
def create_draft_stories(entries, *, user=None, progress=None, index=True):
    """Give many new candidates their draft story page at once: what ``create_draft_story`` does, in bulk.

    ``entries`` are (candidate, data) pairs, data holding catchphrase, story (safe HTML), sectors and
    contract_types (lists of objects). A cohort import creates thousands of pages: one by one, Wagtail's tree
    and revision machinery costs some 20 queries a page, so here the tree paths are computed once and pages, revisions,
    log entries, relations and search entries are written batch by batch, in a number of queries that does not grow
    with the batch. Candidates who already have a page are left alone. ``index=False`` skips the search index, for a
    dry run that will be rolled back.
    """
    if not entries:
        return []
    parent = CandidateIndexPage.objects.select_for_update().first()
    if parent is None:
        raise CandidateIndexPage.DoesNotExist("Create the story list page before creating story pages.")
    last_child = parent.get_last_child()
    position = last_child._get_lastpos_in_path() if last_child else 0
    content_type = ContentType.objects.get_for_model(CandidatePage)
    page_type = ContentType.objects.get_for_model(Page)
    now = timezone.now()
    # New pages have no comments, cities or other related objects: saying so spares serializable_data a query per
    # relation and per page.
    empty_relations = [relation.get_accessor_name() for relation in get_all_child_relations(CandidatePage)]
    empty_relations += [field.name for field in get_all_child_m2m_relations(CandidatePage)]
    created = []
    for start in range(0, len(entries), BULK_BATCH):
        batch = entries[start:start + BULK_BATCH]
        with_page = set(CandidatePage.objects.filter(candidate__in=[candidate for candidate, _data in batch])
                        .values_list("candidate_id", flat=True))
        batch = [(candidate, data) for candidate, data in batch if candidate.pk not in with_page]
        pages = []
        for (candidate, data), slug in zip(batch, _free_slugs(parent, batch), strict=True):
            position += 1
            page = CandidatePage(
                title=candidate.public_name, draft_title=candidate.public_name, slug=slug,
                path=Page._get_path(parent.path, parent.depth + 1, position), depth=parent.depth + 1, numchild=0,
                url_path=f"{parent.url_path}{slug}/", content_type=content_type, locale_id=parent.locale_id,
                translation_key=uuid.uuid4(), live=False, has_unpublished_changes=True, owner=user,
                latest_revision_created_at=now, candidate=candidate, catchphrase=data.get("catchphrase", ""),
                story=data.get("story", ""),
            )
            for name in empty_relations:
                setattr(page, name, [])
            page.sectors = data.get("sectors", [])
            page.contract_types = data.get("contract_types", [])
            pages.append(page)
        if pages:
            _insert_pages(pages)
            _insert_relations(pages)
            _insert_revisions(pages, content_type=content_type, page_type=page_type, user=user, now=now)
            PageLogEntry.objects.bulk_create([
                PageLogEntry(page_id=page.pk, content_type=content_type, label=page.title, action="wagtail.create",
                             timestamp=now, user=user, revision_id=page.latest_revision_id, content_changed=True)
                for page in pages
            ])
            if index:
                index_in_bulk(CandidatePage, pages)
            created.extend(pages)
        if progress is not None:
            progress(start + len(entries[start:start + BULK_BATCH]))
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(created))
    return created


def _free_slugs(parent, entries):
    """A slug per entry that no sibling under ``parent`` holds yet: one query per round, and one round in practice."""
    slugs = [slugify(f"{candidate.first_name}-{candidate.pk}") or str(candidate.pk) for candidate, _data in entries]
    while True:
        taken = set(parent.get_children().filter(slug__in=slugs).values_list("slug", flat=True))
        seen = set()
        clashes = False
        for number, slug in enumerate(slugs):
            if slug in taken or slug in seen:
                slugs[number] = f"{slug}-{uuid.uuid4().hex[:4]}"
                clashes = True
            seen.add(slugs[number])
        if not clashes:
            return slugs


def _insert_revisions(pages, *, content_type, page_type, user, now):
    """Each page's first revision, then each page pointing at it, in one INSERT and one UPDATE."""
    revisions = Revision.objects.bulk_create([
        Revision(content_type=content_type, base_content_type=page_type, object_id=str(page.pk), created_at=now,
                 user=user, object_str=page.title, content=content)
        for page, content in zip(pages, _revision_contents(pages), strict=True)
    ])
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = revision
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(latest_revision=Subquery(
        Revision.objects.filter(base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField()))
        .order_by("-pk").values("pk")[:1]
    ))


def _revision_contents(pages):
    """What ``page.serializable_data()`` gives for each new page, in a fraction of its time: a field holding the same
    value as on the first page (a default, an empty StreamField) is serialised once, not once per page."""
    first = pages[0].serializable_data()
    fields = [field for field in pages[0]._meta.fields if field.serialize]
    shared = {field.attname: getattr(pages[0], field.attname) for field in fields}
    # Child objects (comments...) were set empty on every page by create_draft_stories: the first page's [] holds.
    m2m_names = [field.name for field in get_all_child_m2m_relations(CandidatePage) if field.serialize]
    contents = [first]
    for page in pages[1:]:
        content = dict(first, pk=page.pk)
        for field in fields:
            value = getattr(page, field.attname)
            if value is not shared[field.attname] and value != shared[field.attname]:
                content[field.name] = get_field_value(field, page)
        for name in m2m_names:
            content[name] = [child.pk for child in getattr(page, name).all()]
        contents.append(content)
    return contents


def _insert_pages(pages):
    """Insert the Page part of each page, then the CandidatePage part, which Django cannot bulk-create."""
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    created = Page.objects.bulk_create([Page(**{f.attname: getattr(page, f.attname) for f in base_fields})
                                        for page in pages])
    for page, base in zip(pages, created, strict=True):
        page.pk = page.id = page.page_ptr_id = base.pk
        page._state.adding = False
    own_fields = CandidatePage._meta.local_concrete_fields
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(CandidatePage._meta.db_table),
        ", ".join(quote(f.column) for f in own_fields),
        ", ".join(["%s"] * len(own_fields)),
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, _prepared_values(pages, own_fields))


def _prepared_values(pages, fields):
    """Each page's ``fields`` as the database takes them; a value equal to the first page's (a default, an empty
    StreamField, which Wagtail dumps to JSON through a new field each time) is prepared once."""
    shared = [getattr(pages[0], field.attname) for field in fields]
    shared_prepared = [field.get_db_prep_save(value, connection) for field, value in zip(fields, shared, strict=True)]
    rows = []
    for page in pages:
        row = []
        for field, first, prepared in zip(fields, shared, shared_prepared, strict=True):
            value = getattr(page, field.attname)
            row.append(prepared if value is first or value == first else field.get_db_prep_save(value, connection))
        rows.append(row)
    return rows


def _insert_relations(pages):
    for name in ("sectors", "contract_types"):
        field = CandidatePage._meta.get_field(name)
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        through.objects.bulk_create([
            through(**{source: page.pk, target: related.pk}) for page in pages for related in getattr(page, name).all()
        ])


@transaction.atomic
def delete_public_renditions(*, candidate):
    """Delete every rendition of the photos of a candidate's story (the current one and those of its revisions),
    rows and files, the 1200x630 share image among them. Returns how many. The originals stay, private; staff
    choose again whether to show a photo, and a new consent makes new renditions when a page asks for them."""
    page = CandidatePage.objects.filter(candidate=candidate).first()
    if page is None:
        return 0
    photo_ids = {page.photo_id} | {
        revision.content.get("photo") for revision in page.revisions.only("content")
    }
    renditions = CustomRendition.objects.filter(image_id__in=photo_ids - {None})
    # One by one, so that Wagtail's handlers delete each file and purge the rendition cache.
    count = 0
    for rendition in renditions:
        rendition.delete()
        count += 1
    return count


def unpublish_story(*, candidate, user=None):
    """Take a candidate's story off the public site at once, and stop any review of it under way.

    Called through the hook ``AFTER_CONSENT_WITHDRAWN`` when the candidate withdraws their consent to publication:
    the withdrawal must win over everything, so no permission check stands in the way, a scheduled
    publication is dropped, and a workflow in progress is cancelled so that a late approval cannot put the
    story back online. Returns the page, or None when the candidate has no story page.
    """
    page = CandidatePage.objects.select_for_update().filter(candidate=candidate).first()
    if page is None:
        return None
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        workflow_state.cancel(user=user)
    if page.live:
        UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
    page.revisions.filter(approved_go_live_at__isnull=False).update(approved_go_live_at=None)
    return page
