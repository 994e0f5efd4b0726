"""The headless API (Wagtail API v2 at /api/v2/): published stories with their public fields, and nothing private.

Stories are served by their own endpoint, "stories", which starts from CandidatePage.objects.published_stories()
and serves only CandidatePage.api_fields. The generic "pages" endpoint leaves story pages out altogether, and the
"images" endpoint leaves candidates' photos out: a photo reaches the public only as a rendition, in a story,
while the candidate consents to showing it.
"""

from django.db.models import BooleanField, Case, Prefetch, Value, When
from django.http import Http404
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cohorts.enums import CandidateStatus
from pages.api.filters import (
    StoryAPIFilterSet,
    StoryFilterBackend,
    StoryOrderingBackend,
    strict_backends,
)
from pages.api.serializers import STORY_PHOTO_RENDITIONS
from pages.cache import CONTENT_TAGS, IMAGES_TAG, OFFERS_TAG, STORIES_TAG, mark_cacheable
from pages.converters import parse_row_id
from pages.models import CandidatePage
from snippets.models import Offer


class RowIdLookupMixin:
    """Ids read from the address are row ids: ``/<id>/`` beyond the database's integers is not found (404), and
    ``find/?id=`` anything but a row id is a 400. Wagtail handed any value to the database (a server error)."""

    def get_object(self):
        if parse_row_id(self.kwargs.get(self.lookup_url_kwarg or self.lookup_field)) is None:
            raise Http404("not found")
        return super().get_object()

    def find_object(self, queryset, request):
        if "id" in request.GET and parse_row_id(request.GET["id"]) is None:
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)


class CachedAnswerMixin:
    """The endpoint's answers are public: cached whole for anonymous callers, under the tags of what they show."""

    cache_tags = ()

    def finalize_response(self, request, response, *args, **kwargs):
        mark_cacheable(request._request, *self.cache_tags)
        return super().finalize_response(request, response, *args, **kwargs)


class StoriesAPIViewSet(CachedAnswerMixin, RowIdLookupMixin, PagesAPIViewSet):
    """Published, consented stories, filtered as the public list is; the one endpoint that serves candidates."""

    name = "stories"
    model = CandidatePage
    cache_tags = (STORIES_TAG,)
    filter_backends = [StoryFilterBackend, StoryOrderingBackend]
    known_query_parameters = frozenset(
        ["limit", "offset", "fields", "order", "rich_text_format", "_", "format", *StoryAPIFilterSet.base_filters]
    )
    body_fields = ["id", "title"]
    meta_fields = ["type", "detail_url", "html_url", "slug", "first_published_at", "search_description"]
    listing_default_fields = [
        "id", "type", "detail_url", "html_url", "slug", "first_published_at",
        "title", "catchphrase", "photo", "sectors", "wished_jobs", "contract_types", "cities",
        "availability", "availability_label", "available_from", "found_job",
    ]
    nested_default_fields = ["id", "type", "detail_url", "title"]
    detail_only_fields = []

    @classmethod
    def get_detail_default_fields(cls, model):
        return cls.get_available_fields(model)

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.listing_default_fields[:]

    def get_queryset(self):
        # published_stories() reads view restrictions at once: build it once per request, hand out clones.
        if not hasattr(self, "_stories"):
            self._stories = self._build_queryset()
        return self._stories.all()

    def _build_queryset(self):
        return (
            CandidatePage.objects.published_stories()
            .prefetch_related(None)
            .annotate(
                found_job=Case(
                    When(candidate__status=CandidateStatus.HIRED, then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            )
            .prefetch_related(
                Prefetch(
                    "photo",
                    queryset=get_image_model().objects.prefetch_renditions(*STORY_PHOTO_RENDITIONS.values()),
                ),
                "sectors",
                "contract_types",
                "cities",
            )
            .order_by("-last_published_at", "-pk")
        )

    def get_base_queryset(self):
        return self.get_queryset()

    def check_query_parameters(self, queryset):
        """Only the listed operations and filters: no filtering on arbitrary columns (``?photo=``)."""
        unknown_parameters = set(self.request.GET) - self.known_query_parameters
        if unknown_parameters:
            names = ", ".join(sorted(unknown_parameters))
            raise BadRequestError(f"query parameter is not an operation or a recognised filter: {names}")

    def resolve_rich_text_format(self):
        """The story comes as display HTML unless the client asks for another format."""
        if "rich_text_format" not in self.request.GET:
            return "html"
        return super().resolve_rich_text_format()


class PublicPagesAPIViewSet(CachedAnswerMixin, RowIdLookupMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint without story pages: those are served, filtered by consent, under "stories"."""

    cache_tags = CONTENT_TAGS

    filter_backends = strict_backends(PagesAPIViewSet.filter_backends)

    def get_base_queryset(self):
        return super().get_base_queryset().not_type(CandidatePage)


class PublicImagesAPIViewSet(CachedAnswerMixin, RowIdLookupMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint without candidates' photos, whose original file a story never shows."""

    cache_tags = (IMAGES_TAG, STORIES_TAG)

    filter_backends = strict_backends(ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        candidate_photos = CandidatePage.objects.filter(photo__isnull=False).values("photo_id")
        return super().get_queryset().exclude(pk__in=candidate_photos)


class OffersAPIViewSet(CachedAnswerMixin, RowIdLookupMixin, BaseAPIViewSet):
    """Validated, unexpired offers open to everyone (never the private ones), with their public fields only.

    Filter on a field's id, e.g. ``?city=3&sector=2&contract_type=1``; ``?search=`` looks in titles.
    """

    name = "offers"
    model = Offer
    cache_tags = (OFFERS_TAG,)
    filter_backends = strict_backends([FieldsFilter, OrderingFilter, SearchFilter])
    body_fields = ["id"]
    meta_fields = ["type", "detail_url"]
    listing_default_fields = [
        "id", "type", "detail_url", "title", "company", "contract_type", "part_time", "city", "sector",
        "start_date", "published_on", "expires_on",
    ]
    nested_default_fields = ["id", "type", "detail_url", "title"]

    @classmethod
    def get_detail_default_fields(cls, model):
        return cls.get_available_fields(model)

    def get_queryset(self):
        return (
            Offer.objects.public()
            .select_related("company", "contract_type", "city", "sector")
            .order_by("-published_on", "-pk")
        )


api_router = WagtailAPIRouter("wagtailapi")
# The router links an object to the first endpoint whose model it subclasses: "stories" goes before "pages"
# so that a story's detail_url points to /api/v2/stories/<id>/.
api_router.register_endpoint("stories", StoriesAPIViewSet)
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("offers", OffersAPIViewSet)
