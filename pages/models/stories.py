"""The stories: the public list and each candidate's story page.

Private data stays on cohorts.Candidate; a story page holds only what the public may read, so that
nothing private ever lands in a page revision or in the API.
"""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, Workflow, WorkflowPage
from wagtail.query import PageQuerySet
from wagtail.search import index

from cohorts.enums import CandidateStatus, ConsentPurpose
from cohorts.models import Candidate, ConsentRecord
from pages.api.serializers import (
    BlockValuesField,
    ChoiceLabelField,
    FoundJobField,
    PublicPhotoField,
    RelatedValuesField,
)
from pages.blocks import ExperienceBlock, TestimonialBlock
from pages.cache import STORIES_TAG, candidate_tag, mark_cacheable, story_tag
from pages.enums import Availability
from pages.models.images import CustomImage
from pages.models.workflows import CandidateApprovalTask
from pages.sanitise import sanitise_rich_text

STORY_CARD_RENDITIONS = ("fill-480x480-c80|format-webp", "fill-480x480-c80")


def current_consent(purpose):
    """An SQL test: the story's candidate holds a current consent for ``purpose``."""
    return Exists(
        ConsentRecord.objects.current().filter(candidate_id=OuterRef("candidate_id"), purpose=purpose)
    )


class CandidatePageQuerySet(PageQuerySet):
    def published_stories(self):
        """Stories the public may read: live, consented, of candidates still looking or kept visible after a job.

        Each row says whether its photo may be shown (``photo_consented``), and card photos come in two queries.
        """
        return (
            self.live()
            .public()
            .filter(current_consent(ConsentPurpose.PUBLISH_STORY))
            .filter(
                Q(candidate__status=CandidateStatus.IN_PROGRAMME)
                | Q(candidate__status=CandidateStatus.HIRED, keep_visible_after_exit=True)
            )
            .annotate(photo_consented=current_consent(ConsentPurpose.SHOW_PHOTO))
            .prefetch_related(
                Prefetch("photo", queryset=CustomImage.objects.prefetch_renditions(*STORY_CARD_RENDITIONS))
            )
        )

    def looking_for_work(self):
        return self.filter(candidate__status=CandidateStatus.IN_PROGRAMME)


class CandidatePageForm(WagtailAdminPageForm):
    """Refuses to publish, in the editor, a story whose candidate has not consented (the model refuses too)."""

    def clean(self):
        cleaned_data = super().clean()
        candidate = cleaned_data.get("candidate")
        if "action-publish" in self.data and candidate and not candidate.has_consent(ConsentPurpose.PUBLISH_STORY):
            raise ValidationError(CandidatePage.NO_CONSENT_MESSAGE)
        return cleaned_data


