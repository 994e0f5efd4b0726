"""The companies' side of the public site: the list of open offers, each offer's page, and the offer form."""

from urllib.parse import urljoin

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils import timezone
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from pages.antispam import rate_limited
from pages.converters import parse_row_id
from pages.models.stories import CandidatePage
from pages.offer_filters import OfferFilterSet, offer_list_query
from pages.offer_forms import OfferSubmissionForm
from pages.social import DEFAULT_SOCIAL_IMAGE, DEFAULT_SOCIAL_IMAGE_SIZE, DESCRIPTION_LENGTH
from snippets.enums import OfferStatus
from snippets.models import Offer
from snippets.models.inclusive import check_offer_texts
from snippets.models.settings import ProgrammeSettings
from snippets.services import submit_offer
from snippets.views import FIELD_LABELS


class OfferIndexPage(RoutablePageMixin, Page):
    """The public list of validated offers, with filters; each offer is served under it (``<id>-<slug>/``)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    empty_text = models.CharField(
        _("text when no offer matches"), max_length=255, blank=True,
        default="Aucune offre ne correspond à ces critères pour le moment.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("empty_text")]
    api_fields = [APIField("intro"), APIField("empty_text")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1
    template = "pages/offer_index_page.html"
    offer_template = "pages/offer_page.html"
    gone_template = "pages/offer_gone.html"

    OFFERS_PER_PAGE = 12

    class Meta:
        verbose_name = _("offer list")

    @path("")
    def index_route(self, request):
        """The public offers, newest first, 12 per page, narrowed by the filters in the address.

        The number of queries does not depend on the number of offers: one count, one page of rows with their
        company, city, contract and job family, and the filters' choices.
        """
        filterset = OfferFilterSet(request.GET, queryset=Offer.objects.public(), request=request)
        offers = filterset.qs.select_related("company", "city", "contract_type", "sector").order_by(
            "-published_on", "-pk"
        )
        paginator = Paginator(offers, self.OFFERS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        list_url = self.url
        for offer in page_obj.object_list:
            offer.public_url = self.offer_path(offer, list_url=list_url)
        active = filterset.active_filters()

        def page_url(number):
            return request.path + offer_list_query(request.GET, page=number)

        return self.render(request, context_overrides={
            "filter": filterset,
            "offers": page_obj.object_list,
            "page_obj": page_obj,
            "paginator": paginator,
            "active_filters": [
                {"label": label, "remove_url": request.path + offer_list_query(request.GET, remove=name)}
                for name, label in active
            ],
            "is_filtered": bool(active),
            "next_page_url": page_url(page_obj.next_page_number()) if page_obj.has_next() else "",
            "previous_page_url": page_url(page_obj.previous_page_number()) if page_obj.has_previous() else "",
            "offer_form": OfferFormPage.objects.live().first(),
            "today": timezone.localdate(),
        })

    @path("<int:offer_id>/", name="offer_short")
    def offer_short_route(self, request, offer_id):
        """A short address (``<id>/``), for a printed flyer or a text message: sends on to the full one."""
        return redirect(self.offer_path(self._offer_or_404(offer_id)), permanent=True)

    @path("<int:offer_id>-<slug:slug>/", name="offer")
    def offer_route(self, request, offer_id, slug):
        """One offer: private or never validated ones do not exist here (404); one no longer online says so (410).

        Never the recruiter's contact details: candidates and coaches go through the programme's team.
        """
        offer = self._offer_or_404(offer_id)
        context = {**super().get_context(request), "offer": offer, "list_url": self.url}
        if not offer.is_public:
            context["filled"] = offer.status == OfferStatus.FILLED
            return TemplateResponse(request, self.gone_template, context, status=410)
        if slug != offer_slug(offer):
            return redirect(self.offer_path(offer), permanent=True)
        context.update(
            social=self._social_meta(request, offer),
            contact_email=ProgrammeSettings.for_request(request).contact_email,
            today=timezone.localdate(),
        )
        return TemplateResponse(request, self.offer_template, context)

    def offer_path(self, offer, *, list_url=None):
        """The offer's address under this list; pass ``list_url`` (``self.url``) when building many of them."""
        subpath = self.reverse_subpage("offer", kwargs={"offer_id": offer.pk, "slug": offer_slug(offer)})
        return (list_url or self.url) + subpath

    def _offer_or_404(self, offer_id):
        offer = (
            Offer.objects.select_related("company__logo", "city", "contract_type", "sector")
            .filter(pk=offer_id, target_candidate__isnull=True)
            .first()
        )
        # An offer staff never validated was never public: it does not exist for visitors.
        if offer is None or (offer.published_on is None and not offer.is_public):
            raise Http404
        return offer

    def _social_meta(self, request, offer):
        """The Open Graph and Twitter card values (components/social_meta.html): public fields only."""
        programme = ProgrammeSettings.for_request(request)
        url = urljoin(self.get_full_url(request), self.offer_path(offer))
        width, height = DEFAULT_SOCIAL_IMAGE_SIZE
        description = " ".join(offer.description.split())
        return {
            "title": f"{offer.title} · {offer.company.name}",
            "description": Truncator(description).chars(DESCRIPTION_LENGTH) or programme.tagline,
            "url": url,
            "site_name": programme.programme_name,
            "image": {
                "url": urljoin(url, static(DEFAULT_SOCIAL_IMAGE)),
                "width": width,
                "height": height,
                "alt": programme.tagline or programme.programme_name,
                "type": "image/png",
            },
        }


