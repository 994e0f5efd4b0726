"""The front door and the plain pages staff write."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pages.blocks import BodyBlock
from pages.models.stories import CandidatePage
from pages.models.story_list import CandidateIndexPage


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