class CandidatePage(Page):
    """A candidate's public story: a short, human CV that the public shares.

    Only what the public may read lives here; the private record is ``candidate``. The title is always the
    first name and the initial of the last name.
    """

    NO_CONSENT_MESSAGE = _(
        "This story cannot be published: the candidate has not given (or has withdrawn) their consent to "
        "publication. Record their consent on the candidate's page first."
    )
    STORY_FEATURES = ["bold", "italic", "link"]

    candidate = models.OneToOneField(
        "cohorts.Candidate", verbose_name=_("candidate"), on_delete=models.PROTECT, related_name="story_page"
    )
    catchphrase = models.CharField(
        _("what I can bring"), max_length=200, blank=True,
        help_text=_("One sentence in the candidate's words, e.g. « Je ne lâche rien, et je suis toujours à l'heure. »"),
    )
    story = RichTextField(_("story"), blank=True, max_length=1500, features=STORY_FEATURES)
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, verbose_name=_("photo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Shown only while the candidate consents to it."),
    )
    skills = StreamField(
        [("skill", blocks.CharBlock(label=_("skill"), max_length=80))], verbose_name=_("skills"), blank=True,
        max_num=6,
    )
    strengths = StreamField(
        [("strength", blocks.CharBlock(label=_("strength"), max_length=80))], verbose_name=_("strengths"),
        blank=True, max_num=6,
    )
    sectors = ParentalManyToManyField("snippets.Sector", verbose_name=_("wished job families"), blank=True,
                                      related_name="story_pages")
    wished_jobs = models.CharField(_("wished jobs"), max_length=255, blank=True,
                                   help_text=_("e.g. « Commis de cuisine, plongeur »"))
    contract_types = ParentalManyToManyField("snippets.ContractType", verbose_name=_("contract types"), blank=True,
                                             related_name="story_pages")
    cities = ParentalManyToManyField("snippets.City", verbose_name=_("where I can work"), blank=True,
                                     related_name="story_pages")
    availability = models.CharField(_("availability"), max_length=20, choices=Availability.choices,
                                    default=Availability.IMMEDIATE)
    available_from = models.DateField(_("available from"), null=True, blank=True)
    languages = models.CharField(_("languages"), max_length=200, blank=True,
                                 help_text=_("e.g. « Français, arabe, anglais (notions) »"))
    driving_licence = models.BooleanField(_("driving licence"), default=False)
    transport = models.CharField(_("getting to work"), max_length=200, blank=True,
                                 help_text=_("e.g. « Transports en commun, vélo »"))
    experiences = StreamField([("experience", ExperienceBlock())], verbose_name=_("experiences"), blank=True)
    testimonials = StreamField([("testimonial", TestimonialBlock())], verbose_name=_("testimonials"), blank=True,
                               max_num=3)
    keep_visible_after_exit = models.BooleanField(
        _("keep the story reachable after a job"), default=False,
        help_text=_("When the candidate is hired, show their story with a « found a job » message; otherwise "
                    "its address shows a short good-news page."),
    )

    content_panels = [
        FieldPanel("candidate"),
        MultiFieldPanel(
            [FieldPanel("catchphrase"), FieldPanel("story"), FieldPanel("photo")], heading=_("The story")
        ),
        MultiFieldPanel([FieldPanel("skills"), FieldPanel("strengths")], heading=_("Skills and strengths")),
        MultiFieldPanel(
            [
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("wished_jobs"),
                FieldPanel("contract_types", widget=forms.CheckboxSelectMultiple),
                FieldPanel("cities", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("availability"), FieldPanel("available_from")]),
            ],
            heading=_("What I am looking for"),
        ),
        MultiFieldPanel(
            [FieldPanel("languages"), FieldRowPanel([FieldPanel("driving_licence"), FieldPanel("transport")])],
            heading=_("Languages and mobility"),
        ),
        FieldPanel("experiences"),
        FieldPanel("testimonials"),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("keep_visible_after_exit")]
    promote_panels = [FieldPanel("slug"), FieldPanel("search_description")]
    search_fields = Page.search_fields + [index.SearchField("catchphrase"), index.SearchField("story")]
    # Public fields only, served by the "stories" endpoint (pages/api.py): never ``candidate``, and the photo only
    # through ``public_photo`` (null without consent).
    api_fields = [
        APIField("catchphrase"),
        APIField("story"),
        APIField("photo", serializer=PublicPhotoField()),
        APIField("skills", serializer=BlockValuesField()),
        APIField("strengths", serializer=BlockValuesField()),
        APIField("sectors", serializer=RelatedValuesField("label", "slug")),
        APIField("wished_jobs"),
        APIField("contract_types", serializer=RelatedValuesField("label", "slug")),
        APIField("cities", serializer=RelatedValuesField("id", "name", "department")),
        APIField("availability"),
        APIField("availability_label", serializer=ChoiceLabelField("availability")),
        APIField("available_from"),
        APIField("languages"),
        APIField("driving_licence"),
        APIField("transport"),
        APIField("experiences", serializer=BlockValuesField(labels={"kind": ExperienceBlock.KINDS})),
        APIField("testimonials", serializer=BlockValuesField(labels={"relation": TestimonialBlock.RELATIONS})),
        APIField("found_job", serializer=FoundJobField()),
    ]

    objects = PageManager.from_queryset(CandidatePageQuerySet)()
    base_form_class = CandidatePageForm

    parent_page_types = ["pages.CandidateIndexPage"]
    subpage_types = []
    template = "pages/candidate_page.html"

    class Meta:
        verbose_name = _("story page")
        verbose_name_plural = _("story pages")

    def full_clean(self, *args, **kwargs):
        # The title is derived, never typed: it can never hold the last name.
        if self.candidate_id:
            self.title = self.draft_title = self.candidate.public_name
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        self.story = sanitise_rich_text(self.story, self.STORY_FEATURES)
        # Publication runs full_clean through Page.save: this is the one gate every publish path goes through.
        if self.live and self.candidate_id and not self.candidate.has_consent(ConsentPurpose.PUBLISH_STORY):
            raise ValidationError(self.NO_CONSENT_MESSAGE)

    def get_workflow(self):
        """Stories go through the workflow that holds the candidate's approval step ("Relecture du récit").

        A workflow staff assign to the story list (or to the story) wins; Wagtail's default one on the root
        page does not, since a story must never be published without the candidate's approval.
        """
        assigned = (
            WorkflowPage.objects.filter(
                page__in=self.get_ancestors(inclusive=True).filter(depth__gt=1), workflow__active=True
            )
            .select_related("workflow")
            .order_by("-page__depth")
            .first()
        )
        if assigned:
            return assigned.workflow
        story_workflow = Workflow.objects.filter(
            active=True, workflow_tasks__task__content_type=ContentType.objects.get_for_model(CandidateApprovalTask)
        ).first()
        return story_workflow or super().get_workflow()

    EXIT_TEMPLATE = "pages/story_exit.html"
    OTHER_STORIES = 3

    def serve(self, request, *args, **kwargs):
        """The story; a good-news page once the candidate is hired (unless kept visible), a neutral one once gone.

        Withdrawing consent unpublishes the page; should one still be live without consent, it is a 404 all the
        same. The candidate's status and consents come in one query; the photo and sharing consents are kept on the
        page for ``public_photo`` and the share buttons.
        """
        consents = ConsentRecord.objects.current().filter(candidate=OuterRef("pk"))
        state = (
            Candidate.objects.filter(pk=self.candidate_id)
            .annotate(
                publish_consented=Exists(consents.filter(purpose=ConsentPurpose.PUBLISH_STORY)),
                photo_consented=Exists(consents.filter(purpose=ConsentPurpose.SHOW_PHOTO)),
                sharing_consented=Exists(consents.filter(purpose=ConsentPurpose.SOCIAL_SHARING)),
            )
            .values("status", "publish_consented", "photo_consented", "sharing_consented")
            .first()
        )
        if state is None or not state["publish_consented"]:
            raise Http404
        self.photo_consented = state["photo_consented"]
        self.sharing_consented = state["sharing_consented"]  # read by the share buttons (pages.sharing)
        self.candidate_status = state["status"]
        shown = (story_tag(self.pk), candidate_tag(self.candidate_id))
        if state["status"] == CandidateStatus.LEFT or (
            state["status"] == CandidateStatus.HIRED and not self.keep_visible_after_exit
        ):
            request.is_preview = False
            mark_cacheable(request, STORIES_TAG, *shown)
            return TemplateResponse(request, self.EXIT_TEMPLATE, self.get_exit_context(request, state["status"]))
        # The view is counted by the middleware, on every visit, cached or not (pages/middleware.py).
        mark_cacheable(request, *shown, count_view=self.pk if self.live else None)
        return super().serve(request, *args, **kwargs)

    def get_exit_context(self, request, status):
        """What the page of a story no longer online shows: never the story, only a way to the other ones."""
        index = self.get_parent().specific
        others = (
            CandidatePage.objects.published_stories().child_of(index).looking_for_work().exclude(pk=self.pk)
            .order_by("-last_published_at")[: self.OTHER_STORIES]
        )
        return {
            "page": self,
            "self": self,
            "request": request,
            "found_job": status == CandidateStatus.HIRED,
            "story_index": index,
            "other_stories": others,
        }

    def get_context(self, request, *args, **kwargs):
        """The public fields, ready to show: many-to-many lists fetched once each, choice labels resolved.

        The number of queries does not depend on how many experiences, testimonials, sectors, contract types or
        cities the story has. Works on unsaved pages too (previews, the candidate's approval link).
        """
        context = super().get_context(request, *args, **kwargs)
        status = getattr(self, "candidate_status", None) or self.candidate.status
        kinds = dict(ExperienceBlock.KINDS)
        relations = dict(TestimonialBlock.RELATIONS)
        context.update(
            found_job=status == CandidateStatus.HIRED,
            photo=self.public_photo,
            sectors=list(self.sectors.all()),
            contract_types=list(self.contract_types.all()),
            cities=list(self.cities.all()),
            skills=[block.value for block in self.skills],
            strengths=[block.value for block in self.strengths],
            availability_label=self._availability_label(),
            experiences=[
                {**block.value, "kind_label": kinds.get(block.value["kind"], "")} for block in self.experiences
            ],
            testimonials=[
                {**block.value, "relation_label": relations.get(block.value["relation"], "")}
                for block in self.testimonials
            ],
        )
        return context

    def _availability_label(self):
        """When the candidate can start, in words; a start date that has passed means "now"."""
        if self.availability == Availability.FROM_DATE and self.available_from:
            if self.available_from <= timezone.localdate():
                return Availability.IMMEDIATE.label
            return _("From %(date)s") % {"date": date_format(self.available_from, "j F Y")}
        return self.get_availability_display()

    @property
    def public_photo(self):
        """The photo, only while the candidate consents to showing it."""
        if not self.photo_id:
            return None
        consented = getattr(self, "photo_consented", None)
        if consented is None:
            consented = self.candidate.has_consent(ConsentPurpose.SHOW_PHOTO)
        return self.photo if consented else None
