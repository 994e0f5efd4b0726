"""The public list of stories: filtered, searched and in a fair order that paging never breaks."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import ExpressionWrapper, Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from cohorts.enums import CandidateStatus
from pages.filters import StoryFilterSet, list_query_string
from pages.models.stories import CandidatePage
from pages.ordering import ORDER_PARAM, fair_order, order_window, window_seed


class CandidateIndexPage(Page):
    """The public list of stories."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]

    subpage_types = ["pages.CandidatePage"]
    max_count = 1
    template = "pages/candidate_index_page.html"

    class Meta:
        verbose_name = _("story list")

    STORIES_PER_PAGE = 9
    SUGGESTIONS = 3

    def route(self, request, path_components):
        """A story is found by its slug, with its photo, in one query; Wagtail's own walk fetches it twice."""
        if not path_components:
            return super().route(request, path_components)
        slug, *remaining = path_components
        story = CandidatePage.objects.child_of(self).select_related("photo").filter(slug=slug).first()
        if story is None:
            raise Http404
        # treebeard keeps a node's parent here: the story's "all the stories" link then needs no query.
        story._cached_parent_obj = self
        return story.route(request, remaining)

    def get_context(self, request, *args, **kwargs):
        """The filtered stories, in the fair order of the moment, 9 per page; suggestions when filters find none.

        The number of queries does not depend on the number of stories: one count, one page of rows, and the
        photos of that page with their renditions.
        """
        context = super().get_context(request, *args, **kwargs)
        stories = CandidatePage.objects.published_stories().child_of(self).annotate(
            found_job=ExpressionWrapper(Q(candidate__status=CandidateStatus.HIRED), output_field=models.BooleanField())
        )
        filterset = StoryFilterSet(request.GET, queryset=stories, request=request)
        window = order_window(request)
        paginator = Paginator(fair_order(filterset.qs, seed=window_seed(window)), self.STORIES_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        active = filterset.active_filters()
        filters = [
            {"label": label, "remove_url": request.path + list_query_string(request.GET, remove=name)}
            for name, label in active
        ]
        # Paging goes on in the order the list was in when the visitor arrived.
        in_order = request.GET.copy()
        in_order[ORDER_PARAM] = window
        suggestions = []
        if not paginator.count and filters:
            suggestions = stories.looking_for_work().order_by("-last_published_at")[: self.SUGGESTIONS]
        context.update(
            filter=filterset,
            stories=page_obj.object_list,
            page_obj=page_obj,
            paginator=paginator,
            active_filters=filters,
            is_filtered=bool(filters),
            more_filters_count=sum(1 for name, _label in active if name != "q"),
            suggestions=suggestions,
            next_page_url=(
                request.path + list_query_string(in_order, page=page_obj.next_page_number())
                if page_obj.has_next()
                else ""
            ),
            previous_page_url=(
                request.path + list_query_string(in_order, page=page_obj.previous_page_number())
                if page_obj.has_previous()
                else ""
            ),
        )
        return context