def offer_slug(offer):
    """The words of the offer's title in its address (accents dropped), for people and search engines."""
    return slugify(offer.title)[:80].strip("-") or "offre"


def offer_url(offer):
    """The public address (path) of an offer's page, or "" when the site has no offer list online."""
    index = OfferIndexPage.objects.live().first()
    return index.offer_path(offer) if index else ""


class OfferFormPage(Page):
    """The public "Proposer une offre" form: recruiters need no account; staff validate every offer."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thanks_title = models.CharField(_("thank-you title"), max_length=150, default="Merci, votre offre est bien arrivée")
    thanks_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link"],
        default="<p>Notre équipe la relit et vous répond sous quelques jours. Vous avez reçu un accusé de "
        "réception par e-mail.</p>",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thanks_title"), FieldPanel("thanks_text")]
    api_fields = [APIField("intro"), APIField("thanks_title"), APIField("thanks_text")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1
    template = "pages/offer_form_page.html"
    thanks_template = "pages/offer_form_thanks.html"

    TARGET_PARAMETER = "pour"
    THANKS_PARAMETER = "merci"
    CHECK_ACTION = "check"

    class Meta:
        verbose_name = _("offer form")

    def target_story(self, request):
        """The published story an offer is aimed at (``?pour=<story id>``), or None for an offer to everyone."""
        value = request.POST.get(self.TARGET_PARAMETER) or request.GET.get(self.TARGET_PARAMETER)
        if not value:
            return None
        page_id = parse_row_id(value)
        if page_id is None:
            raise Http404
        try:
            return CandidatePage.objects.published_stories().select_related("candidate__cohort__city").get(pk=page_id)
        except CandidatePage.DoesNotExist:
            raise Http404 from None

    def serve(self, request, *args, **kwargs):
        return _serve_offer_form(request, page=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["offer_index"] = OfferIndexPage.objects.live().first()
        return context


def _findings(data):
    """The inclusive-offer tips for the posted texts, named as the live check names them."""
    texts = {str(label): data.get(name, "") for name, label in FIELD_LABELS.items()}
    return check_offer_texts(texts, driving_licence_required=bool(data.get("driving_licence_required")))


def _initial_from(data, form_class):
    """Posted values as a fresh form's initial data: the "check my text" button shows tips, not errors."""
    return {name: data.getlist(name) if isinstance(field, forms.ModelMultipleChoiceField) else data.get(name)
            for name, field in form_class.base_fields.items() if name in data}


@rate_limited(scope=OfferSubmissionForm.antispam_scope)
def _serve_offer_form(request, *, page):
    story = page.target_story(request)
    target_name = story.title if story else ""
    context = page.get_context(request)
    context.update(story=story, target_parameter=page.TARGET_PARAMETER, findings=[], checked=False)
    if request.method == "POST":
        if OfferSubmissionForm(request.POST).caught_in_honeypot:
            return redirect(f"{page.url}?{page.THANKS_PARAMETER}=1")
        if request.POST.get("action") == page.CHECK_ACTION:
            initial = _initial_from(request.POST, OfferSubmissionForm)
            form = OfferSubmissionForm(initial=initial, target_name=target_name)
            context.update(form=form, findings=_findings(request.POST), checked=True)
            return TemplateResponse(request, page.template, context)
        form = OfferSubmissionForm(request.POST, target_name=target_name)
        if form.is_valid():
            submit_offer(data=form.cleaned_data, target_candidate=story.candidate if story else None)
            return redirect(f"{page.url}?{page.THANKS_PARAMETER}=1")
        context.update(form=form, findings=_findings(request.POST))
        return TemplateResponse(request, page.template, context)
    if page.THANKS_PARAMETER in request.GET:
        return TemplateResponse(request, page.thanks_template, context)
    context["form"] = OfferSubmissionForm(target_name=target_name)
    return TemplateResponse(request, page.template, context)
