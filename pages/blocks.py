"""StreamField blocks that staff compose the home page and content pages from."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from cohorts.gdpr.register import register_entries


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False, max_length=400)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or address"), required=False)
    button_label = blocks.CharBlock(label=_("button label"), max_length=60)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "components/blocks/call_to_action.html"


class FigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("figure"), max_length=20, help_text=_("e.g. « 72 % »"))
    label = blocks.CharBlock(label=_("what it counts"), max_length=120)


class FiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    figures = blocks.ListBlock(FigureBlock(), label=_("figures"), max_num=4)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "components/blocks/figures.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"), max_length=500)
    author = blocks.CharBlock(label=_("author"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/blocks/quote.html"


class RegisterBlock(blocks.StaticBlock):
    """The register of processing (cohorts/gdpr/register.py), with the retention periods saved today.

    Nothing to fill in: staff place it on the « données personnelles » page, and it follows the settings.
    """

    class Meta:
        icon = "list-ul"
        label = _("Register of processing")
        admin_text = _("The register of processing, as written in the code, with today's retention periods.")
        template = "components/blocks/register.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["entries"] = register_entries()
        return context


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120, form_classname="title",
                               template="components/blocks/heading.html")
    paragraph = blocks.RichTextBlock(
        label=_("paragraph"), features=["bold", "italic", "link", "ol", "ul"],
        template="components/blocks/paragraph.html",
    )
    image = ImageBlock(label=_("image"), template="components/blocks/image.html")
    quote = QuoteBlock()
    figures = FiguresBlock()
    call_to_action = CallToActionBlock()
    register = RegisterBlock()


class ExperienceBlock(blocks.StructBlock):
    """One experience of any kind: informal ones (volunteering, family care) count as much as jobs."""

    KINDS = [
        ("job", _("Job")),
        ("volunteering", _("Volunteering")),
        ("odd_jobs", _("Odd jobs")),
        ("family_care", _("Family care")),
        ("training", _("Training")),
    ]
    kind = blocks.ChoiceBlock(label=_("kind"), choices=KINDS, default="job")
    title = blocks.CharBlock(label=_("what I did"), max_length=120, help_text=_("e.g. « Commis de cuisine »"))
    place = blocks.CharBlock(label=_("where"), max_length=120, required=False)
    period = blocks.CharBlock(label=_("when"), max_length=60, required=False, help_text=_("e.g. « 2019-2021 »"))
    description = blocks.TextBlock(label=_("what I learnt"), max_length=400, required=False)
    tags = blocks.ListBlock(blocks.CharBlock(max_length=40), label=_("tags"), max_num=5, required=False)

    class Meta:
        icon = "pick"
        label = _("Experience")


class TestimonialBlock(blocks.StructBlock):
    """Someone who can vouch for the candidate."""

    RELATIONS = [
        ("former_employer", _("Former employer")),
        ("social_worker", _("Social worker")),
        ("coach", _("Coach")),
        ("trainer", _("Trainer")),
        ("volunteer", _("Fellow volunteer")),
        ("other", _("Other")),
    ]
    quote = blocks.TextBlock(label=_("quote"), max_length=400)
    author = blocks.CharBlock(
        label=_("author"), max_length=120, help_text=_("First name and role, e.g. « Julie, cheffe de cuisine »")
    )
    relation = blocks.ChoiceBlock(label=_("relation"), choices=RELATIONS)

    class Meta:
        icon = "openquote"
        label = _("Testimonial")
