"""The public site: home, the list of stories, each candidate's story and plain content pages.

Private data stays on cohorts.Candidate; a story page holds only what the public may read, so that
nothing private ever lands in a page revision or in the API.
"""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cohorts.enums import CandidateStatus

from .blocks import BodyBlock
from .images import CustomImage, CustomRendition  # noqa: F401
from .settings import ProgrammeSettings  # noqa: F401


class HomePage(Page):
    """The front door: a hero, the latest published stories, then blocks staff compose."""

    hero_title = models.CharField(_("hero title"), max_length=150)
    hero_text = models.TextField(_("hero text"), blank=True, max_length=500)
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, verbose_name=_("hero image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    stories_heading = models.CharField(_("stories heading"), max_length=150, default="Ils et elles cherchent un emploi")
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("hero_image"),
        FieldPanel("stories_heading"),
        FieldPanel("body"),
    ]
    api_fields = [APIField("hero_title"), APIField("hero_text"), APIField("stories_heading"), APIField("body")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = CandidatePage.objects.published_stories().order_by("-last_published_at")[:6]
        context["story_index"] = CandidateIndexPage.objects.live().first()
        return context


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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = CandidatePage.objects.published_stories().child_of(self).order_by("-last_published_at")
        return context


STORY_CARD_RENDITIONS = ("fill-480x480-c80|format-webp", "fill-480x480-c80")


class CandidatePageQuerySet(PageQuerySet):
    def published_stories(self):
        """Live, unrestricted stories of candidates still looking, with card photos in two queries."""
        return (
            self.live()
            .public()
            .filter(candidate__status=CandidateStatus.IN_PROGRAMME)
            .prefetch_related(
                Prefetch("photo", queryset=CustomImage.objects.prefetch_renditions(*STORY_CARD_RENDITIONS))
            )
        )


class CandidatePage(Page):
    """A candidate's public story: a short, human CV that the public shares."""

    candidate = models.OneToOneField(
        "cohorts.Candidate", verbose_name=_("candidate"), on_delete=models.PROTECT, related_name="story_page"
    )
    catchphrase = models.CharField(
        _("what I can bring"), max_length=200, blank=True,
        help_text=_("One sentence in the candidate's words, e.g. « Je ne lâche rien, et je suis toujours à l'heure. »"),
    )
    story = RichTextField(_("story"), blank=True, features=["bold", "italic", "link"])
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, verbose_name=_("photo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("candidate"),
        FieldPanel("catchphrase"),
        FieldPanel("story"),
        FieldPanel("photo"),
    ]
    search_fields = Page.search_fields + [index.SearchField("catchphrase"), index.SearchField("story")]
    api_fields = [APIField("catchphrase"), APIField("story"), APIField("photo")]

    objects = PageManager.from_queryset(CandidatePageQuerySet)()

    parent_page_types = ["pages.CandidateIndexPage"]
    subpage_types = []
    template = "pages/candidate_page.html"

    class Meta:
        verbose_name = _("story page")
        verbose_name_plural = _("story pages")


class ContentPage(Page):
    """A plain page staff write: "about", "for companies", "become a coach"."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]
    template = "pages/content_page.html"

    class Meta:
        verbose_name = _("content page")
